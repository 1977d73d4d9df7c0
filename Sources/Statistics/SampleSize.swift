import Foundation

/// How many respondents a survey needs (Cochran; Fleiss for two proportions).
package enum SampleSize {
    /// Respondents for a ±`margin` 95% interval around a proportion `p`, times the design effect;
    /// with a finite `population` N, corrected: `n = n0 / (1 + (n0 - 1) / N)`, where
    /// `n0 = z² p (1 - p) / E² · deff`. Rounded up.
    package static func forMargin(_ margin: Double, p: Double = 0.5, designEffect: Double = 1, population: Double? = nil, z: Double = Normal.z95) -> Int {
        var n = z * z * p * (1 - p) / (margin * margin) * designEffect
        if let population, population > 0 { n = n / (1 + (n - 1) / population) }
        return Int(roundingChecked: n - 1e-9, rule: .up) ?? Int.max  // the options' ranges keep n finite
    }

    /// Respondents needed in each of two waves to detect a change of `difference` from
    /// `baseline` with a two-sided test at `alpha` and the given `power` (Fleiss, without
    /// continuity correction), times the design effect:
    /// `n = (z_{1-α/2} √(2 p̄ q̄) + z_{power} √(p1 q1 + p2 q2))² / d² · deff`. Rounded up.
    package static func toDetect(
        _ difference: Double, baseline: Double, power: Double = 0.8, alpha: Double = 0.05, designEffect: Double = 1
    ) -> Int {
        let p1 = baseline, p2 = baseline + difference
        let mean = (p1 + p2) / 2
        let zAlpha = Normal.quantile(1 - alpha / 2)
        let zBeta = Normal.quantile(power)
        let a = zAlpha * (2 * mean * (1 - mean)).squareRoot() + zBeta * (p1 * (1 - p1) + p2 * (1 - p2)).squareRoot()
        let n = a * a / (difference * difference) * designEffect
        return Int(roundingChecked: n - 1e-9, rule: .up) ?? Int.max  // the options' ranges keep n finite
    }
}
