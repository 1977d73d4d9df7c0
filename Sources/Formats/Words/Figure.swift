import Foundation

/// The one formatter behind every figure shown to a reader (tables, notes, the report, the plan):
/// estimated counts of people and openings as whole numbers with thousands separated, shares as percentages with one
/// decimal, p-values as "< 0.001" or three decimals. Never traps, whatever the value.
package enum Figure {
    /// `value` with `decimals` decimals ("-" when it is not finite).
    package static func fixed(_ value: Double, _ decimals: Int) -> String {
        guard value.isFinite else { return "-" }
        let text = String(format: "%.\(max(0, min(decimals, 12)))f", value)
        // "-0" and "-0.0" read as 0.
        let negativeZero = text.hasPrefix("-") && text.dropFirst().allSatisfy { $0 == "0" || $0 == "." }
        return negativeZero ? String(text.dropFirst()) : text
    }

    /// An estimated count of people or openings, as a whole number with thousands separated:
    /// "1,043" in English, "1 043" (a no-break space) in Spanish.
    package static func count(_ value: Double, _ language: String = "en") -> String { grouped(fixed(value, 0), language) }

    /// The separator between thousands in `language`: a comma in English, a no-break space in
    /// Spanish (the decimal point stays a point, as in Belize and Central America).
    package static func thousandsSeparator(_ language: String) -> String { language == "es" ? "\u{00A0}" : "," }

    /// A number written by ``fixed(_:_:)`` with its whole part in groups of three: "12345.6"
    /// as "12,345.6"; a sign and a decimal part stay; "-" stays as it is.
    package static func grouped(_ text: String, _ language: String = "en") -> String {
        let sign = text.hasPrefix("-") ? "-" : ""
        let body = text.dropFirst(sign.count)
        let whole = body.prefix { $0.isNumber }
        guard whole.count > 3, whole.allSatisfy(\.isASCII) else { return text }
        var digits = Array(whole)
        var out: [String] = []
        while digits.count > 3 {
            out.insert(String(digits.suffix(3)), at: 0)
            digits.removeLast(3)
        }
        out.insert(String(digits), at: 0)
        return sign + out.joined(separator: thousandsSeparator(language)) + body.dropFirst(whole.count)
    }

    /// A share (0 to 1) as a percentage with one decimal: "48.2%" in English; in Spanish the sign
    /// follows a no-break space, as the RAE and ISO 80000 write it: "48.2 %".
    package static func percent(_ share: Double, _ language: String) -> String {
        fixed(100 * share, 1) + (language == "es" ? "\u{00A0}%" : "%")
    }

    /// A share as a percentage in English: "48.2%".
    package static func percent(_ share: Double) -> String { percent(share, "en") }

    /// A p- or q-value: "< 0.001" or three decimals.
    package static func pValue(_ p: Double) -> String { p < 0.001 ? "< 0.001" : fixed(p, 3) }

    /// A fixed-point number without trailing zeros: "1.50" as "1.5", "2.00" as "2".
    package static func trimmed(_ text: String) -> String {
        guard text.contains(".") else { return text }
        var t = Substring(text)
        while t.hasSuffix("0") { t = t.dropLast() }
        if t.hasSuffix(".") { t = t.dropLast() }
        return t == "-0" ? "0" : String(t)
    }
}
