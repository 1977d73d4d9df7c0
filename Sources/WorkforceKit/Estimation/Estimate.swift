/// One estimated figure with its precision: the value, its standard error (`nil` where there is
/// no sampling error to estimate: unweighted figures that describe the respondents only), the 95%
/// interval `value ± 1.96 SE` and the coefficient of variation `SE / value`.
public struct Estimate: Sendable, Equatable {
    public var value: Double
    public var se: Double?
    /// A count (people, openings, organisations): its interval's lower bound is floored at 0.
    public var isCount: Bool

    public init(_ value: Double, se: Double? = nil, isCount: Bool = true) {
        self.value = value
        self.se = se
        self.isCount = isCount
    }

    public static let zero = Estimate(0, se: 0)

    /// The 1.96 of a two-sided 95% normal interval.
    public static let z95 = 1.959963984540054

    public var ciLow: Double? { se.map { isCount ? max(0, value - Self.z95 * $0) : value - Self.z95 * $0 } }
    public var ciHigh: Double? { se.map { value + Self.z95 * $0 } }
    /// `SE / value`; `nil` when the value is 0 or there is no standard error.
    public var cv: Double? {
        guard let se, value != 0 else { return nil }
        return se / abs(value)
    }

    /// The figure scaled by a constant (no sampling error in `factor`).
    public func scaled(_ factor: Double) -> Estimate {
        Estimate(value * factor, se: se.map { $0 * abs(factor) }, isCount: isCount)
    }

    /// This minus a figure known without sampling error (supply from the catalog, a census).
    public func minus(known: Double) -> Estimate {
        Estimate(value - known, se: se, isCount: false)
    }
}

/// Statistics Canada's CV-based quality grades, applied to a row's demand (or its main figure).
public enum QualityGrade: String, Sendable, Equatable, Comparable {
    /// CV under 15%.
    case a = "A"
    /// CV 15% to under 30%: use with caution.
    case b = "B"
    /// CV 30% or more (or a figure of 0 with a standard error above 0): unreliable.
    case c = "C"

    /// The grade of `estimate`; `nil` without a standard error (unweighted figures).
    public init?(_ estimate: Estimate) {
        guard let se = estimate.se else { return nil }
        guard let cv = estimate.cv else {
            // A zero figure: exact when its standard error is 0 too.
            self = se == 0 ? .a : .c
            return
        }
        self = cv < 0.15 ? .a : cv < 0.30 ? .b : .c
    }

    public var words: String {
        switch self {
        case .a: "reliable"
        case .b: "use with caution"
        case .c: "unreliable"
        }
    }

    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
}
