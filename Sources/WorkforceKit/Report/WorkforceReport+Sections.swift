import Foundation

extension WorkforceReport {
    /// The methodology: how every figure is computed, the publication rules, the grade table,
    /// the fieldwork outcome and the data behind the report, in the report's language
    /// (`report.method.*` of `report.csv`; the constants are filled in, never restated).
    static func methodologySection(
        _ data: ReportData, _ tables: inout [(name: String, table: ResultTable)]
    ) -> Section {
        let options = data.options, context = data.context, language = options.language
        let phrase = Words.bundled.phrasebook(language)
        let weighting = context?.inputs.weighting
        let weights = weighting?.frame.map { phrase("report.method.weights", ["source": $0.source.phrase.text(language)]) }
            ?? phrase("report.method.weights_none", ["why": WeightingSource.nonePhrase(.frame, choice: options.frameChoice).text(language)])
        let lines: [String] = [
            phrase("report.method.respondents"), weights, phrase("report.method.errors"),
            phrase("report.method.horizon", ["horizon": options.horizon.phrase.text(language)]),
            phrase("report.method.coverage", ["theta": Cell.double(options.theta).plainText]),
            phrase("report.method.flows"), phrase("report.method.ksa"),
            phrase("report.method.quality", ["min": String(QualityGrade.minimumUnits)]), phrase("report.method.edits"), phrase("report.method.plan"),
            phrase("report.method.disclosure", [
                "min": String(Disclosure.minimumEmployers), "p": Figure.fixed(100 * Disclosure.p, 0), "cell": String(AwarenessRequest().minimumCell),
            ]),
        ] + awarenessMethodology(options, margins: data.awarenessDesign.margins?.source, design: data.awareness?.baseline.designs.first)
        var blocks: [ReportBlock] = [.list(lines.map { [.text($0)] })] + gradeBlocks(language)
        if let context { blocks += responseRates(context, language, &tables) }
        let batches = data.batches, instruments = data.instruments
        tables.append(("data_batches", batches))
        tables.append(("instruments", instruments))
        blocks += [
            .heading(level: 3, text: phrase("report.method.data")), .table(batches),
            .heading(level: 3, text: phrase("report.method.instruments")), .table(instruments),
        ]
        return Section(id: "methodology", title: "", blocks: blocks)
    }

    /// The employer survey's fieldwork outcome per stratum of the frame, for the methodology.
    static func responseRates(_ context: GapContext, _ language: ReaderLanguage, _ tables: inout [(name: String, table: ResultTable)]) -> [ReportBlock] {
        let weighting = context.inputs.weighting
        guard weighting.frame != nil else { return [] }
        let phrase = Words.bundled.phrasebook(language)
        let count = { (v: Double) in Figure.count(v, language.rawValue) }
        var data = ResultTable(columns: ["sector", "size_band", "organisations", "issued", "out_of_scope", "respondents", "response_rate"])
        var human = ResultTable(columns: ["stratum", "organisations", "issued", "out_of_scope", "responding", "rate"].map { phrase("report.method.rates.column.\($0)") })
        for r in weighting.responseRates {
            data.append([
                .text(r.stratum.sector), .text(r.stratum.sizeBand), .double(r.organisations), r.issued.map(Cell.double) ?? .null,
                r.outOfScope.map(Cell.double) ?? .null, .int(r.respondents), r.rate.map(Cell.double) ?? .null,
            ])
            human.append([
                .text(Labels.bundled.stratum(sector: r.stratum.sector, sizeBand: r.stratum.sizeBand, language.rawValue)), .text(count(r.organisations)),
                .text(r.issued.map(count) ?? "-"), .text(r.outOfScope.map(count) ?? "-"), .int(r.respondents),
                .text(r.rate.map { Figure.percent($0, language.rawValue) } ?? phrase("report.method.rates.unknown")),
            ])
        }
        tables.append(("employer_response_rates", data))
        let lead = weighting.overallResponseRate.map { phrase("report.method.rates.lead", ["percent": Figure.percent($0, language.rawValue)]) }
            ?? phrase("report.method.rates.no_issued")
        return [
            .heading(level: 3, text: phrase("report.method.rates.heading")), .paragraph([.text(lead)], style: .note),
            .only(.html, [.details(summary: phrase("report.method.rates.by_stratum", ["count": String(weighting.responseRates.count)]), blocks: [.table(human)])]),
            .only(.markdown, [.table(human)]),
        ]
    }
}
