import Foundation
import Testing

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
