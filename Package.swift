// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "simrun",
    products: [
        .executable(name: "simrun", targets: ["simrun"]),
        .library(name: "SimEngine", targets: ["SimEngine"]),
        .library(name: "SimModels", targets: ["SimModels"]),
        .library(name: "Scenarios", targets: ["Scenarios"]),
    ],
    targets: [
        .target(
            name: "SimEngine",
            // The event loop is single-threaded by design; dynamic exclusivity checks on its
            // class-held arrays cost about a third of its time in release builds.
            swiftSettings: [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))]
        ),
        .target(name: "SimModels", dependencies: ["SimEngine"]),
        .target(name: "Scenarios", dependencies: ["SimEngine", "SimModels"]),
        .executableTarget(name: "simrun", dependencies: ["Scenarios", "SimModels", "SimEngine"]),
        .testTarget(name: "SimEngineTests", dependencies: ["SimEngine"]),
        .testTarget(name: "SimModelsTests", dependencies: ["SimModels", "SimEngine"]),
        .testTarget(name: "ScenariosTests", dependencies: ["Scenarios", "SimModels", "SimEngine"], exclude: ["Fixtures", "LoaderFixtures", "Golden"]),
        .testTarget(name: "simrunTests", dependencies: ["simrun"]),
    ],
    swiftLanguageModes: [.v6]
)
