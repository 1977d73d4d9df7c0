/// Every figure of one `awareness` run, as values: the estimates of each wave, and the
/// comparisons or contrasts asked for.
package struct AwarenessResults: Sendable {
    /// Per wave (the baseline first when comparing), its figures.
    package var estimates: [(wave: String, rows: [AwarenessEstimate])]
    package var comparisons: [AwarenessDifference] = []
    package var contrasts: [AwarenessDifference] = []
    package var weighting: [WaveWeighting]
    package var notes: [String]
    /// Each wave's design, in the order of `weighting`.
    package var designs: [AwarenessDesign] = []
    /// Warnings to show before anything else: a clustered wave analysed as simple random sampling.
    package var banners: [String] = []
}

/// The awareness baseline and follow-up statistics (SPEC section 6, issue 19): weighted
/// proportions and scores with design-based standard errors after raking, Korn-Graubard intervals on
/// the design's effective size, NCHS reliability, follow-up against baseline and group against
/// the rest with Benjamini-Hochberg q-values.
package enum AwarenessAnalysis {
    /// Runs `request` on the awareness responses in `store` and renders its table.
    ///
    /// - Throws: ``WorkforceError/noInput(path:reason:)`` for a wave never imported;
    ///   ``WorkforceError/usage(_:)`` for an unknown indicator, stratum or cluster question;
    ///   ``WorkforceError/badData(_:_:)`` for margins that do not fit the sample.
    package static func run(_ store: WorkforceStore, _ request: AwarenessRequest) throws -> (table: ResultTable, weighting: [WaveWeighting], banners: [String]) {
        let results = try results(store, request)
        var table: ResultTable
        if request.compare != nil {
            table = AwarenessTables.differences(results.comparisons)
        } else if request.contrast != nil {
            table = AwarenessTables.differences(results.contrasts, contrast: true)
        } else {
            table = AwarenessTables.estimates(results.estimates.first?.rows ?? [])
        }
        table.notes = results.notes
        return (table, results.weighting, results.banners)
    }

    /// Computes every figure `request` asks for.
    package static func results(_ store: WorkforceStore, _ request: AwarenessRequest) throws -> AwarenessResults {
        if let (base, followup) = request.compare {
            let a = try AwarenessWave.load(store, base, request)
            let b = try AwarenessWave.load(store, followup, request)
            let measures = try self.measures(a.data, request, also: b.data)
            return compare(a, b, measures, request)
        }
        let wave = try AwarenessWave.load(store, request.wave, request)
        return estimate(wave, try measures(wave.data, request), request)
    }

    static func notes(_ waves: [AwarenessWave], _ request: AwarenessRequest) -> [String] {
        waves.compactMap(\.srsBanner) + [request.margins.map { "Raked to the \($0.source.words)." } ?? WeightingSource.noneNote(.margins, choice: request.marginsChoice)]
            + waves.map(\.weighting.description) + waves.map(\.designNote) + [
            "Standard errors by linearisation after raking (residuals on the raking margins, between-unit variance within strata); the effective sample size `n_eff = min(n, p(1-p)/se^2)` (n: the domain's respondents with an answer).",
            "95% interval of a proportion: Korn-Graubard as NCHS 2017 writes it: `n_df = n_eff (t_{0.975, n-1} / t_{0.975, df})^2` with df the domain's clusters minus its strata, `x = p n_df`, `[qbeta(0.025, x, n_df - x + 1), qbeta(0.975, x + 1, n_df - x)]`; a score's: mean ± 1.96 SE.",
            "Status (NCHS 2017, Parker et al., Vital Health Stat 2(175), on the Korn-Graubard interval): suppressed under \(request.minimumCell) respondents; unreliable when the effective sample size is under 30, the interval is 0.30 or wider, or wider than 0.05 and more than 130% of p (a score: an effective sample size under 30 or relative SE 30% or more); withheld figures are null, with the reason; p of 0% or 100%: shown for review, never as a certainty; fewer than 8 degrees of freedom, or a complement (1 - p) whose interval is more than 130% of it: published, flagged for review.",
        ]
    }

    /// The domain of row `j` of a measure's rows (overall, then each breakdown's groups in
    /// choice order, as ``AwarenessWave/estimates(_:_:_:_:)`` writes them) in `layout`.
    static func domain(_ j: Int, _ rows: [AwarenessEstimate], _ layout: DomainLayout) -> Int? {
        j == 0 ? 0 : j < layout.count ? j : nil
    }

    /// The measures asked for (all of them, or `request.indicator`), in both waves when comparing.
    static func measures(_ data: AwarenessData, _ request: AwarenessRequest, also other: AwarenessData? = nil) throws(WorkforceError) -> [AwarenessMeasure] {
        var all = AwarenessMeasure.all(data)
        if let other {
            let names = Set(AwarenessMeasure.all(other).map(\.name))
            all = all.filter { names.contains($0.name) }
        }
        guard let name = request.indicator else { return all }
        guard let measure = all.first(where: { $0.name == name }) else {
            throw .usage("no indicator \(name) in wave \(data.wave)\(other.map { " and \($0.wave)" } ?? ""); indicators: \(all.map(\.name).joined(separator: ", "))")
        }
        return [measure]
    }

    static func estimate(_ wave: AwarenessWave, _ measures: [AwarenessMeasure], _ request: AwarenessRequest) -> AwarenessResults {
        var domains = request.breakdowns
        if let c = request.contrast, !domains.contains(c) { domains.append(c) }
        let layout = DomainLayout(domains, wave.data)
        // Each measure is its own pass over the respondents: on every core, in order.
        let parts = ParallelMap.map(measures.count) { i in
            let sums = wave.sums(wave.data.column(measures[i].name), layout)
            let rows = wave.estimates(measures[i], request.breakdowns, sums, layout)
            return (rows, request.contrast.map { wave.contrasts(measures[i], $0, sums, layout) } ?? [])
        }
        let rows = parts.flatMap(\.0)
        var contrasts = parts.flatMap(\.1)
        AwarenessDifference.adjust(&contrasts)
        var notes = notes([wave], request)
        if request.contrast != nil {
            notes.append("Each group against everyone outside it with a valid answer: the difference of the group's proportion and the rest's, Newcombe's square-and-add interval from the two Korn-Graubard intervals, z on the design-based SE of the difference (same units, so their covariance counts); q: Benjamini-Hochberg within the breakdown.")
        }
        return AwarenessResults(
            estimates: [(wave.data.wave, rows)], contrasts: contrasts, weighting: [wave.weighting], notes: notes, designs: [wave.sampleDesign],
            banners: [wave.srsBanner].compactMap { $0 })
    }

    static func compare(_ a: AwarenessWave, _ b: AwarenessWave, _ measures: [AwarenessMeasure], _ request: AwarenessRequest) -> AwarenessResults {
        let layoutA = DomainLayout(request.breakdowns, a.data), layoutB = DomainLayout(request.breakdowns, b.data)
        var base: [AwarenessEstimate] = [], followup: [AwarenessEstimate] = []
        var rows: [AwarenessDifference] = []
        // Waves visiting the same enumeration areas: the change on the stacked design.
        let joint = a.sharesClusters(with: b)
        let namesA = joint ? a.unitNames : ([], []), namesB = joint ? b.unitNames : ([], [])
        // Each measure in each wave is its own pass over the respondents: on every core.
        let parts = ParallelMap.map(2 * measures.count) { i in
            let (wave, layout, measure) = i % 2 == 0 ? (a, layoutA, measures[i / 2]) : (b, layoutB, measures[i / 2])
            let sums = wave.sums(wave.data.column(measure.name), layout)
            return (wave.estimates(measure, request.breakdowns, sums, layout), sums)
        }
        for m in measures.indices {
            let (first, sumsA) = parts[2 * m], (second, sumsB) = parts[2 * m + 1]
            base += first
            followup += second
            // The follow-up's group of the same name (the same choice list, in any order).
            let index = Dictionary(second.enumerated().map { ("\($1.breakdown)/\($1.group)", $0) }, uniquingKeysWith: { x, _ in x })
            for (j, e1) in first.enumerated() {
                let k = index["\(e1.breakdown)/\(e1.group)"]
                let e2 = k.map { second[$0] }
                    ?? AwarenessEstimate(
                        indicator: e1.indicator, label: e1.label, breakdown: e1.breakdown, group: e1.group, isProportion: e1.isProportion,
                        mean: nil, minimumCell: request.minimumCell)
                var se = (e1.se * e1.se + e2.se * e2.se).squareRoot()
                if joint, let k, let d1 = domain(j, first, layoutA), let d2 = domain(k, second, layoutB),
                    let stacked = AwarenessWave.stackedError(a, namesA, sumsA, d1, b, namesB, sumsB, d2)
                {
                    se = stacked
                }
                rows.append(AwarenessDifference(from: e1, to: e2, se: se, names: ("baseline", "follow-up")))
            }
        }
        AwarenessDifference.adjust(&rows)
        var notes = notes([a, b], request)
        notes.append(
            joint
                ? "Change since the baseline on the joint design: the two waves visit the same enumeration areas, so they are stacked into one design (each area one primary sampling unit of both waves within its stratum, each wave raked to its own margins) and `se_diff` is the standard error of the difference on it (as R's `svyby(..., covmat = TRUE)` and `svycontrast`), which counts the covariance of the shared areas; `diff = p_followup - p_base`, Newcombe's square-and-add interval from each wave's Korn-Graubard interval, `z = diff / se_diff`, two-sided; q: Benjamini-Hochberg across the overall rows, and within each breakdown. A change is not by itself an effect of the campaign."
                : "Change since the baseline, independent waves (no enumeration area in common): `diff = p_followup - p_base` with Newcombe's square-and-add interval from each wave's Korn-Graubard interval; `z = diff / sqrt(se_base^2 + se_followup^2)`, two-sided; q: Benjamini-Hochberg across the overall rows, and within each breakdown. A change is not by itself an effect of the campaign.")
        return AwarenessResults(
            estimates: [(a.data.wave, base), (b.data.wave, followup)], comparisons: rows, weighting: [a.weighting, b.weighting], notes: notes,
            designs: [a.sampleDesign, b.sampleDesign], banners: [a.srsBanner, b.srsBanner].compactMap { $0 })
    }
}
