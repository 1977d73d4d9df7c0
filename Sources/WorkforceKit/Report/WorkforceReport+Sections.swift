import Foundation

extension WorkforceReport {
    static func gapsSection(
        _ context: GapContext, _ request: GapRequest, _ tables: inout [(name: String, table: ResultTable)], _ figures: inout [(label: String, value: Cell)]
    ) -> Section {
        let table = GapReport.table(context, request)
        tables.append(("gaps_by_role", table))
        var byArea = request
        byArea.by = .area
        tables.append(("gaps_by_area", GapReport.table(context, byArea)))
        var capability = request
        capability.by = .capability
        let capabilityTable = GapReport.table(context, capability)
        tables.append(("employer_capability", capabilityTable))
        let visible = table.rows.filter { $0[table.columns.firstIndex(of: "suppressed") ?? 0] == .bool(false) }
        func value(_ row: [Cell], _ column: String) -> Double? {
            guard let i = table.columns.firstIndex(of: column), case .double(let d) = row[i] else { return nil }
            return d
        }
        let demand = visible.compactMap { value($0, "demand") }.reduce(0, +)
        let supply = visible.compactMap { value($0, "supply") }.reduce(0, +)
        figures.append(("Employers responding", .int(context.inputs.employers.count)))
        figures.append(("Openings within the \(request.horizon.words) (published roles)", .double(demand)))
        figures.append(("Graduates supplied in that time", .double(supply)))
        figures.append(("Gap: openings minus graduates", .double(demand - supply)))
        let top = visible.prefix(15)
        let chart = SVGChart.bars(
            title: "Demand and supply by work role, \(request.horizon.words)", labels: top.map { $0[1].plainText },
            series: [
                SVGChart.Series(name: "demand", values: top.map { value($0, "demand") }, color: "#0b4f6c"),
                SVGChart.Series(name: "supply", values: top.map { value($0, "supply") }, color: "#f4a259"),
            ])
        var html = table.notes.map { ReportHTML.paragraph($0, class: "note") }.joined()
        html += "<h3>Supply against demand by role</h3>" + chart
        html += ReportHTML.table(
            table.selecting(["role_id", "role_name", "employed", "vacancies", "hard_to_fill_rate", "new_positions", "demand", "supply", "gap", "respondents", "suppressed"]))
        html += ReportHTML.paragraph("Every column (hard to fill, unknown expected positions, supply per 100 openings) is in tables/gaps_by_role.csv.", class: "note")
        html += "<h3>Employer capability</h3>" + ReportHTML.paragraph("Share of employers not confident in at least one task of each kind (UK DSIT style).", class: "note")
        html += ReportHTML.table(capabilityTable, limit: 12)
        return Section(
            id: "gaps", title: "Workforce gaps", html: html,
            markdown: table.notes.map { "_\($0)_\n\n" }.joined() + markdown(table) + "### Employer capability\n\n" + markdown(capabilityTable, limit: 12))
    }

    static func catalogSection(
        _ offerings: [Offering], _ roles: [RoleProfile], _ context: GapContext?, _ request: GapRequest,
        _ tables: inout [(name: String, table: ResultTable)], _ figures: inout [(label: String, value: Cell)]
    ) -> Section {
        guard !offerings.isEmpty else {
            return missing("catalog", "Training catalog and course gaps", "No training catalog is imported. `workforce survey university` writes catalog_template.csv; import the filled catalog with `workforce import catalog FILE`.")
        }
        let catalog = CourseAnalysis.catalogTable(offerings, roles: roles, theta: request.theta)
        tables.append(("catalog", catalog))
        figures.append(("Offerings in the national catalog", .int(offerings.count)))
        figures.append(("Institutions", .int(Set(offerings.map(\.institution)).count)))
        var html = ReportHTML.table(catalog.selecting(["institution", "code", "title", "level", "ksas", "annual_completions", "prepares_for"]))
        var md = markdown(catalog)
        if let context {
            var byKSA = request
            byKSA.by = .ksa
            let ksas = GapReport.table(context, byKSA)
            tables.append(("gaps_by_ksa", ksas))
            let visible = ksas.rows.filter { $0.last == .bool(false) }.prefix(15)
            let gap = ksas.columns.firstIndex(of: "gap") ?? 0
            html += "<h3>The largest KSA gaps</h3>"
                + SVGChart.bars(
                    title: "Largest KSA gaps (demand minus supply)", labels: visible.map { "\($0[0].plainText) \($0[2].plainText)" },
                    series: [SVGChart.Series(name: "gap", values: visible.map { if case .double(let d) = $0[gap] { d } else { nil } }, color: "#c0392b")])
            html += ReportHTML.table(ksas.selecting(["ksa_id", "kind", "text", "demand", "supply", "gap", "taught", "suppressed"]), limit: 25)
            md += "### The largest KSA gaps\n\n" + markdown(ksas, limit: 25)
            let untaught = GapAnalysis.ksaGaps(context.inputs, GapAnalysis.roleGaps(context.inputs)).filter { $0.demand > 0 && $0.taught == 0 }.count
            figures.append(("Needed KSAs no course teaches", .int(untaught)))
        }
        return Section(id: "catalog", title: "Training catalog and course gaps", html: html, markdown: md)
    }

    static func planSection(
        _ context: GapContext, _ options: ReportOptions, _ tables: inout [(name: String, table: ResultTable)], _ figures: inout [(label: String, value: Cell)]
    ) -> Section {
        let plans = WorkforcePlan.build(context.inputs)
        let table = WorkforcePlan.table(plans, horizon: options.horizon)
        tables.append(("plan", table))
        let seats = plans.flatMap(\.actions).filter { $0.kind != .upskill && $0.unit != "KSAs to teach" }.reduce(0) { $0 + $1.target }
        let people = plans.reduce(0) { $0 + $1.peopleToUpskill }
        figures.append(("Roles in the plan", .int(plans.count)))
        figures.append(("More completions or seats a year", .double(seats)))
        figures.append(("Employed people to upskill", .double(people)))
        var html = ReportHTML.paragraph(
            "Lead: \(WorkforcePlan.lead). Partners: \(WorkforcePlan.partners.joined(separator: "; ")). Timeline: \(options.horizon.words). Roles are ranked by gap x (1 + share of demand from critical-infrastructure employers).")
        var md = "Lead: \(WorkforcePlan.lead). Partners: \(WorkforcePlan.partners.joined(separator: "; ")).\n\n"
        for (rank, plan) in plans.enumerated() {
            html += "<h3>\(rank + 1). \(Markup.escape(plan.role.name)) (\(Markup.escape(plan.role.id)))</h3>"
            let line = "Gap \(WorkforcePlan.fmt(plan.gap)) (demand \(WorkforcePlan.fmt(plan.demand)), supply \(WorkforcePlan.fmt(plan.supply))); \(WorkforcePlan.fmt(plan.criticalShare * 100))% of demand from critical infrastructure."
            html += ReportHTML.paragraph(line) + "<ul>"
            md += "### \(rank + 1). \(plan.role.name) (\(plan.role.id))\n\n\(line)\n\n"
            for action in plan.actions {
                let text = "\(action.kind.rawValue): \(action.what)\(action.institution.map { " at \($0)" } ?? "")\(action.offering.map { " (\($0))" } ?? "") - \(WorkforcePlan.fmt(action.target)) \(action.unit). \(action.arithmetic)."
                html += "<li>\(Markup.escape(text))</li>"
                md += "- \(text)\n"
            }
            for path in plan.pathways {
                let text = "pathway: from \(path.from) (covers \(WorkforcePlan.fmt(path.overlap * 100))% of the role's KSAs), \(path.toLearn.count) KSAs to learn"
                html += "<li>\(Markup.escape(text))</li>"
                md += "- \(text)\n"
            }
            html += "</ul>"
            md += "\n"
        }
        if plans.isEmpty { html += ReportHTML.paragraph("No published role has a positive gap within the horizon.", class: "note") }
        return Section(id: "plan", title: "The workforce development plan", html: html, markdown: md)
    }

    static func methodologySection(
        _ store: WorkforceStore, _ options: ReportOptions, _ context: GapContext?, _ tables: inout [(name: String, table: ResultTable)]
    ) throws -> Section {
        let lines: [String] = [
            "Respondents: only those who consented (and, in the awareness survey, said they are 18 or older) are counted; a row with a \"no\" at a gate is kept in the data with its gate answers only.",
            "Employer weights: \(options.frame == nil ? "none (every employer weighs 1): the gap figures describe the responding employers only" : "w = N_s / n_s for the employer's stratum (sector x size band) of the sampling frame \(options.frame?.lastPathComponent ?? "")").",
            "Horizon: \(options.horizon.words); supply years 0.5, 1 and 2 for short, medium and long term.",
            "employed, vacancies, hard_to_fill and new positions are weighted sums of the employers' answers; an answer not given contributes nothing (no imputation); an employer expecting no new positions in a role counts 0, one that does not know counts nothing. demand = vacancies + positions expected within the horizon.",
            "coverage(p, r) = |K_p ∩ K_r| / |K_r| over the role's current K, S and A; an offering prepares for the roles with coverage >= θ = \(Cell.double(options.theta).plainText); share_p(r) = coverage(p, r) / Σ coverage(p, r') over those roles, so each completion is counted once; supply = Σ completions x years x share; gap = demand - supply; a programme teaches the union of its courses' KSAs and counts its completions once.",
            "KSA demand = Σ demand of the roles needing the KSA; KSA supply = Σ completions x years of the offerings teaching it.",
            "The plan ranks roles by gap x (1 + share of their demand from critical-infrastructure employers: energy, water, banking and finance (banks, international financial services, credit unions and insurance), telecommunications, transport, health, government and national security, tourism). Scale: the gap divided by the horizon's years is shared among the offerings preparing for the role in proportion to their current supply, and divided by each offering's share of the role; create: when no offering prepares for the role, a course for gap / years seats a year at the institution whose offerings cover the role best, and a module for KSAs nothing teaches; upskill: weighted staff whose typical proficiency is below the required one.",
            "Suppression: employer rows resting on fewer than 5 responding employers, and awareness cells with fewer than 10 respondents, are withheld in every table, chart, CSV, JSON file and the explorer.",
        ] + awarenessMethodology(options)
        var html = "<ul>" + lines.map { "<li>\(Markup.escape($0))</li>" }.joined() + "</ul>"
        var md = lines.map { "- \($0)" }.joined(separator: "\n") + "\n\n"
        let batches = try store.importBatches()
        let instruments = try store.instrumentList()
        tables.append(("data_batches", batches))
        tables.append(("instruments", instruments))
        html += "<h3>The data behind this report</h3>" + ReportHTML.table(batches) + "<h3>Instrument versions</h3>" + ReportHTML.table(instruments)
        md += "### The data behind this report\n\n" + markdown(batches) + "### Instrument versions\n\n" + markdown(instruments)
        return Section(id: "methodology", title: "Methodology", html: html, markdown: md)
    }
}
