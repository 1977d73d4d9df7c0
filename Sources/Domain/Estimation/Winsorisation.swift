/// One-sided winsorisation of employer counts at the Kokic-Bell cut-off, per stratum (Kokic and
/// Bell 1994, "Optimal winsorizing cutoffs for a stratified finite population estimator",
/// Journal of Official Statistics 10(4), 419-435; the method of the ONS business surveys).
///
/// A value `y` of a unit with weight `w_h > 1` above its stratum's cut-off `K_h` is replaced by
/// `K_h + (y - K_h) / w_h`: the unit keeps its own value, and only what it would stand for in the
/// other `w_h - 1` units is cut back. The cut-offs are
///
///     K_h = ȳ_h + L / (w_h - 1)
///
/// (`ȳ_h` the stratum's sample mean), with one `L` for the whole table chosen, as Kokic and Bell
/// show minimises the mean squared error, so that the estimated bias equals `-L`:
///
///     L = Σ_h Σ_i (w_h - 1) (y_hi - K_h)+
///
/// The right side falls as `L` grows and the left rises, so the root is unique; it is found by
/// bisection to 1e-12 relative. A stratum taken whole (`w_h <= 1`) is never winsorised. The total
/// falls by exactly `L`.
package enum Winsorisation {
    /// The winsorised values of `y` under `design`, and `L` (how much the weighted total falls).
    package static func apply(_ y: [Double], _ design: StratifiedDesign) -> (values: [Double], moved: Double) {
        let strata = design.populations.count
        var sums = [Double](repeating: 0, count: strata)
        for (i, v) in y.enumerated() { sums[design.stratum[i]] += v }
        let means = sums.indices.map { design.sizes[$0] > 0 ? sums[$0] / Double(design.sizes[$0]) : 0 }
        func cutoff(_ i: Int, _ l: Double) -> Double? {
            let w = design.weights[i]
            return w > 1 ? means[design.stratum[i]] + l / (w - 1) : nil
        }
        /// `Σ (w - 1)(y - K)+ - L`: positive below the root, negative above it.
        func excess(_ l: Double) -> Double {
            var sum = 0.0
            for (i, v) in y.enumerated() {
                guard let k = cutoff(i, l), v > k else { continue }
                sum += (design.weights[i] - 1) * (v - k)
            }
            return sum - l
        }
        guard design.hasSamplingError, excess(0) > 0 else { return (y, 0) }
        // L lies in (0, excess(0)]: at L = excess(0) the cut-backs can only have shrunk.
        var low = 0.0, high = excess(0)
        for _ in 0..<200 where high - low > 1e-12 * Swift.max(1, high) {
            let mid = (low + high) / 2
            if excess(mid) > 0 { low = mid } else { high = mid }
        }
        let l = (low + high) / 2
        let values = y.indices.map { i -> Double in
            guard let k = cutoff(i, l), y[i] > k else { return y[i] }
            return k + (y[i] - k) / design.weights[i]
        }
        let moved = y.indices.reduce(0.0) { $0 + design.weights[$1] * (y[$1] - values[$1]) }
        return (values, moved)
    }
}

extension EmployerValues {
    /// The values with each employer's demand winsorised (``Winsorisation``) and its vacancies,
    /// hard-to-fill vacancies, new positions and leavers scaled by the same factor, so that they
    /// still add up to it; staff are left as reported. Also returns how much the weighted demand fell.
    func winsorised(_ design: StratifiedDesign, years: Double) -> (EmployerValues, Double) {
        let demand = demand(years: years)
        let (values, moved) = Winsorisation.apply(demand, design)
        guard moved > 0 else { return (self, 0) }
        var v = self
        for e in demand.indices where values[e] < demand[e] && demand[e] > 0 {
            let factor = values[e] / demand[e]
            v.vacancies[e] *= factor
            v.hardToFill[e] *= factor
            v.newPositions[e] *= factor
            v.leavers[e] *= factor
        }
        return (v, moved)
    }
}
