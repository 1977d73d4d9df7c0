import Foundation
import Testing

/// `workforce import` on Excel workbooks and hostile archives, end to end.
@Suite struct XLSXImportCommandTests {
    let database: TestDatabase
    init() throws { database = try TestDatabase(surveys: ["awareness"]) }

    private var fixtures: URL { repositoryRoot.appendingPathComponent("Tests/WorkforceKitTests/Fixtures/xlsx") }

    @Test func aWorkbookImportsAndSaysWhichSheetItRead() throws {
        let result = try database.run(["import", "awareness", fixtures.appendingPathComponent("kobotoolbox-awareness.xlsx").path])
        #expect(result.code == 0, "\(result.stderr)")
        #expect(result.stdout.contains("(awareness_baseline, kobotoolbox, Excel workbook)"))
        #expect(result.stdout.contains("read sheet Sheet1, the workbook's first."))
        #expect(result.stdout.contains("read 9 rows: 7 imported, 0 duplicates skipped, 2 quarantined."))
        #expect(result.stderr.contains("kobotoolbox-awareness.xlsx:Sheet1!E7: value \"atlantis\" is not a choice of district"))
        let rejected = try database.run(["imports", "--rejected", "1", "--format", "csv"])
        #expect(rejected.code == 0)
        #expect(rejected.stdout.contains("7"), "\(rejected.stdout)")
    }

    @Test(arguments: ["bomb.xlsx", "declared-4gb.xlsx", "zip64.xlsx", "encrypted.xlsx", "truncated.xlsx"])
    func hostileArchivesExit65WithNothingStored(_ file: String) throws {
        let result = try database.run(["import", "awareness", fixtures.appendingPathComponent("hostile/\(file)").path])
        #expect(result.code == 65, "\(result.stdout) \(result.stderr)")
        #expect(result.stderr.contains("hostile/\(file)"))
        let batches = try database.run(["imports", "--format", "csv"])
        #expect(batches.stdout.split(separator: "\n").count <= 1, "\(batches.stdout)")
    }

    @Test func entryGoesWithAZipOfCSVFilesOnly() throws {
        let result = try database.run(["import", "awareness", fixtures.appendingPathComponent("kobotoolbox-awareness.xlsx").path, "--entry", "x.csv"])
        #expect(result.code == 64)
        #expect(result.stderr.contains("--entry goes with a .zip of CSV files"))
    }
}
