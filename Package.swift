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
        // The layers, each seeing only those below it (docs/development.md has the map).
        // Formats: errors and locations, input files, CSV, JSON, XLSX, expressions, word tables.
        .target(name: "Formats"),
        // Pure statistics: no storage; of the formats only the checked number conversions.
        .target(name: "Statistics", dependencies: ["Formats"]),
        // The SQLite database: connection, statements, migrations, the store. Only it imports CSQLite.
        .target(name: "Storage", dependencies: ["CSQLite", "Formats"]),
        // The domain: framework, forms, import, responses, estimation, analyses, awareness, plan, microdata.
        .target(name: "Domain", dependencies: ["Formats", "Statistics", "Storage"]),
        // The top: readers' tables and labels, result formats, the report, the demo; re-exports the layers.
        .target(
            name: "WorkforceKit",
            dependencies: ["Domain", "Formats", "Statistics", "Storage"]
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
            dependencies: ["WorkforceKit", "Domain", "Formats", "Statistics", "Storage"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "WorkforceCLITests",
            dependencies: ["WorkforceCLI", "WorkforceKit", "Domain", "Formats", "Statistics", "Storage", "workforce"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
