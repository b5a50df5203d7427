// swift-tools-version: 6.1
import PackageDescription

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
        .target(
            name: "CanCu",
            dependencies: [
                "CICU",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            plugins: ["EmbedDictionaries"]
        ),
        .executableTarget(
            name: "cancu",
            dependencies: [
                "CanCu",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "CanCuTests",
            dependencies: [
                "CanCu",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
    ]
)
