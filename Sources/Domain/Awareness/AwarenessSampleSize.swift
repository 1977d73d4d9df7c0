import Foundation

/// The tables of `workforce sample-size` for the awareness survey: respondents for a margin of
/// error (nationally, or per district from population margins) or to detect a change.
package enum AwarenessSampleSize {
    /// Respondents per wave to detect a change of `difference` from `baseline` (Fleiss).
    package static func toDetect(
        _ difference: Double, baseline: Double, power: Double, alpha: Double, designEffect: Double
    ) -> ResultTable {
        let n = SampleSize.toDetect(difference, baseline: baseline, power: power, alpha: alpha, designEffect: designEffect)
        var table = ResultTable(columns: ["baseline", "followup", "power", "alpha", "deff", "respondents_per_wave"])
        table.append([.double(baseline), .double(baseline + difference), .double(power), .double(alpha), .double(designEffect), .int(n)])
        return table
    }

    /// Respondents for a 95% margin of `margin` on a proportion `p`, with the finite population
    /// correction when `population` is given.
    package static func forMargin(_ margin: Double, p: Double, designEffect: Double, population: Double?) -> ResultTable {
        var table = ResultTable(columns: ["margin", "p", "deff", "population", "respondents"])
        table.append([
            .double(margin), .double(p), .double(designEffect), population.map(Cell.double) ?? .null,
            .int(SampleSize.forMargin(margin, p: p, designEffect: designEffect, population: population)),
        ])
        return table
    }

    /// Per district of `margins`: the national sample shared in proportion to the population,
    /// and the size that gives the same margin within the district on its own.
    package static func byDistrict(_ margin: Double, p: Double, designEffect: Double, margins: PopulationMargins, language: ReaderLanguage = .en) throws(WorkforceError)
        -> ResultTable
    {
        guard let districts = margins.variables.first(where: { $0.breakdown == .district })?.margins else {
            throw .badData(SourceLocation(file: margins.file), "the margins have no district rows")
        }
        let total = districts.reduce(0) { $0 + $1.population }
        let national = SampleSize.forMargin(margin, p: p, designEffect: designEffect, population: total)
        var table = ResultTable(columns: ["district", "population", "proportional", "same_margin"])
        for d in districts {
            table.append([
                .text(d.category), .double(d.population),
                .int(Int(roundingChecked: Double(national) * d.population / total, rule: .up) ?? national),
                .int(SampleSize.forMargin(margin, p: p, designEffect: designEffect, population: d.population)),
            ])
        }
        table.notes = [
            Phrase.phrase("awareness.sample.populations", ["source": .phrase(margins.source.phrase)]),
            .phrase("awareness.sample.national", ["margin": .text(Cell.double(margin).plainText), "count": .text(String(national))]),
        ].texts(language)
        return table
    }
}
