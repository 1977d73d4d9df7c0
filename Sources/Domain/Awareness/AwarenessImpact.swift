import Foundation

/// `awareness --impact`: what campaign exposure is associated with (issue 30, point 4), on the
/// wave's own design (strata, clusters, raking) as every awareness figure.
///
/// For each knowledge and behaviour indicator (and knowing where to report, and the knowledge
/// score): the raw difference between exposed and unexposed respondents with its
/// design-based standard error, and the difference adjusted for ``covariates`` by the
/// predictive margins of a design-weighted logistic regression (``PredictiveMargins``), with
/// R's `svypredmeans` variance, its interval, p and Benjamini-Hochberg q across the indicators.
package enum AwarenessImpact {
    /// The model's covariates (main effects), as the form's question names.
    package static let covariates = ["sex", "age_band", "district", "urban_rural", "education", "internet_use"]

    /// Runs the impact analysis on `request.wave`.
    ///
    /// - Throws: ``WorkforceError/usage(_:)`` when the wave does not ask the slogans (so has no
    ///   exposure and no decoy check); what ``AwarenessWave/load(_:_:_:)`` throws.
    package static func run(_ store: WorkforceStore, _ request: AwarenessRequest) throws -> CampaignImpactResult {
        let wave = try AwarenessWave.load(store, request.wave, request)
        return try analyse(wave, request)
    }

    /// The impact analysis of a loaded wave; its notes stay typed, written in the language the
    /// output asks for (``table(_:_:)``, the report).
    package static func analyse(_ wave: AwarenessWave, _ request: AwarenessRequest) throws(WorkforceError) -> CampaignImpactResult {
        let data = wave.data
        guard let recognises = data.indicators.firstIndex(of: AwarenessData.recognises),
            let decoy = data.indicators.firstIndex(of: AwarenessData.claimsDecoy)
        else {
            throw .usage(Phrase.phrase("impact.no_slogans", ["wave": .text(data.wave), "recognises": .text(AwarenessData.recognises), "decoy": .text(AwarenessData.claimsDecoy)]).text(request.language))
        }
        // Exposure per respondent: 1, 0, or -1 (a decoy claimer, or the slogans unanswered).
        var exposure = [Int8](repeating: -1, count: data.count)
        var claimers = 0
        for r in 0..<data.count {
            let d = data.values[decoy][r], k = data.values[recognises][r]
            if d == 1 { claimers += 1 }
            if d == 0, k >= 0 { exposure[r] = k }
        }
        let covariates = covariateColumns(data)
        let measures = AwarenessMeasure.all(data).filter { m in
            ["knowledge", "behaviour"].contains(data.topics[m.name] ?? "") || m.name == "knows_where_to_report"
                || m.name == AwarenessData.knowledgeIndicator
        }
        var rows = ParallelMap.map(measures.count) { i in
            impact(measures[i], data.column(measures[i].name), exposure, covariates.map(\.column), wave, request.minimumCell)
        }
        let q = MultipleComparisons.benjaminiHochberg(rows.map(\.pValue))
        for i in rows.indices { rows[i].qValue = q[i] }
        let names = covariates.map(\.name)
        let listed: Phrase.Value = .series(names.map(Phrase.Value.text))
        var notes = designNotes([wave], request)
        notes += [
            .phrase("impact.caveat"),
            .phrase("impact.exposure", ["claimers": .count(Double(claimers)), "recognises": .text(AwarenessData.recognises), "decoy": .text(AwarenessData.claimsDecoy)]),
            .phrase("impact.sample", ["covariates": listed]),
            .phrase("impact.raw"),
            .phrase("impact.adjusted", ["covariates": listed, "z": .fixed(Normal.z95, decimals: 2)]),
            .phrase("impact.dose", ["levels": .series(doseLevels.map(Phrase.Value.text))]),
        ]
        let missing = covariates.count < Self.covariates.count ? Self.covariates.filter { !names.contains($0) } : []
        if !missing.isEmpty { notes.append(.phrase("impact.covariates_missing", ["covariates": .series(missing.map(Phrase.Value.text))])) }
        return CampaignImpactResult(
            wave: data.wave, rows: rows, doses: doses(wave, measures, decoy: data.values[decoy], request.minimumCell), covariates: names,
            decoyClaimers: claimers, weighting: wave.weighting, design: wave.sampleDesign, phrases: notes, banners: [wave.srsBannerPhrase].compactMap { $0 })
    }

    /// The covariates the wave has: each one's name and per respondent its choice (-1: none).
    static func covariateColumns(_ data: AwarenessData) -> [(name: String, column: [Int16])] {
        covariates.compactMap { question in
            if let b = AwarenessBreakdown.allCases.first(where: { $0.question == question }), let column = data.category[b] { return (question, column) }
            return data.profile[question].map { (question, $0) }
        }
    }

    /// One indicator's raw and adjusted differences.
    static func impact(
        _ measure: AwarenessMeasure, _ y: [Double], _ exposure: [Int8], _ covariates: [[Int16]], _ wave: AwarenessWave, _ minimumCell: Int
    ) -> CampaignImpact {
        let n = wave.data.count
        let weights = wave.weights ?? [Double](repeating: 1, count: n)
        // The respondents of both figures: the indicator answered, exposure known, every covariate answered.
        let rows = (0..<n).filter { r in !y[r].isNaN && exposure[r] >= 0 && covariates.allSatisfy { $0[r] >= 0 } }
        var row = CampaignImpact(
            indicator: measure.name, label: measure.label, nExposed: rows.filter { exposure[$0] == 1 }.count,
            nUnexposed: rows.filter { exposure[$0] == 0 }.count, reliability: .published)
        guard row.nExposed >= minimumCell, row.nUnexposed >= minimumCell else {
            row.reliability = suppressed("impact.too_few", ["count": String(minimumCell)])
            return row
        }
        // Raw: the weighted mean of each group, and the linearised difference.
        var total = [0.0, 0.0], sum = [0.0, 0.0]
        for r in rows {
            let g = Int(exposure[r])
            total[g] += weights[r]
            sum[g] += weights[r] * y[r]
        }
        let p = [sum[0] / total[0], sum[1] / total[1]]
        var u = [Double](repeating: 0, count: n)
        for r in rows {
            let g = Int(exposure[r])
            u[r] = (g == 1 ? 1 : -1) * (y[r] - p[g]) / total[g]
        }
        row.pExposed = p[1]
        row.pUnexposed = p[0]
        row.rawDifference = p[1] - p[0]
        row.rawSE = wave.variance.variance(influence: u).squareRoot()
        // Adjusted: the model on the same respondents (intercept, exposure, each covariate's
        // levels among them but the first).
        let levels = covariates.map { column in Array(Set(rows.map { column[$0] })).sorted().dropFirst() }
        let x = rows.map { r in
            var line: [Double] = [1, Double(exposure[r])]
            for (c, column) in covariates.enumerated() { line += levels[c].map { column[r] == $0 ? 1 : 0 } }
            return line
        }
        guard let margins = PredictiveMargins(x, rows.map { y[$0] }, weights: rows.map { weights[$0] }, group: 1), margins.fit.converged else {
            row.reliability = unreliable("impact.no_fit")
            return row
        }
        func spread(_ values: [Double]) -> [Double] {
            var full = [Double](repeating: 0, count: n)
            for (j, r) in rows.enumerated() { full[r] = values[j] }
            return full
        }
        let variance = wave.variance.variance(influence: spread(margins.fittedInfluence))
            + wave.variance.variance(influence: spread(margins.coefficientInfluence))
        let d = margins.difference, se = variance.squareRoot()
        row.adjustedUnexposed = margins.margins.0
        row.adjustedExposed = margins.margins.1
        row.adjustedDifference = d
        row.adjustedSE = se
        row.interval = (d - Normal.z95 * se)...(d + Normal.z95 * se)
        row.pValue = se > 0 ? Normal.twoSidedPValue(d / se) : 1
        return row
    }

    /// The rows as a table (JSON, CSV, `table`, Markdown), its notes in `language`.
    package static func table(_ result: CampaignImpactResult, _ language: ReaderLanguage = .en) -> ResultTable {
        var table = ResultTable(columns: [
            "indicator", "p_exposed", "p_unexposed", "raw_diff", "raw_se", "adjusted_exposed", "adjusted_unexposed", "adjusted_diff", "adjusted_se",
            "ci_low", "ci_high", "p_value", "q_value", "n_exposed", "n_unexposed", "status", "reason",
        ])
        func cell(_ value: Double?) -> Cell { value.map(Cell.double) ?? .null }
        for r in result.rows {
            var shown = true
            if case .suppressed = r.reliability { shown = false }
            table.append([
                .text(r.indicator), cell(shown ? r.pExposed : nil), cell(shown ? r.pUnexposed : nil), cell(r.rawDifference), cell(r.rawSE),
                cell(r.adjustedExposed), cell(r.adjustedUnexposed), cell(r.adjustedDifference), cell(r.adjustedSE), cell(r.interval?.lowerBound),
                cell(r.interval?.upperBound), cell(r.pValue), cell(r.qValue), .int(r.nExposed), .int(r.nUnexposed), .text(r.reliability.status),
                r.reliability.reasonPhrase.map { Cell.text($0.text(language)) } ?? .null,
            ])
        }
        table.notes = result.notes(language)
        return table
    }
}
