/// The employers to survey in the next wave so that a figure reaches a target coefficient of
/// variation: Neyman allocation `n_S ∝ N_S S_S` with the current wave's stratum standard
/// deviations, at least 2 per stratum (or all its organisations), at most `N_S`; a stratum where
/// Neyman asks for more than it has is taken whole and the rest re-allocated.
///
/// For a total under stratified sampling without replacement, `V = Σ N_S² S_S² / n_S - Σ N_S S_S²`;
/// with Neyman allocation the total sample `n = (Σ N_S S_S)² / (V* + Σ N_S S_S²)` gives `V = V*`.
/// With several figures (national demand and chosen roles), each gets its own allocation and
/// every stratum takes the largest.
package enum EmployerSampleSize {
    package struct Stratum: Sendable, Equatable {
        package var name: String
        package var population: Double
        /// The current wave's respondents and the stratum standard deviation of each figure.
        package var respondents: Int
        package var deviations: [Double]
        /// Employers to survey (respondents wanted) in the next wave.
        package var allocation = 0
    }

    package struct Plan: Sendable, Equatable {
        package var strata: [Stratum]
        /// Each figure's name, current estimate and the CV the allocation is expected to give.
        package var figures: [(name: String, estimate: Double, expectedCV: Double?)]
        package var total: Int { strata.reduce(0) { $0 + $1.allocation } }

        package static func == (a: Plan, b: Plan) -> Bool {
            a.strata == b.strata && a.figures.map(\.name) == b.figures.map(\.name) && a.figures.map(\.expectedCV) == b.figures.map(\.expectedCV)
        }
    }

    /// The Neyman allocation of one figure reaching `cv` (real numbers, before rounding).
    static func neyman(populations: [Double], deviations: [Double], estimate: Double, cv: Double) -> [Double] {
        var n = [Double](repeating: 0, count: populations.count)
        guard estimate > 0 else { return n }
        let target = (cv * estimate) * (cv * estimate)
        var takeAll = Set<Int>()
        while true {
            let rest = populations.indices.filter { !takeAll.contains($0) && deviations[$0] > 0 }
            let sumNS = rest.reduce(0.0) { $0 + populations[$1] * deviations[$1] }
            let sumNS2 = rest.reduce(0.0) { $0 + populations[$1] * deviations[$1] * deviations[$1] }
            guard sumNS > 0 else { break }
            let total = sumNS * sumNS / (target + sumNS2)
            var changed = false
            for s in rest {
                n[s] = total * populations[s] * deviations[s] / sumNS
                if n[s] > populations[s] {
                    takeAll.insert(s)
                    changed = true
                }
            }
            if !changed { break }
        }
        for s in takeAll { n[s] = populations[s] }
        return n
    }

    /// The variance of a total under an allocation.
    static func variance(populations: [Double], deviations: [Double], allocation: [Int]) -> Double {
        populations.indices.reduce(0.0) { v, s in
            let N = populations[s], n = Double(allocation[s])
            guard n > 0, N > 0 else { return v }
            return v + N * N * max(0, 1 - n / N) * deviations[s] * deviations[s] / n
        }
    }

    /// Plans the next wave from `values` (per figure, one value per current respondent) under the
    /// current `weighting`: the first `targets` figures drive the allocation, every figure gets
    /// the CV it is expected to reach.
    package static func plan(weighting: EmployerWeighting, figures: [(name: String, values: [Double])], targets: Int, cv: Double) -> Plan {
        let design = weighting.design
        var strata = weighting.strata.enumerated().map { s, stratum in
            Stratum(name: stratum.name, population: stratum.eligible, respondents: design.sizes[s], deviations: [])
        }
        var estimates: [Double] = []
        for figure in figures {
            estimates.append(design.total(figure.values).value)
            var sum = [Double](repeating: 0, count: strata.count), squares = sum
            for (i, y) in figure.values.enumerated() {
                sum[design.stratum[i]] += y
                squares[design.stratum[i]] += y * y
            }
            for s in strata.indices {
                let n = Double(design.sizes[s])
                let deviation = n > 1 ? max(0, (squares[s] - sum[s] * sum[s] / n) / (n - 1)).squareRoot() : 0
                strata[s].deviations.append(deviation)
            }
        }
        let populations = strata.map(\.population)
        var allocation = [Double](repeating: 0, count: strata.count)
        for f in figures.indices.prefix(targets) {
            let n = neyman(populations: populations, deviations: strata.map { $0.deviations[f] }, estimate: estimates[f], cv: cv)
            for s in n.indices { allocation[s] = max(allocation[s], n[s]) }
        }
        for s in strata.indices {
            // Checked conversions: a population or allocation that does not fit an Int never traps.
            let population = Int(roundingChecked: populations[s], rule: .down) ?? 0
            let whole = Int(roundingChecked: min(populations[s], allocation[s]), rule: .up) ?? population
            strata[s].allocation = min(population, max(whole, Self.minimumPerStratum))
        }
        let counts = strata.map(\.allocation)
        let expected = figures.indices.map { f -> (String, Double, Double?) in
            let v = variance(populations: populations, deviations: strata.map { $0.deviations[f] }, allocation: counts)
            return (figures[f].name, estimates[f], estimates[f] > 0 ? v.squareRoot() / estimates[f] : nil)
        }
        return Plan(strata: strata, figures: expected)
    }

    /// Without a survey: proportional to `N_S`, for an assumed unit coefficient of variation
    /// (the standard deviation of an employer's figure over its mean; 2 by default, as skewed as
    /// employer counts usually are): `n0 = (unitCV / cv)²`, `n = n0 / (1 + n0 / N)`.
    package static func proportional(frame: SamplingFrame, cv: Double, unitCV: Double = 2) -> [(stratum: SamplingFrame.Stratum, allocation: Int)] {
        let N = frame.strata.values.reduce(0.0) { $0 + $1.eligible }
        guard N > 0 else { return [] }
        let n0 = (unitCV / cv) * (unitCV / cv)
        let n = n0 / (1 + n0 / N)
        return frame.order.map { s in
            let Ns = frame.strata[s]?.eligible ?? 0
            return (s, Int(min(Ns, max(min(Double(Self.minimumPerStratum), Ns), (n * Ns / N).rounded(.up)))))
        }
    }
}
