package enum GapAnalysis {
    /// One KSA's demand (from the published roles needing it) against what the catalog supplies.
    package struct KSAGap: Sendable, Equatable {
        package var id: String
        /// `Σ demand_h(r)` over the published roles needing it (roles withheld for disclosure
        /// are left out, so that no withheld figure is the difference of two published ones).
        package var demand = Estimate.zero
        /// `Σ completions_p · years(h)` over the supply units teaching it.
        package var supply = 0.0
        /// Catalog offerings (rows) teaching it.
        package var taught = 0
        package var roles: [String] = []
        /// Distinct employers reporting any of those roles.
        package var respondents = 0
        package var gap: Double { demand.value - supply }
    }

    /// Every KSA needed by a published role with demand, or taught by the catalog.
    package static func ksaGaps(_ estimates: EmployerEstimates) -> [KSAGap] {
        let inputs = estimates.inputs
        var result: [String: KSAGap] = [:]
        var roleSets: [String: [Int]] = [:]
        let roles = estimates.roles
        for (r, g) in roles.enumerated() where g.isPublished && g.figures.demand.value > 0 {
            for k in g.role.ksas {
                result[k, default: KSAGap(id: k)].roles.append(g.role.id)
                roleSets[k, default: []].append(r)
            }
        }
        // Each set of roles estimated once: the demand of employers' summed roles, and respondents.
        var cache: [[Int]: (Estimate, Int)] = [:]
        for (k, set) in roleSets {
            if cache[set] == nil {
                // The roles' per-employer values, added up (each role's are computed once).
                var v = EmployerValues(count: estimates.employers.count)
                for r in set { if let values = estimates.roleValues[r] { v.add(values) } }
                cache[set] = (estimates.design.total(v.demand(years: estimates.years)), v.reporting.reduce(0) { $0 + ($1 ? 1 : 0) })
            }
            result[k]?.demand = cache[set]?.0 ?? .zero
            result[k]?.respondents = cache[set]?.1 ?? 0
        }
        for unit in inputs.units {
            for k in unit.ksas { result[k, default: KSAGap(id: k)].supply += Double(unit.completions) * inputs.horizon.years * inputs.entryRate }
        }
        for offering in inputs.offerings {
            for k in offering.ksas { result[k, default: KSAGap(id: k)].taught += 1 }
        }
        return result.values.map { var k = $0; k.roles.sort(); return k }.sorted { ($0.gap, $1.id) > ($1.gap, $0.id) }
    }

    /// Proficiency shortfall of employed staff in one role.
    package struct Shortfall: Sendable, Equatable {
        package var role: RoleProfile
        /// Employers with staff in the role who gave both levels (unweighted).
        package var respondents = 0
        package var staff = Estimate.zero
        /// Headcount-weighted mean of `max(0, required - current)` (a ratio, linearised).
        package var meanShortfall: Estimate?
        /// Weighted share of those employers whose typical level is below the required one.
        package var shareWithShortfall: Estimate?
        /// Weighted staff in employers with a shortfall: role-holdings to upskill.
        package var staffBelowRequired = Estimate.zero
    }

    package static func shortfalls(_ inputs: GapInputs) -> [Shortfall] {
        let design = inputs.weighting.design
        let n = inputs.employers.count
        return inputs.roles.filter { inputs.surveyed.contains($0.id) }.map { role in
            var s = Shortfall(role: role)
            var staff = [Double](repeating: 0, count: n), gap = staff, included = staff, short = staff, below = staff
            for (e, employer) in inputs.employers.enumerated() {
                guard let report = employer.roles[role.id], let count = report.staff, count > 0,
                    let required = report.requiredLevel, let current = report.currentLevel
                else { continue }
                s.respondents += 1
                staff[e] = count
                gap[e] = count * Double(max(0, required - current))
                included[e] = 1
                if required > current {
                    short[e] = 1
                    below[e] = count
                }
            }
            s.staff = design.total(staff)
            s.meanShortfall = design.ratio(gap, staff)
            s.shareWithShortfall = design.proportion(short, in: included)
            s.staffBelowRequired = design.total(below)
            return s
        }
    }

    /// KSAs employers report their staff lack, per role: employers asked, and per KSA the
    /// employers naming it and their weighted share of those asked. Only the role's KSAs count
    /// (an exclusive answer such as "none of these" is not a KSA).
    package struct Lacking: Sendable, Equatable {
        package var role: String
        package var ksa: String
        package var asked = 0
        package var employers = 0
        package var share: Estimate
    }

    package static func lacking(_ inputs: GapInputs) -> [Lacking] {
        let design = inputs.weighting.design
        let n = inputs.employers.count
        var result: [Lacking] = []
        for role in inputs.roles where inputs.surveyed.contains(role.id) {
            var asked = [Double](repeating: 0, count: n)
            var named: [String: [Double]] = [:]
            var counts: [String: Int] = [:]
            for (e, employer) in inputs.employers.enumerated() {
                guard let lacking = employer.roles[role.id]?.lacking else { continue }
                asked[e] = 1
                for k in Set(lacking) where role.ksas.contains(k) {
                    named[k, default: [Double](repeating: 0, count: n)][e] = 1
                    counts[k, default: 0] += 1
                }
            }
            let askedCount = Int(asked.reduce(0, +))
            var rows: [Lacking] = []
            for (k, y) in named {
                guard let share = design.proportion(y, in: asked) else { continue }
                rows.append(Lacking(role: role.id, ksa: k, asked: askedCount, employers: counts[k] ?? 0, share: share))
            }
            result += rows.sorted { ($0.share.value, $1.ksa) > ($1.share.value, $0.ksa) }
        }
        return result
    }

    /// Employer capability, as UK DSIT defines its skills gaps: the weighted share of employers
    /// that are not confident in at least one task of a kind **and** do not outsource their
    /// cybersecurity, among those who answered a task of that kind; beside it, the share of all
    /// such employers not confident (outsourcers included), labelled so.
    package struct Capability: Sendable, Equatable {
        package var group: String
        package var kind: String
        package var employers = 0
        /// DSIT's skills gap: not confident and not outsourcing.
        package var share: Estimate?
        /// Not confident, whether or not outsourcing.
        package var shareAllEmployers: Estimate?
    }

    package static func capability(_ inputs: GapInputs, by group: ((EmployerResponse) -> String?)?) -> [Capability] {
        let design = inputs.weighting.design
        let n = inputs.employers.count
        var result: [Capability] = []
        let keys = inputs.employers.map { e in group.map { $0(e) ?? "not_stated" } ?? "all" }
        for name in Set(keys).sorted() {
            for kind in ["basic", "advanced", "incident"] {
                var c = Capability(group: name, kind: kind)
                var answered = [Double](repeating: 0, count: n), gap = answered, notConfident = answered
                for (e, employer) in inputs.employers.enumerated() where keys[e] == name {
                    guard let answers = employer.confident[kind], !answers.isEmpty else { continue }
                    c.employers += 1
                    answered[e] = 1
                    if answers.contains(false) {
                        notConfident[e] = 1
                        if employer.doesItsOwnCyberWork { gap[e] = 1 }
                    }
                }
                c.share = design.proportion(gap, in: answered)
                c.shareAllEmployers = design.proportion(notConfident, in: answered)
                result.append(c)
            }
        }
        return result
    }
}
