extension WorkforceReport {
    /// The plan's section: three sentences a minister can repeat (the need, what the plan does
    /// by lever, what stays open), the actions with institution and course names, first year,
    /// robust mark and KSAs by statement, then per role what each lever closes. Tables `plan`
    /// (one row per action), `plan_by_role` and `plan_cases`; the main points end with the
    /// plan's "What to do".
    static func planSection(
        _ plan: WorkforcePlan, _ tables: inout [(name: String, table: ResultTable)],
        _ figures: inout [(label: String, figure: ReportFigure)], _ json: inout [String: ([String]) -> String], _ points: inout MainPoints
    ) -> Section {
        tables.append(("plan", plan.actionTable))
        tables.append(("plan_by_role", plan.roleTable))
        tables.append(("plan_cases", plan.casesTable))
        json["plan"] = { plan.json(.action, notes: $0) }
        let c = plan.central
        figures.append(("Need in the plan, people a year", ReportFigure(c.need, unit: .peopleAYear)))
        figures.append(("Seats a year in the plan, each counted once", ReportFigure(c.seats, unit: .peopleAYear)))
        figures.append(("Need left open, people a year", ReportFigure(c.open, unit: .peopleAYear)))
        if c.need > 0.5 { points.whatToDo = PlanWords.whatToDo(plan) }

        let people = "Lead: \(WorkforcePlan.lead). Partners: \(WorkforcePlan.partners.joined(separator: "; ")). Timeline: \(plan.input.options.horizonWords)."
        let headline = PlanWords.headline(plan)
        var html = headline.map { ReportHTML.paragraph($0) }.joined() + ReportHTML.paragraph(people)
        var md = headline.joined(separator: " ") + "\n\n" + people + "\n\n"
        let computed = Array(plan.notes.dropFirst(headline.count))
        html += "<details class=\"computed\"><summary>How this was computed</summary><ul>" + computed.map { "<li>\(ReportHTML.prose($0))</li>" }.joined() + "</ul></details>"
        md += "<details><summary>How this was computed</summary>\n\n" + computed.map { "- \(Markup.markdownText($0))\n" }.joined() + "\n</details>\n\n"
        guard !c.actions.isEmpty else {
            let none = "No published role needs more people than now enter it."
            return Section(id: "plan", title: "The workforce development plan", html: html + ReportHTML.paragraph(none, class: "note"), markdown: md + none + "\n")
        }
        let actions = actionTable(plan)
        html += "<h3>Actions</h3>" + ReportHTML.table(actions)
        md += "### Actions\n\n" + markdown(actions)
        let roles = roleTable(plan)
        html += "<h3>What each lever closes, by role</h3>" + ReportHTML.table(roles)
        md += "### What each lever closes, by role\n\n" + markdown(roles)
        let sentences = c.actions.map { plan.what($0) }
        html += "<details><summary>Every action in words</summary><ul>" + sentences.map { "<li>\(ReportHTML.prose($0))</li>" }.joined() + "</ul></details>"
        md += "<details><summary>Every action in words</summary>\n\n" + sentences.map { "- \(Markup.markdownText($0))\n" }.joined() + "\n</details>\n"
        return Section(id: "plan", title: "The workforce development plan", html: html, markdown: md)
    }

    /// The central case's actions as readers see them, whole numbers.
    static func actionTable(_ plan: WorkforcePlan) -> ResultTable {
        var table = ResultTable(columns: ["Action", "Where", "Role", "Seats a year", "First completers", "In all three cases", "KSAs to teach"])
        let names = Dictionary(plan.input.roles.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let verbs: [PlanProgram.Lever: String] = [.scale: "Grow", .create: "Create", .convert: "Convert", .upskill: "Upskill", .retain: "Retain"]
        for a in plan.actions {
            let course = a.offering.flatMap { code in plan.input.offerings.first { $0.code == code && $0.institution == a.institution }.map { "\($0.title) (\(code))" } ?? code }
            let place = [course, a.institution].compactMap { $0 }.joined(separator: ", ")
            let role = a.feeder.map { "\(names[$0] ?? $0) into \(names[a.role] ?? a.role)" } ?? (names[a.role] ?? a.role)
            table.append([
                .text(verbs[a.kind] ?? a.kind.rawValue), .text(place.isEmpty ? "employers" : place), .text(role),
                .text(a.kind == .retain ? "none (\(PlanWords.number(a.seats)) fewer exits)" : PlanWords.number(a.seats)), .text("end of year \(a.firstCompletionsYear)"),
                .text(a.robust ? "yes" : "no"), .text(a.ksas.isEmpty ? "" : PlanWords.statements(a.ksas, plan.input, limit: 3)),
            ])
        }
        return table
    }

    /// Per role: the need and what each lever closes, people a year, whole numbers.
    static func roleTable(_ plan: WorkforcePlan) -> ResultTable {
        var table = ResultTable(columns: ["Work role", "Need", "Scale", "Create", "Convert", "Upskill", "Retain", "Open", "Why open"])
        for r in plan.roles where r.need > 0.5 {
            table.append(
                [.text(r.role.name + (r.role.isExperienceRole ? " (experience role)" : "")), .text(PlanWords.number(r.need))]
                    + PlanProgram.Lever.allCases.map { .text(PlanWords.number(r.byLever[$0] ?? 0)) } + [.text(PlanWords.number(r.open)), .text(plan.why(r))])
        }
        return table
    }

    static func planMethodology(_ options: ReportOptions) -> String {
        "The plan: per role, `need = shortfall + vacancies now / backlog years`, people a year by the end of year H. Levers: scale `x_p <= max_growth × completions_p` and, per institution, `Σ x_p <= institution_growth × completions`, counted only when the offering's length ends within H; create `y = 0` or `min_cohort <= y <= max_cohort` (a 0/1 variable), one per role per host institution (the two whose offerings cover most of the role's KSAs), for entrant roles only; convert career changers, at most the pool less today's; upskill people from feeder roles (the two entrant roles sharing most KSAs) into experience roles (weighted median required proficiency advanced or above, or Oversee and Govern), at most `max_upskill × role-holdings` of the feeder a year, each adding one to the feeder's need; retain up to `max_retention × exits`. Completers of scale, create and convert enter at the entry rate. A mixed-integer program (branch and bound on the simplex) minimises the need left open, then the new courses created (or the cost), then the seats; per role `closed = min(need, contributions)` and `open = need - closed`. The low and high cases take each role's shortfall at its 95% bounds; an action in all three is robust."
    }
}
