/// The variance of any linearised statistic given its values per respondent: what R's
/// `svyrecvar` does with a regression's `estfun %*% Ainv` or a mean's influence values.
extension LinearizedVariance {
    /// The design-based variance of `Σ_i w_i u_i`, where `u_i` is respondent `i`'s linearised
    /// value before its weight (0 for a respondent outside the statistic's domain).
    ///
    /// After raking, `u` is replaced by its residual from the raking margins (the same
    /// backfitted least-squares fit over every respondent of the wave, weights 1, as the domain
    /// means use); then `z_i = w_i e_i` is totalled per unit and
    /// `V = Σ_h n_h / (n_h - 1) Σ_{k in h} (Z_k - Z̄_h)²` (a stratum with one unit adds `Z_k²`).
    package func variance(influence u: [Double]) -> Double {
        precondition(u.count == design.count, "one linearised value per respondent")
        let fitted = calibrated ? marginFit(u) : []
        var clusterTotal = [Double](repeating: 0, count: design.clusterCount)
        let strata = design.strataCount
        var s1 = [Double](repeating: 0, count: strata), s2 = s1
        for i in 0..<design.count {
            var e = u[i]
            if calibrated { e -= fitted[Int(cell[i])] }
            let z = weights[i] * e
            let k = Int(design.cluster[i])
            if k >= 0 {
                clusterTotal[k] += z
            } else {
                let h = Int(design.stratum[i])
                s1[h] += z
                s2[h] += z * z
            }
        }
        for k in 0..<design.clusterCount {
            let h = Int(design.clusterStratum[k])
            s1[h] += clusterTotal[k]
            s2[h] += clusterTotal[k] * clusterTotal[k]
        }
        var variance = 0.0
        for h in 0..<strata { variance += Self.stratumVariance(units: Double(design.unitsPerStratum[h]), s1[h], s2[h]) }
        return variance
    }

    /// The fitted values per cell of `u` on the raking margins: backfitting over every
    /// respondent (weights 1) until no category's mean residual exceeds `1e-13` of the largest.
    func marginFit(_ u: [Double]) -> [Double] {
        var sums = [Double](repeating: 0, count: cells)
        for i in 0..<design.count { sums[Int(cell[i])] += u[i] }
        return backfit(sums)
    }
}
