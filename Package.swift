// swift-tools-version: 6.2
import PackageDescription

let package = Package(
    name: "Liftoff",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "liftoff", targets: ["liftoff"]),
        .library(name: "LiftoffCore", targets: ["LiftoffCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CMarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        .target(name: "CLiftoffSystem"),
        .target(
            name: "LiftoffCore",
            dependencies: [
                "CMarkGFM",
                "CLiftoffSystem",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        .executableTarget(
            name: "liftoff",
            dependencies: [
                "LiftoffCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "liftoff-fuzz",
            dependencies: ["LiftoffCore"]
        ),
        .testTarget(
            name: "LiftoffCoreTests",
            dependencies: ["LiftoffCore"],
            exclude: ["Fixtures"]
        ),
    ]
)
