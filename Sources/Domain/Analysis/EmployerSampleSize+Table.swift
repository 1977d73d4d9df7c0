import Foundation

/// The table of `workforce sample-size employer`: employers to survey in the next wave for a
/// target coefficient of variation.
extension EmployerSampleSize {
    /// The coefficient of variation assumed for an employer's figure before any survey.
    static let unitCV = 2.0
    /// The fewest employers a stratum gets in a Neyman allocation.
    static let minimumPerStratum = 2

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
            for (s, n) in proportional(frame: sampling, cv: target, unitCV: Self.unitCV) {
                table.append([.text(s.sector), .text(s.sizeBand), .double(sampling.strata[s]?.eligible ?? 0), .int(n)])
            }
            table.notes = [
                Phrase.phrase("estimation.sample.frame", ["source": .phrase(frame.source.phrase)]),
                .phrase("estimation.sample.no_survey", ["unit_cv": .text(String(Int(Self.unitCV)))]),
            ].texts(request.language)
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
        let roles: Phrase.Value = wanted.isEmpty ? .text("") : .phrase(.phrase("estimation.sample.allocation_roles", ["roles": .text(wanted.joined(separator: ", "))]))
        table.notes = [
            Phrase.phrase("estimation.sample.frame", ["source": .phrase(frame.source.phrase)]),
            .phrase(
                "estimation.sample.allocation",
                ["total": .text(String(plan.total)), "cv": .percent(target), "figure": .text(name), "roles": roles, "min": .text(String(Self.minimumPerStratum))]),
            .phrase(
                "estimation.sample.expected",
                ["figures": .text(plan.figures.map { "\($0.name) \($0.expectedCV.map { Figure.percent($0) } ?? "-")" }.joined(separator: "; "))]),
        ].texts(request.language)
        return table
    }
}
