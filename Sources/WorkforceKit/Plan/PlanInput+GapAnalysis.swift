extension PlanInput {
    /// The sectors the strategy names as critical infrastructure (energy, water, banking and
    /// finance, telecommunications, transport, health, government and national security with
    /// immigration, tourism), in the bank's sector names: finance covers banks, international
    /// financial services and credit unions and insurance.
    public static let criticalSectors: Set<String> = [
        "energy", "water", "banking_finance", "offshore_finance", "credit_unions_insurance", "telecommunications", "transport", "health",
        "government_security", "tourism",
    ]

    /// The plan's input from the gap analysis: the one place the plan reads `Analysis/`.
    ///
    /// A role is published with `minimumCell` or more responding employers, suppressed with
    /// fewer, not surveyed when no employer reported on it. Its gap is `demand - entryRate ×
    /// supply`. Supply units are the offerings: a programme's length is its own row's, else
    /// the longest of its courses'.
    ///
    /// - Parameters:
    ///   - inputs: the gap analysis's inputs (employers, weights, roles, catalog, θ, horizon).
    ///   - lengths: `duration_years` by offering id, where the catalog gives one; otherwise
    ///     the default for the offering's level.
    public init(_ inputs: GapInputs, lengths: [Int64: Double] = [:], minimumCell: Int = 5, maxGrowth: Double = 1, entryRate: Double = 1) {
        let gaps = GapAnalysis.roleGaps(inputs)
        let shortfalls = Dictionary(uniqueKeysWithValues: GapAnalysis.shortfalls(inputs).map { ($0.role.id, $0) })
        let lacking = Dictionary(grouping: GapAnalysis.lacking(inputs), by: \.role)
        var roles: [Role] = []
        for g in gaps {
            var critical = 0.0
            for (e, employer) in inputs.employers.enumerated() where Self.criticalSectors.contains(employer.sector ?? "") {
                if let report = employer.roles[g.role.id] {
                    critical += inputs.weights[e] * ((report.vacancies ?? 0) + (report.expected[inputs.horizon] ?? 0))
                }
            }
            let status: Status = g.respondents == 0 ? .notSurveyed : g.respondents < minimumCell ? .suppressed : .published
            let shortfall = shortfalls[g.role.id]
            let reported = lacking[g.role.id]?.map(\.ksa).filter { g.role.ksas.contains($0) }
            roles.append(
                Role(
                    id: g.role.id, name: g.role.name, ksas: g.role.ksas, status: status, gap: Estimate(g.demand - entryRate * g.supply),
                    demand: g.demand, quality: nil, criticalShare: g.demand > 0 ? min(1, critical / g.demand) : 0, employed: g.employed,
                    belowRequired: shortfall?.staffBelowRequired ?? 0, meanShortfall: shortfall?.meanShortfall,
                    lacking: lacking[g.role.id] == nil ? nil : reported))
        }
        let byID = Dictionary(uniqueKeysWithValues: inputs.offerings.map { ($0.id, $0) })
        func length(_ id: Int64) -> Double {
            if let years = lengths[id] { return years }
            return byID[id].flatMap { Self.defaultLength(level: $0.level) } ?? 1
        }
        let offerings = inputs.units.map { unit -> Offering in
            let own = unit.offerings.first.flatMap { byID[$0] }.flatMap { $0.code.lowercased() == unit.code.lowercased() ? $0 : nil }
            let years = own.map { length($0.id) } ?? (unit.offerings.map(length).max() ?? 1)
            return Offering(
                code: unit.code, institution: unit.institution, title: unit.title, level: own?.level ?? "programme", lengthYears: years,
                completions: Double(unit.completions), shares: Coverage.shares(unit.ksas, inputs.roles, theta: inputs.theta), ksas: unit.ksas)
        }
        self.init(
            roles: roles, offerings: offerings, horizonYears: inputs.horizon.years, horizonWords: inputs.horizon.words, maxGrowth: maxGrowth,
            entryRate: entryRate)
    }
}

/// What `workforce plan` is asked for: the gap figures' request and the plan's own options.
public struct PlanRequest: Sendable {
    public var gaps = GapRequest()
    public var maxGrowth = 1.0
    public var entryRate = 1.0

    public init() {}
}

extension WorkforcePlan {
    /// Loads the gap figures and the catalog's lengths from `store` and builds the plan.
    ///
    /// - Returns: the plan and the gap figures' notes (weights, horizon, catalog).
    /// - Throws: ``WorkforceError/noInput(path:reason:)`` before any employer import.
    public static func run(_ store: WorkforceStore, _ request: PlanRequest) throws -> (plan: WorkforcePlan, notes: [String]) {
        let context = try GapContext.load(store, request.gaps)
        return (try build(context, store, request), context.notes)
    }

    /// The plan from loaded gap figures (the report loads them once for every section).
    public static func build(_ context: GapContext, _ store: WorkforceStore, _ request: PlanRequest) throws -> WorkforcePlan {
        let input = PlanInput(
            context.inputs, lengths: try store.offeringDurations(), minimumCell: request.gaps.minimumCell, maxGrowth: request.maxGrowth,
            entryRate: request.entryRate)
        return try build(input)
    }
}
