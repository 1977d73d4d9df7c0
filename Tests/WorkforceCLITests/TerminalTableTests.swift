import Foundation
import Testing
import WorkforceKit

/// A text table a person can read: it fits the terminal (100 columns when not a terminal) with
/// the command's default columns, `--wide` and `--columns` show the others, no two columns of a
/// table share a header, counts have thousands separators and scores read as scores.
@Suite(.serialized) struct TerminalTableTests {
    @Test func everyTableFitsAHundredColumns() throws {
        for command in ReaderOutputTests.commands() {
            let text = try ReaderOutputTests.run(command, "table")
            // The notes above a table are prose; the table is from its header to the row count.
            guard let header = text.range(of: "\n-") ?? (text.hasPrefix("-") ? text.startIndex..<text.startIndex : nil) else { continue }
            let start = text[..<header.lowerBound].lastIndex(of: "\n").map { text.index(after: $0) } ?? text.startIndex
            for line in text[start...].split(separator: "\n") where !line.hasPrefix("(") {
                #expect(line.count <= 100, "\(command.joined(separator: " ")): a line of \(line.count) characters: \(line.prefix(120))")
            }
        }
    }

    @Test func noTwoColumnsShareAHeader() throws {
        for command in ReaderOutputTests.commands() {
            let markdown = try ReaderOutputTests.run(command, "md")
            for line in markdown.split(separator: "\n") where line.hasPrefix("| ") {
                let headers = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                #expect(Set(headers).count == headers.count, "\(command.joined(separator: " ")): \(headers)")
                break
            }
        }
    }

    @Test func wideAndColumnsShowTheRest() throws {
        let frame = repositoryRoot.appendingPathComponent("Surveys/demo/frame.csv").path
        let fitted = try ReaderOutputTests.run(["gaps", "--frame", frame], "table")
        #expect(fitted.contains("more columns: --wide shows them all"))
        #expect(!fitted.contains("Replacement"))
        let wide = try ReaderOutputTests.run(["gaps", "--frame", frame, "--wide"], "table")
        #expect(wide.contains("Replacement, coefficient of variation"))
        #expect(!wide.contains("more columns"))
        let picked = try ReaderOutputTests.run(["gaps", "--frame", frame, "--columns", "role_id,replacement,gap"], "table")
        let header = try #require(picked.split(separator: "\n").first { $0.hasPrefix("Work role") })
        #expect(header.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ") == "Work role Replacement of leavers (95% CI) Gap (95% CI)")
        // --columns picks in CSV too, with the interval of each figure.
        let csv = try ReaderOutputTests.run(["gaps", "--frame", frame, "--columns", "role_id,gap"], "csv")
        #expect(csv.hasPrefix("role_id,gap,gap_ci_low,gap_ci_high\r\n"))
        // A column the result does not have is a usage error naming the ones it has.
        let (scratch, db, _) = try ReaderOutputTests.demo.get()
        let wrong = try runWorkforce(["imports", "--db", db, "--columns", "batch,nope"], in: scratch.url)
        #expect(wrong.code == 64)
        #expect(wrong.stderr.contains("no column \"nope\"") && wrong.stderr.contains("quarantined"))
    }

    @Test func countsHaveThousandsSeparatorsAndScoresAreScores() throws {
        let frames = try ReaderOutputTests.run(["frames"], "table")
        #expect(frames.contains("250,414") || frames.range(of: #"\d,\d{3}\b"#, options: .regularExpression) != nil, "\(frames)")
        let search = try ReaderOutputTests.run(["framework", "search", "incident"], "table")
        #expect(!search.contains("%"), "a score is not a percentage: \(search.prefix(400))")
    }
}
