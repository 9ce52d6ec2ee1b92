// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "pm",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "pm", targets: ["pm"]),
        .library(name: "PostmortemKit", targets: ["PostmortemKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
    ],
    targets: [
        // libcmark-gfm: GitHub's maintained fork of the CommonMark reference parser, with the
        // GFM extensions (tables, task lists, strikethrough, autolinks) that postmortems use.
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [
                .apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"]),
                .brew(["cmark-gfm"]),
            ]
        ),
        .target(
            name: "PostmortemKit",
            dependencies: [
                "CCmarkGFM",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            resources: [.copy("Resources")]
        ),
        .executableTarget(
            name: "pm",
            dependencies: [
                "PostmortemKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // libFuzzer target over bytes → findings, budget and report; without -DFUZZING it
        // replays saved inputs (see `make fuzz`).
        .executableTarget(
            name: "pm-fuzz",
            dependencies: ["PostmortemKit"],
            path: "Fuzz/PMFuzz"
        ),
        .testTarget(
            name: "PostmortemKitTests",
            dependencies: ["PostmortemKit"],
            resources: [.copy("Fixtures")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
