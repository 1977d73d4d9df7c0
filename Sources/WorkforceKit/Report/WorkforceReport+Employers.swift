import Foundation

/// The report's employer sections, rendered from ``EmployerEstimates`` (typed values, never read
/// back out of a table): the gaps with their intervals and grades, the catalog and KSA gaps.
extension WorkforceReport {
    /// A withheld figure's reason in words: "withheld: fewer than 5 employers", or the p% rule
    /// and secondary suppression.
    static func withheld(_ status: EstimateStatus, employers: Int, reason: String? = nil, _ language: ReaderLanguage = .en) -> String {
        switch status {
        case .published: ""
        case .suppressed: ResultTable.status("suppressed", reason: "", employers: Double(employers), language.rawValue)
        case .notSurveyed: ResultTable.status("not_surveyed", reason: "", employers: nil, language.rawValue)
        case .unreliable, .dominated: ResultTable.status(status.rawValue, reason: reason ?? "", employers: Double(employers), language.rawValue)
        }
    }

    /// A count with its interval and grade for a reader: "42 (95% CI 0 to 125) [E: use with
    /// caution]"; a grade F figure is not shown, its reason is.
    static func shown(_ e: Estimate, grade: QualityGrade? = nil) -> String {
        ReportFigure.count(e, .people, grade: grade).shown(.en)
    }

    /// A row's figure, typed: graded when published, withheld with its reason otherwise.
    static func figure(_ e: Estimate, _ unit: FigureUnit, _ status: EstimateStatus, _ figures: RowFigures) -> ReportFigure {
        guard status == .published else {
            return ReportFigure(
                e.value, se: e.se, interval: e.ciLow.flatMap { low in e.ciHigh.map { low...$0 } }, unit: unit, grade: figures.quality, status: .withheld,
                reason: .status(status, employers: figures.respondents, reason: figures.withheldPhrase(status)))
        }
        return .count(e, unit, grade: figures.quality)
    }

    static func gapsSection(
        _ data: ReportData, _ context: GapContext, _ tables: inout [(name: String, table: ResultTable)], _ figures: inout [(label: Phrase, figure: ReportFigure)]
    ) -> Section {
        let e = context.estimates, request = data.gapRequest
        for by in [GapBreakdown.role, .total, .area, .category, .sector, .district, .size, .capability] {
            var r = request
            r.by = by
            tables.append(("gaps_by_\(by.rawValue)", GapReport.table(context, r, capability: data.capability)))
        }
        if e.flows != nil { tables.append(("gaps_scenarios", ShortfallScenarios.table(context))) }
        figures.append((.phrase("report.label.employers"), .whole(e.employers.count, .employers)))
        let flows = e.flows
        if let flows {
            flowFigures(flows, &figures)
        } else {
            roleMentionFigures(e, request.horizon, &figures)
        }
        let language = data.options.language, phrase = Words.bundled.phrasebook(language)
        let chart = roleChart(e, request, language)
        var human = ResultTable(columns: ["role", "status", "employed", "openings", "completers", "gap", "quality", "employers", "largest"].map {
            phrase("report.gaps.column.\($0)")
        })
        let count = { (v: Double) in Figure.count(v, language.rawValue) }
        let counted = { (v: Estimate) in ReportFigure.count(v, .roleMentions, grade: nil).shown(language) }
        let order = e.roles.filter { $0.status != .notSurveyed }.sorted { ($0.isPublished ? 0 : 1, -$0.gap.value, $0.role.id) < ($1.isPublished ? 0 : 1, -$1.gap.value, $1.role.id) }
        for g in order {
            let open = g.isPublished
            let grade = g.quality.map { $0 == .noCases ? $0.phrase.text(language) : "\($0.rawValue): \($0.phrase.text(language))" }
            human.append([
                .text("\(g.role.name) (\(g.role.id))"),
                .text(open ? phrase("report.gaps.published") : withheld(g.status, employers: g.figures.respondents, reason: g.figures.withheldReason(g.status, language), language)),
                .text(open ? count(g.figures.employed.value) : ""), .text(open ? counted(g.figures.demand) : ""),
                .text(open ? count(g.supply) : ""), .text(open ? counted(g.gap) : ""),
                .text(open ? grade ?? phrase("report.gaps.no_sampling_error") : ""), .int(g.figures.respondents),
                .text(open ? g.figures.largestShare.map { Figure.percent($0, language.rawValue) } ?? "" : ""),
            ])
        }
        // Which strata were merged is for the reader who checks the weighting: folded, so the
        // section opens on what the figures describe (printing expands it).
        let note = { (p: Phrase) in ReportBlock.paragraph([.text(Labels.bundled.strata(in: p.text(language), language.rawValue))], style: .note) }
        let collapsed = context.phrases.filter { $0.key == "estimation.note.collapsed" }
        var blocks: [ReportBlock] = context.phrases.filter { $0.key != "estimation.note.collapsed" }.map(note)
        if !collapsed.isEmpty {
            blocks.append(.details(summary: phrase("report.gaps.merged", ["count": String(collapsed.count)]), blocks: collapsed.map(note), more: true))
        }
        if let flows { blocks += flowsPart(flows, e, language) }
        blocks += [
            .heading(level: 3, text: phrase("report.gaps.by_role")), .only(.html, [.markup(html: chart, markdown: "")]), .table(human),
            .paragraph([.text(phrase("report.gaps.mentions", ["file": "`tables/gaps_by_role.csv`"]))], style: .note),
        ]
        let capability = data.capability["all"] ?? []
        var capabilityTable = ResultTable(columns: ["tasks", "gap", "all", "employers"].map { phrase("report.capability.column.\($0)") })
        for c in capability {
            let open = c.employers >= Disclosure.minimumEmployers
            func share(_ s: Estimate?) -> String {
                guard open, let s else { return open ? "" : phrase("report.capability.withheld", ["min": String(Disclosure.minimumEmployers)]) }
                let value = Figure.percent(s.value, language.rawValue)
                if s.forReview { return phrase("report.capability.review", ["value": value]) }
                return s.ciLow.map {
                    phrase("report.figure.range", ["value": value, "low": Figure.percent($0, language.rawValue), "high": Figure.percent(s.ciHigh ?? $0, language.rawValue)])
                } ?? value
            }
            let kind = ["basic", "advanced", "incident"].contains(c.kind) ? phrase("report.capability.kind.\(c.kind)") : c.kind
            capabilityTable.append([.text(kind), .text(share(c.share)), .text(share(c.shareAllEmployers)), .int(c.employers)])
        }
        blocks += [
            .heading(level: 3, text: phrase("report.capability.heading")), .only(.html, [.paragraph([.text(phrase("report.capability.lead"))], style: .note)]),
            .table(capabilityTable),
        ]
        return Section(id: "gaps", title: "", blocks: blocks)
    }

    /// The summary's role-mention figures, for a form without the flow questions.
    static func roleMentionFigures(_ e: EmployerEstimates, _ horizon: Horizon, _ figures: inout [(label: Phrase, figure: ReportFigure)]) {
        figures.append((.phrase("report.label.shortage", ["horizon": .phrase(horizon.phrase)]), .count(e.shortage, .roleMentions, grade: QualityGrade(e.shortage))))
        figures.append((.phrase("report.label.surplus"), .count(e.surplus, .roleMentions, grade: QualityGrade(e.surplus))))
        figures.append((.phrase("report.label.openings", ["horizon": .phrase(horizon.phrase)]), figure(e.national.figures.demand, .roleMentions, e.national.status, e.national.figures)))
        figures.append((.phrase("report.label.completers"), ReportFigure(e.national.supply, unit: .people)))
        figures.append((.phrase("report.label.employed"), .count(e.national.figures.employed, .roleHoldings, grade: QualityGrade(e.national.figures.employed, units: e.national.figures.respondents))))
        if let people = e.people { figures.append((.phrase("report.label.people"), .count(people, .people, grade: QualityGrade(people, units: e.employers.count)))) }
    }

    static func catalogSection(
        _ data: ReportData, _ tables: inout [(name: String, table: ResultTable)], _ figures: inout [(label: Phrase, figure: ReportFigure)], _ points: inout MainPoints
    ) -> Section {
        let offerings = data.offerings, roles = data.roles, context = data.context, request = data.gapRequest
        let language = data.options.language, phrase = Words.bundled.phrasebook(language)
        guard !offerings.isEmpty else {
            return missing("catalog", "", phrase("report.missing.catalog"))
        }
        let catalog = CourseAnalysis.catalogTable(offerings, roles: roles, theta: request.theta)
        tables.append(("catalog", catalog))
        figures.append((.phrase("report.label.offerings"), .whole(offerings.count, .offerings)))
        figures.append((.phrase("report.label.institutions"), .whole(Set(offerings.map(\.institution)).count, .institutions)))
        var blocks: [ReportBlock] = [
            .only(.html, [.table(catalog.selecting(["institution", "code", "title", "level", "ksas", "annual_completions", "prepares_for"]))]),
            .only(.markdown, [.table(catalog)]),
        ]
        if let context {
            var byKSA = request
            byKSA.by = .ksa
            tables.append(("gaps_by_ksa", GapReport.table(context, byKSA, ksaGaps: data.ksaGaps)))
            // Readers see no grade F figure: a KSA row resting on too few employers or too imprecise is left out.
            let ksas = data.publishedKSAGaps
            var human = ResultTable(columns: ["ksa", "text", "openings", "completers", "offerings"].map { phrase("report.catalog.column.\($0)") })
            for k in ksas.prefix(25) {
                human.append([
                    .text(k.id), .text(context.texts[k.id]?.text ?? ""), .text(ReportFigure.count(k.demand, .roleMentions, grade: nil).shown(language)), .text(Figure.count(k.supply, language.rawValue)),
                    .text(k.taught == 0 ? phrase("report.catalog.taught_nowhere") : String(k.taught)),
                ])
            }
            blocks += [
                .heading(level: 3, text: phrase("report.catalog.largest")),
                .only(.html, [.markup(html: ksaChart(Array(ksas.prefix(10)), context, request, language), markdown: "")]), .table(human),
            ]
            figures.append((.phrase("report.label.untaught"), .whole(ksas.filter { $0.taught == 0 }.count, .ksas)))
            points.employers?.neededKSAs = ksas.count
            points.employers?.untaughtKSAs = ksas.filter { $0.taught == 0 }.count
        }
        return Section(id: "catalog", title: "", blocks: blocks)
    }
}

extension WorkforceReport {
    /// The change between the first and the last employer wave, per published role: typed
    /// blocks, words from `report.csv`.
    static func trendSection(
        _ trend: ReportData.EmployerTrend, _ request: GapRequest, _ language: ReaderLanguage, _ tables: inout [(name: String, table: ResultTable)]
    ) -> Section {
        let (first, last, one, two) = (trend.first, trend.last, trend.from, trend.to)
        let phrase = Words.bundled.phrasebook(language)
        tables.append(("gaps_trend", GapComparison.table(one, two, notes: ["Change from employer wave \(first) to \(last)."])))
        var human = ResultTable(columns: [
            phrase("report.trend.column_role"), phrase("report.trend.column_openings", ["wave": first]), phrase("report.trend.column_openings", ["wave": last]),
            phrase("report.trend.column_change"), phrase("report.trend.column_p"), phrase("report.trend.column_employed"),
        ])
        let later = Dictionary(uniqueKeysWithValues: two.roles.map { ($0.role.id, $0) })
        // Linked organisations (the same invitation code in both waves): one stacked design.
        let design = GapComparison.design(one, two)
        let changes = GapComparison.changes(one, two, design)
        var significant = 0
        let count = { (v: Double) in Figure.count(v, language.rawValue) }
        let signed = { (v: Double) in (v.rounded() > 0 ? "+" : "") + count(v) }
        for r in one.roles where r.isPublished {
            guard let s = later[r.role.id], s.isPublished, let c = changes[r.role.id], c.count == 3 else { continue }
            let (e, d) = (c[0], c[2])
            if let p = d.p, p < significance { significant += 1 }
            let change = d.se.map {
                phrase("report.figure.range", ["value": signed(d.diff), "low": count(d.diff - Estimate.z95 * $0), "high": count(d.diff + Estimate.z95 * $0)])
            } ?? signed(d.diff)
            human.append([
                .text("\(r.role.name) (\(r.role.id))"), .text(ReportFigure.count(r.figures.demand, .roleMentions, grade: nil).shown(language)),
                .text(ReportFigure.count(s.figures.demand, .roleMentions, grade: nil).shown(language)), .text(change), .text(d.p.map(Figure.pValue) ?? "-"),
                .text(signed(e.diff)),
            ])
        }
        let lead = phrase("report.trend.lead", [
            "horizon": phrase("report.horizon.\(request.horizon.rawValue)"), "first": first, "last": last,
            "roles": counted(phrase, "report.roles", significant), "p": Figure.fixed(significance, 2),
            "design": design.linked > 0
                ? phrase("report.trend.linked", ["count": Figure.count(Double(design.linked), language.rawValue)]) : phrase("report.trend.independent"),
        ])
        return Section(id: "trend", title: phrase("report.section.trend"), blocks: [.paragraph([.text(lead)], style: .note), .table(human)])
    }

    /// The two-sided p-value under which a change between employer waves counts as significant.
    static let significance = 0.05
}
