import Foundation
import WorkforceKit

/// The cost of Excel input against CSV: the same generated awareness rows written as a CSV file
/// and as an `.xlsx` (shared strings, deflated, as Excel and KoboToolbox write one), each
/// imported `runs` times in alternation into a fresh copy of the prepared database. Prints the
/// CPU and wall time per row of each, and the run-by-run ratios of the workbook to the CSV.
enum XLSXBenchmark {
    static func run(rows: Int, runs: Int, directory: String?, kobo: Bool = false) throws {
        let folder = URL(fileURLWithPath: directory ?? NSTemporaryDirectory()).appendingPathComponent("workforce-bench-xlsx-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { if directory == nil { try? FileManager.default.removeItem(at: folder) } }
        let template = folder.appendingPathComponent("template.sqlite").path
        let database = folder.appendingPathComponent("bench.sqlite").path
        let csv = folder.appendingPathComponent("awareness.csv")
        let xlsx = folder.appendingPathComponent("awareness.xlsx")

        let instrument = try ImportBenchmark.prepare(database: template)
        var generator = AwarenessFileGenerator(instrument: instrument, kobo: kobo)
        let csvSize = try generator.write(rows: rows, to: csv)
        // The same rows again: the generator is deterministic.
        var twin = AwarenessFileGenerator(instrument: instrument, kobo: kobo)
        var workbook = AwarenessWorkbookWriter()
        workbook.add(twin.header())
        twin.forEachRow(rows: rows) { workbook.add($0) }
        let xlsxSize = try workbook.finish(to: xlsx)

        print("load_average_before: \(Spawn.loadAverage()) (1, 5, 15 minutes; \(ProcessInfo.processInfo.activeProcessorCount) cores)")
        print("rows: \(rows) rows")
        print("columns: \(generator.columnCount) columns")
        print("csv_size: \(String(format: "%.1f", Double(csvSize) / 1_000_000)) MB")
        print("xlsx_size: \(String(format: "%.1f", Double(xlsxSize) / 1_000_000)) MB")
        print("runs: \(runs), alternating")

        var fromCSV = Runs()
        var fromXLSX = Runs()
        for _ in 0..<runs {
            for (file, runs) in [(csv, 0), (xlsx, 1)] {
                let result = try ImportBenchmark.importOnce(template: template, database: database, file: file.path)
                guard result.output.contains("imported: \(rows)") else {
                    throw BenchError("the import of \(file.lastPathComponent) did not import every row:\n\(result.output)")
                }
                if runs == 0 { fromCSV.add(result) } else { fromXLSX.add(result) }
            }
        }
        fromCSV.print("csv_import")
        fromXLSX.print("xlsx_import")
        let perRow = { (values: [Double]) in values.map { $0 * 1e6 / Double(max(rows, 1)) } }
        print("csv_import_cpu_per_row: \(Runs.summary(perRow(fromCSV.cpu))) us")
        print("xlsx_import_cpu_per_row: \(Runs.summary(perRow(fromXLSX.cpu))) us")
        fromXLSX.printRatios("xlsx_vs_csv", against: fromCSV)
        print("load_average_after: \(Spawn.loadAverage())")
    }
}
