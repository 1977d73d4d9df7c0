import Foundation

/// A language readers' output is written in. JSON and CSV keep machine names in every
/// language; the `table` and `md` formats, the report and the explorer speak the language.
package enum ReaderLanguage: String, CaseIterable, Sendable, Codable {
    case en, es
}

/// Every sentence, label and note a reader sees, as data: the word tables under
/// `Surveys/banks/words/` (one CSV file per area, columns `key,text::en,text::es`), so that a
/// sentence is written once, in each language, and never inside code.
///
/// A text holds placeholders `{name}` that the caller fills with values already formatted for
/// the language (``NumberText``); a constant (the smallest publishable cell, a threshold) is
/// always a placeholder, never restated in the words. Keys are dotted by area
/// (`report.main_points.heading`, `plan.action.scale`) and unique across the files. Code reads
/// the words through a ``Phrasebook`` bound to one language, by convention named `phrase`:
///
///     let phrase = Words.bundled.phrasebook(.es)
///     phrase("plan.seats", ["seats": "79"])
///
/// `WordsTests` checks that every key has both languages with the same placeholders, and that
/// every `phrase("key")` in `Sources/` names a key of the tables.
package struct Words: Sendable {
    /// One key's texts and the file line it was read from.
    package struct Entry: Sendable, Equatable {
        package var texts: [ReaderLanguage: String]
        package var location: SourceLocation
    }

    package private(set) var entries: [String: Entry] = [:]

    package init() {}

    /// Reads every `*.csv` file of `folder`, in name order.
    ///
    /// - Throws: ``WorkforceError`` naming the file and line of a key defined twice, a text
    ///   missing in a language, or a placeholder one language has and the other lacks.
    package init(folder: URL) throws(WorkforceError) {
        let names: [String]
        do { names = try FileManager.default.contentsOfDirectory(atPath: folder.path) } catch {
            throw .noInput(path: folder.path, reason: "the word tables folder cannot be read")
        }
        for name in names.sorted() where name.hasSuffix(".csv") {
            let url = folder.appendingPathComponent(name)
            let required = ["key"] + ReaderLanguage.allCases.map { "text::\($0.rawValue)" }
            for row in try BankRow.read(url, required: required) {
                let key = row["key"]
                guard !key.isEmpty else { throw .badData(row.location, "a word table row has no key") }
                if let first = entries[key] {
                    throw .badData(row.location, "key \(key) is already defined at \(first.location)")
                }
                var texts: [ReaderLanguage: String] = [:]
                for language in ReaderLanguage.allCases {
                    // Cells are trimmed by `BankRow`; a text that must begin or end with a space
                    // (a separator such as "; ") is written with the placeholder {space}.
                    let text = row["text::\(language.rawValue)"]
                    guard !text.isEmpty else {
                        throw .badData(row.location, "key \(key) has no text::\(language.rawValue); give every key a text in every language")
                    }
                    texts[language] = text.replacingOccurrences(of: "{space}", with: " ")
                }
                let placeholders = Set(texts.values.map(Self.placeholders))
                if placeholders.count > 1 {
                    let listed = ReaderLanguage.allCases.map { "\($0.rawValue): \(Self.placeholders(texts[$0] ?? "").sorted().joined(separator: ", "))" }
                    throw .badData(row.location, "key \(key) has different placeholders in its languages (\(listed.joined(separator: "; ")))")
                }
                entries[key] = Entry(texts: texts, location: row.location)
            }
        }
    }

    /// The bundled word tables, `Surveys/banks/words/` (empty when the bundled data cannot be
    /// read: every key then reads as itself).
    package static let bundled: Words = {
        guard let home = try? BundledData.home() else { return Words() }
        return (try? Words(folder: home.appendingPathComponent("Surveys/banks/words"))) ?? Words()
    }()

    /// The words of one language.
    package func phrasebook(_ language: ReaderLanguage) -> Phrasebook { Phrasebook(words: self, language: language) }

    /// Key `key`'s text in `language` with its placeholders filled from `values`; a key the
    /// tables lack reads as the key itself, so that it shows (and `WordsTests` fails).
    package func text(_ key: String, _ language: ReaderLanguage, _ values: [String: String] = [:]) -> String {
        guard var text = entries[key]?.texts[language] else { return key }
        for (name, value) in values { text = text.replacingOccurrences(of: "{\(name)}", with: value) }
        return text
    }

    /// The placeholder names of `text`: `{name}` with a name of letters, digits and `_`.
    package static func placeholders(_ text: String) -> Set<String> {
        var names: Set<String> = []
        var rest = text[...]
        while let open = rest.firstIndex(of: "{") {
            let after = rest.index(after: open)
            guard let close = rest[after...].firstIndex(of: "}") else { break }
            let name = rest[after..<close]
            if !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) { names.insert(String(name)) }
            rest = rest[rest.index(after: close)...]
        }
        return names
    }
}

/// The words of one language: `phrase("key", ["name": value])`.
package struct Phrasebook: Sendable {
    package var words: Words
    package var language: ReaderLanguage

    package func callAsFunction(_ key: String, _ values: [String: String] = [:]) -> String {
        words.text(key, language, values)
    }
}
