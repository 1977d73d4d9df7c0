import Foundation
import Testing

/// Issue 28's planted outlier: a micro employer (9 employees, 2 staff) reporting 60 vacancies is
/// flagged at import with its line and column, stored, and the cell it dominates is withheld as
/// `dominated`; a row with more staff than employees is quarantined.
@Suite struct EditRuleCommandTests {
    @Test func aPlantedOutlierIsQueriedAtImportAndItsCellIsWithheldAsDominated() throws {
        let database = try TestDatabase()
        let demo = repositoryRoot.appendingPathComponent("Surveys/demo")
        let planted = repositoryRoot.appendingPathComponent("Tests/WorkforceKitTests/Fixtures/responses/odk-central-planted-outlier.csv").path
        #expect(try database.run(["survey", "employer", "--role-set", "belize-core", "--ksa-gaps", "--out", database.scratch.path("form")]).code == 0)
        for name in ["employers-kobotoolbox.csv", "employers-odk-central.csv"] {
            #expect(try database.run(["import", "employer", demo.appendingPathComponent(name).path]).code == 0)
        }
        let imported = try database.run(["import", "employer", planted])
        #expect(imported.code == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("read 2 rows: 1 imported, 0 duplicates skipped, 1 quarantined."))
        // Located: file, line and column, and the spreadsheet cell.
        #expect(imported.stderr.contains("warning: query: ") && imported.stderr.contains("odk-central-planted-outlier.csv:2:130: om_net_001 openings (vacancies + new positions within 1 year) 60 is above the organisation's 9 employees"))
        #expect(imported.stderr.contains("[line 2, column BQ `role_om_net_001-om_net_001_vacancies`]"))
        #expect(imported.stderr.contains("odk-central-planted-outlier.csv:3:133: om_net_001_staff is 20, above the organisation's 9 employees"))

        let queries = try jsonRows(try database.run(["imports", "--queries", "3", "--format", "json"]).stdout)
        #expect(queries.map { $0["rule"] as? String } == ["role_openings_above_employees", "staff_while_outsourced"])
        #expect(queries.allSatisfy { $0["line"] as? Int == 2 })
        let rejected = try jsonRows(try database.run(["imports", "--rejected", "3", "--format", "json"]).stdout)
        #expect(rejected.count == 1 && rejected.first?["line"] as? Int == 3)

        // Stored, the outlier dominates its role: withheld as dominated, its figures in JSON only.
        let gaps = try database.run(["gaps", "--by", "role", "--frame", demo.appendingPathComponent("frame.csv").path, "--format", "json"])
        let row = try #require(try jsonRows(gaps.stdout).first { $0["role_id"] as? String == "OM-NET-001" })
        #expect(row["status"] as? String == "dominated")
        #expect((row["largest_share"] as? Double ?? 0) > 0.5 && row["demand"] is Double)
        #expect((row["reason"] as? String)?.hasPrefix("one employer gives") == true)
        let table = try database.run(["gaps", "--by", "role", "--frame", demo.appendingPathComponent("frame.csv").path, "--format", "md"]).stdout
        let line = try #require(table.split(separator: "\n").first { $0.contains("OM-NET-001") })
        #expect(line.contains("withheld: dominated by one employer") && !line.contains("95% CI"))
    }
}
