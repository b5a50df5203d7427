// swift-tools-version: 6.1
import PackageDescription

// The pipeline's stages are modules, so that the direction of the data is a compile-time fact:
//
//   CanCuModel → CanCuText → CanCuLexicon → CanCuInput → CanCuExtract → CanCuReview → CanCuIndex
//     → CanCuGraph → CanCuViews → cancu
//
// `CanCu` re-exports what a Swift program needs (analyse a document, open an index, query, review,
// export); everything else is `package` API shared by the stages and the command line only.
// Benchmarks and generators live in CanCuBenchmarks, outside the library product.
let package = Package(
    name: "CanCu",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "CanCu", targets: ["CanCu"]),
        .executable(name: "cancu", targets: ["cancu"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.19"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.5.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.6.0"),
    ],
    targets: [
        // The only place that includes the system ICU headers (Debian: libicu-dev).
        .target(
            name: "CICU",
            linkerSettings: [
                .linkedLibrary("icui18n"), .linkedLibrary("icuuc"), .linkedLibrary("icudata"),
            ]
        ),
        // Turns dictionaries/*.tsv into string literals compiled into the library.
        .executableTarget(name: "cancu-embed", path: "Sources/cancu-embed"),
        .plugin(
            name: "EmbedDictionaries",
            capability: .buildTool(),
            dependencies: ["cancu-embed"]
        ),
        // The values the pipeline passes along: DocumentFacts, Citation, Relation, LegalDate, …
        .target(name: "CanCuModel"),
        // ICU bridge, normalisation with its offset map, folding, collation, tokens.
        .target(name: "CanCuText", dependencies: ["CanCuModel", "CICU"]),
        // dictionaries/ loaded into one immutable value; the registry, names, successions.
        .target(name: "CanCuLexicon", dependencies: ["CanCuText"], plugins: ["EmbedDictionaries"]),
        // fork/exec of a helper in its own process group that dies with its parent (prctl).
        .target(name: "CSpawn"),
        // zlib's raw inflate and CRC-32, for the entries of a .docx (system zlib, zlib1g-dev).
        .target(name: "CInflate", linkerSettings: [.linkedLibrary("z")]),
        // Bytes → text: encodings and formats (txt, HTML, Word, PDF).
        .target(name: "CanCuInput", dependencies: ["CanCuLexicon", "CSpawn", "CInflate"]),
        // The pipeline: header, find (citations, dates, targets), resolve, structure, procedures.
        .target(name: "CanCuExtract", dependencies: ["CanCuInput"]),
        // Outdated-reference rules over the registry and learned facts.
        .target(name: "CanCuReview", dependencies: ["CanCuExtract"]),
        // The persistent SQLite index (GRDB): schema, incremental indexing, queries.
        .target(
            name: "CanCuIndex",
            dependencies: ["CanCuReview", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        // The citation graph and its exporters.
        .target(name: "CanCuGraph", dependencies: ["CanCuIndex"]),
        // The JSON contract and the text views for people.
        .target(name: "CanCuViews", dependencies: ["CanCuGraph"]),
        // The public library: re-exports the API.
        .target(name: "CanCu", dependencies: ["CanCuViews"]),
        // The local web app and HTTP API (`cancu serve`, Hummingbird 2): pages and JSON over a
        // read-only index.
        .target(
            name: "CanCuServe",
            dependencies: [
                "CanCu", .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            resources: [.copy("Resources/openapi.yaml")]
        ),
        // Generators and benchmarks (not part of the library product).
        .target(name: "CanCuBenchmarks", dependencies: ["CanCuGraph"]),
        .executableTarget(
            name: "cancu",
            dependencies: [
                "CanCu", "CanCuBenchmarks", "CanCuServe",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
            ]
        ),
        .testTarget(
            name: "CanCuTests",
            dependencies: [
                "CanCu", "CanCuBenchmarks", "CanCuServe",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
    ]
)
