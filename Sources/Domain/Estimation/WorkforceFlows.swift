/// The national labour-market flow model (issue 27): the stock of vacant jobs now, and the
/// annual flows of people into and out of cybersecurity work in Belize, from the employer-level
/// questions (``FlowAnswers``), weighted and imputed as every employer figure is. Units: jobs now
/// for ``vacantJobs`` and ``hardToFillJobs`` (never added to a flow), people a year for the rest.
///
/// - `expansion = Σ w · new_jobs_12m`
/// - `exits = known_exits · leavers / known` (`known_exits = Σ w (left_abroad + left_cyber_work)`,
///   `known = Σ w (left_to_employer_bz + left_abroad + left_cyber_work)`; 0 when `known` is 0);
///   `churn = Σ w left_to_employer_bz · leavers / known` (moves within Belize, never demand)
/// - `demand_flow = expansion + exits`
/// - `from_x = Σ w hired_from_x · hires / known_hires` for education, abroad and other work
///   (`known_hires` the four named sources; hires from another employer in Belize are churn)
/// - `entry_rate_realised = from_education / completions` (the catalog's annual completions)
/// - `entrants_projected = completions_next · min(1, rate) + from_abroad + from_other_work`
/// - `shortfall = demand_flow - entrants_projected` (the headline)
///
/// Standard errors by linearisation (``LinearizedFigure``), as R's `svycontrast` of `svytotal`s.
/// National totals cover every surveyed role, withheld ones included.
///
/// How to call it: `estimates.flows` holds the central figures (nil when the form did not ask
/// the flow questions); `WorkforceFlows(estimates, FlowAssumptions(completionsNext: ..., roleSupplyNext: ...))`
/// projects another catalog (the plan), and ``roles`` gives each role's allocation.
package struct WorkforceFlows: Sendable {
    package var assumptions: FlowAssumptions
    package var vacantJobs: Estimate
    package var hardToFillJobs: Estimate
    package var expansion: Estimate
    package var exits: Estimate
    package var churn: Estimate
    package var leavers: Estimate
    package var demandFlow: Estimate
    package var hires: Estimate
    package var fromEducation: Estimate
    package var fromAbroad: Estimate
    package var fromOtherWork: Estimate
    package var entrants: Estimate
    /// The catalog's annual completions (a census), every offering.
    package var completions: Double
    package var completionsNext: Double
    /// `from_education / completions`, uncapped; `nil` without completions.
    package var entryRateRealised: Estimate?
    /// The rate the projection uses: the override, or the realised rate capped at 1 (1 without completions).
    package var entryRate: Double
    package var entrantsProjected: Estimate
    package var shortfall: Estimate
    /// Different people doing cyber work (`cyber_people`) and role-holdings (staff over every surveyed role).
    package var people: Estimate?
    package var roleHoldings: Estimate
    /// `role_holdings / people` (`svyratio`); `nil` without `cyber_people`.
    package var holdingsPerPerson: Estimate?
    /// Employers whose `new_jobs_12m` ("don't know") was imputed.
    package var imputedNewJobs: Int
    /// Every surveyed role's allocation, in the framework's order.
    package var roles: [RoleFlow]
    /// Leavers were reported but none of known destination: exits are 0.
    package var noKnownDestinations: Bool
    /// Hires were reported but none of known source: entrants are 0.
    package var noKnownSources: Bool

    /// The flows of `estimates` under `assumptions`; `nil` when the form did not ask the flow questions.
    package init?(_ estimates: EmployerEstimates, _ assumptions: FlowAssumptions = FlowAssumptions()) {
        let employers = estimates.employers
        guard employers.contains(where: { $0.flows != nil }) else { return nil }
        let design = estimates.design
        self.assumptions = assumptions
        func column(_ name: String) -> [Double] { employers.map { $0.flows?[name] ?? 0 } }
        func total(_ names: String...) -> LinearizedFigure {
            LinearizedFigure.total(employers.map { e in names.reduce(0) { $0 + (e.flows?[$1] ?? 0) } }, design)
        }
        let zero = LinearizedFigure.constant(0)
        vacantJobs = total("vacant_jobs").estimate(design)
        hardToFillJobs = total("hard_to_fill_jobs").estimate(design)
        let expansion = total("new_jobs_12m") * assumptions.newJobsRealised
        imputedNewJobs = estimates.imputedNewJobs

        // Exits and churn.
        let leavers = total("leavers_people_12m"), known = total("left_to_employer_bz", "left_abroad", "left_cyber_work")
        let knownExits = total("left_abroad", "left_cyber_work"), knownChurn = total("left_to_employer_bz")
        noKnownDestinations = known.value == 0 && leavers.value > 0
        let exits: LinearizedFigure
        let churn: LinearizedFigure
        switch assumptions.unknownDestinations {
        case .split:
            exits = (knownExits * leavers / known) ?? zero
            churn = (knownChurn * leavers / known) ?? zero
        case .all:
            exits = knownExits + (leavers - known)
            churn = knownChurn
        case .none:
            exits = knownExits
            churn = knownChurn
        }
        let demandFlow = expansion + exits

        // Entrants by route.
        let hires = total("hires_12m"), knownHires = total("hired_from_education", "hired_from_employer_bz", "hired_from_abroad", "hired_from_other_work")
        noKnownSources = knownHires.value == 0 && hires.value > 0
        let routes = [total("hired_from_education"), total("hired_from_abroad"), total("hired_from_other_work")]
        let entering = routes.dropFirst().reduce(routes[0], +)
        let scaled: [LinearizedFigure]
        switch assumptions.unknownSources {
        case .split: scaled = routes.map { (($0 * hires) / knownHires) ?? zero }
        case .none: scaled = routes
        case .all: scaled = routes.map { route in ((route * (hires - knownHires)) / entering).map { route + $0 } ?? route }
        }
        let (education, abroad, otherWork) = (scaled[0], scaled[1], scaled[2])
        let entrants = education + abroad + otherWork

        // The realised entry rate and the projection.
        completions = estimates.inputs.units.reduce(0.0) { $0 + Double($1.completions) }
        completionsNext = assumptions.completionsNext ?? completions
        let realised = completions > 0 ? (education / .constant(completions)) : nil
        entryRateRealised = realised?.estimate(design, isCount: false)
        let rate: LinearizedFigure
        if let given = assumptions.entryRate {
            rate = .constant(given)
        } else if let realised, realised.value <= 1 {
            rate = realised
        } else {
            rate = .constant(1)
        }
        entryRate = rate.value
        let projected = rate * completionsNext + abroad + otherWork
        let shortfall = demandFlow - projected

        self.expansion = expansion.estimate(design)
        self.exits = exits.estimate(design)
        self.churn = churn.estimate(design)
        self.leavers = leavers.estimate(design)
        self.demandFlow = demandFlow.estimate(design)
        self.hires = hires.estimate(design)
        fromEducation = education.estimate(design)
        fromAbroad = abroad.estimate(design)
        fromOtherWork = otherWork.estimate(design)
        self.entrants = entrants.estimate(design)
        entrantsProjected = projected.estimate(design)
        self.shortfall = shortfall.estimate(design, isCount: false)

        // People and role-holdings.
        let holdings = LinearizedFigure.total(estimates.values(roles: estimates.inputs.surveyed).staff, design)
        roleHoldings = holdings.estimate(design)
        if employers.contains(where: { $0.cyberPeople != nil }) {
            let people = LinearizedFigure.total(employers.map { $0.cyberPeople ?? 0 }, design)
            self.people = people.estimate(design)
            holdingsPerPerson = (holdings / people)?.estimate(design, isCount: false)
        } else {
            people = nil
            holdingsPerPerson = nil
        }
        roles = Self.allocate(
            estimates, design, demandFlow: demandFlow, arriving: abroad + otherWork, rate: rate, vacantJobs: total("vacant_jobs"),
            supplyNext: assumptions.roleSupplyNext)
    }

    /// Each surveyed role's share of the flows (``RoleFlow``).
    private static func allocate(
        _ estimates: EmployerEstimates, _ design: StratifiedDesign, demandFlow: LinearizedFigure, arriving: LinearizedFigure, rate: LinearizedFigure,
        vacantJobs: LinearizedFigure, supplyNext: [String: Double]?
    ) -> [RoleFlow] {
        let inputs = estimates.inputs
        // Role mentions within a year: the 1-year new positions, imputed as the estimates are.
        let employers = inputs.horizon == .medium ? estimates.employers : inputs.impute ? ItemImputation.impute(inputs.employers, horizon: .medium).employers : inputs.employers
        let surveyed = estimates.roles.filter { $0.status != .notSurveyed }
        var mentions: [[Double]] = [], vacancies: [[Double]] = []
        for r in surveyed {
            mentions.append(employers.map { e in e.roles[r.role.id].map { ($0.vacancies ?? 0) + ($0.expected[.medium] ?? 0) + ($0.leavers ?? 0) } ?? 0 })
            vacancies.append(employers.map { $0.roles[r.role.id]?.vacancies ?? 0 })
        }
        let sum = { (rows: [[Double]]) in LinearizedFigure.total(employers.indices.map { e in rows.reduce(0) { $0 + $1[e] } }, design) }
        let allMentions = sum(mentions), allVacancies = sum(vacancies)
        let supply = Coverage.supply(inputs.units, inputs.roles, theta: inputs.theta, years: 1)
        return surveyed.enumerated().map { i, r in
            let share = (LinearizedFigure.total(mentions[i], design) / allMentions) ?? .constant(0)
            let vacancyShare = (LinearizedFigure.total(vacancies[i], design) / allVacancies) ?? .constant(0)
            let roleSupply = supplyNext?[r.role.id] ?? supply[r.role.id] ?? 0
            let flow = demandFlow * share
            let entrants = rate * roleSupply + arriving * share
            return RoleFlow(
                role: r.role, status: r.status, share: share.estimate(design, isCount: false), demandFlow: flow.estimate(design),
                entrants: entrants.estimate(design), shortfall: (flow - entrants).estimate(design, isCount: false), supply: roleSupply,
                vacantJobs: (vacantJobs * vacancyShare).estimate(design))
        }
    }
}

extension WorkforceFlows {
    /// The realised entry rate of `inputs` (its point value, as ``entryRateRealised`` gives it),
    /// before any estimate is made: the default entry rate of every supply figure. `nil` without
    /// the flow questions, completions or hires of known source.
    package static func realisedEntryRate(_ inputs: GapInputs) -> Double? {
        let employers = inputs.employers
        guard employers.contains(where: { $0.flows != nil }) else { return nil }
        let weights = inputs.weights
        func total(_ names: String...) -> Double {
            employers.indices.reduce(0) { sum, e in sum + weights[e] * names.reduce(0) { $0 + (employers[e].flows?[$1] ?? 0) } }
        }
        let completions = inputs.units.reduce(0.0) { $0 + Double($1.completions) }
        let known = total("hired_from_education", "hired_from_employer_bz", "hired_from_abroad", "hired_from_other_work")
        guard completions > 0, known > 0 else { return nil }
        return total("hired_from_education") * total("hires_12m") / known / completions
    }
}
