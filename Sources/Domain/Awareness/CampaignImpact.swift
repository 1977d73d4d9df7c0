/// What campaign exposure is associated with, for one knowledge or behaviour indicator
/// (strategy activity 5.2, issue 30): the exposed against the unexposed, raw and adjusted.
///
/// Exposed: recognises a real campaign slogan and does not claim the decoy; unexposed:
/// recognises none and does not claim the decoy; decoy claimers are left out. Both figures rest
/// on the same respondents: the indicator answered, exposure known, every covariate answered.
package struct CampaignImpact: Sendable {
    package var indicator: String
    package var label: String
    package var nExposed: Int
    package var nUnexposed: Int
    /// The weighted shares (or mean scores) of the two groups.
    package var pExposed: Double?
    package var pUnexposed: Double?
    /// `pExposed - pUnexposed` and its design-based standard error.
    package var rawDifference: Double?
    package var rawSE: Double?
    /// The predictive margins of the logistic model at exposed and unexposed.
    package var adjustedExposed: Double?
    package var adjustedUnexposed: Double?
    /// Their difference, with R's `svypredmeans` variance; the interval `± 1.96 SE`.
    package var adjustedDifference: Double?
    package var adjustedSE: Double?
    package var interval: ClosedRange<Double>?
    /// Two-sided, on `adjustedDifference / adjustedSE`.
    package var pValue: Double?
    /// Benjamini-Hochberg across the indicators.
    package var qValue: Double?
    package var reliability: Reliability

    package var isPublished: Bool { reliability == .published }
}

/// Every figure of `awareness --impact`, as values: the lead's report section "What campaign
/// exposure is associated with" reads these.
package struct CampaignImpactResult: Sendable {
    package var wave: String
    package var rows: [CampaignImpact]
    /// The share of each indicator by the number of channels seen (0, 1, 2, 3 or more).
    package var doses: [CampaignDose] = []
    /// The covariates the model adjusts for (the wave's questions among ``AwarenessImpact/covariates``).
    package var covariates: [String]
    /// Respondents left out because they claimed the decoy slogan.
    package var decoyClaimers: Int
    package var weighting: WaveWeighting
    package var design: AwarenessDesign
    /// What a reader must know, typed (``notes(_:)`` writes it in a language).
    package var phrases: [Phrase]
    /// Warnings to show first: the wave is clustered and analysed as simple random sampling.
    package var banners: [Phrase]

    /// The notes in `language`.
    package func notes(_ language: ReaderLanguage = .en) -> [String] { phrases.texts(language) }
}

extension CampaignImpact {
    /// The sentence a reader sees for a published row: higher, lower or no clear difference
    /// (by the adjusted interval), in points, always "associated with"; `nil` when the row is
    /// withheld or has no adjusted figure.
    package func finding(_ language: ReaderLanguage = .en) -> String? {
        guard isPublished, let d = adjustedDifference, let ci = interval else { return nil }
        let phrase = Words.bundled.phrasebook(language)
        let key = ci.lowerBound > 0 ? "impact.finding.higher" : ci.upperBound < 0 ? "impact.finding.lower" : "impact.finding.none"
        func points(_ x: Double) -> String { String(Int((x * 100).rounded())) }
        let shown = key == "impact.finding.none" ? d : abs(d)
        return phrase(key, [
            "label": Labels.bundled.indicators[indicator] != nil ? Labels.bundled.indicator(indicator, language.rawValue) : label, "points": points(shown), "low": points(ci.lowerBound), "high": points(ci.upperBound),
            "covariates": phrase("impact.covariates.words"),
        ])
    }
}
