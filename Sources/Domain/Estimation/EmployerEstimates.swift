/// Whether a figure may be published.
package enum EstimateStatus: String, Sendable, Equatable {
    case published
    /// Withheld for disclosure control (primary or secondary).
    case suppressed
    /// The form never asked about the role: not the same as too few employers.
    case notSurveyed = "not_surveyed"
    /// Grade F (CV over 33.3% or fewer than 10 contributing employers): kept in machine output,
    /// withheld from readers.
    case unreliable
    /// More than half of the weighted total from one employer (a quality rule, not disclosure
    /// control): kept in machine output, withheld from readers.
    case dominated

    /// Whether the figures are computed and kept in JSON and CSV while readers do not see them.
    package var isQualityWithheld: Bool { self == .unreliable || self == .dominated }
}

/// One work role's figures within the horizon: demand estimated from employers, supply from the
/// catalog (a census, so the gap's standard error is the demand's).
package struct RoleEstimate: Sendable, Equatable {
    package var role: RoleProfile
    package var status: EstimateStatus
    package var figures: RowFigures
    /// Employers with an imputed leavers or new-positions value for the role.
    package var imputed: Int
    /// `Σ_p completions_p · years(h) · share_p(r) · entry_rate`.
    package var supply: Double
    /// `demand - supply`.
    package var gap: Estimate
    package var quality: QualityGrade? { figures.quality }
    package var isPublished: Bool { status == .published }
    /// Why the row is withheld from readers, in words (`nil` when published or not surveyed).
    package var reason: String? { figures.withheldReason(status) }
    /// `100 · supply / demand`.
    package var completionsPer100Openings: Double? { figures.demand.value > 0 ? 100 * supply / figures.demand.value : nil }
    /// CyberSeek's ratio: `100 · employed / demand`.
    package var employedPer100Openings: Double? { figures.demand.value > 0 ? 100 * figures.employed.value / figures.demand.value : nil }
}

/// A group of employers' figures: a specialty area or category (over its roles), a sector,
/// district or size band (over its employers), or the country.
package struct GroupEstimate: Sendable, Equatable {
    package var id: String
    package var roles: [String]
    package var figures: RowFigures
    package var supply: Double
    package var status: EstimateStatus
    package var gap: Estimate { figures.demand.minus(known: supply) }
    package var quality: QualityGrade? { figures.quality }
    package var isPublished: Bool { status == .published }
    /// Why the row is withheld from readers, in words (`nil` when published).
    package var reason: String? { figures.withheldReason(status) }
}

/// Every employer figure, estimated once, with disclosure control applied: the source of every
/// gap table, the plan, the report and the explorer.
package struct EmployerEstimates: Sendable {
    package var inputs: GapInputs
    /// Employers after item imputation (the values every figure uses).
    package var employers: [EmployerResponse]
    package var roles: [RoleEstimate]
    package var areas: [GroupEstimate]
    package var categories: [GroupEstimate]
    package var national: GroupEstimate
    package var sectors: [GroupEstimate]
    package var districts: [GroupEstimate]
    package var sizes: [GroupEstimate]
    /// Completions a year that prepare for roles the form did not ask about, and for no role at all.
    package var notSurveyedCompletions: Double
    package var unallocatedCompletions: Double
    /// Each surveyed role's per-employer values (in `inputs.roles` order; `nil` when not surveyed).
    package var roleValues: [EmployerValues?]
    /// Employers whose `new_jobs_12m` ("don't know") was imputed.
    package var imputedNewJobs = 0
    /// The national flows in people a year (central assumptions, the entry rate of `inputs`);
    /// `nil` when the form did not ask the flow questions.
    package var flows: WorkforceFlows? {
        WorkforceFlows(self, FlowAssumptions(entryRate: inputs.entryRateGiven ? inputs.entryRate : nil))
    }
    /// With `inputs.winsorise`: how much each role's weighted demand fell (role id to people; only
    /// roles it moved).
    package var winsorised: [String: Double] = [:]
    package var design: StratifiedDesign { inputs.weighting.design }
    package var years: Double { inputs.horizon.years }

    package init(_ inputs: GapInputs) {
        self.inputs = inputs
        let horizon = inputs.horizon
        var (employers, imputed) = inputs.impute ? ItemImputation.impute(inputs.employers, horizon: horizon) : (inputs.employers, [:])
        if inputs.impute { (employers, imputedNewJobs) = ItemImputation.imputeNewJobs(employers) }
        self.employers = employers
        let design = inputs.weighting.design
        let n = employers.count, years = horizon.years
        // Per role: each employer's values.
        let index = Dictionary(inputs.roles.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        var values = [EmployerValues?](repeating: nil, count: inputs.roles.count)
        for (r, role) in inputs.roles.enumerated() where inputs.surveyed.contains(role.id) { values[r] = EmployerValues(count: n) }
        for (e, employer) in employers.enumerated() {
            for (id, report) in employer.roles {
                guard let r = index[id], values[r] != nil else { continue }
                values[r]?.add(e, report, horizon)
            }
        }
        var moved: [String: Double] = [:]
        if inputs.winsorise {
            for r in values.indices {
                guard let v = values[r] else { continue }
                let (w, by) = v.winsorised(design, years: years)
                values[r] = w
                if by > 0 { moved[inputs.roles[r].id] = by }
            }
        }
        // Per role: the weighted demand from imputed values (before any winsorisation).
        var imputedDemand = [Double](repeating: 0, count: inputs.roles.count)
        if inputs.impute {
            for (e, original) in inputs.employers.enumerated() {
                for (id, report) in original.roles {
                    guard let r = index[id], values[r] != nil, let filled = employers[e].roles[id] else { continue }
                    var part = 0.0
                    if report.leavers == nil { part += (filled.leavers ?? 0) * years }
                    if report.expected[horizon] == nil { part += filled.expected[horizon] ?? 0 }
                    imputedDemand[r] += design.weights[e] * part
                }
            }
        }
        // With --imputation-variance: demand's standard error includes the imputation.
        let jackknife =
            inputs.imputationVariance && inputs.impute && !inputs.winsorise && design.hasSamplingError
            ? ImputationJackknife(employers: inputs.employers, design: design, horizon: horizon) : nil
        let perYear = Coverage.supply(inputs.units, inputs.roles, theta: inputs.theta, years: 1)
        let roleEstimates = inputs.roles.enumerated().map { r, role in
            let supply = (perYear[role.id] ?? 0) * years * inputs.entryRate
            guard let v = values[r] else {
                return RoleEstimate(role: role, status: .notSurveyed, figures: .empty, imputed: 0, supply: supply, gap: Estimate(-supply, se: nil, isCount: false))
            }
            var figures = v.figures(design, years: years)
            if let jackknife { figures.demand.se = jackknife.standardError(roles: [role.id]) }
            let total = figures.demand.value
            figures.imputedShare = total > 0 ? min(1, imputedDemand[r] / total) : nil
            return RoleEstimate(
                role: role, status: figures.sensitive ? .suppressed : .published, figures: figures, imputed: imputed[role.id] ?? 0,
                supply: supply, gap: figures.demand.minus(known: supply))
        }
        let completions = inputs.units.reduce(0.0) { $0 + Double($1.completions) }
        notSurveyedCompletions = inputs.roles.filter { !inputs.surveyed.contains($0.id) }.reduce(0.0) { $0 + (perYear[$1.id] ?? 0) } * inputs.entryRate
        unallocatedCompletions = max(0, completions - perYear.values.reduce(0, +))

        // Groups of roles: areas, categories, the country (surveyed roles only).
        func group(_ id: String, _ members: [Int]) -> GroupEstimate {
            var v = EmployerValues(count: n)
            for r in members { if let values = values[r] { v.add(values) } }
            var figures = v.figures(design, years: years)
            if let jackknife { figures.demand.se = jackknife.standardError(roles: Set(members.map { inputs.roles[$0].id })) }
            let supply = members.reduce(0.0) { $0 + roleEstimates[$1].supply }
            return GroupEstimate(
                id: id, roles: members.map { inputs.roles[$0].id }, figures: figures, supply: supply, status: figures.sensitive ? .suppressed : .published)
        }
        let surveyed = inputs.roles.indices.filter { values[$0] != nil }
        func grouped(_ key: (RoleProfile) -> String?) -> [(String, [Int])] {
            var order: [String] = [], members: [String: [Int]] = [:]
            for r in surveyed {
                guard let k = key(inputs.roles[r]) else { continue }
                if members[k] == nil { order.append(k) }
                members[k, default: []].append(r)
            }
            return order.map { ($0, members[$0] ?? []) }
        }
        let areaGroups = grouped(\.specialtyArea), categoryGroups = grouped(\.category)
        roles = roleEstimates
        roleValues = values
        winsorised = moved
        areas = areaGroups.map { group($0.0, $0.1) }
        categories = categoryGroups.map { group($0.0, $0.1) }
        national = group("national", surveyed)

        // Profile groups: employers' sector, district and size band, over every surveyed role.
        var all = EmployerValues(count: n)
        for r in surveyed { if let v = values[r] { all.add(v) } }
        for e in 0..<n { all.reporting[e] = true }
        func profile(_ key: (EmployerResponse) -> String?) -> [GroupEstimate] {
            let keys = employers.map { key($0) ?? "not_stated" }
            return Set(keys).sorted().map { k in
                let figures = all.restricted { keys[$0] == k }.figures(design, years: years)
                return GroupEstimate(id: k, roles: [], figures: figures, supply: 0, status: figures.sensitive ? .suppressed : .published)
            }
        }
        sectors = profile(\.sector)
        districts = profile(\.district)
        sizes = profile(\.sizeBand)
        applySecondarySuppression(areaGroups: areaGroups, categoryGroups: categoryGroups)
        applyQualityRules()
    }

    /// The quality rules after disclosure control (they need no complementary suppression: the
    /// figures are known to be poor, not confidential): grade F is `unreliable`, a cell more than
    /// half from one employer is `dominated`.
    private mutating func applyQualityRules() {
        for r in roles.indices { roles[r].status = roles[r].figures.qualityStatus(roles[r].status) }
        for a in areas.indices { areas[a].status = areas[a].figures.qualityStatus(areas[a].status) }
        for c in categories.indices { categories[c].status = categories[c].figures.qualityStatus(categories[c].status) }
        for i in sectors.indices { sectors[i].status = sectors[i].figures.qualityStatus(sectors[i].status) }
        for i in districts.indices { districts[i].status = districts[i].figures.qualityStatus(districts[i].status) }
        for i in sizes.indices { sizes[i].status = sizes[i].figures.qualityStatus(sizes[i].status) }
        national.status = national.figures.qualityStatus(national.status)
    }

    /// Secondary suppression over the hierarchy role → area → category → country, and over each
    /// profile table's cells within the country.
    private mutating func applySecondarySuppression(areaGroups: [(String, [Int])], categoryGroups: [(String, [Int])]) {
        // Nodes: roles, areas, categories, the country, sectors, districts, sizes.
        var nodes: [Disclosure.Node] = roles.map { Disclosure.Node(size: $0.figures.demand.value, suppressed: $0.status != .published) }
        let areaBase = nodes.count
        var areaIndex: [String: Int] = [:]
        for (a, (id, members)) in areaGroups.enumerated() {
            areaIndex[id] = areaBase + a
            nodes.append(Disclosure.Node(children: members, size: areas[a].figures.demand.value, suppressed: !areas[a].isPublished))
        }
        let categoryBase = nodes.count
        for (c, (_, members)) in categoryGroups.enumerated() {
            // A category's children: its areas, and its roles that have no area.
            var children: [Int] = []
            for r in members {
                if let area = roles[r].role.specialtyArea, let node = areaIndex[area] {
                    if !children.contains(node) { children.append(node) }
                } else {
                    children.append(r)
                }
            }
            nodes.append(Disclosure.Node(children: children, size: categories[c].figures.demand.value, suppressed: !categories[c].isPublished))
        }
        let nationalNode = nodes.count
        // The country's children: categories, and roles with no category.
        var top = Array(categoryBase..<nationalNode)
        for (r, role) in roles.enumerated() where role.status != .notSurveyed && role.role.category == nil {
            top.append(role.role.specialtyArea.flatMap { areaIndex[$0] } ?? r)
        }
        nodes.append(Disclosure.Node(children: top, size: national.figures.demand.value, suppressed: !national.isPublished))
        // The country has more than one set of children: one parent node per profile table, tied to the country's status.
        let profiles = [sectors, districts, sizes]
        var profileBases: [Int] = []
        for table in profiles {
            profileBases.append(nodes.count)
            for g in table { nodes.append(Disclosure.Node(size: g.figures.demand.value, suppressed: !g.isPublished)) }
        }
        for (t, table) in profiles.enumerated() {
            nodes.append(Disclosure.Node(children: Array(profileBases[t]..<(profileBases[t] + table.count)), size: national.figures.demand.value, suppressed: nodes[nationalNode].suppressed))
        }
        // Roles not surveyed are outside the tables: never a child, never counted as hidden.
        for r in roles.indices where roles[r].status == .notSurveyed { nodes[r].suppressed = false }
        Disclosure.secondary(&nodes)
        for r in roles.indices where roles[r].status == .published && nodes[r].suppressed { roles[r].status = .suppressed }
        for a in areas.indices where nodes[areaBase + a].suppressed { areas[a].status = .suppressed }
        for c in categories.indices where nodes[categoryBase + c].suppressed { categories[c].status = .suppressed }
        if nodes[nationalNode].suppressed || nodes[(nationalNode + 1 + profiles.map(\.count).reduce(0, +))...].contains(where: \.suppressed) {
            national.status = .suppressed
        }
        for (t, base) in profileBases.enumerated() {
            for i in profiles[t].indices where nodes[base + i].suppressed {
                switch t {
                case 0: sectors[i].status = .suppressed
                case 1: districts[i].status = .suppressed
                default: sizes[i].status = .suppressed
                }
            }
        }
    }

    /// Each employer's values summed over `roles` (ids), for the horizon.
    package func values(roles ids: Set<String>) -> EmployerValues {
        var v = EmployerValues(count: employers.count)
        for (r, role) in inputs.roles.enumerated() where ids.contains(role.id) { if let values = roleValues[r] { v.add(values) } }
        return v
    }

    /// The roles the form asked about.
    package var surveyedRoles: [RoleEstimate] { roles.filter { $0.status != .notSurveyed } }

    /// Different people doing cybersecurity work (each counted once, whatever their roles), from
    /// `cyber_people`; `nil` when the form did not ask it.
    package var people: Estimate? {
        guard employers.contains(where: { $0.cyberPeople != nil }) else { return nil }
        return design.total(employers.map { $0.cyberPeople ?? 0 })
    }

    /// Published roles, highest gap first.
    package var publishedRoles: [RoleEstimate] { roles.filter(\.isPublished).sorted { ($0.gap.value, $1.role.id) > ($1.gap.value, $0.role.id) } }

    /// `Σ max(0, gap)` over every surveyed role, withheld ones included (only their cells are
    /// withheld, so national and group totals are the same whichever cells are shown); its
    /// standard error treats the set of roles with a shortage as fixed (the standard error of
    /// their summed demand).
    package var shortage: Estimate { signedTotal(positive: true) }
    /// `Σ max(0, -gap)` over every surveyed role.
    package var surplus: Estimate { signedTotal(positive: false) }

    private func signedTotal(positive: Bool) -> Estimate {
        let chosen = roles.indices.filter { roles[$0].status != .notSurveyed && (positive ? roles[$0].gap.value > 0 : roles[$0].gap.value < 0) }
        let value = chosen.reduce(0.0) { $0 + abs(roles[$1].gap.value) }
        guard design.hasSamplingError else { return Estimate(value, se: nil) }
        return Estimate(value, se: design.total(values(roles: Set(chosen.map { roles[$0].role.id })).demand(years: years)).se)
    }
}
