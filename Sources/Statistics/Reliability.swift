/// Whether an estimate may be published: the NCHS Data Presentation Standards for Proportions
/// (Parker et al., Vital Health Stat 2(175), 2017), with the small-cell rule before them.
package enum Reliability: Sendable, Equatable {
    case published
    /// Computed but withheld: the reason says which test failed.
    case unreliable(String)
    /// Fewer respondents than the small-cell limit: nothing about the cell is shown.
    case suppressed(String)
    /// Computed and shown with its reason, but not published as a finding until a statistician
    /// has reviewed it: a proportion of exactly 0 or 1 (NCHS 2017's statistical review).
    case review(String)

    /// Degrees of freedom under which a published figure is flagged for statistical review.
    package static let reviewBelow = 8

    package var status: String {
        switch self {
        case .published: "published"
        case .unreliable: "unreliable"
        case .suppressed: "suppressed"
        case .review: "review"
        }
    }

    package var reason: String? {
        switch self {
        case .published: nil
        case .unreliable(let r), .suppressed(let r), .review(let r): r
        }
    }

    /// A proportion's status (NCHS 2017, Parker et al., Vital Health Stat 2(175)), on its
    /// Korn-Graubard interval: suppressed under `minimumCell` respondents; unreliable without an
    /// interval (no degrees of freedom), when the effective size is under 30, the interval is 0.30
    /// or wider, or it is wider than 0.05 and more than 130% of `p`; for review when `p` is 0 or 1
    /// (never published as a certainty).
    package static func proportion(n: Int, p: Double, effectiveSize: Double, interval: ClosedRange<Double>?, minimumCell: Int) -> Reliability {
        if n < minimumCell { return .suppressed("fewer than \(minimumCell) respondents") }
        guard let interval else { return .unreliable("no degrees of freedom for an interval") }
        if effectiveSize < 30 { return .unreliable("effective sample size under 30") }
        let width = interval.upperBound - interval.lowerBound
        if width >= 0.30 { return .unreliable("95% interval 0.30 or wider") }
        if width > 0.05 && p > 0 && width > 1.30 * p { return .unreliable("95% interval wider than 130% of the proportion") }
        if p <= 0 || p >= 1 { return .review("\(p <= 0 ? "0%" : "100%"): for review, never published as a certainty") }
        return .published
    }

    /// Why a published proportion should be reviewed (NCHS 2017): few degrees of freedom, or a
    /// complement `1 - p` whose interval is wider than 0.05 and more than 130% of it.
    package static func review(p: Double, interval: ClosedRange<Double>, degreesOfFreedom: Int) -> String? {
        let width = interval.upperBound - interval.lowerBound
        let complement = width > 0.05 && p < 1 && width > 1.30 * (1 - p)
        let reasons = [
            review(degreesOfFreedom: degreesOfFreedom),
            complement ? "the complement (100% minus it) is unreliable (interval wider than 130% of it): review before publishing" : nil,
        ].compactMap { $0 }
        return reasons.isEmpty ? nil : reasons.joined(separator: "; ")
    }

    /// A mean score's status: suppressed under `minimumCell` respondents; unreliable when the
    /// effective size is under 30 or the relative standard error is 30% or more.
    package static func mean(n: Int, mean: Double, se: Double, effectiveSize: Double, minimumCell: Int) -> Reliability {
        if n < minimumCell { return .suppressed("fewer than \(minimumCell) respondents") }
        if effectiveSize < 30 { return .unreliable("effective sample size under 30") }
        if se > 0 && se >= 0.30 * abs(mean) { return .unreliable("relative standard error 30% or more") }
        return .published
    }

    /// The note a published figure carries when its design has few degrees of freedom.
    package static func review(degreesOfFreedom: Int) -> String? {
        degreesOfFreedom < reviewBelow ? "fewer than \(reviewBelow) degrees of freedom (\(degreesOfFreedom)): review before publishing" : nil
    }
}
