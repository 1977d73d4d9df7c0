/// The skills-gap figures of SPEC section 6, as pure functions of typed inputs: employer
/// answers with their weights, the framework's roles, the catalog's supply units.
public struct GapInputs: Sendable {
    public var employers: [EmployerResponse]
    /// One weight per employer (1 without a sampling frame).
    public var weights: [Double]
    public var roles: [RoleProfile]
    public var units: [SupplyUnit]
    public var offerings: [Offering]
    public var theta: Double
    public var horizon: Horizon

    public init(
        employers: [EmployerResponse], weights: [Double]? = nil, roles: [RoleProfile], units: [SupplyUnit], offerings: [Offering] = [],
        theta: Double = 0.5, horizon: Horizon = .medium
    ) {
        self.employers = employers
        self.weights = weights ?? Array(repeating: 1, count: employers.count)
        self.roles = roles
        self.units = units
        self.offerings = offerings
        self.theta = theta
        self.horizon = horizon
    }
}

/// Demand and supply of one work role within the horizon.
public struct RoleGap: Sendable, Equatable {
    public var role: RoleProfile
    /// `Σ w · staff`, `Σ w · vacancies`, `Σ w · hard_to_fill`, `Σ w · expected_h`.
    public var employed = 0.0
    public var vacancies = 0.0
    public var hardToFill = 0.0
    public var newPositions = 0.0
    /// `Σ_p completions_p · years(h) · share_p(r)`.
    public var supply = 0.0
    /// Employers reporting the role (unweighted), and those of them who gave no number of
    /// expected positions for the horizon.
    public var respondents = 0
    public var unknownNewPositions = 0
    /// The employers (indices) reporting the role, for aggregates that count distinct employers.
    public var employerIndices: Set<Int> = []

    /// `vacancies + new_positions`.
    public var demand: Double { vacancies + newPositions }
    public var gap: Double { demand - supply }
    /// `hard_to_fill / vacancies`, without vacancies `nil`.
    public var hardToFillRate: Double? { vacancies > 0 ? hardToFill / vacancies : nil }
    /// `100 · supply / demand`, without demand `nil`.
    public var supplyPer100Openings: Double? { demand > 0 ? 100 * supply / demand : nil }
}

public enum GapAnalysis {
    /// Every role's gap, in the framework's role order.
    public static func roleGaps(_ inputs: GapInputs) -> [RoleGap] {
        let supply = Coverage.supply(inputs.units, inputs.roles, theta: inputs.theta, years: inputs.horizon.years)
        var gaps = inputs.roles.map { RoleGap(role: $0, supply: supply[$0.id] ?? 0) }
        let index = Dictionary(uniqueKeysWithValues: inputs.roles.enumerated().map { ($1.id, $0) })
        for (e, employer) in inputs.employers.enumerated() {
            let w = inputs.weights[e]
            for (roleID, report) in employer.roles {
                guard let r = index[roleID] else { continue }
                gaps[r].respondents += 1
                gaps[r].employerIndices.insert(e)
                gaps[r].employed += w * (report.staff ?? 0)
                gaps[r].vacancies += w * (report.vacancies ?? 0)
                gaps[r].hardToFill += w * (report.hardToFill ?? 0)
                if let expected = report.expected[inputs.horizon] {
                    gaps[r].newPositions += w * expected
                } else {
                    gaps[r].unknownNewPositions += 1
                }
            }
        }
        return gaps
    }

    /// A group of roles added up (a specialty area, a category): sums of every figure, and the
    /// distinct employers reporting any of its roles.
    public struct Aggregate: Sendable, Equatable {
        public var id: String
        public var roles: [String] = []
        public var employed = 0.0, vacancies = 0.0, hardToFill = 0.0, newPositions = 0.0, supply = 0.0
        public var employers: Set<Int> = []
        public var demand: Double { vacancies + newPositions }
        public var gap: Double { demand - supply }
    }

    /// Role gaps added up by `key` (the role's specialty area or category), in first-seen order.
    public static func aggregate(_ gaps: [RoleGap], by key: (RoleProfile) -> String?) -> [Aggregate] {
        var result: [Aggregate] = []
        var index: [String: Int] = [:]
        for g in gaps {
            guard let id = key(g.role) else { continue }
            let i = index[id] ?? result.count
            if i == result.count {
                index[id] = i
                result.append(Aggregate(id: id))
            }
            result[i].roles.append(g.role.id)
            result[i].employed += g.employed
            result[i].vacancies += g.vacancies
            result[i].hardToFill += g.hardToFill
            result[i].newPositions += g.newPositions
            result[i].supply += g.supply
            result[i].employers.formUnion(g.employerIndices)
        }
        return result
    }

    /// Demand broken down by the employers' profile (sector, district or size band): each
    /// group's weighted staff, vacancies, hard-to-fill and expected positions over all roles.
    public static func byProfile(_ inputs: GapInputs, _ group: (EmployerResponse) -> String?) -> [Aggregate] {
        var result: [Aggregate] = []
        var index: [String: Int] = [:]
        for (e, employer) in inputs.employers.enumerated() {
            let id = group(employer) ?? "not stated"
            let i = index[id] ?? result.count
            if i == result.count {
                index[id] = i
                result.append(Aggregate(id: id))
            }
            let w = inputs.weights[e]
            result[i].employers.insert(e)
            for report in employer.roles.values {
                result[i].employed += w * (report.staff ?? 0)
                result[i].vacancies += w * (report.vacancies ?? 0)
                result[i].hardToFill += w * (report.hardToFill ?? 0)
                result[i].newPositions += w * (report.expected[inputs.horizon] ?? 0)
            }
        }
        return result.sorted { $0.id < $1.id }
    }

    /// One KSA's demand (from the roles needing it) against what the catalog supplies.
    public struct KSAGap: Sendable, Equatable {
        public var id: String
        /// `Σ demand_h(r)` over the roles needing it.
        public var demand = 0.0
        /// `Σ completions_p · years(h)` over the supply units teaching it.
        public var supply = 0.0
        /// Catalog offerings (rows) teaching it.
        public var taught = 0
        public var roles: [String] = []
        /// Distinct employers reporting any role that needs it.
        public var respondents = 0
        public var gap: Double { demand - supply }
    }

    /// Every KSA needed by a role with demand, or taught by the catalog.
    public static func ksaGaps(_ inputs: GapInputs, _ gaps: [RoleGap]) -> [KSAGap] {
        var result: [String: KSAGap] = [:]
        // Roles as bits: each KSA's roles, and each employer's reported roles.
        let words = (gaps.count + 63) / 64
        var roleBits: [String: [UInt64]] = [:]
        var employerBits = [[UInt64]](repeating: [UInt64](repeating: 0, count: words), count: inputs.employers.count)
        for (r, g) in gaps.enumerated() {
            for e in g.employerIndices { employerBits[e][r >> 6] |= 1 << UInt64(r & 63) }
            guard g.demand > 0 else { continue }
            for k in g.role.ksas {
                result[k, default: KSAGap(id: k)].demand += g.demand
                result[k, default: KSAGap(id: k)].roles.append(g.role.id)
                roleBits[k, default: [UInt64](repeating: 0, count: words)][r >> 6] |= 1 << UInt64(r & 63)
            }
        }
        // Distinct employers reporting any role that needs the KSA, counted once per set of roles.
        var counted: [[UInt64]: Int] = [:]
        for (k, bits) in roleBits {
            if counted[bits] == nil {
                counted[bits] = employerBits.filter { e in (0..<words).contains { e[$0] & bits[$0] != 0 } }.count
            }
            result[k]?.respondents = counted[bits] ?? 0
        }
        for unit in inputs.units {
            for k in unit.ksas { result[k, default: KSAGap(id: k)].supply += Double(unit.completions) * inputs.horizon.years }
        }
        for offering in inputs.offerings {
            for k in offering.ksas { result[k, default: KSAGap(id: k)].taught += 1 }
        }
        return result.values.map { var k = $0; k.roles.sort(); return k }.sorted { ($0.gap, $1.id) > ($1.gap, $0.id) }
    }

    /// Proficiency shortfall of employed staff in one role.
    public struct Shortfall: Sendable, Equatable {
        public var role: RoleProfile
        /// Employers with staff in the role who gave both levels (unweighted).
        public var respondents = 0
        public var staff = 0.0
        /// Headcount-weighted mean of `max(0, required - current)`.
        public var meanShortfall: Double?
        /// Weighted share of those employers whose typical level is below the required one.
        public var shareWithShortfall: Double?
        /// Weighted staff in employers with a shortfall: people to upskill.
        public var staffBelowRequired = 0.0
    }

    public static func shortfalls(_ inputs: GapInputs) -> [Shortfall] {
        inputs.roles.map { role in
            var s = Shortfall(role: role)
            var weightedGap = 0.0, employersWeight = 0.0, employersShort = 0.0
            for (e, employer) in inputs.employers.enumerated() {
                guard let report = employer.roles[role.id], let staff = report.staff, staff > 0,
                    let required = report.requiredLevel, let current = report.currentLevel
                else { continue }
                let w = inputs.weights[e]
                s.respondents += 1
                s.staff += w * staff
                weightedGap += w * staff * Double(max(0, required - current))
                employersWeight += w
                if required > current {
                    employersShort += w
                    s.staffBelowRequired += w * staff
                }
            }
            if s.staff > 0 { s.meanShortfall = weightedGap / s.staff }
            if employersWeight > 0 { s.shareWithShortfall = employersShort / employersWeight }
            return s
        }
    }

    /// KSAs employers report their staff lack, per role: employers asked, and per KSA the
    /// employers naming it and their weighted share of those asked.
    public struct Lacking: Sendable, Equatable {
        public var role: String
        public var ksa: String
        public var asked = 0
        public var employers = 0
        public var share = 0.0
    }

    public static func lacking(_ inputs: GapInputs) -> [Lacking] {
        var result: [Lacking] = []
        for role in inputs.roles {
            var asked = 0, askedWeight = 0.0
            var counts: [String: (n: Int, w: Double)] = [:]
            for (e, employer) in inputs.employers.enumerated() {
                guard let lacking = employer.roles[role.id]?.lacking else { continue }
                asked += 1
                askedWeight += inputs.weights[e]
                for k in lacking {
                    counts[k, default: (0, 0)].n += 1
                    counts[k, default: (0, 0)].w += inputs.weights[e]
                }
            }
            for (k, c) in counts.sorted(by: { ($0.value.w, $1.key) > ($1.value.w, $0.key) }) {
                result.append(Lacking(role: role.id, ksa: k, asked: asked, employers: c.n, share: askedWeight > 0 ? c.w / askedWeight : 0))
            }
        }
        return result
    }

    /// Employer capability (UK DSIT style): the weighted share of employers not confident in
    /// at least one task of a kind, among those who answered a task of that kind (incident
    /// response is not asked of employers who outsource it, so they are left out).
    public struct Capability: Sendable, Equatable {
        public var group: String
        public var kind: String
        public var employers = 0
        public var share: Double?
    }

    public static func capability(_ inputs: GapInputs, by group: ((EmployerResponse) -> String?)?) -> [Capability] {
        var result: [Capability] = []
        let groups = group.map { g in Array(Set(inputs.employers.map { g($0) ?? "not stated" })).sorted() } ?? ["all"]
        for name in groups {
            for kind in ["basic", "advanced", "incident"] {
                var c = Capability(group: name, kind: kind)
                var total = 0.0, gaps = 0.0
                for (e, employer) in inputs.employers.enumerated() {
                    if let group, (group(employer) ?? "not stated") != name { continue }
                    guard let answers = employer.confident[kind], !answers.isEmpty else { continue }
                    c.employers += 1
                    total += inputs.weights[e]
                    if answers.contains(false) { gaps += inputs.weights[e] }
                }
                c.share = total > 0 ? gaps / total : nil
                result.append(c)
            }
        }
        return result
    }
}
