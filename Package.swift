// swift-tools-version:6.2
//
// onboard: automated customer onboarding for Acronis Cyber Protect Cloud.
//
// Targets:
//   OnboardCore   (Sources/Core)         the library: DC API client, request scheduler, (later) engine, store, spool, RPC
//   DCSimulator   (Sources/DCSimulator)  an in-memory Acronis DC (Account Management API v2) for tests and the demo
//   onboard-dcsim (Sources/onboard-dcsim) the simulator's executable
//   OnboardDaemon (Sources/Daemon)       the daemon's services: config, control methods, spool intake, systemd
//   onboardd / onboardctl                the daemon and its control CLI
//   CSystemd / CSQLite                   system libraries found by pkg-config
import PackageDescription

let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "onboard",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "OnboardCore", targets: ["OnboardCore"]),
        .executable(name: "onboardd", targets: ["onboardd"]),
        .executable(name: "onboardctl", targets: ["onboardctl"]),
        .executable(name: "onboard-dcsim", targets: ["onboard-dcsim"]),
        .executable(name: "onboard-bench", targets: ["onboard-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CSystemd",
            path: "Sources/CSystemd",
            pkgConfig: "libsystemd",
            providers: [.apt(["libsystemd-dev"])]
        ),
        .systemLibrary(
            name: "CSQLite",
            path: "Sources/CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        .target(
            name: "CPeerCred",
            path: "Sources/CPeerCred"
        ),
        .target(
            name: "OnboardSystemd",
            dependencies: [
                "CSystemd",
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Sources/Systemd",
            swiftSettings: strictSettings
        ),
        .target(
            name: "OnboardCore",
            dependencies: [
                "CPeerCred",
                "CSQLite",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOFoundationCompat", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            path: "Sources/Core",
            swiftSettings: strictSettings
        ),
        .target(
            name: "DCSimulator",
            dependencies: [
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOFoundationCompat", package: "swift-nio"),
            ],
            path: "Sources/DCSimulator",
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "onboard-dcsim",
            dependencies: [
                "DCSimulator",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Sources/onboard-dcsim",
            swiftSettings: strictSettings
        ),
        .target(
            name: "OnboardDaemon",
            dependencies: [
                "OnboardCore",
                "OnboardSystemd",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ],
            path: "Sources/Daemon",
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "onboardd",
            dependencies: [
                "OnboardCore",
                "OnboardDaemon",
                "OnboardSystemd",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            path: "Sources/onboardd",
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "onboardctl",
            dependencies: [
                "OnboardCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Sources/onboardctl",
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "onboard-bench",
            dependencies: [
                "OnboardCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOFoundationCompat", package: "swift-nio"),
            ],
            path: "Sources/onboard-bench",
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "OnboardCoreTests",
            dependencies: ["OnboardCore"],
            path: "Tests/OnboardCoreTests",
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "OnboardCtlTests",
            dependencies: [
                "onboardctl",
                "OnboardCore",
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Tests/OnboardCtlTests",
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "DaemonTests",
            dependencies: [
                "OnboardDaemon",
                "OnboardCore",
                "OnboardSystemd",
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Tests/DaemonTests",
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "SystemdTests",
            dependencies: [
                "OnboardSystemd",
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Tests/SystemdTests",
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "DCSimulatorTests",
            dependencies: [
                "DCSimulator",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            path: "Tests/DCSimulatorTests",
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "IntegrationTests",
            dependencies: [
                "OnboardCore",
                "DCSimulator",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOFoundationCompat", package: "swift-nio"),
            ],
            path: "Tests/IntegrationTests",
            swiftSettings: strictSettings
        ),
    ]
)
