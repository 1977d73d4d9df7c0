extension WorkforcePlan {
    /// The actions of a solved program: one per lever column with a positive value.
    static func actions(_ program: PlanProgram, _ x: [Double], _ input: PlanInput) -> [Action] {
        let names = Dictionary(input.roles.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let ksaDemand = input.roles.reduce(into: [String: Double]()) { d, role in for k in role.ksas { d[k, default: 0] += role.demand } }
        func byDemand(_ ids: Set<String>, first: [String] = []) -> [String] {
            let rest = ids.subtracting(first).sorted { (ksaDemand[$0] ?? 0, $1) > (ksaDemand[$1] ?? 0, $0) }
            return first.filter(ids.contains) + rest
        }
        var actions: [Action] = []
        for (j, v) in program.variables.enumerated() where x[j] > 1e-9 {
            guard case .lever(let lever) = v.kind else { continue }
            let contributions = v.adds.filter { $0.value > 0 }.map { Contribution(role: $0.key, people: $0.value * x[j]) }
                .sorted { ($0.people, $1.role) > ($1.people, $0.role) }
            let offering = v.offering.map { input.offerings[$0] }
            var action = Action(
                kind: lever, institution: v.institution, offering: offering?.code, role: v.role ?? contributions.first?.role ?? "", feeder: v.feeder,
                seats: x[j], firstCompletionsYear: 1, cost: v.cost.map { $0 * x[j] }, contributions: contributions, ksas: [])
            switch lever {
            case .scale:
                action.firstCompletionsYear = PlanOptions.firstYear(offering?.lengthYears ?? 1)
            case .create:
                let hostTeaches = input.offerings.filter { $0.institution == v.institution }.reduce(into: Set<String>()) { $0.formUnion($1.ksas) }
                let role = names[action.role]
                action.ksas = byDemand((role?.ksas ?? []).subtracting(hostTeaches))
                action.firstCompletionsYear = PlanOptions.firstYear(PlanOptions.newCourseLength)
            case .convert:
                action.firstCompletionsYear = PlanOptions.firstYear(PlanOptions.conversionLength)
            case .upskill:
                let target = names[action.role], feeder = v.feeder.flatMap { names[$0] }
                let toLearn = (target?.ksas ?? []).subtracting(feeder?.ksas ?? [])
                action.ksas = byDemand(toLearn, first: target?.lacking ?? [])
                if let best = teaching(action.ksas, input.offerings) {
                    action.offering = best.code
                    action.institution = best.institution
                }
                action.firstCompletionsYear = PlanOptions.firstYear(PlanOptions.upskillLength)
            case .retain:
                action.cost = nil
            }
            actions.append(action)
        }
        let order: [PlanProgram.Lever] = [.scale, .create, .convert, .upskill, .retain]
        return actions.sorted {
            (order.firstIndex(of: $0.kind) ?? 0, -$0.seats, $0.key) < (order.firstIndex(of: $1.kind) ?? 0, -$1.seats, $1.key)
        }
    }

    /// Per role in the program: its need, what each lever adds, closed, open and why.
    static func accounts(_ program: PlanProgram, _ x: [Double], _ actions: [Action], _ input: PlanInput, _ kind: Case) -> [RoleAccount] {
        let spread = input.options.spread
        return program.rows.map { row in
            let id = row.role.id
            var byLever: [PlanProgram.Lever: Double] = [:]
            var drawn = 0.0
            for a in actions {
                for c in a.contributions where c.role == id { byLever[a.kind, default: 0] += c.people }
                if a.kind == .upskill, a.feeder == id { drawn += a.seats }
            }
            let need = max(0, row.need + drawn)
            // In the levers' declared order: a dictionary's order changes from run to run, and so
            // would the last digit of the sum.
            let contributed = PlanProgram.Lever.allCases.reduce(0) { $0 + (byLever[$1] ?? 0) }
            // Within rounding of the need (each stage holds the earlier optima to 1e-9) counts as the need.
            let closed = contributed >= need - 1e-7 * max(1, need) ? need : contributed
            let open = need - closed
            let feeders = Set(program.variables.compactMap { $0.kind == .lever(.upskill) && $0.role == id ? $0.feeder : nil }).sorted()
            return RoleAccount(
                role: row.role, shortfall: row.need - row.role.backlog / spread, backlogPerYear: row.role.backlog / spread, drawn: drawn, need: need,
                feeders: feeders, byLever: byLever, contributed: contributed, closed: closed, open: open,
                openReasons: open > 1e-6 ? why(id, program, x, input) : [])
        }
    }

    /// Why a role's need stays open: each lever that could serve it, at its limit.
    static func why(_ id: String, _ program: PlanProgram, _ x: [Double], _ input: PlanInput) -> [OpenReason] {
        let options = input.options
        let serving = program.variables.indices.filter { (program.variables[$0].adds[id] ?? 0) > 0 && program.variables[$0].kind != .open }
        var reasons: [OpenReason] = []
        let experience = input.roles.first { $0.id == id }?.isExperienceRole ?? false
        func kind(_ j: Int) -> PlanProgram.Lever? { if case .lever(let l) = program.variables[j].kind { return l } else { return nil } }
        if experience {
            reasons.append(.experienceRole)
            reasons.append(serving.contains { kind($0) == .upskill } ? .feederLimit : .noFeeder)
        } else {
            let creates = serving.filter { kind($0) == .create }
            if creates.isEmpty {
                reasons.append(.noHost)
            } else if creates.allSatisfy({ x[$0] >= options.maxCohort - 1e-6 }) {
                reasons.append(.maxCohort(hosts: creates.count))
            }
            if serving.contains(where: { kind($0) == .scale }) { reasons.append(.growthLimit) }
            if input.conversionRoom <= 0 { reasons.append(.noConversionPool) }
        }
        if serving.contains(where: { kind($0) == .retain }) { reasons.append(.retentionLimit) }
        if options.budget != nil, program.costsKnown { reasons.append(.budgetSpent) }
        return reasons
    }

    /// The offering of at most a year teaching most of `ksas` (then the most completions):
    /// upskilling is a course for people in work, not a degree.
    static func teaching(_ ksas: [String], _ offerings: [PlanInput.Offering]) -> (code: String, institution: String)? {
        offerings.filter { $0.lengthYears <= PlanOptions.upskillLength }.map { o in (o, ksas.filter { o.ksas.contains($0) }.count) }.filter { $0.1 > 0 }
            .max { ($0.1, $0.0.completions, $1.0.code) < ($1.1, $1.0.completions, $0.0.code) }.map { ($0.0.code, $0.0.institution) }
    }
}
