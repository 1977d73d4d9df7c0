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

    package var description: String {
        var text = body
        if excluded > 0 { text += " \(plural(excluded, "more stored row")) did not pass consent or the age check and \(excluded == 1 ? "is" : "are") not counted." }
        return text
    }

    private var body: String {
        guard let r = raking else {
            return "Wave \(wave): \(respondents) respondents, unweighted (every weight 1): the figures describe the respondents only."
        }
        let status = r.converged
            ? "converged in \(plural(r.iterations, "iteration"))"
            : "did NOT converge in \(r.iterations) iterations (largest margin error \(String(format: "%.2g", r.largestRelativeError)) relative); treat the weighted figures with care"
        return "Wave \(wave): \(respondents) respondents raked to population margins, \(status); weights "
            + String(format: "%.3g to %.3g (Kish's design effect of the weights %.3f).", r.smallestWeight, r.largestWeight, r.designEffect)
    }
}
