extension WorkforcePlan {
    /// What `workforce plan --by` lists; `cases` is `plan --cases`.
    package enum Breakdown: String, Sendable, CaseIterable {
        case action, role, cases
    }

    /// One row per action of the central case: `action`, `institution`, `offering`, `role_id`,
    /// `seats` (completions a year; retain: exits avoided, people a year), `first_completions_year`,
    /// `cost`, `robust`, `contributions` (JSON: role id -> people a year), `ksas` (JSON: id and
    /// statement), `what` (the sentence in `language`; JSON and CSV in English).
    package func actionTable(_ language: ReaderLanguage = .en) -> ResultTable {
        let words = PlanWords(language)
        var table = ResultTable(columns: [
            "action", "institution", "offering", "role_id", "seats", "first_completions_year", "cost", "robust", "contributions", "ksas", "what",
        ])
        for a in actions {
            table.append([
                .text(a.kind.rawValue), a.institution.map(Cell.text) ?? .null, a.offering.map(Cell.text) ?? .null, .text(a.role), .double(a.seats),
                .int(a.firstCompletionsYear), a.cost.map(Cell.double) ?? .null, .bool(a.robust),
                .structured(Self.contributions(a)), .structured(ksas(a)), .text(words.what(a, input)),
            ])
        }
        table.notes = words.notes(self)
        return table
    }

    /// One row per role in the central case: the need and what each lever closes, what stays
    /// open, why (`why_open`, a sentence in `language`) and the reasons' codes (`open_reasons`).
    package func roleTable(_ language: ReaderLanguage = .en) -> ResultTable {
        let words = PlanWords(language)
        var table = ResultTable(columns: [
            "role_id", "role_name", "experience_role", "feeders", "shortfall", "backlog_per_year", "drawn_by_upskilling", "need", "scale", "create",
            "convert", "upskill", "retain", "closed", "open", "why_open", "open_reasons",
        ])
        for r in roles {
            table.append(
                [
                    .text(r.role.id), .text(r.role.name), .bool(r.role.isExperienceRole), .text(r.feeders.joined(separator: " ")), .double(r.shortfall),
                    .double(r.backlogPerYear), .double(r.drawn), .double(r.need),
                ] + PlanProgram.Lever.allCases.map { .double(r.byLever[$0] ?? 0) } + [
                        .double(r.closed), .double(r.open), .text(words.why(r, input.options)),
                        .text(r.openReasons.map(\.code).joined(separator: " ")),
                    ])
        }
        table.notes = words.notes(self)
        return table
    }

    /// The three cases side by side: one row per action of any case, its seats in each, and
    /// whether it is robust (in all three).
    package func casesTable(_ language: ReaderLanguage = .en) -> ResultTable {
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
        table.notes = PlanWords(language).caseNotes(self)
        return table
    }

    /// The table `by` with its sentences and notes in `language`.
    package func table(_ by: Breakdown, _ language: ReaderLanguage = .en) -> ResultTable {
        switch by {
        case .action: actionTable(language)
        case .role: roleTable(language)
        case .cases: casesTable(language)
        }
    }

    // The English tables, as the report reads them.
    package var actionTable: ResultTable { actionTable(.en) }
    package var roleTable: ResultTable { roleTable(.en) }
    package var casesTable: ResultTable { casesTable(.en) }

    /// An action's contributions, typed to the renderer: JSON an object (role id -> people a
    /// year, largest first), CSV and readers `ROLE: n; ...`.
    static func contributions(_ a: Action) -> Cell.Structured {
        Cell.Structured(
            json: .object(a.contributions.map { (key: $0.role, value: .number($0.people)) }),
            text: a.contributions.map { "\($0.role): \(ColumnKind.count.csv($0.people))" }.joined(separator: "; "))
    }

    /// An action's KSAs: JSON `[{id, statement}]`, CSV and readers `ID statement; ...`.
    func ksas(_ a: Action) -> Cell.Structured {
        Cell.Structured(
            json: .array(a.ksas.map { .object([(key: "id", value: .string($0)), (key: "statement", value: input.statements[$0].map(JSONValue.string) ?? .null)]) }),
            text: a.ksas.map { id in input.statements[id].map { "\(id) \($0)" } ?? id }.joined(separator: "; "))
    }

    /// The table as JSON, its cells as they are typed (`contributions` an object, `ksas` an array).
    ///
    /// - Parameter notes: the notes to put first (the table's own, and any banner).
    package func json(_ by: Breakdown, notes: [String]? = nil) -> String {
        let table = table(by)
        let rows = table.rows.map { row in JSONValue.object(zip(table.columns, row).map { (key: $0, value: $1.json) }) }
        let shown = notes ?? table.notes
        var members: [(key: String, value: JSONValue)] = []
        if !shown.isEmpty { members.append((key: "notes", value: .array(shown.map { .string($0) }))) }
        members.append((key: "rows", value: .array(rows)))
        return JSONWriter().string(.object(members)) + "\n"
    }

    /// What a reader must know, in English: the need, the levers and their bounds, what is left out.
    package var notes: [String] { PlanWords().notes(self) }

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
