/// The variance of a change between two waves that visit the same clusters: the waves stacked
/// into one design, a cluster of both waves one primary sampling unit within its stratum, each
/// wave raked to its own margins; what R's `survey` gives with `svyby(~y, ~wave, design,
/// svymean, covmat = TRUE)` and `svycontrast` on the stacked design (`svydesign(ids = ~ea,
/// strata = ~stratum, nest = TRUE)`, raked on each margin crossed with the wave).
///
/// Each wave's linearised values are totalled per unit as ``LinearizedVariance`` does (the
/// raking residuals are the wave's own, its margins being crossed with the wave); the units
/// are then matched by stratum and cluster name and the variance between units within strata
/// taken over the union: `Σ_h n_h / (n_h - 1) Σ_k (Z_k - Z̄_h)²`, `Z_k = Z_k^b - Z_k^a`.
package enum StackedVariance {
    /// One wave's side: its variance, the signed unit totals of its term, and the names of its
    /// strata and clusters (a cluster's name includes its stratum's).
    package struct Side {
        var variance: LinearizedVariance
        var totals: LinearizedVariance.UnitTotals
        var strata: [String]
        var clusters: [String]

        package init(variance: LinearizedVariance, totals: LinearizedVariance.UnitTotals, strata: [String], clusters: [String]) {
            self.variance = variance
            self.totals = totals
            self.strata = strata
            self.clusters = clusters
        }
    }

    /// The variance of the sum of the two sides' terms and its degrees of freedom (units of the
    /// union with a respondent in either term, minus the strata they are in).
    package static func variance(_ sides: [Side]) -> (variance: Double, df: Int) {
        var stratumIndex: [String: Int] = [:]
        var units: [Double] = [], s1: [Double] = [], s2: [Double] = [], reached: [Bool] = []
        func stratum(_ name: String) -> Int {
            if let h = stratumIndex[name] { return h }
            stratumIndex[name] = units.count
            units.append(0)
            s1.append(0)
            s2.append(0)
            reached.append(false)
            return units.count - 1
        }
        // Clusters in the order first met, so that the sums do not depend on hashing.
        var clusterIndex: [String: Int] = [:]
        var clusterStratum: [Int] = [], clusterZ: [Double] = [], clusterMember: [Bool] = []
        var reachedUnits = 0
        for side in sides {
            let design = side.variance.design
            var clustersIn = [Int](repeating: 0, count: design.strataCount)
            for k in 0..<design.clusterCount {
                let own = Int(design.clusterStratum[k])
                clustersIn[own] += 1
                let h = stratum(side.strata[own])
                let j: Int
                if let known = clusterIndex[side.clusters[k]] {
                    j = known
                } else {
                    j = clusterZ.count
                    clusterIndex[side.clusters[k]] = j
                    clusterStratum.append(h)
                    clusterZ.append(0)
                    clusterMember.append(false)
                }
                clusterZ[j] += side.totals.cluster[k]
                clusterMember[j] = clusterMember[j] || side.totals.clusterMember[k]
            }
            // Respondents who are their own unit stay units of their own wave.
            for h in 0..<design.strataCount {
                units[stratum(side.strata[h])] += Double(design.unitsPerStratum[h] - clustersIn[h])
            }
            for m in 0..<side.variance.cells {
                let h = stratum(side.strata[Int(side.variance.cellStratum[m])])
                s1[h] += side.totals.singleFirst[m]
                s2[h] += side.totals.singleSecond[m]
                if side.totals.singleMember[m] { reached[h] = true }
            }
            reachedUnits += side.totals.singles
        }
        for j in clusterZ.indices {
            let h = clusterStratum[j]
            units[h] += 1
            s1[h] += clusterZ[j]
            s2[h] += clusterZ[j] * clusterZ[j]
            if clusterMember[j] {
                reachedUnits += 1
                reached[h] = true
            }
        }
        var variance = 0.0
        for h in units.indices { variance += LinearizedVariance.stratumVariance(units: units[h], s1[h], s2[h]) }
        return (variance, reachedUnits - reached.filter { $0 }.count)
    }
}
