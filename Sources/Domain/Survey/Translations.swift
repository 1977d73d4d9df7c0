/// Texts of the forms in languages the item banks do not hold (Q'eqchi', Mopan, Garifuna,
/// Belize Kriol...), written by translators in a translation table
/// (``TranslationTemplate``), checked by ``TranslationTable`` and stored in the database.
/// Each text is found by its ``TranslationKey``.
package struct Translations: Sendable, Equatable {
    /// Key, then language code, then text.
    private var byKey: [String: LocalizedText] = [:]

    package init() {}

    package var isEmpty: Bool { byKey.isEmpty }

    /// The languages with at least one text.
    package var languages: Set<String> { Set(byKey.values.flatMap(\.keys)) }

    /// The texts of `key` in every language that has one.
    package func texts(_ key: String) -> LocalizedText { byKey[key] ?? [:] }

    /// Sets the text of `key` in `language`.
    package mutating func set(_ key: String, language: String, _ text: String) {
        byKey[key, default: [:]][language] = text
    }

    /// How many texts `language` has.
    package func count(_ language: String) -> Int { byKey.values.filter { $0[language] != nil }.count }
}

/// The stable name of one text of the forms, as the translation table and the database know it:
/// `employer.csv/consent/label`, `choices.csv/districts/cayo/label`,
/// `instruments.csv/employer/title`, `ui.csv/tick_one/text`, `roles/nice-2017/PR-CIR-001/name`.
/// A per-role question keeps its template name (`employer-role.csv/{id}_staff/label`): one
/// translation serves every role.
package enum TranslationKey {
    /// The bank columns that hold texts a respondent reads.
    static let questionColumns = ["label", "hint", "constraint_message", "short_label"]

    static func question(_ file: String, _ name: String, _ column: String) -> String { "\(file)/\(name)/\(column)" }
    static func choice(_ list: String, _ name: String, _ column: String) -> String { "choices.csv/\(list)/\(name)/\(column)" }
    static func title(_ instrument: String) -> String { "instruments.csv/\(instrument)/title" }
    static func word(_ key: String) -> String { "ui.csv/\(key)/text" }
    static func role(_ framework: String, _ id: String, _ column: String) -> String { "roles/\(framework)/\(id)/\(column)" }
}
