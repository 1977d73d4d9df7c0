import Foundation
import Testing

/// Messages a spreadsheet user can follow: the line, the column letter and its header besides
/// file:line:column; quarantine reasons whole; a dry run that says what it would do; ids of
/// the wrong kind named as such.
@Suite struct SpreadsheetLocationTests {
    /// The demo's KoboToolbox export with row 3's district and size broken.
    static func brokenExport(_ database: TestDatabase) throws -> String {
        let lines = try String(contentsOf: repositoryRoot.appendingPathComponent("Surveys/demo/employers-kobotoolbox.csv"), encoding: .utf8)
            .split(whereSeparator: \.isNewline)
        let broken = lines[2].replacingOccurrences(of: ",micro,8,toledo,", with: ",micro,-8,narnia,")
        #expect(broken != lines[2])
        let path = database.scratch.path("employers.csv")
        try Data(([String(lines[0]), String(lines[1]), broken].joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func aProblemNamesTheLineColumnLetterAndHeader() throws {
        let database = try TestDatabase(surveys: ["employer"])
        let result = try database.run(["import", "employer", try Self.brokenExport(database)])
        #expect(result.code == 0, "\(result.stderr)")
        #expect(result.stderr.contains(":3:72: value \"narnia\" is not a choice of district"), "\(result.stderr)")
        #expect(result.stderr.contains("toledo) [line 3, column H `profile/district`]"), "\(result.stderr)")
        #expect(result.stderr.contains("below its minimum 1 [line 3, column G `profile/total_employees`]"))

        // The quarantine keeps the place, and a table shows every reason whole, wrapped.
        let table = try database.run(["imports", "--rejected", "1", "--format", "table"])
        #expect(table.code == 0)
        let text = table.stdout.split(separator: "\n").map { $0.prefix(85).trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        #expect(text.contains("line 3, column H `profile/district`: value \"narnia\" is not a choice of district (belize, cayo, corozal, orange_walk, stann_creek, toledo);"), "\(table.stdout)")
        #expect(text.contains("line 3, column G `profile/total_employees`: value -8 of total_employees is below its minimum 1"), "\(table.stdout)")
        let json = try jsonRows(try database.run(["imports", "--rejected", "1", "--format", "json"]).stdout)
        #expect((json.first?["reasons"] as? String)?.hasPrefix("line 3, column H `profile/district`: ") == true)
    }

    @Test func aDryRunSaysWhatItWouldDoWithoutDanglingText() throws {
        let database = try TestDatabase(surveys: ["employer"])
        let result = try database.run(["import", "employer", try Self.brokenExport(database), "--dry-run"])
        #expect(result.code == 0)
        #expect(result.stdout.contains("read 2 rows: 1 would be imported, 0 duplicates skipped, 1 quarantined."))
        #expect(result.stderr.contains("1 row quarantined; fix it and check again (a dry run stores no rows to list).\n"))
        #expect(!result.stderr.contains("; \n"))
    }

    @Test(arguments: [
        ("T0001", "T0001 is a task, not a KSA"), ("X123", "no KSA X123 in framework nice-2017"),
    ])
    func coursesCoveringSaysWhatTheIdIs(_ id: String, _ message: String) throws {
        let database = try TestDatabase()
        let result = try database.run(["courses", "covering", id])
        #expect(result.code == 65)
        #expect(result.stderr.contains(message), "\(result.stderr)")
    }
}
