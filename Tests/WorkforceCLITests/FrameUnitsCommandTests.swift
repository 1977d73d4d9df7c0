import Foundation
import Testing

@testable import Domain

/// `frame import --units FILE`: the invitation codes issued per stratum (issue 28, point 7),
/// refused at the line and column of a bad row, and the employer responses that disagree with
/// them queried (kept, flagged).
@Suite struct FrameUnitsCommandTests {
    static func write(_ database: TestDatabase, _ text: String) throws -> String {
        try CatalogAndGapsCommandTests.write(database, "units.csv", text)
    }

    @Test(arguments: [
        ("org_code,sector,size_band\nBZ-001,health,small\nBZ-001,tourism,small\n", "units.csv:3:1", "is in two strata: health x small on line 2"),
        ("org_code,sector,size_band\nBZ-001,health,small\nbz-001,health,small\n", "units.csv:3:1", "is given twice (also on line 2)"),
        ("org_code,sector,size_band\nBZ-001,mining,small\n", "units.csv:2:8", "unknown sector \"mining\""),
        ("org_code,sector,size_band\nBZ-001,health,huge\n", "units.csv:2:15", "unknown size band \"huge\""),
        ("org_code,sector,size_band\nAcme Ltd,health,small\n", "units.csv:2:1", "is not an invitation code"),
    ])
    func aBadListIsRefusedAtItsLineAndColumnAndNothingIsStored(_ text: String, _ place: String, _ message: String) throws {
        let (database, _, _) = try LinkedWavesCommandTests.database()
        let result = try database.run(["frame", "import", "--units", try Self.write(database, text)])
        #expect(result.code == 65, "\(result.stderr)")
        #expect(result.stderr.contains(place), "\(result.stderr)")
        #expect(result.stderr.contains(message), "\(result.stderr)")
        let store = try WorkforceStore(path: database.path, create: false)
        #expect(try store.storedUnits(wave: nil).isEmpty)
    }

    @Test func responsesOffTheListOrInAnotherStratumAreQueriedAndKept() throws {
        let (database, codebook, _) = try LinkedWavesCommandTests.database()
        // Employer n is in sector sectors[n % 3], size band small; codes BZ-000 ... BZ-005.
        let list = ["org_code,sector,size_band", "BZ-000,retail_commerce,small", "BZ-001,health,small", "BZ-002,health,small", "BZ-003,retail_commerce,small"]
        let stored = try database.run(["frame", "import", "--units", try Self.write(database, list.joined(separator: "\n") + "\n")])
        #expect(stored.code == 0, "\(stored.stderr)")
        #expect(stored.stdout.contains("4 organisations in 2 strata"), "\(stored.stdout)")
        let rows = LinkedWavesCommandTests.rows(codebook, seed: 3, count: 6, prefix: "a") { "BZ-00\($0)" }
        let imported = try database.run(["import", "employer", try CatalogAndGapsCommandTests.write(database, "one.csv", rows)])
        #expect(imported.code == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("6 imported"), "\(imported.stdout)")
        // BZ-001 is tourism in the response, health on the list; BZ-004 and BZ-005 are not on it.
        #expect(imported.stdout.contains("3 employer responses of the wave disagree with its units list"), "\(imported.stdout)")
        let queries = try database.run(["imports", "--queries", "1", "--format", "csv"])
        #expect(queries.stdout.contains("unit_stratum") && queries.stdout.contains("BZ-001 was issued in stratum health x small, but the response says tourism x small"), "\(queries.stdout)")
        #expect(queries.stdout.components(separatedBy: "unit_unknown").count == 3, "\(queries.stdout)")
        // A corrected list raises the queries again, without repeating them.
        let again = try database.run(["frame", "import", "--units", try Self.write(database, (list + ["BZ-004,tourism,small"]).joined(separator: "\n") + "\n")])
        #expect(again.stdout.contains("2 stored responses queried"), "\(again.stdout)")
        let after = try database.run(["imports", "--queries", "1", "--format", "csv"])
        #expect(after.stdout.components(separatedBy: "unit_").count == 3, "\(after.stdout)")
    }
}
