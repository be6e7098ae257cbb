// swift-tools-version:6.0
import PackageDescription

/// A simulated world lives on one thread (DESIGN.md), so release builds skip the dynamic
/// exclusivity checks on class-held state: in the event loop they cost about a third of its
/// time, in the models and observers about a seventh. Debug builds, and so the tests, keep them.
let simulatedWorld: [SwiftSetting] = [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))]

let package = Package(
    name: "simrun",
    products: [
        .executable(name: "simrun", targets: ["simrun"]),
        .library(name: "SimEngine", targets: ["SimEngine"]),
        .library(name: "SimModels", targets: ["SimModels"]),
        .library(name: "Scenarios", targets: ["Scenarios"]),
    ],
    targets: [
        .target(name: "SimEngine", swiftSettings: simulatedWorld),
        .target(name: "SimModels", dependencies: ["SimEngine"], swiftSettings: simulatedWorld),
        .target(name: "Scenarios", dependencies: ["SimEngine", "SimModels"], swiftSettings: simulatedWorld),
        .executableTarget(
            name: "simrun", dependencies: ["Scenarios", "SimModels", "SimEngine"],
            // Release builds link the Swift runtime statically: every retain and release is then
            // a direct call instead of one through the dynamic linker's table (`check --seeds`
            // runs about 10% faster), and the binary runs on a machine without the toolchain.
            swiftSettings: [.unsafeFlags(["-static-stdlib"], .when(configuration: .release))],
            linkerSettings: [.unsafeFlags(["-static-stdlib"], .when(configuration: .release))]
        ),
        .testTarget(name: "SimEngineTests", dependencies: ["SimEngine"]),
        .testTarget(name: "SimModelsTests", dependencies: ["SimModels", "SimEngine"]),
        .testTarget(name: "ScenariosTests", dependencies: ["Scenarios", "SimModels", "SimEngine"], exclude: ["Fixtures", "LoaderFixtures", "Golden", "Reproducers"]),
        .testTarget(name: "simrunTests", dependencies: ["simrun"]),
    ],
    swiftLanguageModes: [.v6]
)
