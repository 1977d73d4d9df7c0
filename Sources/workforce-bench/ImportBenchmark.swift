import Foundation
import WorkforceKit

/// Times `workforce import` of a generated awareness file against the sqlite3 shell's plain
/// `.import` of the same file, and the clean data file against the shell's `SELECT *` as CSV:
/// `runs` alternating runs of each (a fresh copy of the prepared database for every import),
/// with medians and ranges of wall and CPU time, the run-by-run ratios, peak memory, and the
/// load average before and after (the figures mean little when it is above the core count).
enum ImportBenchmark {
    static func run(rows: Int, runs: Int, directory: String?, kobo: Bool = false) throws {
        let folder = URL(fileURLWithPath: directory ?? NSTemporaryDirectory()).appendingPathComponent("workforce-bench-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { if directory == nil { try? FileManager.default.removeItem(at: folder) } }
        let template = folder.appendingPathComponent("template.sqlite").path
        let database = folder.appendingPathComponent("bench.sqlite").path
        let file = folder.appendingPathComponent("awareness.csv")

        let instrument = try prepare(database: template)

        var generator = AwarenessFileGenerator(instrument: instrument, kobo: kobo)
        let size = try generator.write(rows: rows, to: file)
        print("load_average_before: \(Spawn.loadAverage()) (1, 5, 15 minutes; \(ProcessInfo.processInfo.activeProcessorCount) cores)")
        print("rows: \(rows) rows")
        print("columns: \(generator.columnCount) columns")
        print("file_size: \(String(format: "%.1f", Double(size) / 1_000_000)) MB")
        print("runs: \(runs), alternating")

        let sqlite3 = Spawn.which("sqlite3")
        if sqlite3 == nil { print("sqlite3: unavailable (install the sqlite3 shell for the ratios)") }
        let shellDB = folder.appendingPathComponent("shell.sqlite").path
        var ours = Runs()
        var shell = Runs()
        for _ in 0..<runs {
            let result = try importOnce(template: template, database: database, file: file.path)
            guard result.output.contains("imported: \(rows)") else { throw BenchError("the import did not import every row:\n\(result.output)") }
            ours.add(result)
            if let sqlite3 {
                try? FileManager.default.removeItem(atPath: shellDB)
                let r = try Spawn.measure(sqlite3, ["-cmd", ".mode csv", shellDB, ".import \(file.path) t"])
                guard r.status == 0 else { throw BenchError("sqlite3 .import failed:\n\(r.output)") }
                shell.add(r)
            }
        }
        ours.print("import")
        print("import_rows_per_second: \(Int(roundingChecked: Double(rows) / Runs.median(ours.wall)) ?? 0) rows/s")
        print("import_cpu_microseconds_per_row: \(String(format: "%.2f", Runs.median(ours.cpu) * 1e6 / Double(max(rows, 1)))) us")
        guard let sqlite3 else { return }
        shell.print("sqlite3_import")
        ours.printRatios("import_vs_sqlite3_import", against: shell)

        // The clean data file against the sqlite3 shell writing the stored rows as CSV.
        let exported = folder.appendingPathComponent("export.csv").path
        let dumped = folder.appendingPathComponent("dump.csv").path
        var export = Runs()
        var dump = Runs()
        for _ in 0..<runs {
            let e = try Spawn.measure(CommandLine.arguments[0], ["_export", database], outputFile: exported)
            guard e.status == 0 else { throw BenchError("the export failed") }
            export.add(e)
            let d = try Spawn.measure(sqlite3, ["-csv", "-header", database, "SELECT * FROM response"], outputFile: dumped)
            guard d.status == 0 else { throw BenchError("sqlite3 -csv failed") }
            dump.add(d)
        }
        let exportedSize = (try? FileManager.default.attributesOfItem(atPath: exported)[.size] as? Int) ?? 0
        print("export_size: \(String(format: "%.1f", Double(exportedSize) / 1_000_000)) MB")
        export.print("export")
        dump.print("sqlite3_select_csv")
        export.printRatios("export_vs_sqlite3_select_csv", against: dump)
        print("load_average_after: \(Spawn.loadAverage())")
    }

    /// One measured `_import` child into a fresh copy of `template`.
    static func importOnce(template: String, database: String, file: String) throws -> Spawn.Result {
        try? FileManager.default.removeItem(atPath: database)
        try FileManager.default.copyItem(atPath: template, toPath: database)
        let result = try Spawn.measure(CommandLine.arguments[0], ["_import", database, file])
        guard result.status == 0 else { throw BenchError("the import of \(file) failed:\n\(result.output)") }
        return result
    }

    /// The measured export child: writes `workforce responses awareness --format csv` to standard output.
    static func exportChild(database: String) throws {
        let store = try WorkforceStore(path: database, create: false)
        let reader = try ResponseReader(store: store, kind: .awareness)
        // As `workforce responses` writes: each block straight to the descriptor with write(2),
        // 64 KiB at a time (`DescriptorOutput.pieceBytes`).
        try ResponseExport().write(reader, as: .csv, bytes: { bytes in
            bytes.withUnsafeBytes { buffer in
                var offset = 0
                while offset < buffer.count {
                    let n = Glibc.write(1, buffer.baseAddress! + offset, min(64 << 10, buffer.count - offset))
                    if n > 0 { offset += n } else if n < 0 && errno == EINTR { continue } else { fail("the export's output failed") }
                }
            }
        })
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
        if let peak = Spawn.ownPeakKiB() { print("\(Spawn.peakLabel) \(peak)") }
    }
}

struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
