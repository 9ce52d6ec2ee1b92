// swift-tools-version: 6.1
// In-process micro-benchmarks of pm's stages (ordo-one/benchmark), kept out of the main package
// so `make test` and CI neither fetch nor build the benchmark framework. Run with
// `make bench-micro` from the repository root.
import Foundation
import PackageDescription

// The repository root, two levels up. A path dependency is known by its directory's name,
// lowercased and without a `.git` suffix, whatever the clone is called.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..").standardized
let rootName = root.lastPathComponent.lowercased()
let rootIdentity = rootName.hasSuffix(".git") ? String(rootName.dropLast(4)) : rootName

let package = Package(
    name: "pm-micro-benchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(path: root.path),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "Stages",
            dependencies: [
                .product(name: "PostmortemKit", package: rootIdentity),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/Stages",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
