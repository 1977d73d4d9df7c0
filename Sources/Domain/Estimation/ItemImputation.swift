/// Item non-response in the employer survey: leavers left blank, and new positions when the
/// employer answered "don't know" (or gave no number), are imputed by the mean of the employers of
/// the same size band that have the role and answered ("no new positions" counts as an answer of
/// 0), or of all such employers when none in the band answered. Staff, vacancies and hard-to-fill
/// are required questions and are never imputed. The mean is unweighted; variance treats imputed
/// values as observed.
package enum ItemImputation {
    /// `employers` with the missing leavers and new positions at `horizon` filled in, and per role
    /// the number of employers with at least one imputed value.
    package static func impute(_ employers: [EmployerResponse], horizon: Horizon) -> (employers: [EmployerResponse], imputed: [String: Int]) {
        // Per role and size band (and per role overall): sum and count of answered values.
        struct Mean {
            var sum = 0.0, count = 0
            var value: Double? { count > 0 ? sum / Double(count) : nil }
            mutating func add(_ v: Double?) {
                guard let v else { return }
                sum += v
                count += 1
            }
        }
        var leavers: [String: [String: Mean]] = [:], positions: [String: [String: Mean]] = [:]
        var leaversAll: [String: Mean] = [:], positionsAll: [String: Mean] = [:]
        for e in employers {
            let band = e.sizeBand ?? ""
            for (role, report) in e.roles {
                leavers[role, default: [:]][band, default: Mean()].add(report.leavers)
                leaversAll[role, default: Mean()].add(report.leavers)
                positions[role, default: [:]][band, default: Mean()].add(report.expected[horizon])
                positionsAll[role, default: Mean()].add(report.expected[horizon])
            }
        }
        var imputed: [String: Int] = [:]
        var result = employers
        for (i, e) in employers.enumerated() {
            let band = e.sizeBand ?? ""
            for (role, report) in e.roles {
                var changed = false
                if report.leavers == nil, let mean = leavers[role]?[band]?.value ?? leaversAll[role]?.value {
                    result[i].roles[role]?.leavers = mean
                    changed = true
                }
                if report.expected[horizon] == nil, let mean = positions[role]?[band]?.value ?? positionsAll[role]?.value {
                    result[i].roles[role]?.expected[horizon] = mean
                    changed = true
                }
                if changed { imputed[role, default: 0] += 1 }
            }
        }
        return (result, imputed)
    }
}
