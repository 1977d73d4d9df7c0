import Foundation

/// The report's awareness section: the baseline, the change since the baseline, the follow-up
/// campaign figures and groups against the rest, each figure with its design effect and
/// reliability mark.
extension WorkforceReport {
    static func awarenessSection(
        _ data: ReportData, _ tables: inout [(name: String, table: ResultTable)], _ figures: inout [(label: Phrase, figure: ReportFigure)],
        _ points: inout MainPoints
    ) -> Section {
        let design = data.awarenessDesign
        guard let loaded = data.awareness else {
            return missing("awareness", "", Words.bundled.text("report.missing.awareness", data.options.language))
        }
        let baseline = loaded.baseline
        let rows = baseline.estimates.first?.rows ?? []
        tables.append(("awareness_baseline", withNotes(AwarenessTables.estimates(rows), baseline.notes)))
        tables.append(("awareness_groups_vs_rest", AwarenessTables.differences(baseline.contrasts, contrast: true)))
        let overall = rows.filter { $0.breakdown == "all" }
        if let score = overall.first(where: { $0.indicator == AwarenessData.knowledgeIndicator }), score.isPublished, let m = score.value {
            figures.append((.phrase("report.label.knowledge"), .share(m, score.interval, se: score.se)))
        }
        var awareness = MainPoints.Awareness(baseline: "baseline", knowledge: nil)
        if let score = overall.first(where: { $0.indicator == AwarenessData.knowledgeIndicator }), score.isPublished, let m = score.value {
            awareness.knowledge = MainPoints.Share(m, interval: score.interval)
        }
        defer { points.awareness = awareness }
        let language = data.options.language, phrase = Words.bundled.phrasebook(language)
        // A clustered wave analysed as simple random sampling says so first, in bold.
        var blocks: [ReportBlock] = baseline.banners.map { .paragraph([.text($0.text(phrase))], style: .warning) }
            + baseline.notes(language).map { .paragraph([.text($0)], style: .note) }
        // The change and the campaign figures, drawn after the charts.
        var changes: [ReportBlock] = []
        var significant: Set<String> = []
        let charted = overall.filter { $0.isProportion || $0.indicator == AwarenessData.knowledgeIndicator }
        var waves: [(name: String, color: String, figures: [String: AwarenessEstimate])] = [("baseline", "#0b4f6c", byIndicator(overall))]
        let respondents = { (w: WaveWeighting) in phrase("report.awareness.respondents", ["count": String(w.respondents), "wave": w.wave]) }
        var counts = baseline.weighting.map(respondents)

        if let followup = loaded.change {
            tables.append(("awareness_comparison", withNotes(AwarenessTables.differences(followup.comparisons), followup.notes)))
            let later = followup.estimates.count > 1 ? followup.estimates[1].rows : []
            waves.append(("followup-1", "#f4a259", byIndicator(later.filter { $0.breakdown == "all" })))
            counts += followup.weighting.dropFirst().map(respondents)
            let compared = followup.comparisons.filter { $0.isPublished }
            let changed = compared.filter { ($0.qValue ?? 1) < 0.05 }.count
            awareness.followup = "followup-1"
            awareness.changes = compared.filter { $0.breakdown == "all" }.compactMap { d in
                d.from.flatMap { from in d.to.map { MainPoints.Change(indicator: d.indicator, from: from, to: $0, interval: d.interval, q: d.qValue) } }
            }
            figures.append((.phrase("report.label.changed", ["count": .text(String(compared.count))]), .whole(changed, .indicators)))
            significant = Set(compared.filter { $0.breakdown == "all" && ($0.qValue ?? 1) < 0.05 }.map(\.indicator))
            changes += [
                .heading(level: 3, text: phrase("report.awareness.change_heading")),
                .paragraph([.text(phrase("report.awareness.change_reading", ["count": String(compared.count), "q": "0.05"]))], style: .note),
                .table(readerDifferences(followup.comparisons, language: language), most: 60, csv: "`tables/awareness_comparison.csv`"),
            ]
        }
        if let followup = loaded.campaign {
            let campaign = campaignFigures(followup.estimates.first?.rows ?? [], language, &figures)
            if let net = followup.estimates.first?.rows.first(where: { $0.indicator == AwarenessData.netRecognition && $0.breakdown == "all" }), net.isPublished,
                let m = net.value
            {
                awareness.netRecognition = MainPoints.Share(m, interval: net.interval)
            }
            changes += campaign
        }
        // Whether the waves were raked, whatever chose the margins (a file or the stored ones).
        let weighted = baseline.weighting.allSatisfy({ $0.raking != nil })
            ? phrase("report.awareness.weighted", ["file": design.margins.map { " (\($0.source.file))" } ?? ""]) : phrase("report.awareness.unweighted")
        let marked = significant.isEmpty ? "" : phrase("report.awareness.marked")
        let base = phrase("report.awareness.base", ["counts": counts.joined(separator: phrase("report.awareness.and")), "weighted": weighted, "marked": marked])
        let chart = awarenessCharts(
            order: charted, waves: waves, significant: significant, base: base, language: language, label: { Labels.bundled.indicator($0.indicator, language.rawValue) })
        let groups = baseline.contrasts.filter { $0.indicator == AwarenessData.knowledgeIndicator }
        blocks += [.heading(level: 3, text: phrase("report.awareness.indicators")), .only(.html, [.markup(html: chart, markdown: "")])] + changes
        blocks += needsTable(loaded, language, &tables)
        blocks += [
            .heading(level: 3, text: phrase("report.awareness.groups")),
            .paragraph([.text(phrase("report.awareness.groups_note", ["file": "`tables/awareness_groups_vs_rest.csv`"]))], style: .note),
            .table(readerDifferences(groups, contrast: true, language: language)),
            .heading(level: 3, text: phrase("report.awareness.baseline")), .table(readerEstimates(rows, language), most: 120, csv: "`tables/awareness_baseline.csv`"),
        ]
        return Section(id: "awareness", title: "", blocks: blocks)
    }

    /// Each group's needs and reach (strategy activities 2.1 and 2.3): the indicators it lags
    /// on most, the people behind, the channel that reached it best.
    static func needsTable(_ loaded: ReportData.AwarenessFigures, _ language: ReaderLanguage, _ tables: inout [(name: String, table: ResultTable)]) -> [ReportBlock] {
        let (needs, reach, notes) = (loaded.needs, loaded.reach, loaded.needsNotes)
        guard !needs.isEmpty else { return [] }
        let phrase = Words.bundled.phrasebook(language)
        tables.append(("awareness_needs", withNotes(AwarenessNeeds.table(needs), notes.texts(.en))))
        tables.append(("awareness_reach", AwarenessTables.estimates(reach)))
        let reading = phrase("report.awareness.needs_reading", ["shown": String(AwarenessNeeds.shown), "q": "0.05", "file": "`tables/awareness_reach.csv`"])
        let shown = AwarenessNeeds.table(needs.filter { $0.breakdown == AwarenessBreakdown.group.rawValue }).selecting([
            "breakdown", "group", "rank", "indicator", "p_group", "diff", "diff_ci_low", "diff_ci_high", "q_value", "people_behind", "best_channel", "best_channel_reach",
        ])
        return [
            .heading(level: 3, text: phrase("report.awareness.needs")), .paragraph([.text(reading)], style: .note),
            .table(shown, csv: "`tables/awareness_needs.csv`"),
        ]
    }

    /// Recognition of a real slogan, of the decoy, net recognition and acting on the campaign.
    static func campaignFigures(_ followup: [AwarenessEstimate], _ language: ReaderLanguage, _ figures: inout [(label: Phrase, figure: ReportFigure)]) -> [ReportBlock] {
        let names = [AwarenessData.recognises, AwarenessData.claimsDecoy, AwarenessData.netRecognition, "acted_on_campaign"]
        let rows = names.compactMap { name in followup.first { $0.indicator == name && $0.breakdown == "all" } }
        guard !rows.isEmpty else { return [] }
        if let net = rows.first(where: { $0.indicator == AwarenessData.netRecognition }), net.isPublished, let m = net.value {
            figures.append((.phrase("report.label.net"), .share(m, net.interval, se: net.se)))
        }
        let table = readerEstimates(rows, language)
        let phrase = Words.bundled.phrasebook(language)
        return [
            .heading(level: 3, text: phrase("report.awareness.campaign")), .paragraph([.text(phrase("report.awareness.campaign_reading"))], style: .note), .table(table),
        ]
    }

    /// The methodology appendix's awareness lines, in the report's language.
    static func awarenessMethodology(_ options: ReportOptions, margins: WeightingSource?, design chosen: AwarenessDesign?) -> [String] {
        let language = options.language, phrase = Words.bundled.phrasebook(language)
        let chosen = chosen ?? AwarenessDesign(strata: options.strata, cluster: options.cluster, source: .given)
        let source = chosen.sourcePhrase.text(language)
        let design = chosen.isSimpleRandom
            ? phrase("report.method.awareness.srs", ["source": source])
            : phrase("report.method.awareness.design", [
                "strata": chosen.strata.isEmpty
                    ? phrase("report.method.awareness.one_stratum")
                    : phrase("report.method.awareness.strata", ["strata": chosen.strata.map(\.rawValue).joined(separator: " x ")]),
                "units": chosen.cluster.map { phrase("report.method.awareness.clusters", ["question": "`\($0)`"]) } ?? phrase("report.method.awareness.own_unit"),
                "source": source,
            ])
        let weights = margins.map { phrase("report.method.awareness.raking", ["source": $0.phrase.text(language)]) }
            ?? phrase("report.method.awareness.unweighted", ["why": WeightingSource.nonePhrase(.margins, choice: options.marginsChoice).text(language)])
        return [
            phrase("report.method.awareness.weights", ["weights": weights, "design": design]), phrase("report.method.awareness.estimates"),
            phrase("report.method.awareness.deff", ["n_df": "`n_df = n_eff (t_{0.975, n-1} / t_{0.975, df})²`"]), phrase("report.method.awareness.reliability"),
            phrase("report.method.awareness.change"),
        ]
    }

    static func byIndicator(_ rows: [AwarenessEstimate]) -> [String: AwarenessEstimate] {
        Dictionary(rows.map { ($0.indicator, $0) }, uniquingKeysWith: { a, _ in a })
    }

    static func point(_ e: AwarenessEstimate) -> (p: Double, low: Double, high: Double)? {
        guard e.isPublished, let p = e.value, let ci = e.interval else { return nil }
        return (p, ci.lowerBound, ci.upperBound)
    }

    static func withNotes(_ table: ResultTable, _ notes: [String]) -> ResultTable {
        var table = table
        table.notes = notes
        return table
    }

    /// The figures as readers see them (the table's columns, rendered by ``ResultTable/forReaders(_:labels:)``):
    /// an indicator in words, its estimate with its 95% interval, a withheld figure with its reason.
    static func readerEstimates(_ rows: [AwarenessEstimate], _ language: ReaderLanguage = .en) -> ResultTable {
        AwarenessTables.estimates(rows, language).selecting(["indicator", "breakdown", "group", "n", "p", "ci_low", "ci_high", "se", "deff", "n_eff", "status", "reason"])
    }

    static func readerDifferences(_ rows: [AwarenessDifference], contrast: Bool = false, language: ReaderLanguage = .en) -> ResultTable {
        AwarenessTables.differences(rows, contrast: contrast, language).selecting([
            "indicator", "breakdown", "group", contrast ? "p_group" : "p_base", contrast ? "p_rest" : "p_followup", "diff", "diff_ci_low", "diff_ci_high",
            "p_value", "q_value", "status", "reason",
        ])
    }
}
