import Foundation

/// The report's awareness section: the baseline, the change since the baseline, the follow-up
/// campaign figures and groups against the rest, each figure with its design effect and
/// reliability mark.
extension WorkforceReport {
    static let awarenessTitle = "Awareness baseline and change since the baseline"

    static func awarenessSection(
        _ data: ReportData, _ tables: inout [(name: String, table: ResultTable)], _ figures: inout [(label: String, figure: ReportFigure)],
        _ points: inout MainPoints
    ) -> Section {
        let design = data.awarenessDesign
        guard let loaded = data.awareness else {
            return missing("awareness", awarenessTitle, Words.bundled.text("report.missing.awareness", data.options.language))
        }
        let baseline = loaded.baseline
        let rows = baseline.estimates.first?.rows ?? []
        tables.append(("awareness_baseline", withNotes(AwarenessTables.estimates(rows), baseline.notes)))
        tables.append(("awareness_groups_vs_rest", AwarenessTables.differences(baseline.contrasts, contrast: true)))
        let overall = rows.filter { $0.breakdown == "all" }
        if let score = overall.first(where: { $0.indicator == AwarenessData.knowledgeIndicator }), score.isPublished, let m = score.value {
            figures.append(("Baseline knowledge score (share of items right)", .share(m, score.interval, se: score.se)))
        }
        var awareness = MainPoints.Awareness(baseline: "baseline", knowledge: nil)
        if let score = overall.first(where: { $0.indicator == AwarenessData.knowledgeIndicator }), score.isPublished, let m = score.value {
            awareness.knowledge = MainPoints.Share(m, interval: score.interval)
        }
        defer { points.awareness = awareness }
        // A clustered wave analysed as simple random sampling says so first, in bold.
        var html = baseline.banners.map { ReportHTML.paragraph($0, class: "synthetic") }.joined()
        html += baseline.notes.map { ReportHTML.paragraph($0, class: "note") }.joined()
        var md = baseline.banners.map { "**\(Markup.markdownText($0))**\n\n" }.joined() + baseline.notes.map { "_\(Markup.markdownText($0))_\n\n" }.joined()
        // The change and the campaign figures, drawn after the charts.
        var changes = ""
        var significant: Set<String> = []
        let charted = overall.filter { $0.isProportion || $0.indicator == AwarenessData.knowledgeIndicator }
        var waves: [(name: String, color: String, figures: [String: AwarenessEstimate])] = [("baseline", "#0b4f6c", byIndicator(overall))]
        var counts = baseline.weighting.map { "\($0.respondents) respondents (\($0.wave))" }

        if let followup = loaded.change {
            tables.append(("awareness_comparison", withNotes(AwarenessTables.differences(followup.comparisons), followup.notes)))
            let later = followup.estimates.count > 1 ? followup.estimates[1].rows : []
            waves.append(("followup-1", "#f4a259", byIndicator(later.filter { $0.breakdown == "all" })))
            counts += followup.weighting.dropFirst().map { "\($0.respondents) respondents (\($0.wave))" }
            let compared = followup.comparisons.filter { $0.isPublished }
            let changed = compared.filter { ($0.qValue ?? 1) < 0.05 }.count
            awareness.followup = "followup-1"
            awareness.changes = compared.filter { $0.breakdown == "all" }.compactMap { d in
                d.from.flatMap { from in d.to.map { MainPoints.Change(indicator: d.indicator, from: from, to: $0, interval: d.interval, q: d.qValue) } }
            }
            figures.append(("Indicators changed since the baseline (Benjamini-Hochberg q < 0.05, of \(compared.count) compared)", .whole(changed, .indicators)))
            significant = Set(compared.filter { $0.breakdown == "all" && ($0.qValue ?? 1) < 0.05 }.map(\.indicator))
            changes += "<h3>Change since the baseline: follow-up-1 against the baseline</h3>"
            let reading = "A change between two waves is not by itself the campaign's effect: other things changed too. The test is design-based: on the joint design when the waves visit the same enumeration areas (the covariance of the shared areas counts), else z on sqrt(se1² + se2²); the notes say which; q is the Benjamini-Hochberg q-value across the \(compared.count) published comparisons, and a change is counted when q < 0.05. Figures withheld in either wave are withheld here."
            changes += ReportHTML.paragraph(reading, class: "note") + ReportHTML.table(readerDifferences(followup.comparisons), most: 60, csv: "`tables/awareness_comparison.csv`")
            md += "### Change since the baseline: follow-up-1 against the baseline\n\n_\(reading)_\n\n" + markdown(readerDifferences(followup.comparisons), most: 60, csv: "`tables/awareness_comparison.csv`")
        }
        if let followup = loaded.campaign {
            let (campaignHTML, campaignMD) = campaignFigures(followup.estimates.first?.rows ?? [], &figures)
            if let net = followup.estimates.first?.rows.first(where: { $0.indicator == AwarenessData.netRecognition && $0.breakdown == "all" }), net.isPublished,
                let m = net.value
            {
                awareness.netRecognition = MainPoints.Share(m, interval: net.interval)
            }
            changes += campaignHTML
            md += campaignMD
        }
        // Whether the waves were raked, whatever chose the margins (a file or the stored ones).
        let weighted = baseline.weighting.allSatisfy({ $0.raking != nil })
            ? ", weighted to the census margins\(design.margins.map { " (\($0.source.file))" } ?? "")" : " (unweighted)"
        let marked = significant.isEmpty ? "" : " * changed since the baseline (Benjamini-Hochberg q < 0.05)."
        let chart = awarenessCharts(
            order: charted, waves: waves, significant: significant, base: "Base: \(counts.joined(separator: " and "))\(weighted).\(marked)", label: { Labels.bundled.indicator($0.indicator) })
        let groups = baseline.contrasts.filter { $0.indicator == AwarenessData.knowledgeIndicator }
        let groupNote = "Each target group against everyone outside it (a respondent can be in several groups): the difference of the knowledge score, its interval, the design-based test (the two share units, so their covariance counts) and the q-value within the breakdown. Every indicator is in `tables/awareness_groups_vs_rest.csv`."
        let (needsHTML, needsMD) = needsTable(loaded, &tables)
        html = html + "<h3>Indicators, overall</h3>" + chart + changes + needsHTML
            + "<h3>Target groups against the rest (knowledge score)</h3>" + ReportHTML.paragraph(groupNote, class: "note")
            + ReportHTML.table(readerDifferences(groups, contrast: true))
            + "<h3>Baseline by district, sex and target group</h3>" + ReportHTML.table(readerEstimates(rows), most: 120, csv: "`tables/awareness_baseline.csv`")
        md += needsMD
        md += "### Target groups against the rest (knowledge score)\n\n_\(groupNote)_\n\n" + markdown(readerDifferences(groups, contrast: true))
        md += "### Baseline\n\n" + markdown(readerEstimates(rows), most: 120, csv: "`tables/awareness_baseline.csv`")
        return Section(id: "awareness", title: awarenessTitle, html: html, markdown: md)
    }

    /// Each group's needs and reach (strategy activities 2.1 and 2.3): the indicators it lags
    /// on most, the people behind, the channel that reached it best.
    static func needsTable(_ loaded: ReportData.AwarenessFigures, _ tables: inout [(name: String, table: ResultTable)]) -> (String, String) {
        let (needs, reach, notes) = (loaded.needs, loaded.reach, loaded.needsNotes)
        guard !needs.isEmpty else { return ("", "") }
        tables.append(("awareness_needs", withNotes(AwarenessNeeds.table(needs), notes)))
        tables.append(("awareness_reach", AwarenessTables.estimates(reach)))
        let reading = "For each target group, sex, age band, district and language: the knowledge and behaviour indicators where it is furthest below everyone else (the \(AwarenessNeeds.shown) largest gaps, with their interval and Benjamini-Hochberg q-value: a gap with q of 0.05 or more may be chance), the adults behind (the group's adults x (national share - group share)) and the campaign channel that reached the most of it. Every channel's reach is in `tables/awareness_reach.csv`."
        let shown = AwarenessNeeds.table(needs.filter { $0.breakdown == AwarenessBreakdown.group.rawValue }).selecting([
            "breakdown", "group", "rank", "indicator", "p_group", "diff", "diff_ci_low", "diff_ci_high", "q_value", "people_behind", "best_channel", "best_channel_reach",
        ])
        return (
            "<h3>Each target group's needs and reach</h3>" + ReportHTML.paragraph(reading, class: "note") + ReportHTML.table(shown, csv: "`tables/awareness_needs.csv`"),
            "### Each target group's needs and reach\n\n_\(reading)_\n\n" + markdown(shown, csv: "`tables/awareness_needs.csv`")
        )
    }

    /// Recognition of a real slogan, of the decoy, net recognition and acting on the campaign.
    static func campaignFigures(_ followup: [AwarenessEstimate], _ figures: inout [(label: String, figure: ReportFigure)]) -> (String, String) {
        let names = [AwarenessData.recognises, AwarenessData.claimsDecoy, AwarenessData.netRecognition, "acted_on_campaign"]
        let rows = names.compactMap { name in followup.first { $0.indicator == name && $0.breakdown == "all" } }
        guard !rows.isEmpty else { return ("", "") }
        if let net = rows.first(where: { $0.indicator == AwarenessData.netRecognition }), net.isPublished, let m = net.value {
            figures.append(("Net slogan recognition at follow-up-1 (a real slogan recognised minus the decoy claimed)", .share(m, net.interval, se: net.se)))
        }
        let reading = "Some people say they recognise any slogan put to them. The decoy slogan was never used in a campaign, so claiming it measures that; net recognition is, per respondent, a real slogan recognised (1) minus the decoy claimed (1), averaged: the share recognising a real slogan beyond what false claiming accounts for, with a mean ± 1.96 SE interval by the same design-based variance. Acting on the campaign is asked of those who saw or heard a message."
        let table = readerEstimates(rows)
        return (
            "<h3>Follow-up campaign figures</h3>" + ReportHTML.paragraph(reading, class: "note") + ReportHTML.table(table),
            "### Follow-up campaign figures\n\n_\(reading)_\n\n" + markdown(table)
        )
    }

    /// The methodology appendix's awareness lines.
    static func awarenessMethodology(_ options: ReportOptions, margins: WeightingSource?, design chosen: AwarenessDesign?) -> [String] {
        let chosen = chosen ?? AwarenessDesign(strata: options.strata, cluster: options.cluster, source: .given)
        let design = chosen.isSimpleRandom
            ? "each respondent its own unit in one stratum (simple random sampling; \(chosen.sourceWords))"
            : "\(chosen.strata.isEmpty ? "one stratum" : "strata " + chosen.strata.map(\.rawValue).joined(separator: " x ")), \(chosen.cluster.map { "clusters (primary sampling units) from `\($0)`, nested in strata; a respondent with it blank, or alone in a cluster, is its own unit" } ?? "each respondent its own unit") (the baseline's design, \(chosen.sourceWords))"
        let weights = margins.map {
            "raking to the \($0.words) (iterative proportional fitting to 1e-10, at most 1000 iterations; respondents who did not say keep their weight for that variable)"
        } ?? "none (every respondent weighs 1; \(WeightingSource.noneNote(.margins, choice: options.marginsChoice)))"
        return [
            "Awareness weights: \(weights). Sample design: \(design).",
            "Awareness estimates: p = Σ w·y / Σ w over valid answers (a score: its weighted mean). Standard errors by linearisation: each respondent's influence value is replaced by its residual from the raking margins (the variance of a calibrated estimator, Deville and Särndal 1992), then the with-replacement variance between units within strata, `n_h/(n_h - 1) Σ (Z_k - Z̄_h)²`; a stratum with a single unit is centred on 0, as R's `survey.lonely.psu = \"adjust\"` does (survey 4.1). This is the standard error R's survey package gives with `svydesign(ids, strata, weights = ~1, nest = TRUE)`, `rake()` and `svymean()`/`svyby()`; it is checked against R in CI.",
            "`deff = se² / (p(1-p)/n)`; the effective sample size `n_eff = min(n, p(1-p)/se²)`, which replaces Kish's weighting-only `(Σw)²/Σw²` (n: the domain's respondents with an answer). The 95% interval of a proportion is Korn and Graubard's (1998) as the NCHS Data Presentation Standards for Proportions write it (Parker et al. 2017, Vital and Health Statistics 2(175)): `n_df = n_eff (t_{0.975, n-1} / t_{0.975, df})²` with df the domain's clusters minus its strata, `x = p n_df`, and the Clopper-Pearson bounds `qbeta(0.025, x, n_df - x + 1)` and `qbeta(0.975, x + 1, n_df - x)` (0 and 1 at the ends); on an unraked design this is R's `svyciprop(method = \"beta\")` with the domain's respondents as n. A score's interval is its mean ± 1.96 SE.",
            "Reliability (NCHS 2017, on the Korn-Graubard interval): a proportion is withheld as unreliable when the effective sample size is under 30, the interval is 0.30 or wider, or it is wider than 0.05 and more than 130% of p (a score: an effective sample size under 30 or a relative standard error of 30% or more); under 10 respondents it is suppressed; a proportion of 0% or 100% is shown for review and never stated as a certainty; a published figure resting on fewer than 8 degrees of freedom (units minus strata), or whose complement (1 - p) has an interval more than 130% of it, is flagged for review.",
            "Change since the baseline: `diff = p_followup - p_base`, Newcombe's square-and-add interval from the two waves' Korn-Graubard intervals (a score: `diff ± 1.96 se_diff`), `z = diff / sqrt(se_base² + se_followup²)`, two-sided p, and Benjamini-Hochberg q-values across the overall comparisons (and within each breakdown). Groups against the rest: the same, with the standard error of the difference from the two domains' linearised values in the same units.",
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
    static func readerEstimates(_ rows: [AwarenessEstimate]) -> ResultTable {
        AwarenessTables.estimates(rows).selecting(["indicator", "breakdown", "group", "n", "p", "ci_low", "ci_high", "se", "deff", "n_eff", "status", "reason"])
    }

    static func readerDifferences(_ rows: [AwarenessDifference], contrast: Bool = false) -> ResultTable {
        AwarenessTables.differences(rows, contrast: contrast).selecting([
            "indicator", "breakdown", "group", contrast ? "p_group" : "p_base", contrast ? "p_rest" : "p_followup", "diff", "diff_ci_low", "diff_ci_high",
            "p_value", "q_value", "status", "reason",
        ])
    }
}
