import Foundation
import Testing
import WorkforceKit

/// The design stored with each awareness wave (issue 30): recorded by the import, changed by
/// `design set`, used by default by awareness, report and responses --weights.
@Suite struct DesignCommandTests {
    static func notes(_ stdout: String) throws -> [String] {
        let object = try JSONSerialization.jsonObject(with: Data(stdout.utf8)) as? [String: Any]
        return object?["notes"] as? [String] ?? []
    }

    @Test func theImportRecordsTheDesignAndNoFlagsEqualTheTypedDesign() throws {
        let database = try AwarenessCommandTests.database(rows: 300)
        let shown = try database.run(["design", "show", "--format", "csv"])
        #expect(shown.code == 0, "\(shown.stderr)")
        #expect(shown.stdout.contains("baseline,\"district,urban\",enumeration_area,import awareness,"), "\(shown.stdout)")
        let stored = try database.run(["awareness", "--by", "district", "--format", "json"])
        let typed = try database.run(["awareness", "--by", "district", "--strata", "district,urban", "--cluster", "enumeration_area", "--format", "json"])
        #expect(stored.code == 0 && typed.code == 0, "\(stored.stderr)\(typed.stderr)")
        let a = try jsonRows(stored.stdout), b = try jsonRows(typed.stdout)
        #expect(a.count == b.count && a.count > 20)
        for (x, y) in zip(a, b) {
            #expect(x["se"] as? Double == y["se"] as? Double && x["ci_low"] as? Double == y["ci_low"] as? Double, "\(x["indicator"] ?? "")")
        }
        #expect(try Self.notes(stored.stdout).contains { $0.contains("(stored with the wave by `import awareness`") })
        #expect(try Self.notes(typed.stdout).contains { $0.contains("(given on the command line)") })
        #expect(!(try Self.notes(stored.stdout)).contains { $0.contains("SIMPLE RANDOM SAMPLING") })
    }

    @Test func srsCarriesABannerAndDesignSetChangesTheStoredDesign() throws {
        let database = try AwarenessCommandTests.database(rows: 300)
        let srs = try database.run(["awareness", "--srs", "--indicator", "uses_2fa", "--format", "json"])
        #expect(srs.code == 0, "\(srs.stderr)")
        #expect(try Self.notes(srs.stdout).first?.hasPrefix("SIMPLE RANDOM SAMPLING (--srs): wave baseline was sampled in clusters") == true)
        let clustered = try jsonRows(try database.run(["awareness", "--indicator", "uses_2fa", "--format", "json"]).stdout)
        #expect(try jsonRows(srs.stdout).first?["se"] as? Double != clustered.first?["se"] as? Double)
        #expect(try database.run(["awareness", "--srs", "--cluster", "enumeration_area"]).code == 64)

        // Stored as simple random sampling: the same figures as --srs, and the banner says so.
        let set = try database.run(["design", "set", "--wave", "baseline", "--srs"])
        #expect(set.code == 0, "\(set.stderr)")
        #expect(set.stdout.contains("simple random sampling"))
        let storedSRS = try database.run(["awareness", "--indicator", "uses_2fa", "--format", "json"])
        #expect(try jsonRows(storedSRS.stdout).first?["se"] as? Double == (try jsonRows(srs.stdout)).first?["se"] as? Double)
        #expect(try Self.notes(storedSRS.stdout).first?.hasPrefix("SIMPLE RANDOM SAMPLING (stored design)") == true)
        // Strata only: recorded by `design set`, used, and a typo is refused naming the form.
        #expect(try database.run(["design", "set", "--wave", "baseline", "--strata", "district"]).code == 0)
        let strata = try database.run(["awareness", "--indicator", "uses_2fa", "--format", "json"])
        #expect(try Self.notes(strata.stdout).contains { $0.contains("stored with the wave by `design set`") && $0.contains("strata district (6 strata); each respondent its own unit") })
        let bad = try database.run(["design", "set", "--wave", "baseline", "--cluster", "village"])
        #expect(bad.code == 64)
        #expect(bad.stderr.contains("village") && bad.stderr.contains("baseline"))
        #expect(try database.run(["design", "set", "--wave", "followup-3", "--srs"]).code == 66)
        #expect(try database.run(["design", "set", "--wave", "baseline"]).code == 64)
    }

    /// The banner of a clustered wave analysed as simple random sampling, and every note of the
    /// awareness and impact tables, speak the language asked for: `--lang es` output and the
    /// Spanish report keep no English sentence of the word tables.
    @Test func theBannerAndTheNotesAreSpanishWithLangEs() throws {
        let database = try AwarenessCommandTests.database(rows: 300, followup: true)
        let banner = "MUESTREO ALEATORIO SIMPLE (--srs): la ola baseline se muestreó por conglomerados"
        let english = ReportDataTests.englishRuns(Words.bundled)
        #expect(english.count > 100)
        let table = try database.run(["awareness", "--srs", "--indicator", "uses_2fa", "--format", "md", "--lang", "es"])
        #expect(table.code == 0, "\(table.stderr)")
        #expect(table.stdout.contains(banner), "\(table.stdout)")
        let impact = try database.run(["awareness", "--impact", "--wave", "followup-1", "--format", "md", "--lang", "es"])
        #expect(impact.code == 0, "\(impact.stderr)")
        #expect(impact.stdout.contains(Words.bundled.text("impact.caveat", .es)), "\(impact.stdout)")
        for (name, out) in [("awareness", table.stdout), ("impact", impact.stdout)] {
            for run in english where out.contains(run) { Issue.record("\(name) --lang es: English \"\(run)\"") }
        }
        let folder = database.scratch.path("report")
        let report = try database.run(["report", "--srs", "--lang", "es", "--out", folder])
        #expect(report.code == 0, "\(report.stderr)")
        for name in ["report.html", "report.md"] {
            let text = try String(contentsOfFile: folder + "/" + name, encoding: .utf8)
            #expect(text.contains(banner), "\(name)")
            #expect(!text.contains("SIMPLE RANDOM SAMPLING"), "\(name)")
        }
        // The page's prose, formulas (`code`) left out as ReportDataTests does.
        let html = try String(contentsOfFile: folder + "/report.html", encoding: .utf8)
        let prose = html.replacingOccurrences(of: "<(style|script|code)[^>]*>[\\s\\S]*?</(style|script|code)>", with: "", options: .regularExpression)
        for run in english where prose.contains(run) { Issue.record("report.html --lang es: English \"\(run)\"") }
    }

    /// `campaigns show` and `design show` (one skeleton): the stored rows, or a note in the
    /// language asked for saying how to store some.
    @Test func theShowCommandsListWhatIsStoredOrSayHowToStoreIt() throws {
        let database = try AwarenessCommandTests.database(rows: 120)
        let none = try database.run(["campaigns", "show", "--format", "json"])
        #expect(none.code == 0, "\(none.stderr)")
        #expect(try Self.notes(none.stdout) == [Words.bundled.text("commands.campaigns.none", .en)])
        #expect(try jsonRows(none.stdout).isEmpty)
        let spanish = try database.run(["campaigns", "show", "--format", "md", "--lang", "es"])
        #expect(spanish.stdout.contains("Ninguna campaña almacenada"), "\(spanish.stdout)")
        let file = database.scratch.path("campaigns.csv")
        try "district,campaign,start,end\ncayo,Stop Think Connect,2026-06-01,2026-12-31\n".write(toFile: file, atomically: true, encoding: .utf8)
        #expect(try database.run(["campaigns", "import", file]).code == 0)
        let stored = try database.run(["campaigns", "show", "--format", "json"])
        let rows = try jsonRows(stored.stdout)
        #expect(rows.count == 1 && rows.first?["district"] as? String == "cayo" && rows.first?["line"] as? Int == 2, "\(stored.stdout)")
        #expect(try Self.notes(stored.stdout).isEmpty)
        let designs = try database.run(["design", "show", "--format", "json"])
        #expect(try jsonRows(designs.stdout).first?["wave"] as? String == "baseline" && (try Self.notes(designs.stdout)).isEmpty, "\(designs.stdout)")
    }

    @Test func responsesWeightsCarryTheStoredStratumAndCluster() throws {
        let database = try AwarenessCommandTests.database(rows: 120)
        let out = database.scratch.path("aw.R")
        let result = try database.run(["responses", "awareness", "--format", "r", "--weights", "--out", out])
        #expect(result.code == 0, "\(result.stderr)")
        let script = try String(contentsOfFile: out, encoding: .utf8)
        #expect(script.contains("stratum") && script.contains("cluster"), "\(script.prefix(400))")
        let srs = try database.run(["responses", "awareness", "--format", "r", "--weights", "--srs", "--out", database.scratch.path("srs.R")])
        #expect(srs.code == 0, "\(srs.stderr)")
        let plain = try String(contentsOfFile: database.scratch.path("srs.R"), encoding: .utf8)
        #expect(!plain.contains("cluster"))
    }
}

/// `awareness --needs` (issue 30, strategy activities 2.1 and 2.3).
@Suite struct AwarenessNeedsCommandTests {
    @Test func eachGroupsLaggingIndicatorsPeopleBehindAndBestChannel() throws {
        let database = try AwarenessCommandTests.database(rows: 400)
        let margins = database.scratch.path("margins.csv")
        try AwarenessCommandTests.goodMargins.write(toFile: margins, atomically: true, encoding: .utf8)
        let result = try database.run(["awareness", "--needs", "--margins", margins, "--format", "json"])
        #expect(result.code == 0, "\(result.stderr)")
        let rows = try jsonRows(result.stdout)
        #expect(!rows.isEmpty)
        let national = try jsonRows(try database.run(["awareness", "--margins", margins, "--format", "json"]).stdout)
        for row in rows {
            let diff = try #require(row["diff"] as? Double)
            #expect(diff < 0)
            #expect((row["rank"] as? Double ?? 0) >= 1 && (row["rank"] as? Double ?? 9) <= 3)
            // people behind = the group's adults x (national p - group p), rounded.
            let indicator = try #require(row["indicator"] as? String)
            let all = try #require(national.first { $0["indicator"] as? String == indicator && $0["breakdown"] as? String == "all" })
            let p = try #require(all["p"] as? Double), group = try #require(row["p_group"] as? Double)
            let population = try #require(row["population"] as? Double), behind = try #require(row["people_behind"] as? Double)
            #expect(abs(behind - (population * (p - group)).rounded()) <= 1, "\(row)")
            #expect((row["best_channel"] as? String)?.hasPrefix("campaign_seen_") != false)
        }
        // Ranked: within a group, the largest gap first.
        let first = rows.filter { $0["breakdown"] as? String == rows[0]["breakdown"] as? String && $0["group"] as? String == rows[0]["group"] as? String }
        let diffs = first.compactMap { $0["diff"] as? Double }
        #expect(diffs == diffs.sorted())
        #expect(try database.run(["awareness", "--needs", "--compare", "baseline", "followup-1"]).code == 64)
    }
}
