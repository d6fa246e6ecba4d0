// swift-tools-version:6.1
// In-process benchmarks of Casebook's stages, with ordo-one/benchmark:
//   cd Benchmarks && swift package benchmark
// Kept in a package of its own so the main build stays lean. Whole-process comparisons with Hugo
// and the floor are in scripts/compare.sh.
import Foundation
import PackageDescription

// A path dependency's identity is its folder's name: the repository may be cloned under any name.
let casebook = URL(fileURLWithPath: Context.packageDirectory).deletingLastPathComponent().lastPathComponent.lowercased()

let package = Package(
    name: "CasebookBenchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark.git", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "CasebookBenchmarks",
            dependencies: [
                .product(name: "CasebookKit", package: casebook),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/CasebookBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        // Plain wall-clock timing of the `casebook serve` rebuild (scripts/rebuild.sh).
        .executableTarget(
            name: "rebuild-timing",
            dependencies: [.product(name: "CasebookKit", package: casebook)],
            path: "Timing/RebuildTiming"
        ),
    ]
)
