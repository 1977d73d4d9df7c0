import Foundation
import WorkforceKit

/// Times import plus `awareness` on a million responses: raked on four margins (district, sex,
/// age, urban), strata district x urban and clusters from enumeration_area, every indicator by
/// every breakdown, each in a child process (wall time and peak memory).
enum AwarenessBenchmark {
    static func run(rows: Int, directory: String?) throws {
        let folder = URL(fileURLWithPath: directory ?? NSTemporaryDirectory()).appendingPathComponent("workforce-bench-aw-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { if directory == nil { try? FileManager.default.removeItem(at: folder) } }
        let database = folder.appendingPathComponent("bench.sqlite").path
        let file = folder.appendingPathComponent("awareness.csv")
        let instrument = try ImportBenchmark.prepare(database: database)
        var generator = AwarenessFileGenerator(instrument: instrument)
        _ = try generator.write(rows: rows, to: file)
        print("rows: \(rows) rows")

        let imported = try Spawn.measure(CommandLine.arguments[0], ["_import", database, file.path])
        guard imported.status == 0, imported.output.contains("imported: \(rows)") else { throw BenchError("the import failed:\n\(imported.output)") }
        print("import_seconds: \(String(format: "%.2f", imported.seconds)) s")
        let margins = try BundledData.home().appendingPathComponent("Surveys/margins/belize-adults-2022.csv").path
        let analysis = try Spawn.measure(CommandLine.arguments[0], ["_awareness", database, margins])
        guard analysis.status == 0 else { throw BenchError("awareness failed:\n\(analysis.output)") }
        print(analysis.output.split(separator: "\n").filter { $0.hasPrefix("awareness_") }.joined(separator: "\n"))
        print("awareness_seconds: \(String(format: "%.2f", analysis.seconds)) s")
        print("awareness_peak_memory: \(String(format: "%.1f", Double(analysis.maxRSSKiB) / 1024)) MiB")
        print("import_plus_awareness_seconds: \(String(format: "%.2f", imported.seconds + analysis.seconds)) s")
        print("peak_memory_of_either: \(String(format: "%.1f", Double(max(imported.maxRSSKiB, analysis.maxRSSKiB)) / 1024)) MiB")
    }

    /// The measured child: every indicator by every breakdown, raked to `margins`, with the
    /// design's variance.
    static func child(database: String, margins: String) throws {
        let store = try WorkforceStore(path: database, create: false)
        let request = AwarenessRequest(
            breakdowns: AwarenessBreakdown.allCases, margins: try PopulationMargins(url: URL(fileURLWithPath: margins)),
            strata: [.district, .urban], cluster: "enumeration_area")
        let (table, weighting, _) = try AwarenessAnalysis.run(store, request)
        print("awareness_rows: \(table.rows.count)")
        print("awareness_raking: \(weighting.first?.description ?? "")")
        print("awareness_design: \(table.notes.first { $0.hasPrefix("Design") } ?? "")")
    }
}
