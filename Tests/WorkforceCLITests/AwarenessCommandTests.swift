import Foundation
import Testing

@Suite struct AwarenessCommandTests {
    /// A database with `rows` awareness responses at baseline (and, with `followup`, at followup-1).
    static func database(rows: Int = 400, followup: Bool = false) throws -> TestDatabase {
        let database = try TestDatabase(surveys: ["awareness"])
        let codebook = database.scratch.url.appendingPathComponent("forms/awareness_baseline.codebook.json")
        let file = database.scratch.url.appendingPathComponent("baseline.csv")
        try Data(try ResponsesCommandTests.koboExport(codebook: codebook, rows: rows).text.utf8).write(to: file)
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

    @Test func equalWeightsGiveNEffEqualToNAndRakingWidensTheIntervals() throws {
        let database = try Self.database()
        let plain = try jsonRows(try database.run(["awareness", "--format", "json"]).stdout)
        #expect(!plain.isEmpty)
        for row in plain where row["suppressed"] as? Bool == false {
            #expect(row["n"] as? Double == row["n_eff"] as? Double)
        }
        let raked = try database.run(["awareness", "--margins", try margins(database, Self.goodMargins), "--format", "json"])
        #expect(raked.code == 0, "\(raked.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(raked.stdout.utf8)) as? [String: Any]
        let notes = object?["notes"] as? [String] ?? []
        #expect(notes.first?.contains("converged") == true)
        let rows = try jsonRows(raked.stdout)
        let first = try #require(rows.first), before = try #require(plain.first)
        let n = try #require(first["n"] as? Double), nEff = try #require(first["n_eff"] as? Double)
        #expect(nEff < n)
        let width = { (r: [String: Any]) in (r["ci_high"] as? Double ?? 0) - (r["ci_low"] as? Double ?? 0) }
        #expect(width(first) > width(before))
    }

    @Test func breakdownsAndComparison() throws {
        let database = try Self.database(rows: 300, followup: true)
        let byDistrict = try jsonRows(try database.run(["awareness", "--by", "district", "--indicator", "uses_2fa", "--format", "json"]).stdout)
        #expect(byDistrict.map { $0["group"] as? String } == ["all", "belize", "cayo", "corozal", "orange_walk", "stann_creek", "toledo"])
        let compare = try database.run(["awareness", "--compare", "baseline", "followup-1", "--format", "json"])
        #expect(compare.code == 0, "\(compare.stderr)")
        let rows = try jsonRows(compare.stdout)
        let row = try #require(rows.first { $0["indicator"] as? String == "uses_2fa" })
        let diff = try #require(row["diff"] as? Double), low = try #require(row["diff_ci_low"] as? Double)
        #expect(low < diff)
        #expect(row["p_value"] is Double)
        // Exposure is asked in both waves and compared; slogan recognition and what people did
        // exist only in the follow-up, so they are not.
        #expect(rows.contains { ($0["indicator"] as? String) == "campaign_seen_any" })
        #expect(!rows.contains { ["recognises_campaign", "acted_on_campaign"].contains($0["indicator"] as? String ?? "") })
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
