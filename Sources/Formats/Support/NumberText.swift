import Foundation

/// Numbers read from files (frames, margins, the catalog), parsed strictly: a count is a whole
/// number written in decimal digits only, so `inf`, `Infinity`, `NaN`, `1e400`, `0x10`, `+7`,
/// `-0` and `7.0` are refused rather than read as something else, and no value is so large that
/// the figures computed from it overflow or lose their meaning.
package enum NumberText {
    /// The largest population or count of organisations a file may give (10^9: a country's
    /// adults or employers are far fewer).
    package static let maxPopulation = 1_000_000_000
    /// The largest number of completions a year one offering may have.
    package static let maxCompletions = 1_000_000

    /// The whole number `text` writes in decimal digits (leading zeros allowed), or `nil` when it
    /// has anything else (a sign, a point, an exponent, spaces inside) or exceeds `Int`.
    package static func whole(_ text: some StringProtocol) -> Int? {
        guard !text.isEmpty else { return nil }
        var value = 0
        for byte in text.utf8 {
            guard (0x30...0x39).contains(byte) else { return nil }
            let (times, o1) = value.multipliedReportingOverflow(by: 10)
            let (sum, o2) = times.addingReportingOverflow(Int(byte - 0x30))
            if o1 || o2 { return nil }
            value = sum
        }
        return value
    }

    /// The number `text` writes as decimal digits with an optional fraction (`12`, `12.5`,
    /// `0.25`), or `nil` for anything else: no sign, no exponent, no `inf` or `nan`, at most 15
    /// digits before the point, so that the value is exact enough and finite.
    package static func decimal(_ text: some StringProtocol) -> Double? {
        let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard let integer = parts.first, !integer.isEmpty, integer.count <= 15, whole(integer) != nil else { return nil }
        if parts.count == 2 {
            guard !parts[1].isEmpty, parts[1].count <= 15, parts[1].utf8.allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
        }
        return Double(String(text))
    }

    /// The whole number in `text` (spaces around it are ignored), checked to lie in `range`.
    ///
    /// - Parameters:
    ///   - what: the value as a message names it, e.g. `population of district cayo`.
    ///   - location: where `text` was read, for the error.
    /// - Throws: ``WorkforceError/badData(_:_:)`` at `location`, saying what was read and the
    ///   range a value must lie in.
    package static func whole(
        _ text: String, in range: ClosedRange<Int>, what: String, at location: SourceLocation
    ) throws(WorkforceError) -> Int {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let value = whole(trimmed), range.contains(value) else {
            throw .badData(
                location,
                "\(what) \"\(valuePrefix(trimmed))\" is not a whole number from \(range.lowerBound) to \(range.upperBound) written in digits (no sign, point, exponent or separators)")
        }
        return value
    }
}

extension Int {
    /// `value` rounded by `rule` (to the nearest whole number by default), or `nil` when it is
    /// not finite or does not fit an `Int` (where `Int(value)` would trap).
    package init?(roundingChecked value: Double, rule: FloatingPointRoundingRule = .toNearestOrAwayFromZero) {
        let rounded = value.rounded(rule)
        guard rounded.isFinite, rounded > -9.2e18, rounded < 9.2e18 else { return nil }
        self = Int(rounded)
    }
}
