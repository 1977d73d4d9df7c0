extension PlanInput {
    /// The plan's input from the employer estimates: the one place the plan reads the
    /// analysis.
    ///
    /// Per role, from the flow model (``WorkforceFlows``, when the form asked the flow
    /// questions): the role's allocated annual shortfall in people a year with its 95% interval,
    /// its vacant jobs now (the backlog), its share of the national exits, and the national
    /// entry rate and career changers (`from_other_work`). Without the flow questions, from the
    /// role mentions: the shortfall `new_positions / years + leavers - supply·e` (its interval
    /// the gap's, shifted with it), the backlog the weighted vacancies, exits the weighted
    /// leavers. Always: role-holdings, the weighted median of the proficiency employers require,
    /// and the KSAs they report lacking. Supply units are the offerings: a programme's length is
    /// its own row's, else the longest of its courses'.
    ///
    /// - Parameters:
    ///   - estimates: the employer estimates (after item imputation).
    ///   - lengths: `duration_years` by offering id, where the catalog gives one; otherwise
    ///     the default for the offering's level.
    ///   - costs: `cost_per_completion` by offering id, where the catalog gives one.
    package init(
        _ estimates: EmployerEstimates, lengths: [Int64: Double] = [:], costs: [Int64: Double] = [:], options: PlanOptions = PlanOptions(),
        statements: [String: String] = [:]
    ) {
        let inputs = estimates.inputs
        let lacking = Dictionary(grouping: GapAnalysis.lacking(inputs), by: \.role)
        let years = inputs.horizon.years
        let perYear = Coverage.supply(inputs.units, inputs.roles, theta: inputs.theta, years: 1)
        let flows = estimates.flows
        let allocated = Dictionary((flows?.roles ?? []).map { ($0.role.id, $0) }, uniquingKeysWith: { a, _ in a })
        var roles: [Role] = []
        for estimate in estimates.roles {
            let id = estimate.role.id
            let f = estimate.figures
            // The demand formula as a year's flow: no vacancies (the backlog), new positions within
            // the horizon as a year's worth, a year of leavers.
            let annual = RowFigures.demand(vacancies: 0, newPositions: f.newPositions.value / years, leavers: f.leavers.value, years: 1)
            let flow = annual - (perYear[id] ?? 0) * inputs.entryRate
            let shift = flow - estimate.gap.value
            var required: [(level: Double, weight: Double)] = []
            for (e, employer) in estimates.employers.enumerated() {
                if let report = employer.roles[id], let level = report.requiredLevel {
                    required.append((Double(level), inputs.weights[e] * max(1, report.staff ?? 1)))
                }
            }
            // The gap's interval shifted with it.
            var shortfall = Estimate(flow, ciLow: estimate.gap.ciLow.map { $0 + shift }, ciHigh: estimate.gap.ciHigh.map { $0 + shift })
            var backlog = f.vacancies.value, exits = f.leavers.value
            if let flows, let r = allocated[id] {
                shortfall = r.shortfall
                backlog = r.vacantJobs.value
                exits = flows.exits.value * r.share.value
            }
            roles.append(
                Role(
                    id: id, name: estimate.role.name, category: estimate.role.category ?? id.split(separator: "-").first.map(String.init),
                    ksas: estimate.role.ksas, status: estimate.status, shortfall: shortfall, backlog: backlog, exits: exits, employed: f.employed.value,
                    requiredLevel: Self.weightedMedian(required), demand: f.demand.value, quality: estimate.quality,
                    lacking: lacking[id].map { $0.map(\.ksa).filter { estimate.role.ksas.contains($0) } }))
        }
        let byID = Dictionary(inputs.offerings.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        func length(_ id: Int64) -> Double {
            if let years = lengths[id] { return years }
            return byID[id].flatMap { Self.defaultLength(level: $0.level) } ?? 1
        }
        let offerings = inputs.units.map { unit -> Offering in
            let own = unit.offerings.first.flatMap { byID[$0] }.flatMap { $0.code.lowercased() == unit.code.lowercased() ? $0 : nil }
            let years = own.map { length($0.id) } ?? (unit.offerings.map(length).max() ?? 1)
            let cost = own.flatMap { costs[$0.id] } ?? unit.offerings.compactMap { costs[$0] }.max()
            return Offering(
                code: unit.code, institution: unit.institution, title: unit.title, level: own?.level ?? "programme", lengthYears: years,
                completions: Double(unit.completions), shares: Coverage.shares(unit.ksas, inputs.roles, theta: inputs.theta), ksas: unit.ksas,
                costPerCompletion: cost)
        }
        self.init(
            roles: roles, offerings: offerings, options: options, entryRate: min(1, flows?.entryRate ?? inputs.entryRate),
            fromOtherWork: flows?.fromOtherWork.value ?? 0, statements: statements)
    }

    /// The weighted median: the least value whose cumulative weight reaches half the total;
    /// `nil` without weight.
    static func weightedMedian(_ values: [(level: Double, weight: Double)]) -> Double? {
        let total = values.reduce(0) { $0 + $1.weight }
        guard total > 0 else { return nil }
        var cumulative = 0.0
        for v in values.sorted(by: { $0.level < $1.level }) {
            cumulative += v.weight
            if cumulative >= total / 2 - 1e-12 { return v.level }
        }
        return values.map(\.level).max()
    }
}

/// What `workforce plan` is asked for: the gap figures' request and the plan's own options.
package struct PlanRequest: Sendable {
    /// The gap figures' request (θ, entry rate, frame).
    package var gaps = GapRequest()
    package var options = PlanOptions()

    package init() {}
}

extension WorkforcePlan {
    /// Loads the gap figures and the catalog's lengths and costs from `store` and builds the plan.
    ///
    /// - Returns: the plan and the gap figures it was built from (their notes: weights, catalog).
    /// - Throws: ``WorkforceError/noInput(path:reason:)`` before any employer import.
    package static func run(_ store: WorkforceStore, _ request: PlanRequest) throws -> (plan: WorkforcePlan, context: GapContext) {
        let context = try GapContext.load(store, request.gaps)
        return (try build(context, store, request), context)
    }

    /// The plan from loaded gap figures (the report loads them once for every section).
    package static func build(_ context: GapContext, _ store: WorkforceStore, _ request: PlanRequest) throws -> WorkforcePlan {
        let input = PlanInput(
            context.estimates, lengths: try store.offeringDurations(), costs: try store.offeringCosts(), options: request.options,
            statements: context.texts.mapValues(\.text))
        return try build(input)
    }
}
