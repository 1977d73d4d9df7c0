import Foundation
import Testing

@testable import WorkforceKit

/// The awareness bank's knowledge items cannot be answered by picking the longest option: a
/// test-wise respondent who does so must not score, in any language the bank holds.
@Suite struct KnowledgeItemTests {
    /// How many characters longer than every wrong option the right one may be.
    static let slack = 5

    struct Item {
        var name: String
        var list: String
        var right: [String]
        var wrong: [String]
    }

    /// Each scored single-choice question with one right option: its list and its options.
    static func items() throws -> [Item] {
        let banks = repositoryRoot.appendingPathComponent("Surveys/banks")
        var items: [Item] = []
        for row in try ItemBank.rows(banks.appendingPathComponent("awareness.csv"), required: ["type", "name", "scoring"]) {
            let type = row["type"].split(separator: " ").map(String.init)
            guard type.count == 2, type[0] == "select_one", let scoring = row["scoring"].split(separator: ":").last else { continue }
            let parts = scoring.split(separator: "/", omittingEmptySubsequences: false).map { $0.split(separator: " ").map(String.init) }
            guard parts.count == 2 else { continue }
            items.append(Item(name: row["name"], list: type[1], right: parts[0], wrong: parts[1].filter { $0 != "dont_know" }))
        }
        return items
    }

    static let repositoryRoot: URL = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url = url.deletingLastPathComponent() }
        return url
    }()

    @Test func theRightAnswerIsNeverTheLongestByMoreThanAFewCharacters() throws {
        let items = try Self.items().filter { $0.right.count == 1 && $0.wrong.count >= 2 }
        #expect(items.count >= 6, "the knowledge items were not found: \(items.map(\.name))")
        let choices = try ItemBank.rows(
            Self.repositoryRoot.appendingPathComponent("Surveys/banks/choices.csv"), required: ["list_name", "name", "label::en", "label::es"])
        for language in ["en", "es"] {
            var longestIsRight = 0
            for item in items {
                func label(_ name: String) -> String {
                    choices.first { $0["list_name"] == item.list && $0["name"] == name }?["label::\(language)"] ?? ""
                }
                let right = label(item.right[0]).count
                let wrong = item.wrong.map { label($0).count }
                #expect(right > 0 && !wrong.contains(0), "\(item.name): an option has no \(language) label")
                let longestWrong = wrong.max() ?? 0
                #expect(
                    right <= longestWrong + Self.slack,
                    "\(item.name) (\(language)): the right answer has \(right) characters, the wrong ones at most \(longestWrong)")
                if right > longestWrong { longestIsRight += 1 }
            }
            // Not systematically the longest either: at most half the items.
            #expect(longestIsRight * 2 <= items.count, "\(language): the right answer is the longest in \(longestIsRight) of \(items.count) items")
        }
    }
}
