import Foundation

/// What a result column holds, which decides how its numbers are written: for readers (the
/// `table` and `md` formats, the report's HTML and Markdown) and in CSV. JSON keeps full
/// precision whatever the kind.
///
/// CSV precision, by kind: whole numbers are written as integers (`12`, not `12.0`); `count` and
/// `number` (estimated people, openings, completions, standard deviations) to 2 decimals;
/// `share` (proportions, coefficients of variation, standard errors of a proportion), `points`
/// (a difference of two proportions) and `ratio`
/// (design effects, thresholds, z) to 4 decimals; `probability` (p- and q-values) to 4
/// significant digits, so that a small p keeps its size (`3.2e-07`); `effective` sizes to 2
/// decimals. Never float noise (`129.42142857142863` is `129.42`).
///
/// For readers: `count`, `effective` and `integer` as whole numbers with thousands separated, `number` to one decimal, `share` as a
/// percentage with one decimal, `points` as signed percentage points ("+8.4"), `probability` as "< 0.001" or three decimals, `ratio` to two
/// decimals, flags as yes or no; ids never broken, choices, indicators and statuses in words.
package enum ColumnKind: String, Sendable, CaseIterable {
    case text, id, date, choice, indicator, status, flag
    case integer, count, number, share, points, ratio, probability, effective

    /// A number of this kind as CSV writes it.
    package func csv(_ value: Double) -> String {
        guard value.isFinite else { return "" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        switch self {
        case .share, .points, .ratio: return Self.trimmed(Figure.fixed(value, 4))
        case .probability: return String(format: "%.4g", value)
        default: return Self.trimmed(Figure.fixed(value, 2))
        }
    }

    /// A number of this kind as a reader sees it in `language`; counts with their thousands
    /// separated ("1,043", "1 043").
    package func reader(_ value: Double, _ language: String = "en") -> String {
        switch self {
        case .count, .effective, .integer: Figure.count(value, language)
        case .number: Figure.fixed(value, 1)
        case .share: Figure.percent(value)
        case .points: (Figure.fixed(100 * value, 1).hasPrefix("-") || Figure.fixed(100 * value, 1) == "0.0" ? "" : "+") + Figure.fixed(100 * value, 1)
        case .probability: Figure.pValue(value)
        case .ratio: Figure.fixed(value, 2)
        default: value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : Figure.fixed(value, 2)
        }
    }

    /// Whether the kind is a number that readers see right-aligned.
    package var isNumeric: Bool {
        switch self {
        case .integer, .count, .number, .share, .points, .ratio, .probability, .effective: true
        default: false
        }
    }

    /// "129.4200" as "129.42", "0.5000" as "0.5"; integers stay.
    static func trimmed(_ text: String) -> String { Figure.trimmed(text) }
}
