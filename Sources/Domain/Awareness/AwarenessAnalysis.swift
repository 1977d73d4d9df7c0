/// Every figure of one `awareness` run, as values: the estimates of each wave, and the
/// comparisons or contrasts asked for.
package struct AwarenessResults: Sendable {
    /// Per wave (the baseline first when comparing), its figures.
    package var estimates: [(wave: String, rows: [AwarenessEstimate])]
    package var comparisons: [AwarenessDifference] = []
    package var contrasts: [AwarenessDifference] = []
    package var weighting: [WaveWeighting]
    /// What a reader must know, typed (``notes(_:)`` writes it in a language).
    package var phrases: [Phrase]
    /// The notes in English.
    package var notes: [String] { phrases.texts(.en) }
    /// The notes in `language`.
    package func notes(_ language: ReaderLanguage) -> [String] { phrases.texts(language) }
    /// Each wave's design, in the order of `weighting`.
    package var designs: [AwarenessDesign] = []
    /// Warnings to show before anything else: a clustered wave analysed as simple random sampling.
    package var banners: [Phrase] = []
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
            table = AwarenessTables.differences(results.comparisons, request.language)
        } else if request.contrast != nil {
            table = AwarenessTables.differences(results.contrasts, contrast: true, request.language)
        } else {
            table = AwarenessTables.estimates(results.estimates.first?.rows ?? [], request.language)
        }
        table.notes = results.notes(request.language)
        return (table, results.weighting, results.banners.texts(request.language))
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

    static func notes(_ waves: [AwarenessWave], _ request: AwarenessRequest) -> [Phrase] {
        let margins = request.margins.map { Phrase.phrase("awareness.note.raked", ["source": .phrase($0.source.phrase)]) }
        return waves.compactMap(\.srsBannerPhrase) + [margins ?? WeightingSource.nonePhrase(.margins, choice: request.marginsChoice)]
            + waves.map(\.weighting.phrase) + waves.map(\.designPhrase) + [
                .phrase("awareness.note.standard_errors"),
                .phrase("awareness.note.interval", ["z": .fixed(Estimate.z95, decimals: 2)]),
                .phrase(
                    "awareness.note.status",
                    Reliability.ruleValues.merging(["min": .count(Double(request.minimumCell)), "review": .count(Double(Reliability.reviewBelow))]) { _, b in b }),
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
            notes.append(.phrase("awareness.note.contrast"))
        }
        return AwarenessResults(
            estimates: [(wave.data.wave, rows)], contrasts: contrasts, weighting: [wave.weighting], phrases: notes, designs: [wave.sampleDesign],
            banners: [wave.srsBannerPhrase].compactMap { $0 })
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
        notes.append(.phrase(joint ? "awareness.note.change_joint" : "awareness.note.change_independent"))
        return AwarenessResults(
            estimates: [(a.data.wave, base), (b.data.wave, followup)], comparisons: rows, weighting: [a.weighting, b.weighting], phrases: notes,
            designs: [a.sampleDesign, b.sampleDesign], banners: [a.srsBannerPhrase, b.srsBannerPhrase].compactMap { $0 })
    }
}
