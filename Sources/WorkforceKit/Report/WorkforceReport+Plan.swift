extension WorkforceReport {
    /// The plan's section: the ranked roles with their intervals and what the actions close,
    /// then the actions by kind, each as its sentence. Tables `plan` (one row per action) and
    /// `plan_by_role`.
    static func planSection(
        _ context: GapContext, _ store: WorkforceStore, _ options: ReportOptions, _ tables: inout [(name: String, table: ResultTable)],
        _ figures: inout [(label: String, value: Cell)], _ json: inout [String: ([String]) -> String]
    ) throws -> Section {
        var request = PlanRequest()
        request.gaps.horizon = options.horizon
        request.gaps.theta = options.theta
        request.gaps.frame = options.frame
        request.gaps.unweighted = options.unweighted
        let plan = try WorkforcePlan.build(context, store, request)
        tables.append(("plan", plan.actionTable))
        tables.append(("plan_by_role", plan.roleTable))
        json["plan"] = { plan.json(.action, notes: $0) }
        figures.append(("Roles in the plan", .int(plan.roles.count)))
        figures.append(("Seats a year in the plan, each counted once", .double(plan.seats)))
        figures.append(("of them, completions a year of new courses", .double(plan.createdSeats)))
        figures.append(("Role-holdings to upskill (a person with two roles counts in each)", .double(plan.roleHoldingsToUpskill)))

        let people = "Lead: \(WorkforcePlan.lead). Partners: \(WorkforcePlan.partners.joined(separator: "; ")). Timeline: \(options.horizon.words)."
        let seats = "The plan adds \(PlanWords.number(plan.seats)) seats a year, each counted once: \(PlanWords.number(plan.scaledSeats)) more completions a year of existing offerings and \(PlanWords.number(plan.createdSeats)) completions a year of new courses."
        // The arithmetic for the reader who wants it, folded (printing can expand it).
        let priority = "Priority = gap x (1 + share of demand from critical-infrastructure employers), its 95% interval the gap's scaled alike. A rank whose priority interval overlaps the next rank's is marked not distinguishable from it. Closed + left open = gap."
        let computed = plan.notes + [priority]
        var html = ReportHTML.paragraph(people) + ReportHTML.paragraph(seats)
            + "<details class=\"computed\"><summary>How this was computed</summary><ul>" + computed.map { "<li>\(ReportHTML.prose($0))</li>" }.joined() + "</ul></details>"
        var md = people + "\n\n" + seats + "\n\n<details><summary>How this was computed</summary>\n\n" + computed.map { "- \(Markup.markdownText($0))\n" }.joined() + "\n</details>\n\n"
        guard !plan.roles.isEmpty || !plan.actions.isEmpty else {
            let none = "No published role has a positive gap within the horizon."
            return Section(id: "plan", title: "The workforce development plan", html: html + ReportHTML.paragraph(none, class: "note"), markdown: md + none + "\n")
        }
        let ranks = rankTable(plan)
        html += "<h3>Roles by priority</h3>" + ReportHTML.table(ranks)
        md += "### Roles by priority\n\n" + markdown(ranks)
        let kinds: [(WorkforcePlan.ActionKind, String)] = [
            (.scale, "Scale existing offerings"), (.create, "Create courses"), (.beyondHorizon, "Beyond the horizon"), (.upskill, "Upskill employed staff"),
        ]
        for (kind, title) in kinds {
            let sentences = plan.actions.filter { $0.kind == kind }.map(\.what)
            guard !sentences.isEmpty else { continue }
            html += "<h3>\(title)</h3><ul>" + sentences.map { "<li>\(ReportHTML.prose($0))</li>" }.joined() + "</ul>"
            md += "### \(title)\n\n" + sentences.map { "- \(Markup.markdownText($0))\n" }.joined() + "\n"
        }
        let pathways = plan.roles.filter { !$0.pathways.isEmpty }.map { r in
            "Into \(r.role.name) [\(r.role.id)]: from " + PlanWords.list(r.pathways.map { "\($0.fromName) [\($0.from)], whose KSAs cover \(PlanWords.percent($0.overlap)) of it (\(PlanWords.count(Double($0.toLearn.count), "KSA")) to learn)" })
        }
        if !pathways.isEmpty {
            html += "<h3>Career pathways</h3><ul>" + pathways.map { "<li>\(ReportHTML.prose($0))</li>" }.joined() + "</ul>"
            md += "### Career pathways\n\n" + pathways.map { "- \(Markup.markdownText($0))\n" }.joined() + "\n"
        }
        return Section(id: "plan", title: "The workforce development plan", html: html, markdown: md)
    }

    /// The ranked roles as readers see them.
    static func rankTable(_ plan: WorkforcePlan) -> ResultTable {
        var table = ResultTable(columns: [
            "Rank", "Work role", "Gap (95% CI)", "Quality", "Share of demand from critical infrastructure", "Priority (95% CI)", "Closed by the plan",
            "Left open", "Against the next rank",
        ])
        for r in plan.roles {
            func shown(_ e: PlanInput.Estimate) -> String {
                Figure.count(e.value) + (e.ciLow.flatMap { low in e.ciHigh.map { " (95% CI \(Figure.count(low)) to \(Figure.count($0)))" } } ?? "")
            }
            let quality = r.role.quality.map { grade in QualityGrade(rawValue: grade).map { "\(grade): \($0.words)" } ?? grade } ?? "no sampling error"
            let next: String
            switch r.distinguishableFromNext {
            case true?: next = "distinguishable"
            case false?: next = "not distinguishable"
            case nil: next = r.rank == plan.roles.count ? "" : "no interval"
            }
            table.append([
                .int(r.rank), .text("\(r.role.name) [\(r.role.id)]"), .text(shown(r.role.gap)), .text(quality), .text(PlanWords.percent(r.role.criticalShare)),
                .text(shown(r.priority)), .text(Figure.count(r.closed)), .text(Figure.count(r.open)), .text(next),
            ])
        }
        return table
    }

    static func planMethodology(_ options: ReportOptions) -> String {
        "The plan: each offering's length is its catalog `duration_years` or, by level, 0.25 years (short course, certification preparation), 1 (certificate), 2 (associate, master), 4 (bachelor); one extra completion a year adds `avail = max(0, years(h) - length)` people within the horizon. Existing offering p grows by `x_p`, `0 <= x_p <= max_growth x completions_p` (`max_growth` 1: at most double; without completions it cannot grow); a new short course for role r (share 1, length 0.25 years) gives `y_r` completions a year. For every published role with a positive gap, `Σ_p x_p share_p(r) entry_rate avail_p + y_r entry_rate avail_new >= gap(r)`. A first linear program minimises `Σ y_r`, a second, holding it, `Σ x_p` (two-phase bounded-variable simplex; Bland's rule after degenerate steps, so it cannot cycle). Each action lists the people it adds to every role within the horizon; per role closed = min(gap, contributions) and open = gap - closed. An offering longer than the horizon is listed as beyond it and counts for nothing within it. Upskill: role-holdings in employers whose typical proficiency is below the required one, with the offerings teaching the KSAs reported lacking. Roles are ranked by gap x (1 + share of their demand from critical-infrastructure employers: energy, water, banking and finance (banks, international financial services, credit unions and insurance), telecommunications, transport, health, government and national security, tourism); a rank whose 95% interval overlaps the next is not distinguishable from it."
    }
}
