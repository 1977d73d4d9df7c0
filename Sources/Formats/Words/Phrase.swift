import Foundation

/// A sentence for readers kept as data until it is shown: a key of the word tables
/// (``Words``) and its values, typed so that each language writes them its own way (thousands
/// separators, lists with "and" or "y"). A model keeps phrases, never their text; the renderer
/// of a format writes them in its language (JSON and CSV notes in English).
///
///     let note = Phrase.phrase("analysis.note.refusals", ["count": .count(3)])
///     note.text(.es)
package struct Phrase: Sendable, Equatable {
    /// A value of a placeholder.
    package indirect enum Value: Sendable, Equatable {
        /// A name, an id or a code: as it is in every language.
        case text(String)
        /// A whole number with its thousands separated as the language has it ("1,043", "1 043").
        case count(Double)
        /// A number with `decimals` decimals.
        case fixed(Double, decimals: Int)
        /// A share as a percentage with one decimal ("12.5%").
        case percent(Double)
        /// Another phrase, in the same language.
        case phrase(Phrase)
        /// Values as a list: "a, b and c" ("a, b y c").
        case list([Value])
        /// Values separated by commas only: "a, b, c".
        case series([Value])
        /// Values separated by semicolons, for items that hold commas: "a (1, 2); b".
        case items([Value])
    }

    package var key: String
    package var values: [String: Value]

    package init(_ key: String, _ values: [String: Value] = [:]) {
        self.key = key
        self.values = values
    }

    /// A phrase of key `key` (spelled so that `WordsTests` finds the key in the sources).
    package static func phrase(_ key: String, _ values: [String: Value] = [:]) -> Phrase { Phrase(key, values) }

    /// The sentence in the phrasebook's language.
    package func text(_ phrase: Phrasebook) -> String {
        phrase(key, values.mapValues { $0.text(phrase) })
    }

    /// The sentence in `language`, from the bundled word tables.
    package func text(_ language: ReaderLanguage = .en) -> String { text(Words.bundled.phrasebook(language)) }
}

extension Phrase.Value {
    /// The value written in the phrasebook's language.
    package func text(_ phrase: Phrasebook) -> String {
        let language = phrase.language.rawValue
        switch self {
        case .text(let s): return s
        case .count(let x): return Figure.count(x, language)
        case .fixed(let x, let decimals): return Figure.fixed(x, decimals)
        case .percent(let x): return Figure.percent(x)
        case .phrase(let p): return p.text(phrase)
        case .series(let items): return items.map { $0.text(phrase) }.joined(separator: ", ")
        case .items(let items): return items.map { $0.text(phrase) }.joined(separator: "; ")
        case .list(let items):
            let texts = items.map { $0.text(phrase) }
            guard texts.count > 1, let last = texts.last else { return texts.first ?? "" }
            return phrase("analysis.list.and", ["first": texts.dropLast().joined(separator: ", "), "last": last])
        }
    }
}

extension Array where Element == Phrase {
    /// Every phrase in `language`.
    package func texts(_ language: ReaderLanguage = .en) -> [String] {
        let phrase = Words.bundled.phrasebook(language)
        return map { $0.text(phrase) }
    }
}
