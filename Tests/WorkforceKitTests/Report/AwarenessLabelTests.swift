import Foundation
import Testing

@testable import Domain
@testable import Formats
@testable import Statistics
@testable import Storage
@testable import WorkforceKit

/// Every awareness group reads from the awareness form's own list (issue 30): "none" of the
/// target groups is "None of these", never the employer outsourcing list's "None of it".
@Suite struct AwarenessLabelTests {
    /// The awareness form's label of every choice of each breakdown's list, by language.
    static func formLabels(_ language: String) throws -> Set<String> {
        let labels = Labels.bundled
        var words: Set<String> = [language == "es" ? "Todos" : "All"]
        for b in AwarenessBreakdown.allCases {
            let list = try #require(labels.awarenessLists[b.question], "\(b.question) has no list in awareness.csv")
            for text in try #require(labels.lists[list]).values {
                let word = Labels.text(text, language)
                words.insert(word.prefix(1).uppercased() + word.dropFirst())
            }
        }
        return words
    }

    @Test(arguments: ["en", "es"])
    func everyBreakdownGroupReadsFromItsAwarenessList(_ language: String) throws {
        let labels = Labels.bundled
        var table = ResultTable(columns: ["indicator", "breakdown", "group", "status", "reason"])
        var expected: [String] = []
        for b in AwarenessBreakdown.allCases {
            let list = try #require(labels.awarenessLists[b.question])
            for (name, text) in try #require(labels.lists[list]).sorted(by: { $0.key < $1.key }) {
                table.append([.text("uses_2fa"), .text(b.rawValue), .text(name), .text("published"), .null])
                let word = Labels.text(text, language)
                expected.append(word.prefix(1).uppercased() + word.dropFirst())
            }
        }
        let reader = table.forReaders(language)
        let column = try #require(reader.names.firstIndex(of: "group"))
        #expect(reader.rows.map { $0[column] } == expected)
        let none = try #require(table.rows.firstIndex { $0[1] == .text("group") && $0[2] == .text("none") })
        #expect(reader.rows[none][column] == (language == "es" ? "Ninguna de estas" : "None of these"))
    }

    /// The committed sample report (which `ReportCommandTests` holds equal to what the demo
    /// writes): every group of every awareness table is a label of the awareness form.
    @Test func theSampleReportsAwarenessGroupsAreTheFormsLabels() throws {
        let report = try String(contentsOf: try BundledData.home().appendingPathComponent("Reports/sample/report.md"), encoding: .utf8)
        let lines = report.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let start = try #require(lines.firstIndex { $0.hasPrefix("## Awareness") })
        let end = lines[(start + 1)...].firstIndex { $0.hasPrefix("## ") } ?? lines.count
        let allowed = try Self.formLabels("en")
        var column: Int?
        var walked = 0
        for line in lines[start..<end] {
            guard line.hasPrefix("|") else {
                column = nil
                continue
            }
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).dropFirst().dropLast().map { $0.trimmingCharacters(in: .whitespaces) }
            if column == nil {
                column = cells.firstIndex(of: "Group")
                continue
            }
            guard let c = column, c < cells.count, !cells[c].allSatisfy({ $0 == "-" || $0 == ":" }) else { continue }
            #expect(allowed.contains(cells[c]), "\(cells[c]) is not a label of the awareness form")
            walked += 1
        }
        #expect(walked > 50)
    }
}
