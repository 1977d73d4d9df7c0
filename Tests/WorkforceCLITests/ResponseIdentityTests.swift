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
        // Respondent 17 typed again as "17 " with a no-break space before, with values that fail
        // their checks: the row is quarantined with an e-mail address and a phone number.
        var typo = rows[17]
        typo[0] = "\u{A0}17 "
        typo[district] = "jane.withdrawn@example.org"
        typo[ageBand] = "+501 622 1234 567"
        rows.append(typo)
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

/// Payloads in respondents' cells and in `--fill` texts reach no output raw (issue 34).
@Suite struct PayloadNeutralisationTests {
    @Test func quarantinedCellsAndFillTextsAreShownEscapedAndNeutralised() throws {
        let database = try TestDatabase(surveys: ["awareness"])
        let codebook = database.scratch.url.appendingPathComponent("forms/awareness_baseline.codebook.json")
        var rows = try ResponseIdentityTests.paper(codebook, rows: 3)
        let district = try #require(rows[0].firstIndex(of: "profile/district"))
        rows[2][district] = "\u{1B}]0;pwned\u{07}\u{1B}[2J"
        rows[3][district] = "=HYPERLINK(\"\"http://x\"\")"
        rows[3][district] = "\"" + rows[3][district] + "\""
        let file = try ResponseIdentityTests.write(rows, "hostile.csv", database)
        let imported = try database.run(["import", "awareness", file])
        #expect(imported.stdout.contains("2 quarantined"), "\(imported.stdout)\(imported.stderr)")
        let rejected = try database.run(["imports", "--rejected", "1", "--format", "csv"])
        #expect(rejected.code == 0, "\(rejected.stderr)")
        #expect(!rejected.stdout.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 }, "\(rejected.stdout)")
        #expect(rejected.stdout.contains("\\u{1B}]0;pwned\\u{7}"))
        #expect(rejected.stdout.contains("'=HYPERLINK("))

        let fill = "<img src=x onerror=alert(1)>\u{1B}[2J"
        let survey = try database.run(["survey", "awareness", "--fill", "contact=\(fill)", "--out", database.scratch.path("hostile-forms")])
        #expect(survey.code == 0, "\(survey.stderr)")
        for name in ["awareness_baseline.en.md", "awareness_baseline.es.md"] {
            let md = try String(contentsOfFile: database.scratch.path("hostile-forms/\(name)"), encoding: .utf8)
            #expect(!md.contains("<img"), "\(name)")
            #expect(md.contains("&lt;img src=x onerror=alert(1)>"), "\(name)")
            #expect(!md.unicodeScalars.contains { $0.value == 0x1B }, "\(name)")
        }
    }
}

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

/// What the tool accepts is what it says it accepts (issue 34).
@Suite struct AcceptanceTests {
    @Test func numericOptionsAreDecimalNumbersOnly() {
        for value in ["0x10", "inf", "nan", "1e", "0x1p3"] {
            let result = runInProcess(["sample-size", "--margin", "0.05", "--deff", value])
            #expect(result.code == 64, "--deff \(value): \(result.stdout)")
        }
        #expect(runInProcess(["sample-size", "--margin", "0.05", "--deff", "1.5"]).code != 64)
    }

    @Test func submissionTimesThatAreNoDateTimesAreQuarantinedAtTheirCell() throws {
        let database = try TestDatabase(surveys: ["awareness"])
        let codebook = database.scratch.url.appendingPathComponent("forms/awareness_baseline.codebook.json")
        let text = try ResponsesCommandTests.koboExport(codebook: codebook, rows: 6).text
        var lines = text.split(separator: "\n").map(String.init)
        for (row, value) in [(1, "yesterday"), (2, "2026-02-30T00:00:00"), (3, "-1")] {
            var fields = lines[row].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            fields[1] = value
            lines[row] = fields.joined(separator: ",")
        }
        let file = database.scratch.url.appendingPathComponent("times.csv")
        try (lines.joined(separator: "\n") + "\n").write(to: file, atomically: true, encoding: .utf8)
        let imported = try database.run(["import", "awareness", file.path])
        #expect(imported.stdout.contains("3 imported, 0 duplicates skipped, 3 quarantined"), "\(imported.stdout)\(imported.stderr)")
        #expect(imported.stderr.contains("times.csv:3:"), "\(imported.stderr)")
        #expect(imported.stderr.contains("_submission_time \"2026-02-30T00:00:00\" is not an ISO 8601 date-time"))
    }

    @Test func aComponentsFrameworkIsSurveyedInTheDefaultLanguages() throws {
        let database = try TestDatabase()
        #expect(try database.run(["framework", "import", "nice-components-v1.0.0"]).code == 0)
        let survey = try database.run(["survey", "employer", "--framework", "nice-components-v1.0.0", "--out", database.scratch.path("components")])
        #expect(survey.code == 0, "\(survey.stderr.suffix(600))")
        #expect(survey.stderr.contains("the Spanish forms show NIST's English for such roles"))
        #expect(!survey.stderr.contains("error:"))
        let csv = try String(contentsOfFile: database.scratch.path("components/employer.xlsform.csv"), encoding: .utf8)
        #expect(csv.contains("og_wrl_001"))
    }
}
