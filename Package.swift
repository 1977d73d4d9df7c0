// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "workforce",
    products: [
        .executable(name: "workforce", targets: ["workforce"]),
        .executable(name: "workforce-bench", targets: ["workforce-bench"]),
        .library(name: "WorkforceKit", targets: ["WorkforceKit"]),
    ],
    targets: [
        // The system SQLite library (Debian: libsqlite3-dev). Only Storage/ imports it.
        .systemLibrary(
            name: "CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        // All behaviour: storage, CSV and JSON, the framework model and its loaders, output.
        .target(
            name: "WorkforceKit",
            dependencies: ["CSQLite"]
        ),
        // Command-line parsing and the commands; the executable only calls `WorkforceCLI.main`.
        .target(
            name: "WorkforceCLI",
            dependencies: ["WorkforceKit"],
            plugins: ["GitRevision"]
        ),
        // Writes the git revision the tool is built from, for `workforce --version`.
        .plugin(
            name: "GitRevision",
            capability: .buildTool()
        ),
        .executableTarget(
            name: "workforce",
            dependencies: ["WorkforceCLI"]
        ),
        // Speed and memory figures for the README (run in release: swift run -c release workforce-bench).
        .executableTarget(
            name: "workforce-bench",
            dependencies: ["WorkforceKit"]
        ),
        .testTarget(
            name: "WorkforceKitTests",
            dependencies: ["WorkforceKit"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "WorkforceCLITests",
            dependencies: ["WorkforceCLI", "WorkforceKit", "workforce"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
