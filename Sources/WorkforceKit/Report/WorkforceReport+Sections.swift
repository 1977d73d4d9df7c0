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

    static func awarenessSection(
        _ store: WorkforceStore, _ options: ReportOptions, _ tables: inout [(name: String, table: ResultTable)], _ figures: inout [(label: String, value: Cell)]
    ) throws -> Section {
        let margins = try options.margins.map { url throws(WorkforceError) in try PopulationMargins(url: url) }
        let baseline: ResultTable
        do {
            baseline = try AwarenessAnalysis.run(store, AwarenessRequest(breakdowns: [.district, .sex, .group], margins: margins)).table
        } catch let error as WorkforceError {
            guard case .noInput = error else { throw error }
            return missing("awareness", "Awareness baseline and impact", "No awareness responses are imported. Generate the form with `workforce survey awareness`, field it, and import the export with `workforce import awareness FILE`.")
        }
        tables.append(("awareness_baseline", baseline))
        let overall = baseline.rows.filter { $0[1] == .text("all") && $0.last == .bool(false) }
        func point(_ row: [Cell]) -> (p: Double, low: Double, high: Double)? {
            guard case .double(let p) = row[5], case .double(let l) = row[6], case .double(let h) = row[7] else { return nil }
            return (p, l, h)
        }
        if let score = overall.first(where: { $0[0] == .text("knowledge_score") }), let p = point(score) {
            figures.append(("Baseline knowledge score (share of items right)", .double((p.p * 1000).rounded() / 1000)))
        }
        var html = baseline.notes.map { ReportHTML.paragraph($0, class: "note") }.joined()
        var md = baseline.notes.map { "_\($0)_\n\n" }.joined()
        var series: [(name: String, color: String, points: [(p: Double, low: Double, high: Double)?])] = [("baseline", "#0b4f6c", overall.map(point))]
        if let followup = try? AwarenessAnalysis.run(store, AwarenessRequest(compare: ("baseline", "followup-1"), margins: margins)).table {
            tables.append(("awareness_comparison", followup))
            let byIndicator = Dictionary(
                followup.rows.filter { $0[1] == .text("all") && $0.last == .bool(false) }.map { ($0[0].plainText, $0) }, uniquingKeysWith: { a, _ in a })
            series.append((
                "followup-1", "#f4a259",
                overall.map { row in
                    guard let c = byIndicator[row[0].plainText], case .double(let p) = c[6], case .double(let n) = c[8] else { return nil }
                    let ci = Wilson.interval(p: p, n: n)
                    return (p, ci.lowerBound, ci.upperBound)
                }
            ))
            html += "<h3>Campaign impact: follow-up against baseline</h3>"
                + ReportHTML.table(
                    followup.selecting(["indicator", "breakdown", "group", "p_base", "p_followup", "diff", "diff_ci_low", "diff_ci_high", "p_value", "suppressed"]),
                    limit: 40)
            md += "### Campaign impact: follow-up against baseline\n\n" + markdown(followup, limit: 40)
            let significant = followup.rows.filter { row in
                row[1] == .text("all") && { if case .double(let pv) = row[13] { return pv < 0.05 } else { return false } }()
            }.count
            figures.append(("Indicators changed significantly (p < 0.05)", .int(significant)))
        }
        let chart = SVGChart.intervals(title: "Awareness indicators with 95% intervals", labels: overall.map { $0[0].plainText }, series: series)
        html = html + "<h3>Indicators, overall</h3>" + chart + "<h3>Baseline by district, sex and target group</h3>" + ReportHTML.table(baseline, limit: 60)
        md += "### Baseline\n\n" + markdown(baseline, limit: 60)
        return Section(id: "awareness", title: "Awareness baseline and impact", html: html, markdown: md)
    }

    static func methodologySection(
        _ store: WorkforceStore, _ options: ReportOptions, _ context: GapContext?, _ tables: inout [(name: String, table: ResultTable)]
    ) throws -> Section {
        let lines = [
            "Respondents: only those who consented (and, in the awareness survey, said they are 18 or older) are counted; a row with a \"no\" at a gate is kept in the data with its gate answers only.",
            "Employer weights: \(options.frame == nil ? "none (every employer weighs 1): the gap figures describe the responding employers only" : "w = N_s / n_s for the employer's stratum (sector x size band) of the sampling frame \(options.frame?.lastPathComponent ?? "")").",
            "Horizon: \(options.horizon.words); supply years 0.5, 1 and 2 for short, medium and long term.",
            "employed, vacancies, hard_to_fill and new positions are weighted sums of the employers' answers; an answer not given contributes nothing (no imputation); an employer expecting no new positions in a role counts 0, one that does not know counts nothing. demand = vacancies + positions expected within the horizon.",
            "coverage(p, r) = |K_p ∩ K_r| / |K_r| over the role's current K, S and A; an offering prepares for the roles with coverage >= θ = \(Cell.double(options.theta).plainText); share_p(r) = coverage(p, r) / Σ coverage(p, r') over those roles, so each completion is counted once; supply = Σ completions x years x share; gap = demand - supply; a programme teaches the union of its courses' KSAs and counts its completions once.",
            "KSA demand = Σ demand of the roles needing the KSA; KSA supply = Σ completions x years of the offerings teaching it.",
            planMethodology(options),
            "Awareness: p = Σ w·y / Σ w over valid answers; n_eff = (Σ w)² / Σ w²; 95% Wilson interval on n_eff; follow-up against baseline: difference with Newcombe's hybrid score interval and the two-sided two-proportion z-test on the effective sizes. Weights: \(options.margins == nil ? "none (every respondent weighs 1)" : "raking to the population margins \(options.margins?.lastPathComponent ?? "") (iterative proportional fitting to 1e-6, at most 100 iterations; respondents who did not say keep their weight for that variable)").",
            "Suppression: employer rows resting on fewer than 5 responding employers, and awareness cells with fewer than 10 respondents, are withheld in every table, chart, CSV, JSON file and the explorer.",
        ]
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
