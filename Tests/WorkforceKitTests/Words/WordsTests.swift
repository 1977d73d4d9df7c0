import Foundation
import Testing

@testable import WorkforceKit

@Suite struct WordsTests {
    let banks = repositoryRoot.appendingPathComponent("Surveys/banks/words")

    @Test func everyKeyOfTheBundledTablesHasEveryLanguageWithTheSamePlaceholders() throws {
        let words = try Words(folder: banks)
        #expect(!words.entries.isEmpty)
        for (key, entry) in words.entries {
            let placeholders = ReaderLanguage.allCases.map { Words.placeholders(entry.texts[$0] ?? "") }
            #expect(Set(placeholders).count == 1, "\(key) at \(entry.location)")
            for language in ReaderLanguage.allCases {
                #expect(!(entry.texts[language] ?? "").isEmpty, "\(key) has no \(language.rawValue) at \(entry.location)")
            }
        }
    }

    @Test func placeholdersAreFilledAndAnUnknownKeyReadsAsItself() throws {
        let folder = try TemporaryFolder()
        try folder.write("a.csv", "key,text::en,text::es\nt.cells,{count} cells withheld (fewer than {min}),{count} celdas omitidas (menos de {min})\nt.sep,{space}and{space},{space}y{space}\n")
        let words = try Words(folder: folder.url)
        #expect(words.text("t.cells", .en, ["count": "1,043", "min": "5"]) == "1,043 cells withheld (fewer than 5)")
        #expect(words.phrasebook(.es)("t.cells", ["count": "3", "min": "5"]) == "3 celdas omitidas (menos de 5)")
        #expect(words.text("t.sep", .es) == " y ")
        #expect(words.text("t.nowhere", .es) == "t.nowhere")
        #expect(Words.placeholders("{a} and {b_2}, not { c } or {}") == ["a", "b_2"])
    }

    @Test func aTableThatBreaksARuleIsRefusedWithItsPlace() throws {
        let cases: [(String, String)] = [
            ("key,text::en,text::es\nx.one,One,Uno\nx.one,Again,Otra vez\n", "already defined at"),
            ("key,text::en,text::es\nx.one,{count} people,personas\n", "different placeholders"),
            ("key,text::en,text::es\nx.one,One,\n", "has no text::es"),
            ("key,text::en\nx.one,One\n", "text::es"),
        ]
        for (text, message) in cases {
            let folder = try TemporaryFolder()
            try folder.write("b.csv", text)
            do {
                _ = try Words(folder: folder.url)
                Issue.record("accepted: \(text)")
            } catch {
                #expect("\(error)".contains(message), "\(error)")
                #expect("\(error)".contains("b.csv"), "\(error)")
            }
        }
    }

    /// Every `phrase("key"`, `.phrase("key"` and `Phrase("key"` in the sources (outside doc
    /// comments; every one on a line) names a key of the bundled tables.
    @Test func everyKeyTheSourcesSayIsInTheTables() throws {
        let words = try Words(folder: banks)
        let sources = repositoryRoot.appendingPathComponent("Sources")
        let pattern = try NSRegularExpression(pattern: #"\b[Pp]hrase\(\s*"([^"\\]+)""#)
        var checked = 0
        let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)
        while let url = files?.nextObject() as? URL {
            guard url.pathExtension == "swift" else { continue }
            let text = try String(contentsOf: url, encoding: .utf8)
            for line in text.split(separator: "\n", omittingEmptySubsequences: false) where !line.trimmingCharacters(in: .whitespaces).hasPrefix("///") {
                let line = String(line)
                for match in pattern.matches(in: line, range: NSRange(line.startIndex..., in: line)) {
                    guard let range = Range(match.range(at: 1), in: line) else { continue }
                    checked += 1
                    #expect(words.entries[String(line[range])] != nil, "\(url.lastPathComponent): phrase(\"\(line[range])\") is not in Surveys/banks/words/")
                }
            }
        }
        #expect(checked > 100)
    }
}
