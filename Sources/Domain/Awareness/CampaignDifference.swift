import Foundation

/// A difference-in-differences of one indicator between two waves: the change in the districts
/// that ran a campaign between the waves minus the change in the other districts, on the joint
/// design when the waves share enumeration areas (`awareness --compare BASE FOLLOWUP --campaigns`).
package struct CampaignDifference: Sendable {
    package var indicator: String
    /// The four figures: campaign districts and the others, at the baseline and the follow-up.
    package var figures: [AwarenessEstimate]
    /// `(campaign follow-up − campaign baseline) − (other follow-up − other baseline)`.
    package var difference: Double?
    package var se: Double?
    package var interval: ClosedRange<Double>?
    package var pValue: Double?
    package var qValue: Double?
    package var reliability: Reliability
}

package struct CampaignDifferenceResult: Sendable {
    package var rows: [CampaignDifference]
    package var campaignDistricts: [String]
    /// Whether the variance is the stacked design's (the waves share enumeration areas).
    package var joint: Bool
    /// What a reader must know, typed (``notes(_:)`` writes it in a language).
    package var phrases: [Phrase]

    /// The notes in `language`.
    package func notes(_ language: ReaderLanguage = .en) -> [String] { phrases.texts(language) }
}

extension AwarenessImpact {
    /// Both waves' strata and cluster names, to match units on the stacked design.
    typealias UnitNames = (a: (strata: [String], clusters: [String]), b: (strata: [String], clusters: [String]))

    /// The difference-in-differences of every knowledge and behaviour indicator between
    /// `request.compare`'s waves, campaign districts (a stored campaign overlapping the time
    /// from the baseline's fieldwork to the follow-up's) against the others.
    ///
    /// - Throws: ``WorkforceError/usage(_:)`` without stored campaigns, or when every district
    ///   (or none) ran one in the period.
    package static func differenceInDifferences(_ store: WorkforceStore, _ request: AwarenessRequest) throws -> CampaignDifferenceResult {
        // Errors in the language asked for; the notes stay typed.
        let phrase = Words.bundled.phrasebook(request.language)
        guard let (baseName, followupName) = request.compare else { throw WorkforceError.usage(phrase("impact.did.needs_compare")) }
        guard let schedule = try store.campaigns() else { throw WorkforceError.usage(phrase("impact.did.no_campaigns")) }
        let a = try AwarenessWave.load(store, baseName, request), b = try AwarenessWave.load(store, followupName, request)
        let from = try store.fieldwork(wave: baseName).first, to = try store.fieldwork(wave: followupName).last
        let chosen = schedule.districts(from: from, to: to)
        let all = a.data.categories[.district] ?? []
        guard !chosen.isEmpty, all.contains(where: { !chosen.contains($0) }) else {
            throw WorkforceError.usage(phrase("impact.did.no_contrast", ["count": String(chosen.count)]))
        }
        let measures = try AwarenessAnalysis.measures(a.data, request, also: b.data).filter { m in
            ["knowledge", "behaviour"].contains(a.data.topics[m.name] ?? "") || m.name == "knows_where_to_report" || m.name == AwarenessData.knowledgeIndicator
        }
        let joint = a.sharesClusters(with: b)
        var names: UnitNames?
        if joint { names = (a: a.unitNames, b: b.unitNames) }
        var rows: [CampaignDifference] = ParallelMap.map(measures.count) { i in
            did(measures[i], a, b, chosen, names, request.minimumCell)
        }
        let q = MultipleComparisons.benjaminiHochberg(rows.map(\.pValue))
        for i in rows.indices { rows[i].qValue = q[i] }
        let notes = designNotes([a, b], request) + [
            .phrase(
                "impact.did.method",
                [
                    "districts": .series(chosen.map(Phrase.Value.text)), "from": .text(from ?? "-"), "to": .text(to ?? "-"), "file": .text(schedule.file),
                    "z": .fixed(Normal.z95, decimals: 2),
                ]),
            .phrase(joint ? "impact.did.joint" : "impact.did.independent"),
            .phrase("impact.did.caveat"),
        ]
        return CampaignDifferenceResult(rows: rows, campaignDistricts: chosen, joint: joint, phrases: notes)
    }

    /// One indicator's four figures and their difference-in-differences.
    static func did(
        _ measure: AwarenessMeasure, _ a: AwarenessWave, _ b: AwarenessWave, _ campaign: [String],
        _ names: UnitNames?, _ minimumCell: Int
    ) -> CampaignDifference {
        // Per wave: domain 0 the campaign districts, 1 the others.
        func sums(_ wave: AwarenessWave) -> DomainSums {
            let s = wave.variance.sums(domains: 2)
            let y = wave.data.column(measure.name)
            let names = wave.data.categories[.district] ?? []
            let inCampaign = names.map { campaign.contains($0) }
            guard let district = wave.data.category[.district] else { return s }
            for r in 0..<wave.data.count where !y[r].isNaN && district[r] >= 0 {
                wave.variance.add(y[r], respondent: r, domain: inCampaign[Int(district[r])] ? 0 : 1, to: s)
            }
            return s
        }
        let sa = sums(a), sb = sums(b)
        let ma = a.variance.estimates(sa), mb = b.variance.estimates(sb)
        func figure(_ wave: String, _ group: String, _ mean: DesignMean?) -> AwarenessEstimate {
            AwarenessEstimate(
                indicator: measure.name, label: measure.label, breakdown: wave, group: group, isProportion: measure.isProportion, mean: mean,
                minimumCell: minimumCell)
        }
        let figures = [figure(a.data.wave, "campaign", ma[0]), figure(a.data.wave, "other", ma[1]), figure(b.data.wave, "campaign", mb[0]),
                       figure(b.data.wave, "other", mb[1])]
        var row = CampaignDifference(indicator: measure.name, figures: figures, reliability: .published)
        for status in ["suppressed", "unreliable"] {
            if let worst = figures.first(where: { $0.reliability.status == status }) {
                let values = ["wave": worst.breakdown, "group": worst.group]
                row.reliability = status == "suppressed" ? suppressed("impact.did.figure_suppressed", values) : unreliable("impact.did.figure_unreliable", values)
                if status == "suppressed" { return row }
                break
            }
        }
        guard figures.allSatisfy({ $0.value != nil }) else { return row }
        let termsA: [LinearizedVariance.Term] = [.init(sa, 0, -1), .init(sa, 1, 1)]
        let termsB: [LinearizedVariance.Term] = [.init(sb, 0, 1), .init(sb, 1, -1)]
        var variance: Double?
        if let names, let ta = a.variance.unitTotals(termsA), let tb = b.variance.unitTotals(termsB) {
            variance = StackedVariance.variance([
                .init(variance: a.variance, totals: ta, strata: names.a.strata, clusters: names.a.clusters),
                .init(variance: b.variance, totals: tb, strata: names.b.strata, clusters: names.b.clusters),
            ]).variance
        } else if let ea = a.variance.combinedError(termsA), let eb = b.variance.combinedError(termsB) {
            variance = ea * ea + eb * eb
        }
        guard let variance, let pa0 = figures[0].value, let pa1 = figures[1].value, let pb0 = figures[2].value, let pb1 = figures[3].value else { return row }
        let d = (pb0 - pa0) - (pb1 - pa1), se = variance.squareRoot()
        row.difference = d
        row.se = se
        row.interval = (d - Normal.z95 * se)...(d + Normal.z95 * se)
        row.pValue = se > 0 ? Normal.twoSidedPValue(d / se) : 1
        return row
    }

    /// The rows as a table, its notes in `language`.
    package static func differenceTable(_ result: CampaignDifferenceResult, _ language: ReaderLanguage = .en) -> ResultTable {
        var table = ResultTable(columns: [
            "indicator", "campaign_base", "other_base", "campaign_followup", "other_followup", "did", "se", "ci_low", "ci_high", "p_value", "q_value",
            "status", "reason",
        ])
        func cell(_ value: Double?) -> Cell { value.map(Cell.double) ?? .null }
        for r in result.rows {
            let shown = r.reliability.status != "suppressed"
            table.append(
                [.text(r.indicator)] + r.figures.map { cell(shown ? $0.value : nil) } + [
                    cell(r.difference), cell(r.se), cell(r.interval?.lowerBound), cell(r.interval?.upperBound), cell(r.pValue), cell(r.qValue),
                    .text(r.reliability.status), r.reliability.reasonPhrase.map { Cell.text($0.text(language)) } ?? .null,
                ])
        }
        table.notes = result.notes(language)
        return table
    }
}

extension WorkforceStore {
    /// The first and last submission dates (`YYYY-MM-DD`) of an awareness wave's responses;
    /// empty when none carries one.
    func fieldwork(wave: String) throws(WorkforceError) -> [String] {
        try read { db in
            let rows = try db.rows(
                "SELECT min(substr(submitted_at, 1, 10)) AS first, max(substr(submitted_at, 1, 10)) AS last FROM v_response WHERE kind = 'awareness' AND wave = ? AND submitted_at IS NOT NULL",
                [wave])
            guard let row = rows.first else { return [] }
            return [try row.optionalString("first"), try row.optionalString("last")].compactMap { $0 }
        }
    }
}
