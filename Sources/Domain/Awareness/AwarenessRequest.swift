/// What `workforce awareness` is asked for.
package struct AwarenessRequest: Sendable {
    package var wave: String
    /// Break every indicator down by these, one after the other (each after the overall row).
    package var breakdowns: [AwarenessBreakdown]
    /// Compare a follow-up wave with a baseline wave instead of estimating one wave.
    package var compare: (base: String, followup: String)?
    /// Each category of this breakdown against everyone outside it, instead of estimates.
    package var contrast: AwarenessBreakdown?
    package var margins: PopulationMargins?
    /// How `margins` were chosen (stored, a file, `--unweighted`): the notes say why there are none.
    package var marginsChoice: WeightingChoice = .stored
    package var indicator: String?
    /// The sample design given on the command line: strata crossed from these breakdowns,
    /// clusters from this question; neither (and no `srs`): each wave's stored design.
    package var strata: [AwarenessBreakdown]
    package var cluster: String?
    /// Simple random sampling whatever design is stored (`--srs`).
    package var srs = false
    /// The language of the sentences a table carries (notes): a reader's `table` and `md`
    /// output; JSON and CSV keep English.
    package var language: ReaderLanguage = .en
    /// Cells resting on fewer unweighted respondents are suppressed (SPEC: 10).
    package var minimumCell: Int

    package init(
        wave: String = "baseline", breakdowns: [AwarenessBreakdown] = [], compare: (base: String, followup: String)? = nil,
        contrast: AwarenessBreakdown? = nil, margins: PopulationMargins? = nil, indicator: String? = nil,
        strata: [AwarenessBreakdown] = [], cluster: String? = nil, minimumCell: Int = 10
    ) {
        self.wave = wave
        self.breakdowns = breakdowns
        self.compare = compare
        self.contrast = contrast
        self.margins = margins
        self.indicator = indicator
        self.strata = strata
        self.cluster = cluster
        self.minimumCell = minimumCell
    }

    /// The design the request asks for: `--srs`, the given strata and cluster, or the stored one.
    package var designChoice: AwarenessDesignChoice {
        if srs { return .srs }
        return strata.isEmpty && cluster == nil ? .stored : .given(strata: strata, cluster: cluster)
    }
}

/// How one wave was weighted.
package struct WaveWeighting: Sendable {
    package var wave: String
    package var respondents: Int
    /// `nil` without margins (every weight 1).
    package var raking: Raking.Result?
    /// Stored rows not counted: a "no" to consent or to being 18 or older.
    package var excluded = 0

    package var description: String { phrase.text(.en) }

    /// How the wave was weighted, in any language.
    package var phrase: Phrase {
        guard excluded > 0 else { return body }
        let more = Phrase.phrase(excluded == 1 ? "awareness.weighting.excluded.one" : "awareness.weighting.excluded.other", ["count": .count(Double(excluded))])
        return .phrase("awareness.weighting.with_excluded", ["weighting": .phrase(body), "excluded": .phrase(more)])
    }

    private var body: Phrase {
        guard let r = raking else { return .phrase("awareness.weighting.unweighted", ["wave": .text(wave), "count": .text(String(respondents))]) }
        let status: Phrase =
            r.converged
            ? .phrase(r.iterations == 1 ? "awareness.weighting.converged.one" : "awareness.weighting.converged.other", ["count": .text(String(r.iterations))])
            : .phrase("awareness.weighting.not_converged", ["count": .text(String(r.iterations)), "error": .text(String(format: "%.2g", r.largestRelativeError))])
        return .phrase(
            "awareness.weighting.raked",
            [
                "wave": .text(wave), "count": .text(String(respondents)), "status": .phrase(status), "low": .text(String(format: "%.3g", r.smallestWeight)),
                "high": .text(String(format: "%.3g", r.largestWeight)), "deff": .text(String(format: "%.3f", r.designEffect)),
            ])
    }
}
