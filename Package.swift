// swift-tools-version: 6.2
import PackageDescription

/// Tests compile fast rather than run fast: `make test` builds them against the release build.
let quickToCompile: [SwiftSetting] = [.unsafeFlags(["-Onone"], .when(configuration: .release))]

/// The pipeline's targets are compiled with cross-module optimization in release builds: without
/// it, small generic and hashing helpers of LiftoffModel are called, not inlined, from every stage.
let optimized: [SwiftSetting] = [.unsafeFlags(["-cross-module-optimization"], .when(configuration: .release))]

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
        // CompiledTemplates reads swift-mustache's parsed templates: 2.1.x only (`liftoff check` says when a theme falls back).
        .package(url: "https://github.com/hummingbird-project/swift-mustache", .upToNextMinor(from: "2.1.1")),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CMarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        .target(name: "CLiftoffSystem"),
        // libvips (Debian libvips-dev), opened on first use: see liftoff_vips.c.
        .target(name: "CLiftoffVips", linkerSettings: [.linkedLibrary("dl")]),
        // CLDR plural rules, locale dates and script direction (Debian libicu-dev), behind plain C
        // types; ICU is opened on first use (see liftoff_icu.c).
        .target(name: "CLiftoffICU", linkerSettings: [.linkedLibrary("dl")]),
        // The pipeline, one target a stage; each may use only targets listed before it.
        // The model: the site, its articles and pages, settings, diagnostics, files read beneath the site.
        .target(name: "LiftoffModel", dependencies: ["CLiftoffSystem", "CLiftoffICU"], swiftSettings: optimized),
        // Reading site.yml, front matter and the content tree (YAML).
        .target(name: "LiftoffSource", dependencies: ["LiftoffModel", .product(name: "Yams", package: "Yams")], swiftSettings: optimized),
        // Markdown to HTML blocks, through cmark-gfm only.
        .target(name: "LiftoffMarkdown", dependencies: ["LiftoffModel", "CMarkGFM"], swiftSettings: optimized),
        // Images and share cards, through libvips only.
        .target(name: "LiftoffMedia", dependencies: ["LiftoffModel", "CLiftoffVips"], swiftSettings: optimized),
        // Code blocks highlighted by Pygments.
        .target(name: "LiftoffHighlight", dependencies: ["LiftoffModel"], swiftSettings: optimized),
        // The search index and its tokenizer.
        .target(name: "LiftoffSearch", dependencies: ["LiftoffModel", "LiftoffMarkdown"], swiftSettings: optimized),
        // Templates, page contexts, components.
        .target(
            name: "LiftoffRender",
            dependencies: [
                "LiftoffModel", "LiftoffSource", "LiftoffMarkdown", "LiftoffMedia",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            swiftSettings: optimized
        ),
        // The build: its steps, the incremental state (cache, manifest, page keys) and the output.
        .target(
            name: "LiftoffCore",
            dependencies: [
                "LiftoffModel", "LiftoffSource", "LiftoffMarkdown", "LiftoffMedia", "LiftoffHighlight", "LiftoffSearch",
                "LiftoffRender", "CLiftoffSystem",
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: optimized
        ),
        .target(
            name: "LiftoffPreview",
            dependencies: [
                "LiftoffCore",
                "LiftoffModel",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "liftoff",
            dependencies: [
                "LiftoffCore",
                "LiftoffModel",
                "LiftoffPreview",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "liftoff-fuzz",
            dependencies: ["LiftoffRender", "LiftoffModel"]
        ),
        .testTarget(
            name: "LiftoffCoreTests",
            dependencies: [
                "LiftoffCore", "LiftoffModel", "LiftoffSource", "LiftoffMarkdown", "LiftoffMedia", "LiftoffHighlight",
                "LiftoffSearch", "LiftoffRender", .product(name: "Yams", package: "Yams"),
            ],
            exclude: ["Fixtures"],
            swiftSettings: quickToCompile
        ),
        .testTarget(
            name: "LiftoffPreviewTests",
            dependencies: [
                "LiftoffPreview",
                "LiftoffCore",
                "LiftoffModel",
                // No HummingbirdTesting: its HTTP client and TLS stack would double the tests' compile.
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: quickToCompile
        ),
    ]
)
