import Foundation
import Testing

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
