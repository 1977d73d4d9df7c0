extension PlanInput {
    /// The sectors the strategy names as critical infrastructure (energy, water, banking and
    /// finance, telecommunications, transport, health, government and national security with
    /// immigration, tourism), in the bank's sector names: finance covers banks, international
    /// financial services and credit unions and insurance.
    public static let criticalSectors: Set<String> = [
        "energy", "water", "banking_finance", "offshore_finance", "credit_unions_insurance", "telecommunications", "transport", "health",
        "government_security", "tourism",
    ]

    /// The plan's input from the employer estimates: the one place the plan reads the
    /// analysis.
    ///
    /// Each role keeps its estimate's status (published, suppressed, not surveyed), its gap
    /// (`demand - entry_rate × supply`) with the 95% interval and quality grade, and its
    /// share of demand (vacancies, new positions and replacement) from critical-infrastructure
    /// employers. Supply units are the offerings: a programme's length is its own row's, else
    /// the longest of its courses'.
    ///
    /// - Parameters:
    ///   - estimates: the employer estimates (after item imputation).
    ///   - lengths: `duration_years` by offering id, where the catalog gives one; otherwise
    ///     the default for the offering's level.
    public init(_ estimates: EmployerEstimates, lengths: [Int64: Double] = [:], maxGrowth: Double = 1) {
        var inputs = estimates.inputs
        inputs.employers = estimates.employers
        let shortfalls = Dictionary(GapAnalysis.shortfalls(inputs).map { ($0.role.id, $0) }, uniquingKeysWith: { a, _ in a })
        let lacking = Dictionary(grouping: GapAnalysis.lacking(inputs), by: \.role)
        let years = inputs.horizon.years
        var roles: [Role] = []
        for estimate in estimates.roles {
            let id = estimate.role.id
            var critical = 0.0
            for (e, employer) in inputs.employers.enumerated() where Self.criticalSectors.contains(employer.sector ?? "") {
                if let report = employer.roles[id] {
                    critical += inputs.weights[e] * ((report.vacancies ?? 0) + (report.expected[inputs.horizon] ?? 0) + (report.leavers ?? 0) * years)
                }
            }
            let demand = estimate.figures.demand.value
            let status: Status = estimate.status == .published ? .published : estimate.status == .notSurveyed ? .notSurveyed : .suppressed
            let shortfall = shortfalls[id]
            roles.append(
                Role(
                    id: id, name: estimate.role.name, ksas: estimate.role.ksas, status: status,
                    gap: Estimate(estimate.gap.value, ciLow: estimate.gap.ciLow, ciHigh: estimate.gap.ciHigh), demand: demand,
                    quality: estimate.quality?.rawValue, criticalShare: demand > 0 ? min(1, critical / demand) : 0,
                    employed: estimate.figures.employed.value, belowRequired: shortfall?.staffBelowRequired.value ?? 0,
                    meanShortfall: shortfall?.meanShortfall?.value,
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
            return Offering(
                code: unit.code, institution: unit.institution, title: unit.title, level: own?.level ?? "programme", lengthYears: years,
                completions: Double(unit.completions), shares: Coverage.shares(unit.ksas, inputs.roles, theta: inputs.theta), ksas: unit.ksas)
        }
        self.init(
            roles: roles, offerings: offerings, horizonYears: years, horizonWords: inputs.horizon.words, maxGrowth: maxGrowth,
            entryRate: inputs.entryRate)
    }
}

/// What `workforce plan` is asked for: the gap figures' request and the plan's own options.
public struct PlanRequest: Sendable {
    /// The gap figures' request (horizon, θ, entry rate, frame).
    public var gaps = GapRequest()
    public var maxGrowth = 1.0

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
        let input = PlanInput(context.estimates, lengths: try store.offeringDurations(), maxGrowth: request.maxGrowth)
        return try build(input)
    }
}
