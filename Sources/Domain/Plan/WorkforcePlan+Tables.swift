extension WorkforcePlan {
    /// What `workforce plan --by` lists; `cases` is `plan --cases`.
    package enum Breakdown: String, Sendable, CaseIterable {
        case action, role, cases
    }

    /// One row per action of the central case: `action`, `institution`, `offering`, `role_id`,
    /// `seats` (completions a year; retain: exits avoided, people a year), `first_completions_year`,
    /// `cost`, `robust`, `contributions` (JSON: role id -> people a year), `ksas` (JSON: id and
    /// statement), `what`.
    package var actionTable: ResultTable {
        var table = ResultTable(columns: [
            "action", "institution", "offering", "role_id", "seats", "first_completions_year", "cost", "robust", "contributions", "ksas", "what",
        ])
        for a in actions {
            table.append([
                .text(a.kind.rawValue), a.institution.map(Cell.text) ?? .null, a.offering.map(Cell.text) ?? .null, .text(a.role), .double(a.seats),
                .int(a.firstCompletionsYear), a.cost.map(Cell.double) ?? .null, .bool(a.robust),
                .text(a.contributions.map { "\($0.role): \(ColumnKind.count.csv($0.people))" }.joined(separator: "; ")),
                .text(a.ksas.map { id in input.statements[id].map { "\(id) \($0)" } ?? id }.joined(separator: "; ")), .text(a.what),
            ])
        }
        table.notes = notes
        return table
    }

    /// One row per role in the central case: the need and what each lever closes.
    package var roleTable: ResultTable {
        var table = ResultTable(columns: [
            "role_id", "role_name", "experience_role", "feeders", "shortfall", "backlog_per_year", "drawn_by_upskilling", "need", "scale", "create",
            "convert", "upskill", "retain", "closed", "open", "why_open",
        ])
        for r in roles {
            table.append(
                [
                    .text(r.role.id), .text(r.role.name), .bool(r.role.isExperienceRole), .text(r.feeders.joined(separator: " ")), .double(r.shortfall),
                    .double(r.backlogPerYear), .double(r.drawn), .double(r.need),
                ] + PlanProgram.Lever.allCases.map { .double(r.byLever[$0] ?? 0) } + [.double(r.closed), .double(r.open), .text(r.why)])
        }
        table.notes = notes
        return table
    }

    /// The three cases side by side: one row per action of any case, its seats in each, and
    /// whether it is robust (in all three).
    package var casesTable: ResultTable {
        var table = ResultTable(columns: ["action", "institution", "offering", "role_id", "seats_low", "seats_central", "seats_high", "robust"])
        var seen: [String] = []
        var first: [String: Action] = [:]
        for c in [cases[1], cases[0], cases[2]] {
            for a in c.actions where first[a.key] == nil {
                first[a.key] = a
                seen.append(a.key)
            }
        }
        for key in seen {
            guard let a = first[key] else { continue }
            let seats = cases.map { c in c.actions.first { $0.key == key }.map { Cell.double($0.seats) } ?? .double(0) }
            table.append([.text(a.kind.rawValue), a.institution.map(Cell.text) ?? .null, a.offering.map(Cell.text) ?? .null, .text(a.role)] + seats + [.bool(a.robust)])
        }
        table.notes = cases.map { c in
            "\(c.kind.rawValue.capitalized) case: need \(PlanWords.people(c.need)), \(PlanWords.number(c.seats)) seats a year, \(PlanWords.people(c.open)) open"
                + (c.cost.map { ", cost \(PlanWords.number($0)) a year" } ?? "") + "."
        } + ["Robust: the action is in all three cases (the low and high cases take each role's shortfall at its 95% bounds)."]
        return table
    }

    package func table(_ by: Breakdown) -> ResultTable {
        switch by {
        case .action: actionTable
        case .role: roleTable
        case .cases: casesTable
        }
    }

    /// The table as JSON; for actions, `contributions` as an object (role id -> people a
    /// year) and `ksas` as `[{id, statement}]`.
    ///
    /// - Parameter notes: the notes to put first (the table's own, and any banner).
    package func json(_ by: Breakdown, notes: [String]? = nil) -> String {
        let table = table(by)
        let rows = table.rows.enumerated().map { i, row in
            JSONValue.object(
                zip(table.columns, row).map { column, cell in
                    guard by == .action else { return (key: column, value: cell.json) }
                    switch column {
                    case "contributions": return (key: column, value: .object(actions[i].contributions.map { (key: $0.role, value: .number($0.people)) }))
                    case "ksas":
                        return (
                            key: column,
                            value: .array(actions[i].ksas.map { .object([(key: "id", value: .string($0)), (key: "statement", value: input.statements[$0].map(JSONValue.string) ?? .null)]) })
                        )
                    default: return (key: column, value: cell.json)
                    }
                })
        }
        let shown = notes ?? table.notes
        var members: [(key: String, value: JSONValue)] = []
        if !shown.isEmpty { members.append((key: "notes", value: .array(shown.map { .string($0) }))) }
        members.append((key: "rows", value: .array(rows)))
        return JSONWriter().string(.object(members)) + "\n"
    }

    /// What a reader must know: the need, the levers and their bounds, what is left out.
    package var notes: [String] {
        let o = input.options
        var notes = PlanWords.headline(self) + [
            "Need per role, people a year by the end of year \(o.years): its annual shortfall plus its vacancies now spread over \(PlanWords.years(o.spread)); an experience role (required proficiency advanced or above, or Oversee and Govern) is filled by upskilling from its feeder roles, whose need grows by as many.",
            "Levers: grow an offering by at most \(PlanWords.percent(o.maxGrowth)) and an institution by \(PlanWords.percent(o.institutionGrowth)) of its completions; a new course of \(PlanWords.number(o.minCohort)) to \(PlanWords.number(o.maxCohort)) completions a year, one per role per institution; conversion of up to \(PlanWords.people(input.conversionRoom)) more career changers; upskilling of up to \(PlanWords.percent(o.maxUpskill)) of a feeder's role-holdings a year; retention of up to \(PlanWords.percent(o.maxRetention)) of exits. Completers enter at a rate of \(JSONWriter.number(input.entryRate)).",
            "Chosen exactly (a mixed-integer program, branch and bound): first the least need left open, then "
                + (central.program.costsKnown ? "the least cost" : "the fewest new courses") + ", then the fewest seats. Seats are completions a year, each counted once; retention has none.",
        ]
        let unproven = cases.filter { !$0.proven }.map(\.kind.rawValue)
        if !unproven.isEmpty {
            notes.append("Not proven optimal: the search for the \(PlanWords.list(unproven)) \(unproven.count == 1 ? "case" : "cases") stopped after \(PlanProgram.nodeLimit) branch-and-bound nodes in a stage (figures this large make many plans tie within rounding); the plan shown is feasible and the best found.")
        }
        let suppressed = suppressed.map(\.id)
        if !suppressed.isEmpty {
            notes.append("Not in the plan, withheld by disclosure control (fewer than 5 employers, the p% rule or secondary suppression): \(suppressed.joined(separator: ", ")).")
        }
        return notes
    }

    /// Every case's stages and solution as JSON text, for checking with another solver.
    package var programsJSON: String {
        let o = input.options
        let completions = Dictionary(grouping: input.offerings, by: \.institution).mapValues { $0.reduce(0) { $0 + $1.completions } }
        let value = JSONValue.object([
            (key: "entry_rate", value: .number(input.entryRate)),
            (
                key: "options",
                value: .object([
                    (key: "years", value: .integer(Int64(o.years))), (key: "backlog_years", value: .number(o.spread)),
                    (key: "max_growth", value: .number(o.maxGrowth)), (key: "institution_growth", value: .number(o.institutionGrowth)),
                    (key: "min_cohort", value: .number(o.minCohort)), (key: "max_cohort", value: .number(o.maxCohort)),
                    (key: "max_retention", value: .number(o.maxRetention)), (key: "max_upskill", value: .number(o.maxUpskill)),
                ])
            ),
            (key: "institution_completions", value: .object(completions.sorted { $0.key < $1.key }.map { (key: $0.key, value: .number($0.value)) })),
            (key: "catalog_completions", value: .number(input.offerings.reduce(0) { $0 + $1.completions })),
            (
                key: "cases",
                value: .array(
                    cases.map { c in
                        .object([
                            (key: "case", value: .string(c.kind.rawValue)),
                            (key: "proven", value: .bool(c.proven)),
                            (key: "variables", value: .array(c.program.variables.map { .string($0.name) })),
                            (key: "stages", value: .array(zip(c.stages, c.values).map { program, value in
                                guard case .object(var members) = program.programJSON else { return .null }
                                members.append((key: "value", value: .number(value)))
                                return .object(members)
                            })),
                            (key: "solution", value: .array(c.x.map { .number($0) })),
                        ])
                    })
            ),
        ])
        return JSONWriter().string(value) + "\n"
    }
}
