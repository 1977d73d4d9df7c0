import Foundation
import Testing
import WorkforceKit

/// Messages a spreadsheet user can follow: the line, the column letter and its header besides
/// file:line:column; quarantine reasons whole; a dry run that says what it would do; ids of
/// the wrong kind named as such.
@Suite struct SpreadsheetLocationTests {
    /// The demo's KoboToolbox export with the second row's district and size broken, and where
    /// the district's field starts: its column letter and its character column.
    static func brokenExport(_ database: TestDatabase) throws -> (path: String, district: String, sizeLetter: String, districtColumn: Int) {
        let lines = try String(contentsOf: repositoryRoot.appendingPathComponent("Surveys/demo/employers-kobotoolbox.csv"), encoding: .utf8)
            .split(whereSeparator: \.isNewline).map(String.init)
        let header = lines[0].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        let district = try #require(header.firstIndex(of: "profile/district"))
        let size = try #require(header.firstIndex(of: "profile/total_employees"))
        let row = try #require(lines.dropFirst(2).first { !$0.contains("\"") })
        var fields = row.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        fields[district] = "narnia"
        fields[size] = "-8"
        let path = database.scratch.path("employers.csv")
        try Data(([lines[0], lines[1], fields.joined(separator: ",")].joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: path))
        let column = fields[..<district].reduce(1) { $0 + $1.count + 1 }
        return (path, SourceLocation.columnLetters(district + 1), SourceLocation.columnLetters(size + 1), column)
    }

    @Test func aProblemNamesTheLineColumnLetterAndHeader() throws {
        let database = try TestDatabase(surveys: ["employer"])
        let file = try Self.brokenExport(database)
        let result = try database.run(["import", "employer", file.path])
        #expect(result.code == 0, "\(result.stderr)")
        #expect(result.stderr.contains(":3:\(file.districtColumn): value \"narnia\" is not a choice of district"), "\(result.stderr)")
        #expect(result.stderr.contains("toledo) [line 3, column \(file.district) `profile/district`]"), "\(result.stderr)")
        #expect(result.stderr.contains("below its minimum 1 [line 3, column \(file.sizeLetter) `profile/total_employees`]"))

        // The quarantine keeps the place, and a table shows every reason whole, wrapped.
        let table = try database.run(["imports", "--rejected", "1", "--format", "table"])
        #expect(table.code == 0)
        let text = table.stdout.split(separator: "\n").map { $0.prefix(85).trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        #expect(text.contains("line 3, column \(file.district) `profile/district`: value \"narnia\" is not a choice of district (belize, cayo, corozal, orange_walk, stann_creek, toledo)"), "\(table.stdout)")
        #expect(text.contains("line 3, column \(file.sizeLetter) `profile/total_employees`: value -8 of total_employees is below its minimum 1"), "\(table.stdout)")
        let json = try jsonRows(try database.run(["imports", "--rejected", "1", "--format", "json"]).stdout)
        #expect((json.first?["reasons"] as? String)?.contains("line 3, column \(file.district) `profile/district`: ") == true)
    }

    @Test func aDryRunSaysWhatItWouldDoWithoutDanglingText() throws {
        let database = try TestDatabase(surveys: ["employer"])
        let result = try database.run(["import", "employer", try Self.brokenExport(database).path, "--dry-run"])
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
