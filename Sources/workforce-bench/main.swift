import Foundation
import WorkforceKit

// workforce-bench: speed and memory figures for docs/benchmarks.md, in release mode.
//
//   swift run -c release workforce-bench import [--rows N] [--runs N] [--kobo] [--dir DIR]  import and clean-data export vs sqlite3
//   swift run -c release workforce-bench xlsx [--rows N] [--runs N] [--kobo] [--dir DIR]    the same rows imported from .xlsx and CSV
//   (--kobo: the rows in KoboToolbox's own CSV layout, 74 columns, instead of the 36 of the plain one)
//   swift run -c release workforce-bench awareness [--rows N] [--dir DIR]   import plus awareness statistics
//   swift run -c release workforce-bench gaps [--employers N] [--offerings N] [--dir DIR]
//   swift run -c release workforce-bench hostile [--mb N] [--dir DIR]      peak memory of imports of huge cells
//   swift run -c release workforce-bench setup [--runs N] [--dir DIR]      framework load and questionnaire generation
//
// Each figure is printed as one `name: value unit` line.

let arguments = Array(CommandLine.arguments.dropFirst())

func option(_ name: String) -> String? {
    guard let i = arguments.firstIndex(of: name), i + 1 < arguments.count else { return nil }
    return arguments[i + 1]
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("workforce-bench: \(message)\n".utf8))
    exit(1)
}

do {
    switch arguments.first {
    case "import":
        try ImportBenchmark.run(
            rows: Int(option("--rows") ?? "") ?? 1_000_000, runs: Int(option("--runs") ?? "") ?? 3, directory: option("--dir"),
            kobo: arguments.contains("--kobo"))
    case "xlsx":
        try XLSXBenchmark.run(
            rows: Int(option("--rows") ?? "") ?? 100_000, runs: Int(option("--runs") ?? "") ?? 3, directory: option("--dir"), kobo: arguments.contains("--kobo"))
    case "_import":
        // The measured child: imports FILE into DB and prints the counts.
        guard arguments.count == 3 else { fail("usage: workforce-bench _import DB FILE") }
        try ImportBenchmark.child(database: arguments[1], file: arguments[2])
    case "awareness":
        try AwarenessBenchmark.run(rows: Int(option("--rows") ?? "") ?? 1_000_000, directory: option("--dir"))
    case "_awareness":
        guard arguments.count == 3 else { fail("usage: workforce-bench _awareness DB MARGINS") }
        try AwarenessBenchmark.child(database: arguments[1], margins: arguments[2])
    case "gaps":
        try GapsBenchmark.run(
            employers: Int(option("--employers") ?? "") ?? 5_000, offerings: Int(option("--offerings") ?? "") ?? 2_000, directory: option("--dir"))
    case "_gaps":
        guard arguments.count == 3 else { fail("usage: workforce-bench _gaps DB FRAME") }
        try GapsBenchmark.child(database: arguments[1], frame: arguments[2])
    case "hostile":
        try HostileBenchmark.run(megabytes: Int(option("--mb") ?? "") ?? 50, directory: option("--dir"))
    case "setup":
        try SetupBenchmark.run(runs: Int(option("--runs") ?? "") ?? 5, directory: option("--dir"))
    case "_export":
        guard arguments.count == 2 else { fail("usage: workforce-bench _export DB") }
        try ImportBenchmark.exportChild(database: arguments[1])
    default:
        print(
            "usage: workforce-bench import|xlsx [--rows N] [--runs N] [--kobo] [--dir DIR] | awareness [--rows N] [--dir DIR] | gaps [--employers N] [--offerings N] [--dir DIR]"
                + " | hostile [--mb N] [--dir DIR] | setup [--runs N] [--dir DIR]")
        exit(arguments.isEmpty ? 0 : 64)
    }
} catch {
    fail("\(error)")
}
