/// Whether an estimate may be published: the NCHS Data Presentation Standards for Proportions
/// (Parker et al., Vital Health Stat 2(175), 2017), with the small-cell rule before them.
package enum Reliability: Sendable, Equatable {
    case published
    /// Computed but withheld: the reason says which test failed.
    case unreliable(Phrase)
    /// Fewer respondents than the small-cell limit: nothing about the cell is shown.
    case suppressed(Phrase)
    /// Computed and shown with its reason, but not published as a finding until a statistician
    /// has reviewed it: a proportion of exactly 0 or 1 (NCHS 2017's statistical review).
    case review(Phrase)

    /// Degrees of freedom under which a published figure is flagged for statistical review.
    package static let reviewBelow = 8
    /// An effective sample size under this is unreliable.
    package static let minimumEffectiveSize = 30.0
    /// A 95% interval this wide or wider is unreliable.
    package static let maximumWidth = 0.30
    /// An interval wider than this and than ``relativeWidth`` times the proportion is unreliable.
    package static let smallWidth = 0.05
    package static let relativeWidth = 1.30
    /// A score whose relative standard error is this or more is unreliable.
    package static let maximumRelativeSE = 0.30

    /// The constants of the rules as readers see them, for the sentences that state the rules.
    package static var ruleValues: [String: Phrase.Value] {
        [
            "effective": .text(String(Int(minimumEffectiveSize))), "width": .fixed(maximumWidth, decimals: 2), "small": .fixed(smallWidth, decimals: 2),
            "relative": .text(Figure.trimmed(Figure.fixed(100 * relativeWidth, 1)) + "%"), "rse": .text(Figure.trimmed(Figure.fixed(100 * maximumRelativeSE, 1)) + "%"),
        ]
    }

    static func reason(_ key: String, _ values: [String: Phrase.Value] = [:]) -> Phrase {
        Phrase(key, ruleValues.merging(values) { _, given in given })
    }

    package var status: String {
        switch self {
        case .published: "published"
        case .unreliable: "unreliable"
        case .suppressed: "suppressed"
        case .review: "review"
        }
    }

    /// Why the figure is not published as it is, typed.
    package var reasonPhrase: Phrase? {
        switch self {
        case .published: nil
        case .unreliable(let r), .suppressed(let r), .review(let r): r
        }
    }

    /// Why the figure is not published as it is, in English.
    package var reason: String? { reasonPhrase?.text(.en) }

    /// A proportion's status (NCHS 2017, Parker et al., Vital Health Stat 2(175)), on its
    /// Korn-Graubard interval: suppressed under `minimumCell` respondents; unreliable without an
    /// interval (no degrees of freedom), when the effective size is under 30, the interval is 0.30
    /// or wider, or it is wider than 0.05 and more than 130% of `p`; for review when `p` is 0 or 1
    /// (never published as a certainty).
    package static func proportion(n: Int, p: Double, effectiveSize: Double, interval: ClosedRange<Double>?, minimumCell: Int) -> Reliability {
        if n < minimumCell { return .suppressed(fewRespondents(minimumCell)) }
        guard let interval else { return .unreliable(reason("awareness.reason.no_df")) }
        if effectiveSize < minimumEffectiveSize { return .unreliable(reason("awareness.reason.effective_size")) }
        let width = interval.upperBound - interval.lowerBound
        if width >= maximumWidth { return .unreliable(reason("awareness.reason.wide")) }
        if width > smallWidth && p > 0 && width > relativeWidth * p { return .unreliable(reason("awareness.reason.relative_width")) }
        if p <= 0 || p >= 1 { return .review(reason("awareness.reason.certainty", ["p": .text(p <= 0 ? "0%" : "100%")])) }
        return .published
    }

    /// Why a published proportion should be reviewed (NCHS 2017): few degrees of freedom, or a
    /// complement `1 - p` whose interval is wider than 0.05 and more than 130% of it.
    package static func review(p: Double, interval: ClosedRange<Double>, degreesOfFreedom: Int) -> Phrase? {
        let width = interval.upperBound - interval.lowerBound
        let complement = width > smallWidth && p < 1 && width > relativeWidth * (1 - p)
        let few = review(degreesOfFreedom: degreesOfFreedom)
        let other = complement ? reason("awareness.reason.complement") : nil
        guard let first = few ?? other else { return nil }
        guard let few, let other else { return first }
        return .phrase("awareness.reason.both", ["first": .phrase(few), "second": .phrase(other)])
    }

    /// A mean score's status: suppressed under `minimumCell` respondents; unreliable when the
    /// effective size is under 30 or the relative standard error is 30% or more.
    package static func mean(n: Int, mean: Double, se: Double, effectiveSize: Double, minimumCell: Int) -> Reliability {
        if n < minimumCell { return .suppressed(fewRespondents(minimumCell)) }
        if effectiveSize < minimumEffectiveSize { return .unreliable(reason("awareness.reason.effective_size")) }
        if se > 0 && se >= maximumRelativeSE * abs(mean) { return .unreliable(reason("awareness.reason.relative_se")) }
        return .published
    }

    /// The note a published figure carries when its design has few degrees of freedom.
    package static func review(degreesOfFreedom: Int) -> Phrase? {
        degreesOfFreedom < reviewBelow
            ? .phrase("awareness.reason.few_df", ["min": .text(String(reviewBelow)), "df": .text(String(degreesOfFreedom))]) : nil
    }

    /// "fewer than 10 respondents": the small-cell rule.
    package static func fewRespondents(_ minimumCell: Int) -> Phrase { .phrase("awareness.reason.few_respondents", ["min": .text(String(minimumCell))]) }
}
