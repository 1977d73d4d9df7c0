import Foundation

/// The one formatter behind every figure shown to a reader (tables, notes, the report, the plan):
/// estimated counts of people and openings as whole numbers, shares as percentages with one
/// decimal, p-values as "< 0.001" or three decimals. Never traps, whatever the value.
public enum Figure {
    /// `value` with `decimals` decimals ("-" when it is not finite).
    public static func fixed(_ value: Double, _ decimals: Int) -> String {
        guard value.isFinite else { return "-" }
        let text = String(format: "%.\(max(0, min(decimals, 12)))f", value)
        // "-0" and "-0.0" read as 0.
        let negativeZero = text.hasPrefix("-") && text.dropFirst().allSatisfy { $0 == "0" || $0 == "." }
        return negativeZero ? String(text.dropFirst()) : text
    }

    /// An estimated count of people or openings, as a whole number.
    public static func count(_ value: Double) -> String { fixed(value, 0) }

    /// A count with its 95% interval: "42 (95% CI 0 to 125)".
    public static func count(_ e: Estimate) -> String {
        guard let low = e.ciLow, let high = e.ciHigh else { return count(e.value) }
        return "\(count(e.value)) (95% CI \(count(low)) to \(count(high)))"
    }

    /// A share (0 to 1) as a percentage with one decimal: "48.2%".
    public static func percent(_ share: Double) -> String { fixed(100 * share, 1) + "%" }

    /// A p- or q-value: "< 0.001" or three decimals.
    public static func pValue(_ p: Double) -> String { p < 0.001 ? "< 0.001" : fixed(p, 3) }
}
