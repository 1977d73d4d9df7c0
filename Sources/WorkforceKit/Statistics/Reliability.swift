/// Whether an estimate may be published: the NCHS Data Presentation Standards for Proportions
/// (Parker et al., Vital Health Stat 2(175), 2017), with the small-cell rule before them.
public enum Reliability: Sendable, Equatable {
    case published
    /// Computed but withheld: the reason says which test failed.
    case unreliable(String)
    /// Fewer respondents than the small-cell limit: nothing about the cell is shown.
    case suppressed(String)

    /// Degrees of freedom under which a published figure is flagged for statistical review.
    public static let reviewBelow = 8

    public var status: String {
        switch self {
        case .published: "published"
        case .unreliable: "unreliable"
        case .suppressed: "suppressed"
        }
    }

    public var reason: String? {
        switch self {
        case .published: nil
        case .unreliable(let r), .suppressed(let r): r
        }
    }

    /// A proportion's status: suppressed under `minimumCell` respondents; unreliable when the
    /// effective size is under 30, the interval (Wilson on the design n_eff) is 0.30 or wider,
    /// or it is wider than 0.05 and more than 130% of `p`.
    public static func proportion(n: Int, p: Double, effectiveSize: Double, interval: ClosedRange<Double>, minimumCell: Int) -> Reliability {
        if n < minimumCell { return .suppressed("fewer than \(minimumCell) respondents") }
        if effectiveSize < 30 { return .unreliable("effective sample size under 30") }
        let width = interval.upperBound - interval.lowerBound
        if width >= 0.30 { return .unreliable("95% interval 0.30 or wider") }
        if width > 0.05 && width > 1.30 * p { return .unreliable("95% interval wider than 130% of the proportion") }
        return .published
    }

    /// A mean score's status: suppressed under `minimumCell` respondents; unreliable when the
    /// effective size is under 30 or the relative standard error is 30% or more.
    public static func mean(n: Int, mean: Double, se: Double, effectiveSize: Double, minimumCell: Int) -> Reliability {
        if n < minimumCell { return .suppressed("fewer than \(minimumCell) respondents") }
        if effectiveSize < 30 { return .unreliable("effective sample size under 30") }
        if se > 0 && se >= 0.30 * abs(mean) { return .unreliable("relative standard error 30% or more") }
        return .published
    }

    /// The note a published figure carries when its design has few degrees of freedom.
    public static func review(degreesOfFreedom: Int) -> String? {
        degreesOfFreedom < reviewBelow ? "fewer than \(reviewBelow) degrees of freedom (\(degreesOfFreedom)): review before publishing" : nil
    }
}
