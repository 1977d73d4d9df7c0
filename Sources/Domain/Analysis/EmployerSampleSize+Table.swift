import Foundation

/// The table of `workforce sample-size employer`: employers to survey in the next wave for a
/// target coefficient of variation.
extension EmployerSampleSize {
    /// The employer figure whose CV the allocation targets.
    package enum TargetFigure: String, CaseIterable, Sendable { case demand, employed, vacancies }

    /// Employers per stratum for a CV of `cv` on national `figure` and on each of `roles`
    /// (Neyman allocation with this wave's stratum deviations); before any employer survey,
    /// proportional to the frame's eligible organisations.
    /// - Throws: ``WorkforceError/usage(_:)`` for a role the form did not ask about; what
    ///   ``GapContext/load(_:_:)`` throws.
    package static func table(
        _ store: WorkforceStore, _ request: GapRequest, frame: SamplingFrame, cv target: Double, figure: TargetFigure, roles: [String]
    ) throws -> ResultTable {
        let context: GapContext
        do {
            context = try GapContext.load(store, request)
        } catch let error as WorkforceError {
            guard case .noInput = error else { throw error }
            // No survey yet: proportional to the organisations, for an assumed unit CV.
            let sampling = frame
            var table = ResultTable(columns: ["sector", "size_band", "organisations", "allocation"])
            for (s, n) in proportional(frame: sampling, cv: target) {
                table.append([.text(s.sector), .text(s.sizeBand), .double(sampling.strata[s]?.eligible ?? 0), .int(n)])
            }
            table.notes = [
                "Frame: the \(frame.source.words).",
                "No employer survey is imported yet: the sample is proportional to the eligible organisations, for an assumed coefficient of variation of 2 for an employer's figure (employer counts are skewed); after the first wave, the allocation uses its stratum standard deviations (Neyman)."
            ]
            return table
        }
        let e = context.estimates
        let years = e.years
        func values(_ v: EmployerValues) -> [Double] {
            switch figure {
            case .demand: v.demand(years: years)
            case .employed: v.staff
            case .vacancies: v.vacancies
            }
        }
        let surveyed = e.surveyedRoles
        let wanted = roles.map { $0.uppercased() }
        for id in wanted where !surveyed.contains(where: { $0.role.id == id }) {
            throw WorkforceError.usage("--roles: \(id) is not a work role the employer form asked about")
        }
        let national = (name: "national", values: values(e.values(roles: Set(surveyed.map(\.role.id)))))
        let chosen = wanted.map { id in (name: id, values: values(e.values(roles: [id]))) }
        let others = surveyed.map(\.role.id).filter { !wanted.contains($0) }.map { id in (name: id, values: values(e.values(roles: [id]))) }
        let plan = plan(weighting: context.inputs.weighting, figures: [national] + chosen + others, targets: 1 + chosen.count, cv: target)
        var table = ResultTable(columns: ["stratum", "organisations", "respondents_now", "sd_now", "allocation"])
        for s in plan.strata {
            table.append([.text(s.name), .double(s.population), .int(s.respondents), .double(s.deviations.first ?? 0), .int(s.allocation)])
        }
        let name = figure.rawValue
        table.notes = [
            "Frame: the \(frame.source.words).",
            "Employers to survey (responding) in the next wave: \(plan.total), for a CV of \(Figure.percent(target)) on national \(name)\(wanted.isEmpty ? "" : " and on \(wanted.joined(separator: ", "))") (Neyman allocation with this wave's stratum standard deviations; at least 2 per stratum, at most its organisations). Divide by the expected response rate to get the organisations to issue.",
            "Expected CV with this allocation: " + plan.figures.map { "\($0.name) \($0.expectedCV.map { Figure.percent($0) } ?? "-")" }.joined(separator: "; ") + ".",
        ]
        return table
    }
}
