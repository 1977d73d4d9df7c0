extension WorkforcePlan {
    /// What `workforce plan --by` lists.
    public enum Breakdown: String, Sendable, CaseIterable {
        case action, role
    }

    /// One row per action: `action`, `institution`, `offering`, `target`, `unit`,
    /// `first_completions_in_years`, `contributions` (in JSON an object role id -> people
    /// within the horizon; in text `ROLE: people; ...`, people to 2 decimals), `what`, with the timeline, lead and
    /// partners of the strategy.
    public var actionTable: ResultTable {
        var table = ResultTable(columns: [
            "action", "institution", "offering", "target", "unit", "first_completions_in_years", "contributions", "what", "roles", "ksas",
            "timeline", "lead", "partners",
        ])
        for a in actions {
            table.append([
                .text(a.kind.rawValue), a.institution.map(Cell.text) ?? .null, a.offering.map(Cell.text) ?? .null, a.target.map(Cell.double) ?? .null,
                .text(a.unit), a.firstCompletionsInYears.map(Cell.double) ?? .null,
                .text(a.contributions.map { "\($0.role): \(Figure.count($0.people))" }.joined(separator: "; ")), .text(a.what),
                .text(a.roles.joined(separator: " ")), .text(a.ksas.joined(separator: " ")), .text(input.horizonWords), .text(Self.lead),
                .text(Self.partners.joined(separator: "; ")),
            ])
        }
        table.notes = notes
        return table
    }

    /// One row per ranked role: `role_id`, `gap`, `gap_ci_low`, `gap_ci_high`, `quality`,
    /// `closed`, `open`, with the rank, priority and what the actions contribute.
    public var roleTable: ResultTable {
        var table = ResultTable(columns: [
            "rank", "role_id", "role_name", "gap", "gap_ci_low", "gap_ci_high", "quality", "critical_share", "priority", "priority_ci_low",
            "priority_ci_high", "distinguishable_from_next", "contributed", "closed", "open", "untaught_ksas",
        ])
        for r in roles {
            table.append([
                .int(r.rank), .text(r.role.id), .text(r.role.name), .double(r.role.gap.value), r.role.gap.ciLow.map(Cell.double) ?? .null,
                r.role.gap.ciHigh.map(Cell.double) ?? .null, r.role.quality.map(Cell.text) ?? .null, .double(r.role.criticalShare),
                .double(r.priority.value), r.priority.ciLow.map(Cell.double) ?? .null, r.priority.ciHigh.map(Cell.double) ?? .null,
                r.distinguishableFromNext.map(Cell.bool) ?? .null, .double(r.contributed), .double(r.closed), .double(r.open), .int(r.untaught.count),
            ])
        }
        table.notes = notes
        return table
    }

    public func table(_ by: Breakdown) -> ResultTable { by == .role ? roleTable : actionTable }

    /// The table as JSON, `contributions` as an object (role id -> people within the horizon).
    ///
    /// - Parameter notes: the notes to put first (the table's own, and any banner).
    public func json(_ by: Breakdown, notes: [String]? = nil) -> String {
        let table = table(by)
        let contributions = table.columns.firstIndex(of: "contributions")
        let rows = table.rows.enumerated().map { i, row in
            JSONValue.object(
                zip(table.columns.indices, row).map { c, cell in
                    guard c == contributions else { return (key: table.columns[c], value: cell.json) }
                    return (key: "contributions", value: .object(actions[i].contributions.map { (key: $0.role, value: .number($0.people)) }))
                })
        }
        let shown = notes ?? table.notes
        var members: [(key: String, value: JSONValue)] = []
        if !shown.isEmpty { members.append((key: "notes", value: .array(shown.map { .string($0) }))) }
        members.append((key: "rows", value: .array(rows)))
        return JSONWriter().string(.object(members)) + "\n"
    }

    /// What a reader must know: how the seats were chosen, what they add up to, what is left out.
    public var notes: [String] {
        var notes = [
            "Seats: \(PlanWords.number(seats)) a year, each counted once: \(PlanWords.number(scaledSeats)) extra completions a year of existing offerings and \(PlanWords.number(createdSeats)) completions a year of new courses.",
            "Chosen by two linear programs: first the fewest completions a year of new courses, then, holding that, the fewest extra completions of existing offerings; an offering grows by at most \(PlanWords.number(input.maxGrowth * 100))% of its completions, and an extra intake completes only after the offering's length (avail = max(0, \(PlanWords.years(input.horizonYears)) - length)).",
            "Contributions are people within the \(input.horizonWords)\(input.entryRate < 1 ? ", at an entry rate of \(JSONWriter.number(input.entryRate))" : ", assuming every completer takes a role in the country (an upper bound)").",
        ]
        let suppressed = suppressed.map(\.id)
        if !suppressed.isEmpty {
            notes.append("Not in the plan, withheld by disclosure control (fewer than 5 employers, the p% rule or secondary suppression): \(suppressed.joined(separator: ", ")).")
        }
        if roles.contains(where: { $0.role.gap.ciLow == nil }) {
            notes.append("Gaps without a 95% interval have no sampling error computed: ranks are not tested against each other.")
        }
        return notes
    }
}
