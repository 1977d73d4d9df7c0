/// One estimated figure with its precision: the value, its standard error (`nil` where there is
/// no sampling error to estimate: unweighted figures that describe the respondents only), the 95%
/// interval `value ± 1.96 SE` and the coefficient of variation `SE / value`.
package struct Estimate: Sendable, Equatable {
    package var value: Double
    package var se: Double?
    /// A count (people, openings, organisations): its interval's lower bound is floored at 0.
    package var isCount: Bool

    package init(_ value: Double, se: Double? = nil, isCount: Bool = true) {
        self.value = value
        self.se = se
        self.isCount = isCount
    }

    /// A figure known by its value and 95% interval (an interval shifted with its figure, a
    /// test's case): no standard error; without both bounds, no interval.
    package init(_ value: Double, ciLow: Double?, ciHigh: Double?) {
        self.init(value, se: nil, isCount: false)
        if let ciLow, let ciHigh, ciLow <= ciHigh { bounds = ciLow...ciHigh }
    }

    package static let zero = Estimate(0, se: 0)

    /// The 1.96 of a two-sided 95% normal interval.
    package static let z95 = 1.959963984540054

    /// A proportion's own interval (Korn-Graubard), used instead of `value ± 1.96 SE`.
    package var bounds: ClosedRange<Double>?
    /// A proportion of exactly 0 or 1 with sampling error: no interval can be computed, and the
    /// figure is for review, not a certainty.
    package var forReview = false

    /// The lower bound: a proportion's own interval; a count's `value - 1.96 SE` floored at 0; a
    /// difference's `value - 1.96 SE` (it may be negative).
    package var ciLow: Double? {
        if let bounds { return bounds.lowerBound }
        if forReview { return nil }
        return se.map { isCount ? max(0, value - Self.z95 * $0) : value - Self.z95 * $0 }
    }
    package var ciHigh: Double? {
        if let bounds { return bounds.upperBound }
        if forReview { return nil }
        return se.map { value + Self.z95 * $0 }
    }
    /// `SE / value`; `nil` when the value is 0 or there is no standard error.
    package var cv: Double? {
        guard let se, value != 0 else { return nil }
        return se / abs(value)
    }

    /// The figure scaled by a constant (no sampling error in `factor`).
    package func scaled(_ factor: Double) -> Estimate {
        Estimate(value * factor, se: se.map { $0 * abs(factor) }, isCount: isCount)
    }

    /// This minus a figure known without sampling error (supply from the catalog, a census).
    package func minus(known: Double) -> Estimate {
        Estimate(value - known, se: se, isCount: false)
    }
}
