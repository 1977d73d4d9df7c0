/// The report's national flow figures (issue 27): the headline in people a year, the stock of
/// vacant jobs now, the scenario table and each role's allocation, rendered from ``WorkforceFlows``.
extension WorkforceReport {
    /// The methodology appendix's formulas of the flow model.
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
    static func flowFigures(_ f: WorkforceFlows, _ figures: inout [(label: Phrase, figure: ReportFigure)]) {
        figures.append((.phrase("report.label.shortfall"), .count(f.shortfall, .peopleAYear, grade: nil)))
        figures.append((.phrase("report.label.vacant"), .count(f.vacantJobs, .jobs, grade: QualityGrade(f.vacantJobs))))
        figures.append((.phrase("report.label.hard"), .count(f.hardToFillJobs, .jobs, grade: QualityGrade(f.hardToFillJobs))))
        figures.append((.phrase("report.label.demand_flow"), .count(f.demandFlow, .peopleAYear, grade: QualityGrade(f.demandFlow))))
        figures.append((.phrase("report.label.entrants"), .count(f.entrantsProjected, .peopleAYear, grade: QualityGrade(f.entrantsProjected))))
        if let rate = f.entryRateRealised { figures.append((.phrase("report.label.entry_rate"), ReportFigure(rate.value, unit: .ratio, style: .ratio))) }
        if let people = f.people { figures.append((.phrase("report.label.people"), .count(people, .people, grade: QualityGrade(people)))) }
        figures.append((.phrase("report.label.holdings"), .count(f.roleHoldings, .roleHoldings, grade: QualityGrade(f.roleHoldings))))
        if let ratio = f.holdingsPerPerson {
            figures.append((.phrase("report.label.per_person"), .ratio(ratio)))
        }
    }

    /// The gaps section's national flow: two plain sentences, the accounting table, the scenario
    /// table and each role's allocation, in the report's language.
    static func flowsPart(_ f: WorkforceFlows, _ e: EmployerEstimates, _ language: ReaderLanguage) -> [ReportBlock] {
        let phrase = Words.bundled.phrasebook(language)
        let count = { (v: Double) in Figure.count(v, language.rawValue) }
        let lead = [
            phrase("report.flows.churn", ["exits": count(f.exits.value), "leavers": count(f.leavers.value), "churn": count(f.churn.value)]),
            f.entryRateRealised.map { rate in
                phrase("report.flows.entry_rate", [
                    "rate": Figure.fixed(rate.value, 2), "above": rate.value > 1 ? phrase("report.flows.entry_rate_above") : "",
                ])
            } ?? phrase("report.flows.no_entry_rate"),
        ]
        var table = ResultTable(columns: ["figure", "unit", "estimate"].map { phrase("report.flows.column.\($0)") })
        let rows: [(String, FigureUnit, Estimate?)] = [
            ("expansion", .peopleAYear, f.expansion), ("exits", .peopleAYear, f.exits), ("churn", .peopleAYear, f.churn),
            ("demand", .peopleAYear, f.demandFlow), ("from_education", .peopleAYear, f.fromEducation), ("from_abroad", .peopleAYear, f.fromAbroad),
            ("from_other_work", .peopleAYear, f.fromOtherWork), ("entrants", .peopleAYear, f.entrantsProjected), ("shortfall", .peopleAYear, f.shortfall),
            ("vacant", .jobs, f.vacantJobs), ("hard_to_fill", .jobs, f.hardToFillJobs),
        ]
        // Counts follow the quality grades (F withheld, E with its caution); the shortfall is a
        // difference, judged by its interval.
        for (key, unit, estimate) in rows {
            let text = estimate.map { ReportFigure.count($0, unit, grade: key == "shortfall" ? nil : QualityGrade($0)).shown(language) } ?? ""
            table.append([.text(phrase("report.flows.row.\(key)")), .text(phrase("report.flows.unit.\(unit == .jobs ? "jobs" : "people_a_year")")), .text(text)])
        }
        var scenarios = ResultTable(columns: ["assumption", "low", "high", "shortfall_low", "shortfall_high", "change"].map { phrase("report.flows.scenario.column.\($0)") })
        let scenarioRows = ShortfallScenarios.rows(e)
        var seen: Set<String> = []
        for r in scenarioRows where !seen.contains(r.assumption) {
            seen.insert(r.assumption)
            guard let low = scenarioRows.first(where: { $0.assumption == r.assumption && $0.side == "low" }),
                let high = scenarioRows.first(where: { $0.assumption == r.assumption && $0.side == "high" })
            else { continue }
            let name = ["unknown_destinations", "unknown_sources", "new_jobs_realised"].contains(r.assumption) ? r.assumption : "entry_rate"
            scenarios.append([
                .text(phrase("report.flows.assumption.\(name).what")), .text(phrase("report.flows.assumption.\(name).low")),
                .text(phrase("report.flows.assumption.\(name).high")), .text(count(low.shortfall)), .text(count(high.shortfall)),
                .text(phrase("report.flows.scenario.change", ["low": count(low.change), "high": count(high.change)])),
            ])
        }
        var roles = ResultTable(columns: ["role", "share", "needed", "entering", "shortfall", "vacant"].map { phrase("report.flows.role.column.\($0)") })
        for r in f.roles.filter({ $0.status == .published }).sorted(by: { ($0.shortfall.value, $1.role.id) > ($1.shortfall.value, $0.role.id) }) {
            roles.append([
                .text("\(r.role.name) (\(r.role.id))"), .text(Figure.percent(r.share.value, language.rawValue)), .text(count(r.demandFlow.value)),
                .text(count(r.entrants.value)), .text(ReportFigure.count(r.shortfall, .peopleAYear, grade: nil).shown(language)), .text(count(r.vacantJobs.value)),
            ])
        }
        return [.heading(level: 3, text: phrase("report.flows.heading"))] + lead.map { .paragraph([.text($0)]) } + [
            .table(table),
            .heading(level: 3, text: phrase("report.flows.scenarios")), .paragraph([.text(phrase("report.flows.scenarios_note"))], style: .note), .table(scenarios),
            .heading(level: 3, text: phrase("report.flows.by_role")), .paragraph([.text(phrase("report.flows.by_role_note"))], style: .note), .table(roles),
        ]
    }
}
