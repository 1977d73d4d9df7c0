extension ItemImputation {
    /// `employers` with `new_jobs_12m` left blank ("don't know") imputed as the per-role new
    /// positions are: the unweighted mean of the employers of the same size band that were asked
    /// the flow questions and answered, or of all of them when none in the band answered. An
    /// employer was asked when it answered any of `vacant_jobs`, `leavers_people_12m` or `hires_12m`
    /// (the required questions of the block).
    ///
    /// - Returns: the employers and the number whose value was imputed.
    package static func imputeNewJobs(_ employers: [EmployerResponse]) -> (employers: [EmployerResponse], imputed: Int) {
        func asked(_ f: FlowAnswers) -> Bool { f.vacantJobs != nil || f.leavers != nil || f.hires != nil }
        var byBand: [String: (sum: Double, count: Int)] = [:]
        var all = (sum: 0.0, count: 0)
        for e in employers {
            guard let f = e.flows, asked(f), let v = f.newJobs else { continue }
            byBand[e.sizeBand ?? "", default: (0, 0)].sum += v
            byBand[e.sizeBand ?? "", default: (0, 0)].count += 1
            all.sum += v
            all.count += 1
        }
        var result = employers
        var imputed = 0
        for (i, e) in employers.enumerated() {
            guard let f = e.flows, asked(f), f.newJobs == nil else { continue }
            let band = byBand[e.sizeBand ?? ""].flatMap { $0.count > 0 ? $0.sum / Double($0.count) : nil }
            guard let mean = band ?? (all.count > 0 ? all.sum / Double(all.count) : nil) else { continue }
            result[i].flows?.newJobs = mean
            imputed += 1
        }
        return (result, imputed)
    }
}
