import Foundation
import Testing
import WorkforceKit

/// `workforce plan` end to end, and the catalog's `duration_years` column it reads.
@Suite struct PlanCommandTests {
    @Test func durationYearsIsCheckedAgainstItsRangeAndStored() throws {
        let database = try TestDatabase()
        let text = """
            institution,code,title,level,delivery_mode,annual_completions,duration_years,ksa_ids,last_updated
            Galen University,G1,Fast track,bachelor,online,3,1.5,K0001,2026-09-01
            Galen University,G2,Default,bachelor,online,3,,K0001,2026-09-01
            Galen University,G3,Too long,bachelor,online,3,12,K0001,2026-09-01
            Galen University,G4,Not a number,bachelor,online,3,soon,K0001,2026-09-01
            Galen University,G5,Too short,short_course,online,3,0.001,K0001,2026-09-01

            """
        let file = database.scratch.path("durations.csv")
        try Data(text.utf8).write(to: URL(fileURLWithPath: file))
        let result = try database.run(["import", "catalog", file])
        #expect(result.code == 0, "\(result.stderr)")
        #expect(result.stdout.contains("read 5 rows: 2 imported, 0 duplicates skipped, 3 quarantined"))
        #expect(result.stderr.contains("durations.csv:4:48: duration_years 12 is above its maximum 10"))
        #expect(result.stderr.contains("durations.csv:5:52: value \"soon\" of duration_years is not a number"))
        #expect(result.stderr.contains("durations.csv:6:53: duration_years 0.001 is below its minimum 0.02"))
        let store = try WorkforceStore.forQueries(path: database.path)
        let catalog = try store.catalog(try store.framework(named: nil))
        let durations = try store.offeringDurations()
        #expect(catalog.map(\.code) == ["G1", "G2"])
        #expect(durations == [catalog[0].id: 1.5])
        // The codebook publishes the range.
        let survey = try database.run(["survey", "university", "--out", database.scratch.path("forms")])
        #expect(survey.code == 0, "\(survey.stderr)")
        let codebook = try String(contentsOf: database.scratch.url.appendingPathComponent("forms/catalog.codebook.json"), encoding: .utf8)
        let columns = try #require((try JSONSerialization.jsonObject(with: Data(codebook.utf8)) as? [String: Any])?["columns"] as? [[String: Any]])
        let duration = try #require(columns.first { $0["name"] as? String == "duration_years" })
        #expect(duration["min"] as? Double == 0.02 && duration["max"] as? Double == 10 && duration["type"] as? String == "decimal")
    }

    @Test func everyRoleAddsUpAndEveryActionRespectsItsBounds() throws {
        let database = try CatalogAndGapsCommandTests.database(employers: 40)
        let programs = database.scratch.path("programs.json")
        for years in ["1", "3"] {
            let actions = try database.run(["plan", "--years", years, "--programs", programs, "--format", "json"])
            #expect(actions.code == 0, "\(actions.stderr)")
            let rows = try jsonRows(actions.stdout)
            let roles = try jsonRows(try database.run(["plan", "--years", years, "--by", "role", "--format", "json"]).stdout)
            let cases = try jsonRows(try database.run(["plan", "--years", years, "--cases", "--format", "json"]).stdout)
            let lp = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: programs))) as? [String: Any])
            #expect(!roles.isEmpty)
            let actionKeys: Set = ["action", "institution", "offering", "role_id", "seats", "first_completions_year", "cost", "robust", "contributions", "ksas", "what"]
            #expect(rows.allSatisfy { actionKeys.isSubset(of: Set($0.keys)) })
            let roleKeys: Set = ["role_id", "need", "scale", "create", "convert", "upskill", "retain", "closed", "open", "why_open"]
            #expect(roles.allSatisfy { roleKeys.isSubset(of: Set($0.keys)) })
            #expect(cases.allSatisfy { Set(["seats_low", "seats_central", "seats_high", "robust"]).isSubset(of: Set($0.keys)) })
            var contributed: [String: Double] = [:]
            for row in rows {
                let contributions = try #require(row["contributions"] as? [String: Double], "\(row)")
                for (role, people) in contributions { contributed[role, default: 0] += people }
                let action = try #require(row["action"] as? String)
                #expect(["scale", "create", "convert", "upskill", "retain"].contains(action))
                let seats = try #require(row["seats"] as? Double)
                if action == "create" { #expect(seats >= 12 - 1e-6 && seats <= 30 + 1e-6) }
                #expect((row["what"] as? String)?.isEmpty == false)
                #expect((row["first_completions_year"] as? Int).map { $0 <= Int(years)! } == true)
            }
            for role in roles {
                let id = try #require(role["role_id"] as? String)
                let need = try #require(role["need"] as? Double), closed = try #require(role["closed"] as? Double), open = try #require(role["open"] as? Double)
                #expect(abs(closed + open - need) < 1e-9)
                #expect(abs(closed - min(need, contributed[id] ?? 0)) < 1e-6, "\(id)")
                if role["experience_role"] as? Bool == true { #expect(role["create"] as? Double == 0) }
            }
            // Three cases, each with its stages and solution.
            let all = try #require(lp["cases"] as? [[String: Any]])
            #expect(all.compactMap { $0["case"] as? String } == ["low", "central", "high"])
        }
        #expect(try database.run(["plan", "--max-growth", "-1"]).code == 64)
        #expect(try database.run(["plan", "--min-cohort", "40"]).code == 64)
        let out = database.scratch.path("plan-out")
        #expect(try database.run(["plan", "--out", out]).code == 0)
        for name in ["plan.md", "plan.csv", "plan.json"] { #expect(FileManager.default.fileExists(atPath: out + "/" + name)) }
    }

    /// With `cost_per_completion` in the catalog the plan minimises cost and keeps to --budget;
    /// a cost outside its range is refused with its place.
    @Test func costsAndABudget() throws {
        let database = try CatalogAndGapsCommandTests.database(employers: 40)
        let fixture = try String(contentsOf: CatalogAndGapsCommandTests.fixture, encoding: .utf8)
        var lines = fixture.split(separator: "\n").map(String.init)
        lines[0] += ",cost_per_completion"
        for i in lines.indices.dropFirst() { lines[i] += ",1500" }
        lines.append("University of Belize,NEWC,New course,short_course,online,,,,5,K0001,,,2026-06-30,-5")
        let file = database.scratch.path("costed.csv")
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: file))
        let imported = try database.run(["import", "catalog", file])
        #expect(imported.code == 0, "\(imported.stderr)")
        #expect(imported.stderr.contains("cost_per_completion -5 is below its minimum 0"), "\(imported.stderr)")
        let result = try database.run(["plan", "--format", "json"])
        #expect(result.code == 0, "\(result.stderr)")
        #expect(result.stdout.contains("then the least cost"))
        let rows = try jsonRows(result.stdout)
        for row in rows where row["action"] as? String != "retain" {
            let cost = try #require(row["cost"] as? Double, "\(row)")
            #expect(abs(cost - 1500 * (row["seats"] as? Double ?? 0)) < 1e-6)
        }
        let broke = try jsonRows(try database.run(["plan", "--budget", "0", "--format", "json"]).stdout)
        #expect(broke.allSatisfy { $0["action"] as? String == "retain" })
    }
}
