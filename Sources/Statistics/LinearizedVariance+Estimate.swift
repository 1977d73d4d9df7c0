/// A domain's weighted mean with its design-based standard error.
package struct DesignMean: Sendable, Equatable {
    /// Respondents in the domain with a valid value.
    package var n: Int
    package var mean: Double
    package var se: Double
    /// `s² = Σ w (y - ȳ)² / Σ w`: the variance of the value among the domain's respondents.
    package var spread: Double
    /// Units with a respondent in the domain, minus the strata they are in.
    package var degreesOfFreedom: Int
}

extension LinearizedVariance {
    /// One domain of a linear combination `Σ c_j ȳ_j` of domain means.
    package struct Term {
        package var sums: DomainSums
        package var domain: Int
        package var coefficient: Double

        package init(_ sums: DomainSums, _ domain: Int, _ coefficient: Double = 1) {
            self.sums = sums
            self.domain = domain
            self.coefficient = coefficient
        }
    }

    /// Domain `d`'s mean and standard error; `nil` when it has no respondent.
    package func estimate(_ sums: DomainSums, _ d: Int) -> DesignMean? {
        guard let (value, variance, df) = combination([Term(sums, d)]), let mean = value.first else { return nil }
        let n = sums.count[d]
        let w = weightTotal(sums, d)
        let spread = max(0, sums.sumSquares[d] / w - mean * mean)
        return DesignMean(n: n, mean: mean, se: variance.squareRoot(), spread: spread, degreesOfFreedom: df)
    }

    /// Every domain's mean and standard error in one pass over the clusters (what
    /// ``estimate(_:_:)`` gives for each, faster).
    package func estimates(_ s: DomainSums) -> [DesignMean?] {
        let domains = s.domains, strata = design.strataCount
        var total = [Double](repeating: 0, count: domains), values = total
        for k in 0..<design.clusterCount {
            for d in 0..<domains {
                total[d] += s.clusterSums[2 * (k * domains + d)]
                values[d] += s.clusterSums[2 * (k * domains + d) + 1]
            }
        }
        for d in 0..<domains {
            for m in 0..<cells {
                total[d] += s.singleMoments[5 * (d * cells + m)]
                values[d] += s.singleMoments[5 * (d * cells + m) + 1]
            }
        }
        let mean = (0..<domains).map { total[$0] > 0 ? values[$0] / total[$0] : 0 }
        // The fits cell-major (`m · domains + d`), so that a cluster's cells update every domain
        // in one contiguous sweep.
        var fitted = [Double](repeating: 0, count: calibrated ? domains * cells : 0)
        if calibrated {
            for d in 0..<domains where total[d] > 0 {
                let f = residualFit(s, d, mean: mean[d], total: total[d])
                for m in 0..<cells { fitted[m * domains + d] = f[m] }
            }
        }
        var s1 = [Double](repeating: 0, count: domains * strata), s2 = s1
        var reached = [Bool](repeating: false, count: domains * strata)
        var units = (0..<domains).map { s.singles[$0] }
        var z = [Double](repeating: 0, count: domains)
        let scale = total.map { $0 > 0 ? 1 / $0 : 0 }
        fitted.withUnsafeBufferPointer { fit in
            z.withUnsafeMutableBufferPointer { z in
                for k in 0..<design.clusterCount {
                    let h = Int(design.clusterStratum[k])
                    let block = 2 * k * domains
                    for d in 0..<domains { z[d] = (s.clusterSums[block + 2 * d + 1] - mean[d] * s.clusterSums[block + 2 * d]) * scale[d] }
                    if calibrated {
                        for j in clusterStart[k]..<clusterStart[k + 1] {
                            let base = Int(clusterCell[j]) * domains, w = clusterWeight[j]
                            for d in 0..<domains { z[d] -= fit[base + d] * w }
                        }
                    }
                    for d in 0..<domains where total[d] > 0 {
                        let slot = d * strata + h
                        if s.clusterSums[block + 2 * d] != 0 {
                            units[d] += 1
                            reached[slot] = true
                        }
                        s1[slot] += z[d]
                        s2[slot] += z[d] * z[d]
                    }
                }
            }
        }
        for m in 0..<cells {
            let h = Int(cellStratum[m])
            for d in 0..<domains where total[d] > 0 {
                let base = 5 * (d * cells + m)
                let r0 = s.singleMoments[base], r1 = s.singleMoments[base + 1]
                let q0 = s.singleMoments[base + 2], q1 = s.singleMoments[base + 3], q2 = s.singleMoments[base + 4]
                let f = calibrated ? fitted[m * domains + d] : 0
                let y = mean[d], w = total[d]
                if r0 != 0 { reached[d * strata + h] = true }
                s1[d * strata + h] += (r1 - y * r0) / w - f * singleWeight[m]
                s2[d * strata + h] += (q2 - 2 * y * q1 + y * y * q0) / (w * w) - 2 * f * (q1 - y * q0) / w + f * f * singleSquare[m]
            }
        }
        return (0..<domains).map { d in
            guard total[d] > 0 else { return nil }
            var variance = 0.0
            for h in 0..<strata {
                let nh = Double(design.unitsPerStratum[h]), a = s1[d * strata + h], b = s2[d * strata + h]
                variance += nh > 1 ? nh / (nh - 1) * max(0, b - a * a / nh) : a * a
            }
            let spread = max(0, s.sumSquares[d] / total[d] - mean[d] * mean[d])
            let strataReached = (0..<strata).filter { reached[d * strata + $0] }.count
            return DesignMean(n: s.count[d], mean: mean[d], se: variance.squareRoot(), spread: spread, degreesOfFreedom: units[d] - strataReached)
        }
    }

    /// The standard error of `Σ c_j ȳ_j` over domains of the same wave that share no
    /// respondent (a group and the rest of the sample).
    package func combinedError(_ terms: [Term]) -> Double? {
        combination(terms).map { $0.variance.squareRoot() }
    }

    func weightTotal(_ s: DomainSums, _ d: Int) -> Double {
        var w = 0.0
        for k in 0..<s.clusters { w += s.clusterSums[2 * (k * s.domains + d)] }
        for m in 0..<s.cells { w += s.singleMoments[5 * (d * s.cells + m)] }
        return w
    }

    /// The means of the terms, the variance of their combination and its degrees of freedom.
    func combination(_ terms: [Term]) -> (means: [Double], variance: Double, df: Int)? {
        guard let t = unitTotals(terms) else { return nil }
        let strata = design.strataCount
        var s1 = [Double](repeating: 0, count: strata), s2 = s1
        var reached = [Bool](repeating: false, count: strata)
        var units = t.singles
        for k in 0..<design.clusterCount {
            let h = Int(design.clusterStratum[k])
            if t.clusterMember[k] {
                units += 1
                reached[h] = true
            }
            s1[h] += t.cluster[k]
            s2[h] += t.cluster[k] * t.cluster[k]
        }
        for m in 0..<cells {
            let h = Int(cellStratum[m])
            if t.singleMember[m] { reached[h] = true }
            s1[h] += t.singleFirst[m]
            s2[h] += t.singleSecond[m]
        }
        // Σ_h n_h / (n_h - 1) Σ (Z - Z̄_h)²; a lonely stratum around 0, the grand mean of the
        // linearised values (R's survey 4.1; 4.4 centres on the units' observed mean instead).
        var variance = 0.0
        for h in 0..<strata {
            variance += Self.stratumVariance(units: Double(design.unitsPerStratum[h]), s1[h], s2[h])
        }
        return (t.means, variance, units - reached.filter { $0 }.count)
    }

    /// `n_h / (n_h - 1) Σ (Z - Z̄_h)²` from `Σ Z` and `Σ Z²`; a lonely stratum adds `(Σ Z)²`.
    static func stratumVariance(units nh: Double, _ s1: Double, _ s2: Double) -> Double {
        nh > 1 ? nh / (nh - 1) * max(0, s2 - s1 * s1 / nh) : s1 * s1
    }

    /// The linearised values of `Σ c_j ȳ_j` totalled per unit: what the variance sums over,
    /// kept per cluster so that two waves sharing clusters can be added unit by unit.
    package struct UnitTotals {
        var means: [Double]
        /// Per cluster: `Z_k`, and whether a respondent of the terms is in it.
        var cluster: [Double]
        var clusterMember: [Bool]
        /// Per cell, over its respondents who are their own unit: `Σ z`, `Σ z²`, any in the terms.
        var singleFirst: [Double]
        var singleSecond: [Double]
        var singleMember: [Bool]
        /// Respondents of the terms who are their own unit.
        var singles: Int
    }

    package func unitTotals(_ terms: [Term]) -> UnitTotals? {
        var means: [Double] = []
        var fitted = [Double](repeating: 0, count: cells)
        var parts: [(s: DomainSums, d: Int, c: Double, mean: Double, total: Double)] = []
        var singles = 0
        for term in terms {
            let s = term.sums, d = term.domain
            let total = weightTotal(s, d)
            guard total > 0 else { return nil }
            var values = 0.0
            for k in 0..<s.clusters { values += s.clusterSums[2 * (k * s.domains + d) + 1] }
            for m in 0..<s.cells { values += s.singleMoments[5 * (d * s.cells + m) + 1] }
            let mean = values / total
            means.append(mean)
            parts.append((s, d, term.coefficient, mean, total))
            if calibrated {
                let f = residualFit(s, d, mean: mean, total: total)
                for m in 0..<cells { fitted[m] += term.coefficient * f[m] }
            }
            singles += s.singles[d]
        }
        var t = UnitTotals(
            means: means, cluster: [Double](repeating: 0, count: design.clusterCount), clusterMember: [Bool](repeating: false, count: design.clusterCount),
            singleFirst: [Double](repeating: 0, count: cells), singleSecond: [Double](repeating: 0, count: cells),
            singleMember: [Bool](repeating: false, count: cells), singles: singles)
        // Clusters.
        for k in 0..<design.clusterCount {
            var z = 0.0, member = false
            for p in parts {
                let slot = 2 * (k * p.s.domains + p.d)
                let w = p.s.clusterSums[slot]
                if w != 0 {
                    member = true
                    z += p.c * (p.s.clusterSums[slot + 1] - p.mean * w) / p.total
                }
            }
            if calibrated {
                for j in clusterStart[k]..<clusterStart[k + 1] { z -= fitted[Int(clusterCell[j])] * clusterWeight[j] }
            }
            t.cluster[k] = z
            t.clusterMember[k] = member
        }
        // Respondents who are their own unit, by cell.
        for m in 0..<cells {
            var first = 0.0, second = 0.0, cross = 0.0, member = false
            for p in parts {
                let base = 5 * (p.d * p.s.cells + m)
                let r0 = p.s.singleMoments[base], r1 = p.s.singleMoments[base + 1]
                guard r0 != 0 else { continue }
                member = true
                let q0 = p.s.singleMoments[base + 2], q1 = p.s.singleMoments[base + 3], q2 = p.s.singleMoments[base + 4]
                first += p.c * (r1 - p.mean * r0) / p.total
                second += p.c * p.c * (q2 - 2 * p.mean * q1 + p.mean * p.mean * q0) / (p.total * p.total)
                cross += p.c * (q1 - p.mean * q0) / p.total
            }
            let f = fitted[m]
            first -= f * singleWeight[m]
            second += -2 * f * cross + f * f * singleSquare[m]
            t.singleFirst[m] = first
            t.singleSecond[m] = second
            t.singleMember[m] = member
        }
        return t
    }

    /// The fitted values per cell of the domain's influence values on the raking margins
    /// (backfitting over every respondent of the wave, design weights 1).
    func residualFit(_ s: DomainSums, _ d: Int, mean: Double, total: Double) -> [Double] {
        var u = [Double](repeating: 0, count: cells)
        for m in 0..<cells { u[m] = (s.cellValues[d * cells + m] - mean * s.cellCount[d * cells + m]) / total }
        return backfit(u)
    }

    /// The fitted values per cell of per-cell sums `sums` on the raking margins: backfitting
    /// (every respondent weight 1) until no category's mean residual exceeds `1e-13` of the
    /// largest cell mean.
    func backfit(_ sums: [Double]) -> [Double] {
        var scale = 0.0
        for m in 0..<cells { scale = max(scale, abs(sums[m]) / max(1, cellCount[m])) }
        var fitted = [Double](repeating: 0, count: cells)
        guard scale > 0 else { return fitted }
        for _ in 0..<1000 {
            var largest = 0.0
            for v in cellCategory.indices {
                let categories = cellCategory[v]
                var residual = [Double](repeating: 0, count: categoryCount[v].count)
                for m in 0..<cells where categories[m] >= 0 { residual[Int(categories[m])] += sums[m] - cellCount[m] * fitted[m] }
                for c in residual.indices where categoryCount[v][c] > 0 {
                    residual[c] /= categoryCount[v][c]
                    largest = max(largest, abs(residual[c]))
                }
                for m in 0..<cells where categories[m] >= 0 { fitted[m] += residual[Int(categories[m])] }
            }
            if largest <= 1e-13 * scale { break }
        }
        return fitted
    }
}
