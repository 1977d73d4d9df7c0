import Foundation
import WorkforceKit

/// Times `workforce import` of a generated awareness file against the sqlite3 shell's plain
/// `.import` of the same file, and measures the importer's peak memory.
enum ImportBenchmark {
    static func run(rows: Int, directory: String?) throws {
        let folder = URL(fileURLWithPath: directory ?? NSTemporaryDirectory()).appendingPathComponent("workforce-bench-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { if directory == nil { try? FileManager.default.removeItem(at: folder) } }
        let database = folder.appendingPathComponent("bench.sqlite").path
        let file = folder.appendingPathComponent("awareness.csv")

        let instrument = try prepare(database: database)

        var generator = AwarenessFileGenerator(instrument: instrument)
        let size = try generator.write(rows: rows, to: file)
        print("rows: \(rows) rows")
        print("columns: \(AwarenessFileGenerator.columnCount(instrument)) columns")
        print("file_size: \(String(format: "%.1f", Double(size) / 1_000_000)) MB")

        let ours = try Spawn.measure(CommandLine.arguments[0], ["_import", database, file.path])
        guard ours.status == 0 else { throw BenchError("the import failed:\n\(ours.output)") }
        guard ours.output.contains("imported: \(rows)") else { throw BenchError("the import did not import every row:\n\(ours.output)") }
        print("import_seconds: \(String(format: "%.2f", ours.seconds)) s")
        print("import_rows_per_second: \(Int(roundingChecked: Double(rows) / ours.seconds) ?? 0) rows/s")
        print("import_peak_memory: \(String(format: "%.1f", Double(ours.maxRSSKiB) / 1024)) MiB")

        let shellDB = folder.appendingPathComponent("shell.sqlite").path
        guard let sqlite3 = Spawn.which("sqlite3") else {
            print("sqlite3_import_seconds: unavailable (install the sqlite3 shell)")
            return
        }
        let shell = try Spawn.measure(sqlite3, ["-cmd", ".mode csv", shellDB, ".import \(file.path) t"])
        guard shell.status == 0 else { throw BenchError("sqlite3 .import failed:\n\(shell.output)") }
        print("sqlite3_import_seconds: \(String(format: "%.2f", shell.seconds)) s")
        print("import_vs_sqlite3_import: \(String(format: "%.2f", ours.seconds / shell.seconds))")

        // The clean data file against the sqlite3 shell writing the stored rows as CSV.
        let exported = folder.appendingPathComponent("export.csv").path
        let export = try Spawn.measure(CommandLine.arguments[0], ["_export", database], outputFile: exported)
        guard export.status == 0 else { throw BenchError("the export failed") }
        let exportedSize = (try? FileManager.default.attributesOfItem(atPath: exported)[.size] as? Int) ?? 0
        print("export_seconds: \(String(format: "%.2f", export.seconds)) s")
        print("export_size: \(String(format: "%.1f", Double(exportedSize) / 1_000_000)) MB")
        print("export_peak_memory: \(String(format: "%.1f", Double(export.maxRSSKiB) / 1024)) MiB")
        let dump = try Spawn.measure(
            sqlite3, ["-csv", "-header", database, "SELECT * FROM response"], outputFile: folder.appendingPathComponent("dump.csv").path)
        guard dump.status == 0 else { throw BenchError("sqlite3 -csv failed") }
        print("sqlite3_select_csv_seconds: \(String(format: "%.2f", dump.seconds)) s")
        print("export_vs_sqlite3_select_csv: \(String(format: "%.2f", export.seconds / dump.seconds))")
    }

    /// The measured export child: writes `workforce responses awareness --format csv` to standard output.
    static func exportChild(database: String) throws {
        let store = try WorkforceStore(path: database, create: false)
        let reader = try ResponseReader(store: store, kind: .awareness)
        try ResponseExport().write(reader, as: .csv, bytes: { FileHandle.standardOutput.write(Data($0)) })
    }

    /// A database with NICE 2017 and the awareness baseline instrument; returns the instrument.
    static func prepare(database: String) throws -> Instrument {
        let store = try WorkforceStore(path: database, create: true)
        let home = try BundledData.home()
        try store.saveFramework(try FrameworkCSVLoader.load(folder: home.appendingPathComponent("Frameworks/nice-2017")))
        let bank = try ItemBank(folder: home.appendingPathComponent("Surveys/banks"))
        let instrument = try InstrumentBuilder.build(
            bank: bank, request: SurveyRequest(kind: .awareness), framework: "nice-2017", roles: [])
        try store.recordInstrument(instrument, codebook: Codebook.json(instrument))
        return instrument
    }

    static func child(database: String, file: String) throws {
        let store = try WorkforceStore(path: database, create: false, busyTimeout: 600_000)
        let summary = try ResponseImporter.run(
            store: store, url: URL(fileURLWithPath: file), name: file, options: ImportOptions(kind: .awareness))
        print("read: \(summary.rowsRead)")
        print("imported: \(summary.imported)")
        print("duplicates: \(summary.duplicates)")
        print("quarantined: \(summary.quarantined)")
    }
}

struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
