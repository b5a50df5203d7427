// swift-tools-version: 6.1
import PackageDescription

// libFuzzer targets for CanCu's readers, in a package of their own so that their build (scratch
// path Fuzz/.build) never touches the main package's `.build`. Run them with scripts/fuzz.sh (see
// the README, "Fuzzing"), which builds everything with AddressSanitizer and coverage
// instrumentation (`--sanitize address -Xswiftc -sanitize-coverage=edge,inline-8bit-counters,pc-table,trace-cmp`).
//
// Only these targets are linked with libFuzzer (`-sanitize=fuzzer` here, not `--sanitize fuzzer`
// for the whole build, which would also turn the main package's build tool cancu-embed into a
// fuzzer without a main). Each is one file whose `main` hands its test function to libFuzzer
// (`runFuzzer`, through LLVMFuzzerRunDriver). The readers are `package` API, so the targets use `@testable import` (built
// with -enable-testing).
let fuzzing: [SwiftSetting] = [.unsafeFlags(["-parse-as-library", "-sanitize=fuzzer,address"])]
let linking: [LinkerSetting] = [.unsafeFlags(["-sanitize=fuzzer,address", "-use-ld=lld"])]

let package = Package(
    name: "CanCuFuzz",
    platforms: [.macOS(.v15)],
    dependencies: [.package(name: "CanCu", path: "..")],
    targets: [.target(name: "FuzzSupport", path: "Targets/support")]
        + ["docx", "wordxml", "html", "markdown", "legacy", "procedures", "extract"].map { name in
        .executableTarget(
            name: "fuzz-\(name)",
            dependencies: ["FuzzSupport", .product(name: "CanCu", package: "CanCu")],
            path: "Targets/\(name)",
            swiftSettings: fuzzing,
            linkerSettings: linking
        )
    }
)
