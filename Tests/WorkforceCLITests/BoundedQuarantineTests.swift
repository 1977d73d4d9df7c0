import Foundation
import Testing

/// Quarantine holds a bounded amount, whatever the file (issue 34).
@Suite struct BoundedQuarantineTests {
    @Test func aRowOfSixteenThousandEmptyCellsStoresOnlyItsHeadersWidth() throws {
        let database = try TestDatabase(surveys: ["awareness"])
        let codebook = database.scratch.url.appendingPathComponent("forms/awareness_baseline.codebook.json")
        var rows = try ResponseIdentityTests.paper(codebook, rows: 300)
        for r in 1...200 {
            rows[r] += [String](repeating: "", count: 16_384 - rows[r].count)
            rows[r][16_383] = "x"  // one cell at column XFD
        }
        let file = try ResponseIdentityTests.write(rows, "wide.csv", database)
        let before = try FileManager.default.attributesOfItem(atPath: database.path)[.size] as? Int ?? 0
        let imported = try database.run(["import", "awareness", file])
        #expect(imported.code == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("100 imported, 0 duplicates skipped, 200 quarantined"), "\(imported.stdout)")
        _ = try database.run(["purge", "--vacuum"])
        let after = try FileManager.default.attributesOfItem(atPath: database.path)[.size] as? Int ?? 0
        // 300 rows of a few hundred bytes each, not 200 x 16 KB of commas.
        #expect(after - before < 1_000_000, "the quarantine grew the database by \(after - before) bytes")
    }

    @Test func aFileThatQuarantinesTooManyRowsIsRefusedWithNothingStored() throws {
        let database = try TestDatabase(surveys: ["awareness"])
        let codebook = database.scratch.url.appendingPathComponent("forms/awareness_baseline.codebook.json")
        var rows = try ResponseIdentityTests.paper(codebook, rows: 10)
        let district = try #require(rows[0].firstIndex(of: "profile/district"))
        for r in 1...6 { rows[r][district] = "nowhere" }
        let file = try ResponseIdentityTests.write(rows, "bad.csv", database)
        let refused = try database.run(["import", "awareness", file, "--max-quarantined", "5"])
        #expect(refused.code == 65, "\(refused.stdout)\(refused.stderr)")
        #expect(refused.stderr.contains("bad.csv:7: more than 5 rows fail their checks"), "\(refused.stderr)")
        #expect(refused.stderr.contains("nothing was stored"))
        #expect(try jsonRows(try database.run(["imports", "--format", "json"]).stdout).isEmpty)
        let allowed = try database.run(["import", "awareness", file])
        #expect(allowed.code == 0 && allowed.stdout.contains("4 imported, 0 duplicates skipped, 6 quarantined"), "\(allowed.stdout)")
    }
}
