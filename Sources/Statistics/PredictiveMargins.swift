import Foundation

/// Predictive margins of a two-level group in a weighted logistic regression (Graubard and
/// Korn 1999, Biometrics 55(2):652-659): each margin is the weighted mean of every row's fitted
/// probability with the group set to that level and its own covariates kept; what R's
/// `svypredmeans(svyglm(y ~ covariates, design, family = quasibinomial()), ~group)` gives, and
/// `svycontrast` of the two.
///
/// The model is `y ~ x` where column `group` of `x` is the 0/1 indicator of the second level.
/// For the difference `d = m₁ - m₀`, with `W = Σ w`, `f_g(i)` the fit of row `i` at level `g`
/// and `A` the fit's information, the linearised values (each still to be multiplied by the
/// row's weight, as a design-based variance does) are, as R's `svypredmeans` computes them:
/// - the mean of the fits with the coefficients held: `u_i = (f₁(i) - f₀(i) - d) / W`;
/// - the coefficients: `v_i = (y_i - μ_i) x_i' A⁻¹ a` with
///   `a = Σ w [μ'(η₁) x₁ - μ'(η₀) x₀] / W` (`μ' = μ(1-μ)`, the derivative of the margins in β).
/// R adds the two parts' variances (`vcov(model)` enters as `a' V_β a`, with no covariance
/// between the parts); the caller takes each part's variance on the design and adds them.
package struct PredictiveMargins: Sendable {
    /// The margins at level 0 and level 1.
    package var margins: (Double, Double)
    package var difference: Double { margins.1 - margins.0 }
    /// Per row: `u_i`, and `v_i` (0 on rows of weight 0).
    package var fittedInfluence: [Double]
    package var coefficientInfluence: [Double]
    package var fit: LogisticFit

    /// `nil` when the model cannot be fitted, or the group's column is aliased.
    package init?(_ x: [[Double]], _ y: [Double], weights: [Double], group: Int) {
        guard let fit = LogisticRegression.fit(x, y, weights: weights), group < fit.aliased.count, !fit.aliased[group] else { return nil }
        let p = fit.coefficients.count
        var total = 0.0, m0 = 0.0, m1 = 0.0
        var f0 = [Double](repeating: 0, count: x.count), f1 = f0
        var a = [Double](repeating: 0, count: p)
        for i in x.indices where weights[i] > 0 {
            var row = x[i]
            row[group] = 0
            let eta0 = fit.linearPredictor(row)
            row[group] = 1
            let eta1 = fit.linearPredictor(row)
            f0[i] = 1 / (1 + exp(-eta0))
            f1[i] = 1 / (1 + exp(-eta1))
            let w = weights[i]
            total += w
            m0 += w * f0[i]
            m1 += w * f1[i]
            let d0 = w * f0[i] * (1 - f0[i]), d1 = w * f1[i] * (1 - f1[i])
            for j in 0..<p where j != group { a[j] += (d1 - d0) * row[j] }
            a[group] += d1
        }
        guard total > 0 else { return nil }
        m0 /= total
        m1 /= total
        a = a.map { $0 / total }
        let d = m1 - m0
        fittedInfluence = x.indices.map { i in weights[i] > 0 ? (f1[i] - f0[i] - d) / total : 0 }
        coefficientInfluence = fit.influence(along: a, x, y).enumerated().map { i, v in weights[i] > 0 ? v : 0 }
        margins = (m0, m1)
        self.fit = fit
    }
}
