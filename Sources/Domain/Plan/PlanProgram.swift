/// The plan's mixed-integer program for one case: every lever a column, every role a row.
///
/// Rows, people a year by the end of year `H`: for each role in the plan (published roles with
/// a positive need, and the feeder roles upskilling draws on)
/// `Σ_p e·share_p(r)·x_p + Σ_i e·y_ri + e·v_r + Σ_f u_fr - Σ_s u_rs + ρ_r + o_r >= need_r`,
/// with `need_r = shortfall_r + backlog_r / backlog_years` and `e` the entry rate. Scale `x_p`
/// (offerings delivering within `H`), create `y_ri` (semi-continuous, 0 or `[min, max]`
/// cohort, one per role per host institution) and convert `v_r` serve entrant roles only;
/// upskill `u_fr` serves experience roles from their feeders; retain `ρ_r <= max_retention ×
/// exits_r`; `o_r` is what stays open. Institution rows: `Σ_{p at i} x_p <= growth × completions_i`;
/// one conversion row `Σ v_r <= pool - today`; per feeder `Σ_s u_fs <= max_upskill × employed_f`;
/// with a budget, `Σ cost × seats <= budget`.
///
/// Objectives, in order: least open; then least cost (when costs are known) or fewest new
/// courses; then fewest seats (completions a year of every lever but retention).
package struct PlanProgram: Sendable, Equatable {
    package enum Lever: String, Sendable, Equatable, CaseIterable {
        case scale, create, convert, upskill, retain
    }

    /// One column: what it is, for which role, where.
    package struct Variable: Sendable, Equatable {
        package enum Kind: Sendable, Equatable {
            case open, lever(Lever), indicator
        }
        package var kind: Kind
        /// The role it serves (the experience role for upskill), `nil` for scale.
        package var role: String?
        /// Upskill: the feeder role people come from.
        package var feeder: String?
        /// Index into the input's offerings (scale).
        package var offering: Int?
        package var institution: String?
        /// People a year one unit adds, by role (e·share for scale).
        package var adds: [String: Double]
        /// Cost of one unit, when known.
        package var cost: Double?

        package var name: String {
            switch kind {
            case .open: "open:" + (role ?? "")
            case .indicator: "created:" + (role ?? "") + ":" + (institution ?? "")
            case .lever(let lever):
                lever.rawValue + ":" + [feeder, role, institution].compactMap { $0 }.joined(separator: ":") + (offering.map { ":\($0)" } ?? "")
            }
        }
    }

    /// The roles with a row, in the input's order, and each one's need (people a year).
    package var rows: [(role: PlanInput.Role, need: Double)]
    package var variables: [Variable]
    package var program: MixedIntegerProgram
    /// The later objectives (cost or new courses, then seats).
    package var later: [[Double]]
    package var costsKnown: Bool

    package static func == (a: PlanProgram, b: PlanProgram) -> Bool {
        a.variables == b.variables && a.program == b.program && a.later == b.later && a.rows.map(\.need) == b.rows.map(\.need)
    }

    /// The program for `input` with the roles' needs of one case.
    package init(_ input: PlanInput, needs: [String: Double]) {
        let options = input.options
        let e = input.entryRate
        let published = input.roles.filter { $0.status == .published }
        let targets = published.filter { (needs[$0.id] ?? 0) > 1e-9 }
        let feeders = Dictionary(uniqueKeysWithValues: targets.filter(\.isExperienceRole).map { ($0.id, Self.feeders(of: $0, published)) })
        let inRows = Set(targets.map(\.id)).union(feeders.values.flatMap { $0.map(\.id) })
        rows = published.filter { inRows.contains($0.id) }.map { ($0, needs[$0.id] ?? 0) }
        let entrant = Set(rows.filter { !$0.role.isExperienceRole }.map(\.role.id))
        let costs = input.offerings.compactMap(\.costPerCompletion)
        costsKnown = !costs.isEmpty
        let meanCost = costs.isEmpty ? nil : costs.reduce(0, +) / Double(costs.count)
        func hostCost(_ institution: String) -> Double? {
            let own = input.offerings.filter { $0.institution == institution }.compactMap(\.costPerCompletion)
            return own.isEmpty ? meanCost : own.reduce(0, +) / Double(own.count)
        }

        var vars: [Variable] = rows.map { Variable(kind: .open, role: $0.role.id, adds: [$0.role.id: 1]) }
        var upper: [Double?] = rows.map { _ in nil }
        for (p, o) in input.offerings.enumerated() where o.completions > 0 && options.delivers(o.lengthYears) {
            let adds = o.shares.filter { entrant.contains($0.key) && $0.value > 0 }.mapValues { $0 * e }
            guard !adds.isEmpty else { continue }
            vars.append(Variable(kind: .lever(.scale), offering: p, institution: o.institution, adds: adds, cost: o.costPerCompletion ?? meanCost))
            upper.append(options.maxGrowth * o.completions)
        }
        var semi: [(y: Int, z: Int)] = []
        for row in rows where entrant.contains(row.role.id) && (needs[row.role.id] ?? 0) > 1e-9 {
            for host in Self.hosts(for: row.role, input.offerings) {
                semi.append((vars.count, vars.count + 1))
                vars.append(Variable(kind: .lever(.create), role: row.role.id, institution: host, adds: [row.role.id: e], cost: hostCost(host)))
                vars.append(Variable(kind: .indicator, role: row.role.id, institution: host, adds: [:]))
                upper += [nil, 1]
            }
        }
        if input.conversionRoom > 0, options.delivers(PlanOptions.conversionLength) {
            for row in rows where entrant.contains(row.role.id) {
                vars.append(Variable(kind: .lever(.convert), role: row.role.id, adds: [row.role.id: e], cost: meanCost))
                upper.append(nil)
            }
        }
        if options.delivers(PlanOptions.upskillLength) {
            for row in rows where row.role.isExperienceRole {
                for feeder in feeders[row.role.id] ?? [] {
                    vars.append(Variable(kind: .lever(.upskill), role: row.role.id, feeder: feeder.id, adds: [row.role.id: 1, feeder.id: -1], cost: meanCost))
                    upper.append(nil)
                }
            }
        }
        for row in rows where row.role.exits > 0 && options.maxRetention > 0 {
            vars.append(Variable(kind: .lever(.retain), role: row.role.id, adds: [row.role.id: 1]))
            upper.append(options.maxRetention * row.role.exits)
        }
        variables = vars

        let n = vars.count
        func row(_ f: (Variable) -> Double) -> [Double] { vars.map(f) }
        var constraints = rows.map { r in LinearProgram.Constraint(row { $0.adds[r.role.id] ?? 0 }, .greaterOrEqual, r.need) }
        let growing = Set(vars.compactMap { $0.kind == .lever(.scale) ? $0.institution : nil })
        for institution in growing.sorted() {
            let completions = input.offerings.filter { $0.institution == institution }.reduce(0) { $0 + $1.completions }
            constraints.append(.init(row { $0.kind == .lever(.scale) && $0.institution == institution ? 1 : 0 }, .lessOrEqual, options.institutionGrowth * completions))
        }
        if vars.contains(where: { $0.kind == .lever(.convert) }) {
            constraints.append(.init(row { $0.kind == .lever(.convert) ? 1 : 0 }, .lessOrEqual, input.conversionRoom))
        }
        for feeder in Set(vars.compactMap(\.feeder)).sorted() {
            let employed = input.roles.first { $0.id == feeder }?.employed ?? 0
            constraints.append(.init(row { $0.feeder == feeder ? 1 : 0 }, .lessOrEqual, options.maxUpskill * employed))
        }
        for (y, z) in semi {
            constraints += MixedIntegerProgram.semiContinuous(y, indicator: z, minimum: options.minCohort, maximum: options.maxCohort, count: n)
        }
        func isSeat(_ v: Variable) -> Bool {
            if case .lever(let lever) = v.kind { return lever != .retain }
            return false
        }
        if let budget = options.budget, costsKnown {
            constraints.append(.init(row { isSeat($0) ? $0.cost ?? 0 : 0 }, .lessOrEqual, budget))
        }
        let open = row { $0.kind == .open ? 1 : 0 }
        let seats = row { isSeat($0) ? 1 : 0 }
        let second = costsKnown ? row { isSeat($0) ? $0.cost ?? 0 : 0 } : row { $0.kind == .indicator ? 1 : 0 }
        program = MixedIntegerProgram(
            LinearProgram(minimise: open, constraints: constraints, upperBounds: upper), integer: vars.map { $0.kind == .indicator })
        program.nodeLimit = Self.nodeLimit
        later = [second, seats]
    }

    /// The institutions whose offerings together cover most of the role's KSAs (at most two,
    /// ties by name): where a new course for the role is hosted.
    static func hosts(for role: PlanInput.Role, _ offerings: [PlanInput.Offering]) -> [String] {
        Dictionary(grouping: offerings, by: \.institution).map { name, offerings in
            (name, Coverage.coverage(offerings.reduce(into: Set<String>()) { $0.formUnion($1.ksas) }, role.ksas))
        }.filter { $0.1 > 0 }.sorted { ($0.1, $1.0) > ($1.1, $0.0) }.prefix(2).map(\.0)
    }

    /// An experience role's feeders: the published entrant roles with role-holdings that share
    /// most of its KSAs (at most two, ties by id).
    package static func feeders(of role: PlanInput.Role, _ roles: [PlanInput.Role]) -> [PlanInput.Role] {
        roles.filter { $0.id != role.id && !$0.isExperienceRole && $0.employed > 0 }
            .map { ($0, $0.ksas.intersection(role.ksas).count) }.filter { $0.1 > 0 }
            .sorted { ($0.1, $1.0.id) > ($1.1, $0.0.id) }.prefix(2).map(\.0)
    }

    /// Nodes each stage's search visits at most (a few seconds of work).
    package static let nodeLimit = 3_000

    /// The stages solved one after another, with each one's outcome.
    ///
    /// Should a search stop at its node limit without a whole solution, the plan that does
    /// nothing (every need open) is the feasible start.
    package func solve() -> [(program: MixedIntegerProgram, outcome: MixedIntegerProgram.Outcome)] {
        let start = variables.map { v in v.kind == .open ? max(0, rows.first { $0.role.id == v.role }?.need ?? 0) : 0 }
        return program.stages(thenMinimise: later, start: start)
    }
}
