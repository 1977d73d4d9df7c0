import Foundation
import Testing

/// A paper questionnaire's number identifies a response only within its form and wave; a blank
/// number never merges rows; a withdrawal finds the key however it was typed (issue 34).
@Suite struct ResponseIdentityTests {
    /// The typing template's rows for `codebook`: `questionnaire_no` first, numbered by `number`.
    static func paper(_ codebook: URL, rows: Int, number: (Int) -> String = { String($0 + 1) }) throws -> [[String]] {
        let lines = try ResponsesCommandTests.koboExport(codebook: codebook, rows: rows).text.split(separator: "\n").map {
            $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }
        var header = lines[0]
        header[0] = "questionnaire_no"
        return [header] + lines.dropFirst().enumerated().map { row, fields in
            var fields = fields
            fields[0] = number(row)
            return fields
        }
    }

    static func write(_ rows: [[String]], _ name: String, _ database: TestDatabase) throws -> String {
        let url = database.scratch.url.appendingPathComponent(name)
        try Data((rows.map { $0.joined(separator: ",") }.joined(separator: "\n") + "\n").utf8).write(to: url)
        return url.path
    }

    static func keys(_ database: TestDatabase, _ arguments: [String] = []) throws -> [String] {
        try jsonRows(try database.run(["responses", "awareness", "--format", "json"] + arguments).stdout).compactMap { $0["response_key"] as? String }
    }

    @Test func questionnaireOneOfTheBaselineAndOfTheFollowUpAreTwoRespondents() throws {
        let database = try TestDatabase(surveys: ["awareness"])
        let followup = try database.run(["survey", "awareness", "--wave", "followup-1", "--out", database.scratch.path("forms")])
        #expect(followup.code == 0, "\(followup.stderr)")
        let forms = database.scratch.url.appendingPathComponent("forms")
        let baseline = try Self.write(try Self.paper(forms.appendingPathComponent("awareness_baseline.codebook.json"), rows: 5), "b.csv", database)
        let later = try Self.write(try Self.paper(forms.appendingPathComponent("awareness_followup_1.codebook.json"), rows: 5), "f.csv", database)
        let first = try database.run(["import", "awareness", baseline, "--wave", "baseline"])
        #expect(first.stdout.contains("5 imported, 0 duplicates skipped"), "\(first.stdout)\(first.stderr)")
        let second = try database.run(["import", "awareness", later, "--wave", "followup-1"])
        #expect(second.stdout.contains("5 imported, 0 duplicates skipped"), "\(second.stdout)\(second.stderr)")
        // The same file again is still refused as duplicates, within its form and wave.
        let again = try database.run(["import", "awareness", baseline, "--wave", "baseline"])
        #expect(again.stdout.contains("0 imported, 5 duplicates skipped"), "\(again.stdout)")

        let ambiguous = try database.run(["purge", "--response", "1"])
        #expect(ambiguous.code == 64, "\(ambiguous.stdout)\(ambiguous.stderr)")
        #expect(ambiguous.stderr.contains("names 2 different respondents"))
        #expect(ambiguous.stderr.contains("wave baseline") && ambiguous.stderr.contains("wave followup-1"))
        #expect(try Self.keys(database, ["--wave", "baseline"]).count == 5)

        let one = try database.run(["purge", "--response", "1", "--form", "awareness", "--wave", "baseline"])
        #expect(one.code == 0, "\(one.stderr)")
        #expect(one.stdout.contains("Purged 1 response;"), "\(one.stdout)")
        #expect(try Self.keys(database, ["--wave", "baseline"]).sorted() == ["2", "3", "4", "5"])
        #expect(try Self.keys(database, ["--wave", "followup-1"]).sorted() == ["1", "2", "3", "4", "5"])
    }

    @Test func rowsWithoutANumberAreAllStoredAndWarnedAbout() throws {
        let database = try TestDatabase(surveys: ["awareness"])
        let codebook = database.scratch.url.appendingPathComponent("forms/awareness_baseline.codebook.json")
        var rows = try Self.paper(codebook, rows: 2)
        // Three identical refusals typed without a number.
        let refusal = rows[1].enumerated().map { $0.offset == 0 ? "" : $0.element }
        rows += [refusal, refusal, refusal]
        let file = try Self.write(rows, "paper.csv", database)
        let imported = try database.run(["import", "awareness", file])
        #expect(imported.code == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("5 imported, 0 duplicates skipped"), "\(imported.stdout)")
        #expect(imported.stderr.contains("3 rows have no questionnaire number (the first at line 4)"), "\(imported.stderr)")
        #expect(imported.stderr.contains("re-importing this file will store them again"))
        #expect(try Self.keys(database).count == 5)
    }

    @Test func aWithdrawalFindsTheQuarantinedRowTypedWithSpacesAndLeavesNoPersonalValue() throws {
        let database = try TestDatabase(surveys: ["awareness"])
        let codebook = database.scratch.url.appendingPathComponent("forms/awareness_baseline.codebook.json")
        var rows = try Self.paper(codebook, rows: 20, number: { String($0 + 1) })
        let district = try #require(rows[0].firstIndex(of: "profile/district"))
        let ageBand = try #require(rows[0].firstIndex(of: "profile/age_band"))
        // Respondent 17 first typed as "17 " with a no-break space before, with values that fail
        // their checks: the row is quarantined with an e-mail address and a phone number. Typed
        // again correctly further down, it is stored (a copy after the stored one would be a
        // duplicate, checked before the answers, and never kept).
        var typo = rows[17]
        typo[0] = "\u{A0}17 "
        typo[district] = "jane.withdrawn@example.org"
        typo[ageBand] = "+501 622 1234 567"
        rows.insert(typo, at: 17)
        let file = try Self.write(rows, "paper.csv", database)
        let imported = try database.run(["import", "awareness", file])
        #expect(imported.stdout.contains("20 imported, 0 duplicates skipped, 1 quarantined"), "\(imported.stdout)\(imported.stderr)")
        #expect(try PurgeCommandTests().fileContains(database, "jane.withdrawn@example.org"))

        let purged = try database.run(["purge", "--response", " 17", "--vacuum"])
        #expect(purged.code == 0, "\(purged.stderr)")
        #expect(purged.stdout.contains("Purged 1 response, 1 quarantined row; the file was rewritten"), "\(purged.stdout)")
        for suffix in ["", "-wal", "-journal"] {
            guard let data = FileManager.default.contents(atPath: database.path + suffix) else { continue }
            #expect(data.range(of: Data("jane.withdrawn@example.org".utf8)) == nil, "the e-mail address is in \(suffix)")
            #expect(data.range(of: Data("622 1234 567".utf8)) == nil, "the phone number is in \(suffix)")
        }
        #expect(!(try Self.keys(database)).contains("17"))
    }
}
