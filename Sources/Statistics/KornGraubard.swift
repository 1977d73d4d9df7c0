import Foundation

/// Intervals for a proportion estimated from a complex sample: Clopper-Pearson's exact binomial
/// interval evaluated on an effective sample size (Korn and Graubard 1998, "Confidence intervals for
/// proportions with small expected number of positive counts estimated from survey data", Survey
/// Methodology 24(2)), in the two forms this tool needs:
///
/// - ``svyciprop(p:se:sampleSize:df:level:)``: R `survey`'s `svyciprop(method = "beta")`, the
///   reference for employer shares;
/// - ``nchs(p:se:n:df:level:)``: the form of NCHS's data presentation standards for proportions
///   (Parker et al. 2017, Vital and Health Statistics 2(175)), with the effective size capped at the
///   domain's respondents, for the awareness indicators.
///
/// Neither interval leaves `[0, 1]`; at `p = 0` the lower bound is 0 and at `p = 1` the upper is 1.
package enum KornGraubard {
    /// An interval with the sizes it was computed on.
    package struct Interval: Sendable, Equatable {
        /// The effective sample size before the degrees-of-freedom adjustment: `p(1-p)/se²`
        /// (capped at `n` in the NCHS form).
        package var effectiveSize: Double
        /// The effective size adjusted for the design's degrees of freedom, on which the
        /// Clopper-Pearson interval is evaluated.
        package var adjustedSize: Double
        package var low: Double
        package var high: Double

        /// `high - low`.
        package var width: Double { high - low }
    }

    /// The Clopper-Pearson interval for `x` successes of `n` trials, both real numbers (`0 <= x <= n`,
    /// `n > 0`): `[qbeta(α/2, x, n - x + 1), qbeta(1 - α/2, x + 1, n - x)]`, 0 and 1 at the ends.
    package static func clopperPearson(successes x: Double, trials n: Double, level: Double = 0.95) -> ClosedRange<Double> {
        precondition(n > 0 && x >= 0 && x <= n, "successes between 0 and a positive number of trials")
        let alpha = 1 - level
        let low = x <= 0 ? 0 : BetaDistribution.quantile(alpha / 2, a: x, b: n - x + 1)
        let high = x >= n ? 1 : BetaDistribution.quantile(1 - alpha / 2, a: x + 1, b: n - x)
        return low...high
    }

    /// R `survey` 4.1's `svyciprop(method = "beta")`: `n_eff = p(1-p)/se²`, multiplied by
    /// `(qt(α/2, N - 1) / qt(α/2, df))²` where `N` is `nrow(design)` (`sampleSize`) and `df` is
    /// `degf(design)`; then Clopper-Pearson on `x = p · n_eff`.
    ///
    /// - Returns: `nil` when the interval is undefined: `se` is 0 (R divides by zero), `sampleSize < 2`
    ///   or `df < 1`.
    package static func svyciprop(p: Double, se: Double, sampleSize: Int, df: Double, level: Double = 0.95) -> Interval? {
        guard p >= 0, p <= 1, se > 0, sampleSize >= 2, df >= 1 else { return nil }
        let effective = p * (1 - p) / (se * se)
        return interval(p: p, effective: effective, ratioOf: Double(sampleSize - 1), to: df, level: level)
    }

    /// NCHS 2017: `n_eff = min(n, p(1-p)/se²)` (`n` when `se` is 0), where `n` is the domain's
    /// respondents with an answer; `n_df = n_eff · (t_{0.975, n-1} / t_{0.975, df})²`; then
    /// Clopper-Pearson on `x = p · n_df`.
    ///
    /// - Returns: `nil` when `n < 2` or `df < 1` (no interval; the figure is withheld).
    package static func nchs(p: Double, se: Double, n: Int, df: Double, level: Double = 0.95) -> Interval? {
        guard p >= 0, p <= 1, n >= 2, df >= 1 else { return nil }
        let kish = se > 0 ? p * (1 - p) / (se * se) : Double(n)
        let effective = min(Double(n), kish)
        return interval(p: p, effective: effective, ratioOf: Double(n - 1), to: df, level: level)
    }

    private static func interval(p: Double, effective: Double, ratioOf numeratorDF: Double, to df: Double, level: Double) -> Interval {
        let alpha = 1 - level
        let ratio = StudentT.quantile(1 - alpha / 2, df: numeratorDF) / StudentT.quantile(1 - alpha / 2, df: df)
        let adjusted = effective * ratio * ratio
        guard adjusted > 0 else {
            return Interval(effectiveSize: effective, adjustedSize: adjusted, low: 0, high: 1)
        }
        let range = clopperPearson(successes: min(max(p * adjusted, 0), adjusted), trials: adjusted, level: level)
        return Interval(effectiveSize: effective, adjustedSize: adjusted, low: range.lowerBound, high: range.upperBound)
    }
}
