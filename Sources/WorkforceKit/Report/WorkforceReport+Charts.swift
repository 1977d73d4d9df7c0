import Foundation

/// The report's charts, drawn from the typed figures: each with its axis title and unit, its
/// base as the caption, a 95% interval on every estimate, grade E estimates drawn pale and
/// withheld figures written as withheld where their bar would be.
extension WorkforceReport {
    /// "Base: 138 responding employers, weighted to the sampling frame (frame.csv)."
    static func employerBase(_ e: EmployerEstimates, _ language: ReaderLanguage) -> String {
        let phrase = Words.bundled.phrasebook(language)
        let employers = counted(phrase, "report.chart.employers", e.employers.count)
        guard e.design.hasSamplingError else { return phrase("report.chart.base_unweighted", ["employers": employers]) }
        guard let frame = e.inputs.weighting.frame else { return phrase("report.chart.base_weighted", ["employers": employers]) }
        return phrase("report.chart.base_weighted_file", ["employers": employers, "file": frame.source.file])
    }

    /// What pale bars mean, with the grades' bounds from ``QualityGrade``.
    static func paleBars(_ language: ReaderLanguage) -> String {
        let caution = QualityGrade.bounds.first { $0.0 == .e }?.1 ?? 0.333
        let below = QualityGrade.bounds.first { $0.0 == .d }?.1 ?? 0.25
        return Words.bundled.text("report.chart.pale_bars", language, [
            "low": Figure.fixed(100 * below, 0), "high": Figure.fixed(100 * caution, 1), "minimum": String(QualityGrade.minimumUnits),
        ])
    }

    /// A grade as a chart's label writes it: "grade E: use with caution", "no cases".
    static func gradeWords(_ grade: QualityGrade, _ language: ReaderLanguage) -> String {
        if language == .en { return grade == .noCases ? grade.words : "grade \(grade.label)" }
        return grade == .noCases ? grade.palabras : "grado \(grade.rawValue): \(grade.palabras)"
    }

    /// Openings (with their intervals) and completers for the 10 published roles with the largest
    /// gap; the surveyed roles whose figures are withheld are named under the chart.
    static func roleChart(_ e: EmployerEstimates, _ request: GapRequest, _ language: ReaderLanguage) -> String {
        let phrase = Words.bundled.phrasebook(language)
        let horizon = phrase("report.horizon.\(request.horizon.rawValue)")
        let top = Array(e.publishedRoles.prefix(10))
        let withheld = e.roles.filter { $0.status == .suppressed }.map(\.role.name).sorted()
        let poor = e.roles.filter(\.status.isQualityWithheld).map { "\($0.role.name) (\($0.figures.withheldReason($0.status, language) ?? $0.status.rawValue))" }.sorted()
        func grade(_ r: RoleEstimate) -> String { r.quality.map { " (\(gradeWords($0, language)))" } ?? "" }
        let svg = SVGChart.bars(
            title: phrase("report.chart.roles_title", ["horizon": horizon]), labels: top.map { "\($0.role.name)\(grade($0))" },
            series: [
                SVGChart.Series(
                    name: phrase("report.chart.openings"), values: top.map { $0.figures.demand.value }, color: "#0b4f6c",
                    low: top.map { $0.figures.demand.ciLow }, high: top.map { $0.figures.demand.ciHigh }),
                SVGChart.Series(name: phrase("report.chart.completers"), values: top.map(\.supply), color: "#f4a259"),
            ],
            axis: phrase("report.chart.people_within", ["horizon": horizon]), faint: top.map { $0.quality == .e }, value: { Figure.count($0, language.rawValue) })
        var caption = employerBase(e, language) + " " + paleBars(language)
        if e.publishedRoles.count > top.count {
            caption += " " + phrase("report.chart.roles_more", ["shown": String(top.count), "all": String(e.publishedRoles.count)])
        }
        if !withheld.isEmpty { caption += " " + phrase("report.chart.roles_withheld", ["list": withheld.joined(separator: "; ")]) }
        if !poor.isEmpty { caption += " " + phrase("report.chart.roles_unreliable", ["list": poor.joined(separator: "; ")]) }
        return SVGChart.figure(svg, base: caption)
    }

    /// The 10 largest KSA gaps: openings needing the KSA minus completers taught it, with the
    /// interval of the openings (the completers are a census).
    static func ksaChart(_ ksas: [GapAnalysis.KSAGap], _ context: GapContext, _ request: GapRequest, _ language: ReaderLanguage) -> String {
        let phrase = Words.bundled.phrasebook(language)
        let svg = SVGChart.bars(
            title: phrase("report.chart.ksas_title"),
            labels: ksas.map { "\($0.id) \(context.texts[$0.id]?.text ?? "")" },
            series: [
                SVGChart.Series(
                    name: phrase("report.chart.ksa_gap"), values: ksas.map(\.gap), color: "#c0392b",
                    low: ksas.map { k in k.demand.ciLow.map { $0 - k.supply } }, high: ksas.map { k in k.demand.ciHigh.map { $0 - k.supply } })
            ],
            axis: phrase("report.chart.people_within", ["horizon": phrase("report.horizon.\(request.horizon.rawValue)")]),
            faint: ksas.map { QualityGrade($0.demand, units: $0.respondents) == .e }, value: { Figure.count($0, language.rawValue) })
        return SVGChart.figure(svg, base: employerBase(context.estimates, language) + " " + phrase("report.chart.ksas_base") + " " + paleBars(language))
    }

    /// The awareness indicators of one direction, by wave, on a percentage axis.
    struct AwarenessChartGroup {
        var title: String
        var reading: String
        var member: @Sendable (String) -> Bool
    }

    /// Knowledge and good practice (higher is better, in two charts so that each fits a printed
    /// page), victimisation (higher is worse), trust,
    /// and campaign reach: by the item bank's naming of its indicators (`victim_`, `trusts_`,
    /// `campaign_`, and the campaign figures).
    static let awarenessChartGroups: [AwarenessChartGroup] = [
        AwarenessChartGroup(title: "knowledge", reading: "higher_better") { $0.hasPrefix("knows_") || $0 == AwarenessData.knowledgeIndicator },
        AwarenessChartGroup(title: "practice", reading: "higher_better") { name in
            !["knows_", "victim_", "trusts_", "campaign_"].contains { name.hasPrefix($0) } && name != AwarenessData.knowledgeIndicator
                && !campaignIndicators.contains(name)
        },
        AwarenessChartGroup(title: "victimisation", reading: "higher_worse") { $0.hasPrefix("victim_") },
        AwarenessChartGroup(title: "trust", reading: "higher_trust") { $0.hasPrefix("trusts_") },
        AwarenessChartGroup(title: "reach", reading: "seen_heard") { $0.hasPrefix("campaign_") },
    ]

    static let campaignIndicators: Set<String> = [AwarenessData.recognises, AwarenessData.claimsDecoy, AwarenessData.netRecognition, "acted_on_campaign"]

    /// One chart per direction: each indicator's overall figure per wave with its 95% interval,
    /// a withheld figure written as withheld with its reason.
    ///
    /// - Parameters:
    ///   - waves: per wave, its name, colour and overall figures by indicator.
    ///   - order: the indicators, in the order charted.
    ///   - significant: the indicators whose change since the first wave has q < 0.05: the last
    ///     wave's figure is marked with an asterisk.
    ///   - base: the caption ("Base: 1947 respondents (baseline), ...").
    static func awarenessCharts(
        order: [AwarenessEstimate], waves: [(name: String, color: String, figures: [String: AwarenessEstimate])], significant: Set<String>,
        base: String, language: ReaderLanguage = .en, label: (AwarenessEstimate) -> String
    ) -> String {
        let phrase = Words.bundled.phrasebook(language)
        var out = ""
        for group in awarenessChartGroups {
            let rows = order.filter { group.member($0.indicator) }
            guard !rows.isEmpty else { continue }
            let title = phrase("report.chart.awareness.\(group.title)"), reading = phrase("report.chart.awareness.\(group.reading)")
            let unpublished = phrase("report.chart.awareness.not_published")
            let marks: [String?] = rows.map { row in
                let figures = waves.compactMap { $0.figures[row.indicator] }
                guard !figures.isEmpty, figures.allSatisfy({ !$0.isPublished }) else { return nil }
                return phrase("report.chart.awareness.withheld_mark", ["reason": figures.first?.reasonPhrase?.text(language) ?? unpublished])
            }
            let svg = SVGChart.intervals(
                title: phrase("report.chart.awareness.title", ["title": title, "reading": reading]), labels: rows.map(label),
                series: waves.enumerated().map { w, wave in
                    SVGChart.Dots(
                        name: wave.name, color: wave.color, points: rows.map { wave.figures[$0.indicator].flatMap(point) },
                        notes: rows.map {
                            wave.figures[$0.indicator].map { $0.isPublished ? nil : phrase("report.chart.awareness.withheld", ["reason": $0.reasonPhrase?.text(language) ?? unpublished]) }
                                ?? phrase("report.chart.awareness.not_asked")
                        },
                        marks: rows.map { w > 0 && w == waves.count - 1 && significant.contains($0.indicator) ? " *" : "" })
                },
                axis: phrase("report.chart.awareness.axis"), marks: marks)
            out += "<h4>\(Markup.escape(title)) (\(Markup.escape(reading)))</h4>" + SVGChart.figure(svg, base: base)
        }
        return out
    }
}
