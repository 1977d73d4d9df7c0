import Foundation

extension WorkforceReport {
    /// "What campaign exposure is associated with" (issue 30, point 4): for each knowledge and
    /// behaviour indicator of the follow-up wave, the share among people who recall a real
    /// campaign slogan against those who recall none (decoy claimers left out), and the
    /// difference adjusted for the covariates by predictive margins, always as an association,
    /// with the caveats. The machine table is `tables/campaign_impact.csv` (`awareness --impact`).
    static func impactSection(
        _ impact: CampaignImpactResult, _ language: ReaderLanguage, _ tables: inout [(name: String, table: ResultTable)]
    ) -> Section {
        let phrase = Words.bundled.phrasebook(language)
        let code = language.rawValue
        var blocks: [ReportBlock] = [
            .paragraph([.text(phrase("report.impact.lead", ["wave": impact.wave]))]),
            .paragraph([.text(phrase("impact.caveat"))], style: .note),
        ]
        func label(_ row: CampaignImpact) -> String {
            Labels.bundled.indicators[row.indicator] != nil ? Labels.bundled.indicator(row.indicator, code) : row.label
        }
        // A clear difference (its interval leaves out 0) gets its sentence; the others one list.
        let published = impact.rows.filter { $0.isPublished && $0.interval != nil }
        let clear = published.filter { !($0.interval?.contains(0) ?? true) }
        let unclear = published.filter { $0.interval?.contains(0) ?? false }
        if published.isEmpty { blocks.append(.paragraph([.text(phrase("report.impact.none"))])) }
        if !clear.isEmpty { blocks.append(.list(clear.compactMap { $0.finding(language) }.map { [.text($0)] })) }
        if !unclear.isEmpty {
            blocks.append(
                .paragraph([
                    .text(
                        phrase("report.impact.no_clear", [
                            "count": counted(phrase, "report.indicators", unclear.count), "list": unclear.map(label).joined(separator: "; "),
                            "covariates": phrase("impact.covariates.words"),
                        ]))
                ]))
        }
        var human = ResultTable(columns: [
            phrase("report.impact.column.indicator"), phrase("report.impact.column.exposed"), phrase("report.impact.column.unexposed"),
            phrase("report.impact.column.difference"), phrase("report.impact.column.status"),
        ])
        for row in impact.rows {
            let score = row.indicator == AwarenessData.knowledgeIndicator
            func share(_ p: Double?) -> Cell {
                guard let p else { return .null }
                if case .suppressed = row.reliability { return .null }
                return .text(score ? Figure.fixed(p, 2) : Figure.percent(p, code))
            }
            func points(_ x: Double) -> String { score ? Figure.fixed(x, 2) : String(Int((x * 100).rounded())) }
            var difference = Cell.null
            if row.isPublished, let d = row.adjustedDifference ?? row.rawDifference {
                difference = .text(
                    row.interval.map { phrase("report.impact.difference", ["diff": points(d), "low": points($0.lowerBound), "high": points($0.upperBound)]) }
                        ?? points(d))
            }
            human.append([
                .text(label(row)), share(row.pExposed), share(row.pUnexposed), difference,
                .text(row.reliability.reasonPhrase.map { $0.text(phrase) } ?? phrase("report.impact.published")),
            ])
        }
        blocks.append(.table(human))
        blocks.append(
            .paragraph(
                [.text(phrase("report.impact.method", ["claimers": Figure.count(Double(impact.decoyClaimers), code), "covariates": phrase("impact.covariates.words")]))],
                style: .note))
        for note in impact.banners { blocks.append(.paragraph([.text(note.text(phrase))], style: .warning)) }
        tables.append(("campaign_impact", AwarenessImpact.table(impact)))
        return Section(id: "impact", title: phrase("report.section.impact"), blocks: blocks)
    }
}
