/// The assumptions of the labour-market flow model (``WorkforceFlows``), central by default; the
/// scenario table (``ShortfallScenarios``) moves one at a time, and the plan sets
/// ``completionsNext`` and ``roleSupplyNext`` to project its own catalog.
package struct FlowAssumptions: Sendable, Equatable {
    /// What the leavers of unknown destination (or hires of unknown source) are taken to be.
    package enum Unknown: String, Sendable, Equatable {
        /// Split as the known ones are (central).
        case split
        /// All exits from the cyber workforce of Belize (or all entrants).
        case all
        /// None of them (only the known exits or entrants count).
        case none
    }

    package var unknownDestinations = Unknown.split
    package var unknownSources = Unknown.split
    /// The share of expected new jobs that are created (1: all of them).
    package var newJobsRealised = 1.0
    /// An entry rate that replaces the realised one (`--entry-rate`); `nil` uses the realised rate, capped at 1.
    package var entryRate: Double?
    /// The catalog's annual completions in the projection; `nil` is today's (`completions`).
    package var completionsNext: Double?
    /// Per role id, the completions a year prepared for the role in the projection; `nil` is today's catalog.
    package var roleSupplyNext: [String: Double]?

    package init(
        unknownDestinations: Unknown = .split, unknownSources: Unknown = .split, newJobsRealised: Double = 1, entryRate: Double? = nil,
        completionsNext: Double? = nil, roleSupplyNext: [String: Double]? = nil
    ) {
        self.unknownDestinations = unknownDestinations
        self.unknownSources = unknownSources
        self.newJobsRealised = newJobsRealised
        self.entryRate = entryRate
        self.completionsNext = completionsNext
        self.roleSupplyNext = roleSupplyNext
    }
}

/// One surveyed role's share of the national flow: an allocation of people a year (not role
/// mentions), by the role's share of weighted role mentions of vacancies, new positions within a
/// year and leavers.
package struct RoleFlow: Sendable, Equatable {
    package var role: RoleProfile
    /// The role's status in the role-mention tables (a withheld role's allocation is withheld too).
    package var status: EstimateStatus
    /// `share(r)`: the role's weighted mentions of vacancies, new positions (1 year) and leavers over every surveyed role's.
    package var share: Estimate
    /// `demand_flow · share(r)`, people a year; over every surveyed role they add up to `demand_flow`.
    package var demandFlow: Estimate
    /// `supply(r) · entry_rate + (from_abroad + from_other_work) · share(r)`, people a year.
    package var entrants: Estimate
    /// `demand_flow(r) - entrants(r)`, people a year.
    package var shortfall: Estimate
    /// Completions a year prepared for the role (coverage at theta): `supply(r)`.
    package var supply: Double
    /// The vacancy backlog, jobs now: `vacant_jobs` allocated by the role's share of vacancy mentions.
    package var vacantJobs: Estimate
}
