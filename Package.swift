// swift-tools-version:6.0
import PackageDescription

// The commit a release is built from: `.ci/release-archive` sets CASEBOOK_COMMIT. Only the one C file of
// CBuildStamp depends on it, so a new commit recompiles that file, not the package.
let buildCommit = Context.environment["CASEBOOK_COMMIT"] ?? ""

let package = Package(
    name: "Casebook",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "casebook", targets: ["casebook"]),
        .library(name: "CasebookKit", targets: ["CasebookKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
    ],
    targets: [
        // cmark, the CommonMark reference library, from Debian's libcmark-dev.
        .systemLibrary(
            name: "CCmark",
            path: "Sources/CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        // libvips, from Debian's libvips-dev: reads pictures' sizes and writes their resized copies.
        // Its C API is mostly variadic, so shim.h wraps the few calls Casebook makes.
        .systemLibrary(
            name: "CVips",
            path: "Sources/CVips",
            pkgConfig: "vips",
            providers: [.apt(["libvips-dev"])]
        ),
        // One C function: swapping two folders atomically (renameat2 RENAME_EXCHANGE), for the output swap.
        .target(name: "CFileSwap", path: "Sources/CFileSwap"),
        // One C function: the git commit a release was built from (set by .ci/release-archive).
        .target(name: "CBuildStamp", path: "Sources/CBuildStamp",
                cSettings: buildCommit.isEmpty ? [] : [.define("CASEBOOK_COMMIT", to: "\"\(buildCommit)\"")]),
        // The whole pipeline: load → validate → render → write.
        .target(
            name: "CasebookKit",
            dependencies: [
                "CCmark",
                "CVips",
                "CFileSwap",
                "CBuildStamp",
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        // `casebook serve`: the preview server (Hummingbird), file watcher and live reload.
        // Kept apart so the generator itself, the fuzzer and the benchmarks do not link a server.
        .target(
            name: "CasebookServe",
            dependencies: [
                "CasebookKit",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // `casebook check --external-links`: asks the web whether the cited addresses answer (Foundation's
        // URLSession). Kept apart so the generator itself never opens a connection.
        .target(name: "CasebookLinks", dependencies: ["CasebookKit"]),
        // The thin command-line front end.
        .executableTarget(
            name: "casebook",
            dependencies: [
                "CasebookKit",
                "CasebookLinks",
                "CasebookServe",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // swift-mustache is linked by the tests only: the reference the compiled templates must match.
        .testTarget(
            name: "CasebookKitTests",
            dependencies: ["CasebookKit", "CasebookLinks", "CasebookServe", .product(name: "Mustache", package: "swift-mustache"),
                           // A web server for the external-link check's tests.
                           .product(name: "Hummingbird", package: "hummingbird"), .product(name: "Logging", package: "swift-log")]
        ),
    ]
)
