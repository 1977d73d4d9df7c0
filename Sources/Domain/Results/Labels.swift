import Foundation

/// The words readers see in place of machine names: a label and a kind for every result column
/// (`Surveys/banks/columns.csv`), a label for every awareness indicator
/// (`Surveys/banks/indicators.csv`) and for every choice of the item bank
/// (`Surveys/banks/choices.csv`), in English and Spanish. JSON and CSV keep the machine names;
/// the `table` and `md` formats and the report use these.
package struct Labels: Sendable {
    package struct Column: Sendable, Equatable {
        package var kind: ColumnKind
        package var label: LocalizedText
    }

    package var columns: [String: Column] = [:]
    package var indicators: [String: LocalizedText] = [:]
    /// Choice labels by choice name; a name in several lists takes its first list's label.
    package var choices: [String: LocalizedText] = [:]
    /// Choice labels by list, then name: a name in several lists ("none") reads as its own list says.
    package var lists: [String: [String: LocalizedText]] = [:]
    /// The list of each select question of the awareness form (`district` → `districts`), so
    /// that an awareness group reads from the awareness form's own list.
    package var awarenessLists: [String: String] = [:]

    package init() {}

    /// Reads the three files from `folder` (a `Surveys/banks` folder).
    ///
    /// - Throws: ``WorkforceError`` when a file is missing or malformed, or a column's kind is
    ///   not one of ``ColumnKind``.
    package init(folder: URL) throws(WorkforceError) {
        for row in try ItemBank.rows(folder.appendingPathComponent("columns.csv"), required: ["column", "kind", "label::en", "label::es"]) {
            guard let kind = ColumnKind(rawValue: row["kind"]) else {
                throw .badData(
                    row.location,
                    "kind \"\(row["kind"])\" of column \(row["column"]) is not one of \(ColumnKind.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            columns[row["column"]] = Column(kind: kind, label: row.localized("label"))
        }
        for row in try ItemBank.rows(folder.appendingPathComponent("indicators.csv"), required: ["indicator", "label::en", "label::es"]) {
            indicators[row["indicator"]] = row.localized("label")
        }
        for row in try ItemBank.rows(folder.appendingPathComponent("choices.csv"), required: ["list_name", "name", "label::en"]) {
            lists[row["list_name"], default: [:]][row["name"]] = row.localized("label")
            if choices[row["name"]] == nil { choices[row["name"]] = row.localized("label") }
        }
        let awareness = folder.appendingPathComponent("awareness.csv")
        if FileManager.default.fileExists(atPath: awareness.path) {
            for row in try ItemBank.rows(awareness, required: ["type", "name"]) {
                let type = row["type"].split(separator: " ")
                if type.count == 2, type[0].hasPrefix("select_") { awarenessLists[row["name"]] = String(type[1]) }
            }
        }
    }

    /// The bundled labels (empty when the bundled data cannot be read: every name then reads
    /// as itself, humanised).
    package static let bundled: Labels = {
        guard let home = try? BundledData.home() else { return Labels() }
        return (try? Labels(folder: home.appendingPathComponent("Surveys/banks"))) ?? Labels()
    }()

    /// The kind of column `name` (`text` for a column the file does not list).
    package func kind(_ name: String) -> ColumnKind { columns[name]?.kind ?? .text }

    /// Column `name`'s header in `language`; a column not listed (already a label, such as
    /// "Work role") reads as itself, humanised.
    package func column(_ name: String, _ language: String = "en") -> String {
        columns[name].map { Self.text($0.label, language) } ?? Self.humanised(name)
    }

    /// Indicator `name` in words ("Knows how to spot a phishing message").
    package func indicator(_ name: String, _ language: String = "en") -> String {
        indicators[name].map { Self.text($0, language) } ?? Self.humanised(name)
    }

    /// Choice `name` in words ("Orange Walk"); an unknown one humanised.
    package func choice(_ name: String, _ language: String = "en") -> String {
        choices[name].map { Self.text($0, language) } ?? Self.humanised(name)
    }

    /// Choice `name` of list `list` in words; a name the list lacks as ``choice(_:_:)`` reads it.
    package func choice(_ name: String, list: String, _ language: String = "en") -> String {
        lists[list]?[name].map { Self.text($0, language) } ?? choice(name, language)
    }

    /// A group of an awareness breakdown (`district`, `sex`, `age`, `urban`, `language`,
    /// `group`) in words, from the awareness form's own list for it.
    package func awarenessGroup(_ name: String, breakdown: String, _ language: String = "en") -> String {
        guard let question = AwarenessBreakdown(rawValue: breakdown)?.question, let list = awarenessLists[question] else { return choice(name, language) }
        return choice(name, list: list, language)
    }

    /// An employer stratum in words: "Agro-processing and manufacturing, large".
    package func stratum(sector: String, sizeBand: String, _ language: String = "en") -> String {
        var name = choice(sector, language)
        // The short name: "Tourism: hotels, ..." as "Tourism", "... security (including ...)" without the parenthesis.
        if let cut = name.range(of: " (") ?? name.range(of: ":") { name = String(name[..<cut.lowerBound]) }
        return "\(name), \(sizeBand.replacingOccurrences(of: "_", with: " "))"
    }

    /// Strata written as `sector x size_band` in a text, each in words.
    package func strata(in text: String, _ language: String = "en") -> String {
        guard text.contains(" x ") else { return text }
        let one = "[a-z][a-z0-9_]* x (?:micro|small|medium|large)\\b"
        // A list of strata is separated by semicolons, as each stratum holds a comma.
        let text = text.replacingOccurrences(of: "(\\b\(one)), (?=\(one))", with: "$1; ", options: .regularExpression)
        let pattern = try? NSRegularExpression(pattern: "\\b([a-z][a-z0-9_]*) x (micro|small|medium|large)\\b")
        guard let pattern else { return text }
        var out = text
        for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)).reversed() {
            guard let whole = Range(match.range, in: text), let s = Range(match.range(at: 1), in: text), let b = Range(match.range(at: 2), in: text) else { continue }
            out.replaceSubrange(whole, with: stratum(sector: String(text[s]), sizeBand: String(text[b]), language))
        }
        return out
    }

    /// A KSA as readers see it: its statement with its id beside it, "Knowledge of
    /// telecommunications concepts (K0093)"; the id alone when the statement is unknown. The
    /// report, the plan and the explorer name KSAs so, never by id alone.
    package static func ksa(_ id: String, statement: String?) -> String {
        guard var text = statement?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return id }
        if text.hasSuffix(".") { text.removeLast() }
        return "\(text) (\(id))"
    }

    /// KSAs named by ``ksa(_:statement:)``, at most `limit`, separated by semicolons (a
    /// statement holds commas), with how many more there are.
    package static func ksas(_ ids: [String], statements: [String: String], limit: Int = 6, _ language: ReaderLanguage = .en) -> String {
        let shown = ids.prefix(limit).map { ksa($0, statement: statements[$0]) }.joined(separator: "; ")
        let more = Words.bundled.text("common.and_more", language, ["count": String(ids.count - limit)])
        return ids.count > limit ? "\(shown); \(more)" : shown
    }

    static func text(_ label: LocalizedText, _ language: String) -> String {
        label[language] ?? label["en"] ?? label.values.sorted().first ?? ""
    }

    /// `hard_to_fill` as "Hard to fill"; a name with no underscore stays as it is.
    package static func humanised(_ name: String) -> String {
        guard name.contains("_") else { return name }
        let words = name.replacingOccurrences(of: "_", with: " ").trimmingCharacters(in: .whitespaces)
        return words.prefix(1).uppercased() + words.dropFirst()
    }
}
