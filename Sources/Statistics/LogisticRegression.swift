import Foundation

/// A weighted logistic regression fitted by iteratively reweighted least squares: the
/// coefficients of R's `glm(y ~ x, family = quasibinomial(), weights = w)` (and so of
/// `svyglm(..., family = quasibinomial())`, whose weights only rescale), for 0/1 answers or
/// shares between 0 and 1 (a quasi-likelihood: the fit is the same).
///
/// Newton's steps on the weighted log-likelihood `Σ w (y η - log(1 + e^η))`:
/// `β ← β + A⁻¹ Σ w (y - μ) x`, with `A = Σ w μ(1-μ) x x'` (the expected information), halved
/// while the deviance grows, until no coefficient moves by more than `1e-12` (relative to
/// `max(1, |β|)`). A column that is a linear combination of the ones before it among the rows
/// with weight (an empty level, or two codings of the same thing) is aliased: its coefficient is
/// 0 and it plays no part, as R's pivoting drops it.
package struct LogisticFit: Sendable {
    package var coefficients: [Double]
    /// Per row, the fitted probability `μ = 1 / (1 + e^{-x'β})`.
    package var fitted: [Double]
    /// `A⁻¹` (rows and columns of aliased coefficients 0): with the weights as given, R's
    /// `summary(glm)$cov.unscaled` (svyglm rescales the weights to mean 1, so its is this times the mean weight).
    package var inverseInformation: [[Double]]
    /// Columns dropped as aliased.
    package var aliased: [Bool]
    package var iterations: Int
    /// False when the steps did not settle within the iterations allowed, or a coefficient ran
    /// past ±30 (a level whose rows all answer alike: the likelihood has no maximum).
    package var converged: Bool

    /// `x'β` for one row.
    package func linearPredictor(_ row: [Double]) -> Double {
        var eta = 0.0
        for j in row.indices { eta += row[j] * coefficients[j] }
        return eta
    }

    /// `A⁻¹ a`.
    package func solve(_ a: [Double]) -> [Double] {
        inverseInformation.map { row in zip(row, a).reduce(0) { $0 + $1.0 * $1.1 } }
    }

    /// Per row, the linearised value of `a'β`: `(y_i - μ_i) x_i' A⁻¹ a` (without the row's
    /// weight: a design-based variance multiplies it in). With `a` a unit vector, row `i`'s
    /// influence on that coefficient, R's `estfun %*% Ainv` over its weight.
    package func influence(along a: [Double], _ x: [[Double]], _ y: [Double]) -> [Double] {
        let b = solve(a)
        return x.indices.map { i in (y[i] - fitted[i]) * zip(x[i], b).reduce(0) { $0 + $1.0 * $1.1 } }
    }
}

package enum LogisticRegression {
    /// Fits `y ~ x` (the intercept, if wanted, a column of ones in `x`) with `weights`; rows of
    /// weight 0 play no part. `nil` when no row has weight or `x` has no column.
    package static func fit(_ x: [[Double]], _ y: [Double], weights: [Double], maxIterations: Int = 100) -> LogisticFit? {
        let n = x.count
        guard n > 0, n == y.count, n == weights.count, let p = x.first?.count, p > 0, weights.contains(where: { $0 > 0 }) else { return nil }
        var beta = [Double](repeating: 0, count: p)
        var mu = [Double](repeating: 0.5, count: n)
        var deviance = Self.deviance(y, mu, weights)
        var iterations = 0
        var converged = false
        var factor = Cholesky(size: p)
        while iterations < maxIterations {
            iterations += 1
            factor = Cholesky(information(x, mu, weights))
            var score = [Double](repeating: 0, count: p)
            for i in 0..<n where weights[i] > 0 {
                let r = weights[i] * (y[i] - mu[i])
                for j in 0..<p { score[j] += r * x[i][j] }
            }
            var step = factor.solve(score)
            var next = beta
            var nextMu = mu
            var nextDeviance = deviance
            // Halve the step while the deviance grows (never needed near the maximum).
            for _ in 0..<30 {
                next = zip(beta, step).map { $0 + $1 }
                nextMu = fitted(x, next)
                nextDeviance = Self.deviance(y, nextMu, weights)
                if nextDeviance <= deviance * (1 + 1e-12) + 1e-300 { break }
                step = step.map { $0 / 2 }
            }
            let moved = zip(step, beta).map { abs($0) / max(1, abs($1)) }.max() ?? 0
            beta = next
            mu = nextMu
            deviance = nextDeviance
            if moved <= 1e-12 {
                converged = true
                break
            }
        }
        factor = Cholesky(information(x, mu, weights))
        if beta.contains(where: { abs($0) > 30 }) { converged = false }
        return LogisticFit(
            coefficients: beta, fitted: mu, inverseInformation: factor.inverse(), aliased: factor.aliased, iterations: iterations, converged: converged)
    }

    /// `Σ w μ(1-μ) x x'`.
    static func information(_ x: [[Double]], _ mu: [Double], _ weights: [Double]) -> [[Double]] {
        let p = x.first?.count ?? 0
        var a = [[Double]](repeating: [Double](repeating: 0, count: p), count: p)
        for i in x.indices where weights[i] > 0 {
            let v = weights[i] * mu[i] * (1 - mu[i])
            let row = x[i]
            for j in 0..<p where row[j] != 0 {
                let vj = v * row[j]
                for k in 0...j { a[j][k] += vj * row[k] }
            }
        }
        for j in 0..<p { for k in 0..<j { a[k][j] = a[j][k] } }
        return a
    }

    static func fitted(_ x: [[Double]], _ beta: [Double]) -> [Double] {
        x.map { row in
            var eta = 0.0
            for j in row.indices { eta += row[j] * beta[j] }
            return 1 / (1 + exp(-eta))
        }
    }

    /// `-2 Σ w (y log μ + (1-y) log(1-μ))` (up to a constant in `y`).
    static func deviance(_ y: [Double], _ mu: [Double], _ weights: [Double]) -> Double {
        var d = 0.0
        for i in y.indices where weights[i] > 0 {
            if y[i] > 0 { d -= 2 * weights[i] * y[i] * log(Swift.max(mu[i], 1e-300)) }
            if y[i] < 1 { d -= 2 * weights[i] * (1 - y[i]) * log(Swift.max(1 - mu[i], 1e-300)) }
        }
        return d
    }
}
