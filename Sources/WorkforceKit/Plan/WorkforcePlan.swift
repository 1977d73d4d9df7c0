/// The national workforce development plan (strategy activity 1.4): the actions that close the
/// published gaps within the horizon, with seats that add up across roles.
///
/// Built by ``build(_:)`` from a ``PlanInput``: two linear programs choose how far each
/// existing offering grows and how many completions a year new courses must give (see
/// ``WorkforcePlan/Programs``); every action carries what it adds to each role within the
/// horizon, and every ranked role what the actions close and what stays open.
public struct WorkforcePlan: Sendable, Equatable {
    public static let lead = "Ministry responsible for education"
    public static let partners = [
        "Belize Chamber of Commerce and Industry", "University of Belize and its ACM student chapter", "University of the West Indies",
    ]

    public enum ActionKind: String, Sendable, Equatable {
        case scale, create, upskill
        case beyondHorizon = "beyond_horizon"
    }

    /// People an action adds to one role within the horizon.
    public struct Contribution: Sendable, Equatable {
        public var role: String
        public var people: Double
    }

    public struct Action: Sendable, Equatable {
        public var kind: ActionKind
        public var institution: String?
        /// The offering's code (scale, beyond the horizon; upskill: the offering teaching most
        /// of the lacking KSAs).
        public var offering: String?
        /// Extra completions a year (scale), completions a year of the new course (create),
        /// role-holdings (upskill); `nil` beyond the horizon.
        public var target: Double?
        public var unit: String
        public var firstCompletionsInYears: Double?
        /// Largest first; empty for upskill and beyond the horizon.
        public var contributions: [Contribution]
        /// The roles it is for: those it contributes to, or the role it upskills or creates for.
        public var roles: [String]
        /// Create: the role's KSAs no offering teaches, by demand. Upskill: the KSAs reported lacking.
        public var ksas: [String]
        public var what: String
    }

    /// A career pathway into a role from one the country already employs.
    public struct Pathway: Sendable, Equatable {
        public var from: String
        public var fromName: String
        public var overlap: Double
        public var toLearn: [String]
    }

    /// One ranked role: its gap, its priority with an interval, what the actions close.
    public struct RoleAccount: Sendable, Equatable {
        public var role: PlanInput.Role
        public var rank: Int
        /// `gap × (1 + critical share)`, with the gap's interval scaled alike.
        public var priority: PlanInput.Estimate
        /// Whether this rank's priority interval lies wholly above the next one's; `nil` for
        /// the last rank or when an interval is missing.
        public var distinguishableFromNext: Bool?
        /// The sum of the actions' contributions to the role within the horizon.
        public var contributed: Double
        /// `min(gap, contributed)` and `gap - closed`: they add up to the gap.
        public var closed: Double
        public var open: Double
        /// The role's KSAs no offering teaches.
        public var untaught: [String]
        public var pathways: [Pathway]
    }

    public var input: PlanInput
    /// The two linear programs and their solution.
    public var programs: Programs
    public var solution: Programs.Solution
    /// Published roles with a positive gap, by priority.
    public var roles: [RoleAccount]
    public var actions: [Action]
    /// `Σ x_p`: extra completions a year of existing offerings.
    public var scaledSeats: Double
    /// `Σ y_r`: completions a year of new courses (the first program's optimum).
    public var createdSeats: Double
    /// Each seat counted once.
    public var seats: Double { scaledSeats + createdSeats }
    /// Role-holdings with a proficiency shortfall over the roles of the upskill actions.
    public var roleHoldingsToUpskill: Double {
        actions.filter { $0.kind == .upskill }.reduce(0) { $0 + ($1.target ?? 0) }
    }
    /// Roles left out: suppressed (too few employers) and not surveyed.
    public var suppressed: [PlanInput.Role] { input.roles.filter { $0.status == .suppressed } }

    /// The plan for `input`.
    ///
    /// - Throws: ``WorkforceError/usage(_:)`` when the programs cannot be solved (an entry
    ///   rate of 0 leaves no way to close a gap).
    public static func build(_ input: PlanInput) throws(WorkforceError) -> WorkforcePlan {
        let targets = input.roles.filter { $0.status == .published && $0.gap.value > 1e-9 }
        let programs = Programs(input, targets: targets)
        let solution = try programs.solve()
        var actions: [Action] = []
        let rankOf = Dictionary(uniqueKeysWithValues: ranked(targets).enumerated().map { ($1.id, $0) })
        let byID = Dictionary(uniqueKeysWithValues: input.roles.map { ($0.id, $0) })
        func firstRank(_ ids: [String]) -> Int { ids.compactMap { rankOf[$0] }.min() ?? Int.max }

        // Scale: one row per offering that grows, with what it adds to every role it serves.
        var scale: [Action] = []
        for (k, p) in programs.scalable.enumerated() where solution.x[k] > 1e-9 {
            let offering = input.offerings[p]
            let avail = input.available(afterLength: offering.lengthYears)
            let contributions = offering.shares.map { Contribution(role: $0.key, people: solution.x[k] * $0.value * input.entryRate * avail) }
                .sorted { ($0.people, $1.role) > ($1.people, $0.role) }
            var action = Action(
                kind: .scale, institution: offering.institution, offering: offering.code, target: solution.x[k], unit: PlanWords.extraCompletions,
                firstCompletionsInYears: offering.lengthYears, contributions: contributions, roles: contributions.map(\.role), ksas: [], what: "")
            action.what = PlanWords.scale(action, offering, input, names: byID)
            scale.append(action)
        }
        actions += scale.sorted { (firstRank($0.roles), -($0.target ?? 0), $0.offering ?? "") < (firstRank($1.roles), -($1.target ?? 0), $1.offering ?? "") }

        // Create: one row per role that needs a new course, with the KSAs it must teach.
        let taught = input.offerings.reduce(into: Set<String>()) { $0.formUnion($1.ksas) }
        let ksaDemand = input.roles.reduce(into: [String: Double]()) { d, role in for k in role.ksas { d[k, default: 0] += role.demand } }
        func untaught(_ role: PlanInput.Role) -> [String] {
            role.ksas.subtracting(taught).sorted { (ksaDemand[$0] ?? 0, $1) > (ksaDemand[$1] ?? 0, $0) }
        }
        for (r, role) in programs.targets.enumerated().sorted(by: { rankOf[$0.1.id] ?? 0 < rankOf[$1.1.id] ?? 0 }) where solution.y[r] > 1e-9 {
            let host = Self.host(for: role, input.offerings)
            var action = Action(
                kind: .create, institution: host?.institution, offering: nil, target: solution.y[r], unit: PlanWords.newCompletions,
                firstCompletionsInYears: PlanInput.newCourseLength,
                contributions: [Contribution(role: role.id, people: solution.y[r] * programs.newCoefficient)], roles: [role.id],
                ksas: untaught(role), what: "")
            let served = programs.scalable.contains { (input.offerings[$0].shares[role.id] ?? 0) > 0 }
            action.what = PlanWords.create(action, role, hostCoverage: host?.coverage, existing: served, input)
            actions.append(action)
        }

        // Beyond the horizon: offerings serving a gap role whose length uses the whole horizon.
        for p in programs.beyond {
            let offering = input.offerings[p]
            let served = offering.shares.keys.filter { rankOf[$0] != nil }.sorted { rankOf[$0] ?? 0 < rankOf[$1] ?? 0 }
            var action = Action(
                kind: .beyondHorizon, institution: offering.institution, offering: offering.code, target: nil, unit: PlanWords.extraCompletions,
                firstCompletionsInYears: offering.lengthYears, contributions: [], roles: served, ksas: [], what: "")
            action.what = PlanWords.beyond(offering, served.compactMap { byID[$0] }, input)
            actions.append(action)
        }

        // Upskill: every published role with role-holdings below the required proficiency.
        for role in input.roles.sorted(by: { ($0.belowRequired, $1.id) > ($1.belowRequired, $0.id) })
        where role.status == .published && role.belowRequired > 1e-9 {
            let lacking = role.lacking ?? []
            let teaching = lacking.isEmpty ? [] : Self.teaching(lacking, input.offerings)
            var action = Action(
                kind: .upskill, institution: teaching.first?.institution, offering: teaching.first?.code, target: role.belowRequired,
                unit: PlanWords.roleHoldings, firstCompletionsInYears: nil, contributions: [], roles: [role.id], ksas: lacking, what: "")
            action.what = PlanWords.upskill(role, teaching: teaching)
            actions.append(action)
        }

        let accounts = accounts(targets, actions: actions, taught: taught, untaught: untaught, input)
        return WorkforcePlan(
            input: input, programs: programs, solution: solution, roles: accounts, actions: actions, scaledSeats: solution.x.reduce(0, +), createdSeats: solution.y.reduce(0, +))
    }

    /// Roles by `gap × (1 + critical share)`, highest first (ties by id).
    static func ranked(_ roles: [PlanInput.Role]) -> [PlanInput.Role] {
        roles.sorted { ($0.gap.value * (1 + $0.criticalShare), $1.id) > ($1.gap.value * (1 + $1.criticalShare), $0.id) }
    }

    static func accounts(
        _ targets: [PlanInput.Role], actions: [Action], taught: Set<String>, untaught: (PlanInput.Role) -> [String], _ input: PlanInput
    ) -> [RoleAccount] {
        var contributed: [String: Double] = [:]
        for action in actions { for c in action.contributions { contributed[c.role, default: 0] += c.people } }
        let employed = input.roles.filter { $0.status == .published && $0.employed > 0 }
        var accounts = ranked(targets).enumerated().map { rank, role -> RoleAccount in
            let weight = 1 + role.criticalShare
            let priority = PlanInput.Estimate(role.gap.value * weight, ciLow: role.gap.ciLow.map { $0 * weight }, ciHigh: role.gap.ciHigh.map { $0 * weight })
            let sum = contributed[role.id] ?? 0
            // Within rounding of the gap (the programs hold to 1e-9) counts as the gap.
            let closed = sum >= role.gap.value * (1 - 1e-9) - 1e-12 ? role.gap.value : sum
            let pathways = employed.filter { $0.id != role.id }.map { source in
                Pathway(from: source.id, fromName: source.name, overlap: Coverage.coverage(source.ksas, role.ksas), toLearn: role.ksas.subtracting(source.ksas).sorted())
            }.sorted { ($0.overlap, $1.from) > ($1.overlap, $0.from) }.prefix(3)
            return RoleAccount(
                role: role, rank: rank + 1, priority: priority, distinguishableFromNext: nil, contributed: sum, closed: closed,
                open: role.gap.value - closed, untaught: untaught(role), pathways: Array(pathways))
        }
        for i in accounts.indices.dropLast() {
            if let low = accounts[i].priority.ciLow, let high = accounts[i + 1].priority.ciHigh {
                accounts[i].distinguishableFromNext = low > high
            }
        }
        return accounts
    }

    /// The institution whose offerings together cover most of the role's KSAs (ties by name).
    static func host(for role: PlanInput.Role, _ offerings: [PlanInput.Offering]) -> (institution: String, coverage: Double)? {
        Dictionary(grouping: offerings, by: \.institution).map { name, offerings in
            (name, Coverage.coverage(offerings.reduce(into: Set<String>()) { $0.formUnion($1.ksas) }, role.ksas))
        }.max { ($0.1, $1.0) < ($1.1, $0.0) }
    }

    /// The offerings teaching any of `ksas`, those teaching most of them first (then by
    /// completions), at most three.
    static func teaching(_ ksas: [String], _ offerings: [PlanInput.Offering]) -> [(code: String, institution: String, teaches: [String])] {
        offerings.compactMap { o -> (code: String, institution: String, teaches: [String], completions: Double)? in
            let teaches = ksas.filter { o.ksas.contains($0) }
            return teaches.isEmpty ? nil : (o.code, o.institution, teaches, o.completions)
        }.sorted { ($0.teaches.count, $0.completions, $1.code) > ($1.teaches.count, $1.completions, $0.code) }
            .prefix(3).map { ($0.code, $0.institution, $0.teaches) }
    }
}
