import Foundation
import Testing

@Suite struct AwarenessCommandTests {
    /// A database with `rows` awareness responses at baseline (and, with `followup`, at followup-1).
    static func database(rows: Int = 400, followup: Bool = false) throws -> TestDatabase {
        let database = try TestDatabase(surveys: ["awareness"])
        let codebook = database.scratch.url.appendingPathComponent("forms/awareness_baseline.codebook.json")
        let file = database.scratch.url.appendingPathComponent("baseline.csv")
        try Data(withAreas(try ResponsesCommandTests.koboExport(codebook: codebook, rows: rows).text).utf8).write(to: file)
        let imported = try database.run(["import", "awareness", file.path])
        guard imported.code == 0 else { throw TestFailure(imported.stderr) }
        if followup {
            let survey = try database.run(["survey", "awareness", "--wave", "followup-1", "--out", database.scratch.path("forms")])
            guard survey.code == 0 else { throw TestFailure(survey.stderr) }
            let form = database.scratch.url.appendingPathComponent("forms/awareness_followup_1.codebook.json")
            let text = try ResponsesCommandTests.koboExport(codebook: form, rows: rows).text.replacingOccurrences(of: "uuid-", with: "f-")
            let second = database.scratch.url.appendingPathComponent("followup.csv")
            try Data(text.utf8).write(to: second)
            let result = try database.run(["import", "awareness", second.path, "--wave", "followup-1"])
            guard result.code == 0 else { throw TestFailure(result.stderr) }
        }
        return database
    }

    /// The export with an enumeration area in every row: 12 areas, codes repeating across
    /// districts (nested in strata, so they are different clusters).
    static func withAreas(_ text: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let column = lines.first?.split(separator: ",").firstIndex(of: "profile/enumeration_area") else { return text }
        for i in lines.indices.dropFirst() where !lines[i].isEmpty {
            var fields = lines[i].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            fields[column] = "EA-\(i % 12)"
            lines[i] = fields.joined(separator: ",")
        }
        return lines.joined(separator: "\n")
    }

    func margins(_ database: TestDatabase, _ text: String) throws -> String {
        let path = database.scratch.path("margins-\(text.hashValue).csv")
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    static let goodMargins = """
        variable,category,population
        district,belize,124096
        district,cayo,99118
        district,corozal,49446
        district,orange_walk,52550
        district,stann_creek,44720
        district,toledo,38557
        urban,urban,170000
        urban,rural,238487
        """

    @Test func indicatorRowsHaveTheIssueShapeAndRakingWidensTheIntervals() throws {
        let database = try Self.database()
        let plain = try jsonRows(try database.run(["awareness", "--format", "json"]).stdout)
        let first = try #require(plain.first)
        #expect(Set(first.keys) == ["indicator", "label", "breakdown", "group", "n", "p", "se", "deff", "n_eff", "ci_low", "ci_high", "status", "reason"])
        for row in plain where row["status"] as? String == "published" && row["indicator"] as? String != "knowledge_score" {
            // n_eff = min(n, p(1-p)/se²) and deff = se²/(p(1-p)/n).
            let n = try #require(row["n"] as? Double), p = try #require(row["p"] as? Double), se = try #require(row["se"] as? Double)
            if se > 0 {
                #expect(abs((row["n_eff"] as? Double ?? 0) - min(n, p * (1 - p) / (se * se))) < 1e-9 * n)
                #expect(abs((row["deff"] as? Double ?? 0) - se * se / (p * (1 - p) / n)) < 1e-9)
            }
        }
        let raked = try database.run(["awareness", "--margins", try margins(database, Self.goodMargins), "--format", "json"])
        #expect(raked.code == 0, "\(raked.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(raked.stdout.utf8)) as? [String: Any]
        let notes = object?["notes"] as? [String] ?? []
        #expect(notes.first?.contains("population margins file margins-") == true, "\(notes.first ?? "")")
        #expect(notes.dropFirst().first?.contains("converged") == true)
        #expect(notes.contains { $0.contains("stored with the wave by `import awareness`") && $0.contains("clusters `enumeration_area`") })
        let rows = try jsonRows(raked.stdout)
        let one = try #require(rows.first), before = try #require(plain.first)
        let width = { (r: [String: Any]) in (r["ci_high"] as? Double ?? 0) - (r["ci_low"] as? Double ?? 0) }
        #expect(width(one) > width(before))
    }

    @Test func strataAndClustersAreStatedAndChangeTheStandardErrors() throws {
        let database = try Self.database(rows: 300)
        let plain = try jsonRows(try database.run(["awareness", "--srs", "--indicator", "uses_2fa", "--format", "json"]).stdout)
        let result = try database.run([
            "awareness", "--strata", "district,urban", "--cluster", "enumeration_area", "--indicator", "uses_2fa", "--format", "json",
        ])
        #expect(result.code == 0, "\(result.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let notes = object?["notes"] as? [String] ?? []
        #expect(notes.contains { $0.contains("strata district x urban") && $0.contains("clusters `enumeration_area` nested in strata") })
        let design = try jsonRows(result.stdout)
        #expect(design.first?["p"] as? Double == plain.first?["p"] as? Double)
        #expect(design.first?["se"] as? Double != plain.first?["se"] as? Double)
        let unknown = try database.run(["awareness", "--cluster", "village"])
        #expect(unknown.code == 64)
        #expect(unknown.stderr.contains("village") && unknown.stderr.contains("enumeration_area"))
        let group = try database.run(["awareness", "--strata", "group"])
        #expect(group.code == 64)
    }

    @Test func breakdownsComparisonAndContrasts() throws {
        let database = try Self.database(rows: 300, followup: true)
        let byDistrict = try jsonRows(try database.run(["awareness", "--by", "district", "--indicator", "uses_2fa", "--format", "json"]).stdout)
        #expect(byDistrict.map { $0["group"] as? String } == ["all", "belize", "cayo", "corozal", "orange_walk", "stann_creek", "toledo"])
        let compare = try database.run(["awareness", "--compare", "baseline", "followup-1", "--format", "json"])
        #expect(compare.code == 0, "\(compare.stderr)")
        let rows = try jsonRows(compare.stdout)
        let row = try #require(rows.first { $0["indicator"] as? String == "uses_2fa" })
        #expect(Set(row.keys) == [
            "indicator", "breakdown", "group", "p_base", "p_followup", "diff", "se_diff", "diff_ci_low", "diff_ci_high", "z", "p_value",
            "q_value", "status", "reason",
        ])
        let diff = try #require(row["diff"] as? Double), low = try #require(row["diff_ci_low"] as? Double)
        #expect(low < diff)
        let p = try #require(row["p_value"] as? Double), q = try #require(row["q_value"] as? Double)
        #expect(q >= p)
        // Exposure is asked in both waves and compared; slogan recognition and what people did
        // exist only in the follow-up, so they are not.
        #expect(rows.contains { ($0["indicator"] as? String) == "campaign_seen_any" })
        #expect(!rows.contains { ["recognises_campaign", "acted_on_campaign", "net_recognition"].contains($0["indicator"] as? String ?? "") })
        // Net recognition is a follow-up figure.
        let net = try jsonRows(try database.run(["awareness", "--wave", "followup-1", "--indicator", "net_recognition", "--format", "json"]).stdout)
        #expect(net.count == 1)
        let contrast = try jsonRows(try database.run(["awareness", "--contrast", "group", "--indicator", "uses_2fa", "--format", "json"]).stdout)
        #expect(contrast.allSatisfy { $0["breakdown"] as? String == "group" && $0.keys.contains("p_group") && $0.keys.contains("p_rest") })
        #expect(contrast.count >= 5)
        let both = try database.run(["awareness", "--contrast", "sex", "--compare", "baseline", "followup-1"])
        #expect(both.code == 64)
    }

    @Test(arguments: [
        ("variable,category,population\ndistrict,atlantis,100\n", "\"atlantis\" is not a choice"),
        ("variable,category,population\nurban,urban,100\nurban,rural,-5\n", ":3:"),
        ("variable,category,population\nurban,urban,100\nurban,rural,50\nsex,female,100\nsex,male,40\n", "sum to 140"),
        ("variable,category,population\ndistrict,belize,100\ndistrict,cayo,100\n", "which the margins do not have"),
        ("variable,category,population\nshoe_size,9,100\n", "unknown raking variable"),
    ])
    func badMarginsFilesSayWhatIsWrong(_ text: String, _ message: String) throws {
        let database = try Self.database(rows: 60)
        let result = try database.run(["awareness", "--margins", try margins(database, text)])
        #expect(result.code == 65)
        #expect(result.stderr.contains(message), "\(result.stderr)")
    }

    @Test func unknownWavesIndicatorsAndMissingFilesAreClearErrors() throws {
        let database = try Self.database(rows: 30)
        let wave = try database.run(["awareness", "--compare", "baseline", "followup-7"])
        #expect(wave.code == 66)
        #expect(wave.stderr.contains("followup-7") && wave.stderr.contains("workforce import awareness"))
        let indicator = try database.run(["awareness", "--indicator", "knows_everything"])
        #expect(indicator.code == 64)
        #expect(indicator.stderr.contains("uses_2fa"))
        let missing = try database.run(["awareness", "--margins", "nowhere.csv"])
        #expect(missing.code == 66)
    }

    @Test func sampleSizes() throws {
        let result = try runWorkforce(["sample-size", "--margin", "0.05", "--population", "1000", "--format", "json"], in: FileManager.default.temporaryDirectory)
        #expect(try jsonRows(result.stdout).first?["respondents"] as? Double == 278)
        let detect = try runWorkforce(["sample-size", "--detect", "0.1", "--baseline", "0.5", "--format", "json"], in: FileManager.default.temporaryDirectory)
        #expect(try jsonRows(detect.stdout).first?["respondents_per_wave"] as? Double == 388)
        let bad = try runWorkforce(["sample-size", "--margin", "five"], in: FileManager.default.temporaryDirectory)
        #expect(bad.code == 64)
        #expect(bad.stderr.contains("--margin"))
    }
}
