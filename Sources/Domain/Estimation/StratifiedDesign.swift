/// Stratified simple random sampling without replacement: each unit's stratum, each stratum's
/// population `N_S` and sample size `n_S`, and the weights `w = N_S / n_S`.
///
/// A total `Y = Σ w_i y_i` has the variance `V = Σ_S N_S² (1 - n_S/N_S) s_S² / n_S` (`s_S²` the
/// sample variance of `y` in the stratum); a stratum with a single unit contributes
/// `(1 - 1/N_S) (w_i y_i)²`. That is what R's survey package gives with
/// `svydesign(ids = ~1, strata = ~S, fpc = ~N, weights = ~w)`,
/// `options(survey.lonely.psu = "adjust")` and `svytotal`. A domain's total is the total of
/// `y · [in domain]`; a ratio `Y / X` is linearised as `svyratio` does.
///
/// Without a frame the design is `unweighted`: every weight is 1 and there is no sampling error
/// to estimate (the figures describe the respondents only), so standard errors are `nil`.
package struct StratifiedDesign: Sendable, Equatable {
    /// Each unit's stratum (an index into `populations`).
    package var stratum: [Int]
    package var populations: [Double]
    package var sizes: [Int]
    package var weights: [Double]
    package var hasSamplingError: Bool

    package init(stratum: [Int], populations: [Double]) {
        self.stratum = stratum
        self.populations = populations
        var sizes = [Int](repeating: 0, count: populations.count)
        for s in stratum { sizes[s] += 1 }
        self.sizes = sizes
        weights = stratum.map { sizes[$0] > 0 ? populations[$0] / Double(sizes[$0]) : 0 }
        hasSamplingError = true
    }

    /// Every unit weighs 1, one stratum, no sampling error.
    package static func unweighted(_ count: Int) -> StratifiedDesign {
        var d = StratifiedDesign(stratum: Array(repeating: 0, count: count), populations: [Double(count)])
        d.hasSamplingError = false
        return d
    }

    package var count: Int { stratum.count }

    /// The total of `y` over the units `values` lists (unit index, value); every other unit is 0.
    package func total<S: Sequence>(sparse values: S, isCount: Bool = true) -> Estimate where S.Element == (Int, Double) {
        var sum = [Double](repeating: 0, count: populations.count)
        var squares = sum
        var total = 0.0
        for (i, y) in values {
            let s = stratum[i]
            let x = weights[i] * y
            total += x
            sum[s] += y
            squares[s] += y * y
        }
        guard hasSamplingError else { return Estimate(total, se: nil, isCount: isCount) }
        var variance = 0.0
        for s in populations.indices where sizes[s] > 0 {
            let n = Double(sizes[s]), N = populations[s]
            let f = N > 0 ? Swift.max(0, 1 - n / N) : 0
            if sizes[s] == 1 {
                // The single unit's own (w y)²: R's lonely.psu = "adjust" centres it at 0.
                let x = N * sum[s]
                variance += f * x * x
                continue
            }
            let mean = sum[s] / n
            let s2 = Swift.max(0, (squares[s] - n * mean * mean) / (n - 1))
            variance += N * N * f * s2 / n
        }
        return Estimate(total, se: variance.squareRoot(), isCount: isCount)
    }

    /// The total of `y` (one value per unit).
    package func total(_ y: [Double], isCount: Bool = true) -> Estimate {
        total(sparse: y.enumerated().lazy.filter { $0.element != 0 }.map { ($0.offset, $0.element) }, isCount: isCount)
    }

    /// `Y / X` with its linearised standard error (R's `svyratio`): the variance of the total of
    /// `(y - R x) / X`. `nil` when `X` is 0.
    package func ratio(_ y: [Double], _ x: [Double]) -> Estimate? {
        let ys = total(y), xs = total(x)
        guard xs.value != 0 else { return nil }
        let r = ys.value / xs.value
        guard hasSamplingError else { return Estimate(r, se: nil, isCount: false) }
        let z = zip(y, x).map { ($0 - r * $1) / xs.value }
        return Estimate(r, se: total(z, isCount: false).se, isCount: false)
    }

    /// Kish's design effect of the weights, `n Σw² / (Σw)²`, and the effective number of units.
    package var kish: (deff: Double, effective: Double) {
        let sum = weights.reduce(0, +), squares = weights.reduce(0) { $0 + $1 * $1 }
        guard sum > 0, squares > 0 else { return (1, Double(count)) }
        return (Double(count) * squares / (sum * sum), sum * sum / squares)
    }
}
