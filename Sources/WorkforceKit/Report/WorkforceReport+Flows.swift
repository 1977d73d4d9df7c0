/// The report's national flow figures (issue 27): the headline in people a year, the stock of
/// vacant jobs now, the scenario table and each role's allocation, rendered from ``WorkforceFlows``.
extension WorkforceReport {
    /// The methodology appendix's formulas of the flow model.
    static let flowMethodology =
        "The national flow, people a year (the headline; from the employer-level questions, weighted and imputed like every employer figure, covering every surveyed role, withheld ones included): `expansion = Σ w new_jobs_12m`; `exits = Σ w (left_abroad + left_cyber_work) x leavers / known`, with `leavers = Σ w leavers_people_12m` and `known = Σ w (left_to_employer_bz + left_abroad + left_cyber_work)` (leavers of unknown destination split as the known ones; exits = 0 when known = 0); `churn = Σ w left_to_employer_bz x leavers / known` is reported, never demand; `demand_flow = expansion + exits`; `from_x = Σ w hired_from_x x hires / known_hires` for education, abroad and other work (`known_hires` the four named sources; hires from another employer in Belize are churn); `entry_rate_realised = from_education / completions` (the catalog's annual completions); `entrants_projected = completions_next x min(1, entry rate) + from_abroad + from_other_work`; `shortfall = demand_flow - entrants_projected`. Vacant and hard-to-fill jobs are a stock of jobs now, never added to a flow. Standard errors linearise each function of the weighted totals (the delta method), as R's `svycontrast` of `svytotal`s does; the catalog is a census. A role's share is its share of weighted role mentions of vacancies, new positions within a year and leavers: `role_demand_flow = demand_flow x share`, `role_entrants = supply(r) x entry rate + (from_abroad + from_other_work) x share`, `role_shortfall = role_demand_flow - role_entrants`."

    /// The main points' flow figures; `nil` when the form did not ask the flow questions.
    static func flowPoints(_ e: EmployerEstimates) -> MainPoints.Flows? {
        guard let f = e.flows else { return nil }
        let rows = ShortfallScenarios.rows(e)
        var largest: (low: ShortfallScenarios.Row, high: ShortfallScenarios.Row)?
        if let first = rows.first, let low = rows.first(where: { $0.assumption == first.assumption && $0.side == "low" }),
            let high = rows.first(where: { $0.assumption == first.assumption && $0.side == "high" })
        {
            largest = (low, high)
        }
        let roles = f.roles.filter { $0.status == .published && $0.shortfall.value > 0 }.sorted { ($0.shortfall.value, $1.role.id) > ($1.shortfall.value, $0.role.id) }
        return MainPoints.Flows(
            shortfall: f.shortfall, vacantJobs: f.vacantJobs, hardToFillJobs: f.hardToFillJobs, largest: largest,
            roles: roles.map { MainPoints.Role(name: $0.role.name, gap: $0.shortfall) }, people: f.people, roleHoldings: f.roleHoldings,
            holdingsPerPerson: f.holdingsPerPerson)
    }

    /// The summary's figures, each in its unit, none added to another.
    static func flowFigures(_ f: WorkforceFlows, _ figures: inout [(label: String, figure: ReportFigure)]) {
        figures.append(("Shortfall: people a year needed in cybersecurity work beyond those who enter it (a projection)", .count(f.shortfall, .peopleAYear, grade: nil)))
        figures.append(("Cybersecurity jobs vacant now (jobs)", .count(f.vacantJobs, .jobs, grade: QualityGrade(f.vacantJobs))))
        figures.append(("Of them hard to fill (jobs)", .count(f.hardToFillJobs, .jobs, grade: QualityGrade(f.hardToFillJobs))))
        figures.append(("People needed a year: new jobs and exits from cybersecurity work in Belize", .count(f.demandFlow, .peopleAYear, grade: QualityGrade(f.demandFlow))))
        figures.append(("People entering a year at the current rates (projected)", .count(f.entrantsProjected, .peopleAYear, grade: QualityGrade(f.entrantsProjected))))
        if let rate = f.entryRateRealised { figures.append(("Realised entry rate: hires straight from education per completer", ReportFigure(rate.value, unit: .ratio, style: .ratio))) }
        if let people = f.people { figures.append(("Different people doing cybersecurity work", .count(people, .people, grade: QualityGrade(people)))) }
        figures.append(("Role-holdings (a person with two roles counts in each)", .count(f.roleHoldings, .roleHoldings, grade: QualityGrade(f.roleHoldings))))
        if let ratio = f.holdingsPerPerson {
            figures.append(("Role-holdings per person", .ratio(ratio)))
        }
    }

    /// The gaps section's national flow: two plain sentences, the accounting table, the scenario
    /// table and each role's allocation (HTML and Markdown).
    static func flowsPart(_ f: WorkforceFlows, _ e: EmployerEstimates) -> (html: String, markdown: String) {
        let lead = [
            "People who move to another employer in Belize are churn: they leave one job and take another in the country, so only those who leave Belize or leave cybersecurity work are exits the country must replace (\(Figure.count(f.exits.value)) of \(Figure.count(f.leavers.value)) leavers a year; \(Figure.count(f.churn.value)) moved within Belize).",
            f.entryRateRealised.map { rate in
                "The realised entry rate is the number hired straight from education in Belize over the catalog's completions: \(Figure.fixed(rate.value, 2)) hires per completer last year\(rate.value > 1 ? " (above 1: some hires came from courses the catalog lacks; the projection caps it at 1)" : ""); the projection applies it to the catalog's completions and adds the people who arrive from abroad or from other work."
            } ?? "No realised entry rate: the catalog has no completions, or no hire's source is known.",
        ]
        var table = ResultTable(columns: ["Figure", "Unit", "Estimate (95% CI)"])
        let rows: [(String, String, Estimate?)] = [
            ("New jobs expected (expansion)", "people a year", f.expansion), ("Exits from cybersecurity work in Belize", "people a year", f.exits),
            ("Moves to another employer in Belize (churn, not demand)", "people a year", f.churn), ("Annual demand: expansion + exits", "people a year", f.demandFlow),
            ("Hired straight from education", "people a year", f.fromEducation), ("Hired from abroad", "people a year", f.fromAbroad),
            ("Hired from other work", "people a year", f.fromOtherWork), ("Entrants projected", "people a year", f.entrantsProjected),
            ("Shortfall: demand - entrants projected", "people a year", f.shortfall), ("Jobs vacant now", "jobs", f.vacantJobs),
            ("Of them hard to fill", "jobs", f.hardToFillJobs),
        ]
        // Counts follow the quality grades (F withheld, E with its caution); the shortfall is a
        // difference, judged by its interval.
        for (label, unit, estimate) in rows {
            let text = estimate.map { label.hasPrefix("Shortfall") ? Figure.count($0) : shown($0, grade: QualityGrade($0)) } ?? ""
            table.append([.text(label), .text(unit), .text(text)])
        }
        var scenarios = ResultTable(columns: ["Assumption", "Low", "High", "Shortfall, low", "Shortfall, high", "Change"])
        let scenarioRows = ShortfallScenarios.rows(e)
        var seen: Set<String> = []
        for r in scenarioRows where !seen.contains(r.assumption) {
            seen.insert(r.assumption)
            guard let low = scenarioRows.first(where: { $0.assumption == r.assumption && $0.side == "low" }),
                let high = scenarioRows.first(where: { $0.assumption == r.assumption && $0.side == "high" })
            else { continue }
            let words = MainPoints.assumptionWords(r.assumption)
            scenarios.append([
                .text(MainPoints.capitalised(words.what)), .text(words.low), .text(words.high), .text(Figure.count(low.shortfall)), .text(Figure.count(high.shortfall)),
                .text("\(Figure.count(low.change)) to \(Figure.count(high.change))"),
            ])
        }
        var roles = ResultTable(columns: ["Work role", "Share of demand", "Needed a year", "Entering a year", "Shortfall a year (95% CI)", "Jobs vacant now"])
        for r in f.roles.filter({ $0.status == .published }).sorted(by: { ($0.shortfall.value, $1.role.id) > ($1.shortfall.value, $0.role.id) }) {
            roles.append([
                .text("\(r.role.name) (\(r.role.id))"), .text(Figure.percent(r.share.value)), .text(Figure.count(r.demandFlow.value)), .text(Figure.count(r.entrants.value)),
                .text(Figure.count(r.shortfall)), .text(Figure.count(r.vacantJobs.value)),
            ])
        }
        let roleNote = "An allocation of the national flow in people a year, by each role's share of weighted role mentions of vacancies, new positions and leavers; withheld roles count in the national figures but are not shown."
        let scenarioNote = "The shortfall is a modelled projection: each assumption moved alone, the one that moves it most first."
        let html = "<h3>The national flow: people a year</h3>" + lead.map { ReportHTML.paragraph($0) }.joined() + ReportHTML.table(table)
            + "<h3>What the shortfall rests on</h3>" + ReportHTML.paragraph(scenarioNote, class: "note") + ReportHTML.table(scenarios)
            + "<h3>The shortfall by work role</h3>" + ReportHTML.paragraph(roleNote, class: "note") + ReportHTML.table(roles)
        let md = "### The national flow: people a year\n\n" + lead.map { $0 + "\n\n" }.joined() + markdown(table)
            + "### What the shortfall rests on\n\n_\(scenarioNote)_\n\n" + markdown(scenarios)
            + "### The shortfall by work role\n\n_\(roleNote)_\n\n" + markdown(roles)
        return (html, md)
    }
}
