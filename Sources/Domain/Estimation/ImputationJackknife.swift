/// The variance of employer demand with the imputation in it (issue 28, point 8;
/// `--imputation-variance`): Rao and Shao's jackknife, which imputes again within every
/// replicate (J. N. K. Rao and J. Shao, "Jackknife variance estimation with survey data under hot
/// deck imputation", *Biometrika* 79(4), 1992, 811-822).
///
/// Replicate `(h, j)` deletes responding employer `j` of stratum `h`, weights the other employers
/// of `h` by `n_h / (n_h - 1)`, and imputes the blanks again from the employers left (the donors'
/// means of ``ItemImputation``, now without `j`). With `θ_hj` the replicate's total,
///
///     v = Σ_h (1 - n_h / N_h) (n_h - 1) / n_h Σ_j (θ_hj - θ̄_h)²,
///
/// which without any imputed value is exactly the linearised variance of ``StratifiedDesign``
/// (the finite population correction included). A stratum with one responding employer cannot be
/// deleted from; it contributes `(1 - 1/N_h) (N_h y)²` on the imputed value, as the linearised
/// variance does (R's `lonely.psu = "adjust"`).
package struct ImputationJackknife: Sendable {
    struct Replicate {
        var stratum: Int
        /// Each role's demand total in the replicate.
        var totals: [String: Double]
    }

    var replicates: [Replicate] = []
    /// Per stratum: `(1 - n/N) (n - 1) / n` (0 for a stratum of one).
    var factors: [Double] = []
    /// The employers alone in their stratum: `1 - 1/N` and each role's weighted demand.
    var lonely: [(factor: Double, values: [String: Double])] = []

    /// The replicates of `employers` (before imputation) under `design`, for each surveyed role's
    /// demand within `horizon`.
    package init(employers: [EmployerResponse], design: StratifiedDesign, horizon: Horizon) {
        let years = horizon.years
        func totals(_ list: [EmployerResponse], _ weights: [Double]) -> [String: Double] {
            let filled = ItemImputation.impute(list, horizon: horizon).employers
            var out: [String: Double] = [:]
            for (e, employer) in filled.enumerated() {
                for (role, report) in employer.roles {
                    let demand = (report.vacancies ?? 0) + (report.expected[horizon] ?? 0) + (report.leavers ?? 0) * years
                    out[role, default: 0] += weights[e] * demand
                }
            }
            return out
        }
        let members = design.populations.indices.map { h in design.stratum.indices.filter { design.stratum[$0] == h } }
        factors = design.populations.indices.map { h in
            let n = Double(design.sizes[h]), N = design.populations[h]
            guard design.sizes[h] > 1 else { return 0 }
            return (N > 0 ? Swift.max(0, 1 - n / N) : 0) * (n - 1) / n
        }
        let full = ItemImputation.impute(employers, horizon: horizon).employers
        for h in design.populations.indices {
            let units = members[h]
            if units.count == 1, let e = units.first {
                let N = design.populations[h]
                var values: [String: Double] = [:]
                for (role, report) in full[e].roles {
                    values[role] = N * ((report.vacancies ?? 0) + (report.expected[horizon] ?? 0) + (report.leavers ?? 0) * years)
                }
                lonely.append((N > 0 ? Swift.max(0, 1 - 1 / N) : 0, values))
                continue
            }
            guard units.count > 1 else { continue }
            let scale = Double(units.count) / Double(units.count - 1)
            for j in units {
                var list: [EmployerResponse] = []
                var weights: [Double] = []
                for e in employers.indices where e != j {
                    list.append(employers[e])
                    weights.append(design.weights[e] * (design.stratum[e] == h ? scale : 1))
                }
                replicates.append(Replicate(stratum: h, totals: totals(list, weights)))
            }
        }
    }

    /// The jackknife variance of the demand summed over `roles`.
    package func variance(roles: Set<String>) -> Double {
        var byStratum: [Int: [Double]] = [:]
        for r in replicates { byStratum[r.stratum, default: []].append(roles.reduce(0.0) { $0 + (r.totals[$1] ?? 0) }) }
        var v = 0.0
        for (h, thetas) in byStratum {
            let mean = thetas.reduce(0, +) / Double(thetas.count)
            v += factors[h] * thetas.reduce(0.0) { $0 + ($1 - mean) * ($1 - mean) }
        }
        for unit in lonely {
            let y = roles.reduce(0.0) { $0 + (unit.values[$1] ?? 0) }
            v += unit.factor * y * y
        }
        return v
    }

    /// The standard error of the demand summed over `roles`.
    package func standardError(roles: Set<String>) -> Double { variance(roles: roles).squareRoot() }
}
