// swift-tools-version:6.1
import PackageDescription

let strictSettings: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
]

let package = Package(
    name: "Strata",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "strata", targets: ["strata"]),
        .library(name: "StrataEngine", targets: ["StrataEngine"]),
        .library(name: "StrataKit", targets: ["StrataKit"]),
        .library(name: "StrataCommands", targets: ["StrataCommands"]),
        .library(name: "StrataSession", targets: ["StrataSession"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // SHA-256 of the data files a session reads (BoringSSL's hashing runs at memory speed).
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    ],
    targets: [
        // Pure computation: tables, CSV, algorithms. No terminal I/O.
        .target(name: "StrataEngine",
                dependencies: [.product(name: "Crypto", package: "swift-crypto"), "CSnappy", "CZstd", "CZlib", "CLz4"],
                swiftSettings: strictSettings),
        // Parquet's page codecs (Snappy, ZSTD, GZIP, LZ4), from the system's libraries (installed by .ci/ensure-deps).
        .systemLibrary(name: "CSnappy", path: "Sources/CSnappy", providers: [.apt(["libsnappy-dev"])]),
        .systemLibrary(name: "CZstd", path: "Sources/CZstd", providers: [.apt(["libzstd-dev"])]),
        .systemLibrary(name: "CZlib", path: "Sources/CZlib", providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "CLz4", path: "Sources/CLz4", providers: [.apt(["liblz4-dev"])]),
        // The command kit: the API commands are written against (CommandSpec, typed options,
        // ParsedCommand, CommandContext, CommandOutput, Workspace and its objects), the lexer, the
        // expression language, the slot matcher that parses and completes, and the renderer.
        .target(name: "StrataKit", dependencies: ["StrataEngine"], swiftSettings: strictSettings),
        // The built-in commands, on the kit: data, transform, charts, segmentation, clustering,
        // recommenders, experiments; each family's kinds table.
        .target(name: "StrataCommands", dependencies: ["StrataKit"], swiftSettings: strictSettings),
        // The session, on both: cells, the interpreter, replay, check, journal, notebooks, and the
        // commands about the session (run, history, save session, recover, quit).
        .target(name: "StrataSession", dependencies: ["StrataCommands"], swiftSettings: strictSettings),
        // libedit, reached through a module map; C globals and variadic calls go through inline shims.
        .systemLibrary(name: "CLibEdit", path: "Sources/CLibEdit", providers: [.apt(["libedit-dev"])]),
        // The SIGINT flag and terminal restore: state that must exist exactly once, so it lives in C.
        .target(name: "CInterrupts"),
        .executableTarget(
            name: "strata",
            dependencies: [
                "StrataSession", "CLibEdit", "CInterrupts",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSettings
        ),
        // Writes the bundled datasets/ from a fixed seed.
        .executableTarget(name: "strata-datagen", dependencies: ["StrataEngine"], swiftSettings: strictSettings),
        // Strata's side of Benchmarks/load-and-group (a measurement, not a test).
        .executableTarget(name: "strata-bench", dependencies: ["StrataEngine"], path: "Benchmarks/strata-bench",
                          swiftSettings: strictSettings),
        .testTarget(name: "StrataEngineTests", dependencies: ["StrataEngine"], exclude: ["Fixtures"],
                    swiftSettings: strictSettings),
        .testTarget(name: "StrataLanguageTests", dependencies: ["StrataKit", "StrataCommands", "StrataSession"], exclude: ["Fixtures"],
                    swiftSettings: strictSettings),
        // The executable's own pieces: interrupt flag wiring, line continuation, progress line.
        .testTarget(name: "strataTests", dependencies: ["strata"], swiftSettings: strictSettings),
    ]
)
