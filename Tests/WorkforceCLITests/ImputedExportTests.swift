import Foundation
import Testing

/// `responses employer --imputed`: the values the estimates use, each imputed one flagged, in the
/// clean data file and the labelled files (issue 28, point 8).
@Suite struct ImputedExportTests {
    @Test func theFlagsCountWhatTheEstimatesImpute() throws {
        let db = try OutputFailureTests.database()
        let clean = try db.run(["responses", "employer", "--imputed", "--format", "json"])
        #expect(clean.code == 0, "\(clean.stderr)")
        let rows = try jsonRows(clean.stdout)
        let flags = rows.first.map { $0.keys.filter { $0.hasSuffix("_imp") } } ?? []
        #expect(flags.contains("new_jobs_12m_imp") && flags.count > 10)
        // Employer-role pairs with leavers or one-year new positions imputed: the estimates' `imputed`.
        var pairs = Set<String>()
        for row in rows {
            for flag in flags where (row[flag] as? Int) == 1 && (flag.hasSuffix("_leavers_12m_imp") || flag.hasSuffix("_new_1y_imp")) {
                let role = flag.replacingOccurrences(of: "_leavers_12m_imp", with: "").replacingOccurrences(of: "_new_1y_imp", with: "")
                pairs.insert("\(row["response_id"] ?? "") \(role)")
                // The imputed value is written in place of the blank.
                #expect(row[String(flag.dropLast(4))] is Double || row[String(flag.dropLast(4))] is Int, "\(flag)")
            }
        }
        let gaps = try jsonRows(try db.run(["gaps", "--no-suppress", "--format", "json"]).stdout)
        let imputed = gaps.reduce(0) { $0 + (($1["imputed"] as? Int) ?? 0) }
        #expect(imputed > 0 && pairs.count == imputed, "\(pairs.count) flagged, \(imputed) imputed")
        let jobs = rows.filter { ($0["new_jobs_12m_imp"] as? Int) == 1 }.count
        #expect(jobs > 0)

        // Without --imputed the blanks stay blank and there is no flag.
        let plain = try jsonRows(try db.run(["responses", "employer", "--format", "json"]).stdout)
        #expect(plain.first?.keys.contains { $0.hasSuffix("_imp") } == false)

        let csv = try db.run(["responses", "employer", "--imputed", "--format", "csv"])
        #expect(csv.code == 0 && csv.stdout.split(separator: "\r\n").first?.contains(",new_jobs_12m_imp,") == true)
        let script = db.scratch.path("imputed.R")
        let r = try db.run(["responses", "employer", "--imputed", "--format", "r", "--out", script])
        #expect(r.code == 0, "\(r.stderr)")
        let text = try String(contentsOfFile: script, encoding: .utf8)
        #expect(text.contains("\"new_jobs_12m_imp\" = \"numeric\""))

        let awareness = try db.run(["responses", "awareness", "--imputed", "--format", "csv"])
        #expect(awareness.code == 64 && awareness.stderr.contains("--imputed is for employer responses"))
    }

    @Test func theImputationVarianceMovesOnlyRolesWithImputedValues() throws {
        let db = try OutputFailureTests.database()
        let frame = repositoryRoot.appendingPathComponent("Surveys/demo/frame.csv").path
        let plain = try jsonRows(try db.run(["gaps", "--no-suppress", "--frame", frame, "--format", "json"]).stdout)
        let run = try db.run(["gaps", "--no-suppress", "--frame", frame, "--imputation-variance", "--format", "json"])
        #expect(run.code == 0, "\(run.stderr)")
        #expect(run.stdout.contains("Rao-Shao jackknife"))
        let jackknifed = Dictionary(uniqueKeysWithValues: try jsonRows(run.stdout).map { ($0["role_id"] as? String ?? "", $0) })
        var moved = 0
        for row in plain {
            guard let id = row["role_id"] as? String, let se = row["demand_se"] as? Double, let other = jackknifed[id]?["demand_se"] as? Double else { continue }
            #expect(row["demand"] as? Double == jackknifed[id]?["demand"] as? Double)
            if (row["imputed"] as? Int) == 0 {
                #expect(abs(se - other) < 1e-9 * max(1, se), "\(id): \(se) vs \(other) without imputed values")
            } else if abs(se - other) > 1e-9 {
                moved += 1
            }
        }
        #expect(moved > 0)
        let both = try db.run(["gaps", "--imputation-variance", "--winsorise"])
        #expect(both.code == 64 && both.stderr.contains("--imputation-variance goes with imputation"), "\(both.stderr)")
    }
}
