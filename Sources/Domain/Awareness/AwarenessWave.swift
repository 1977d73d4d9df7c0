/// One wave ready for estimation: its responses, weights, sample design and variance.
package struct AwarenessWave {
    package let data: AwarenessData
    let weights: [Double]?
    let raking: Raking.Result?
    let design: SampleDesign
    let variance: LinearizedVariance
    let request: AwarenessRequest
    /// The wave's design: stored, given or `--srs`.
    let sampleDesign: AwarenessDesign

    /// Reads `wave`, rakes it and prepares its design.
    ///
    /// - Throws: ``WorkforceError/noInput(path:reason:)`` for a wave never imported;
    ///   ``WorkforceError/usage(_:)`` for a stratum variable or cluster question the wave lacks;
    ///   ``WorkforceError/badData(_:_:)`` for margins that do not fit the sample.
    package static func load(_ store: WorkforceStore, _ wave: String, _ request: AwarenessRequest) throws -> AwarenessWave {
        let chosen = try store.awarenessDesign(wave: wave, request.designChoice)
        var data = try AwarenessData(store: store, wave: wave, clusterQuestion: chosen.cluster)
        if chosen.cluster != nil {
            // Each cluster's respondents together (a counting sort; on their own at the end).
            let design = Self.design(data, chosen)
            var order: [Int] = []
            order.reserveCapacity(data.count)
            var members = [[Int]](repeating: [], count: design.clusterCount)
            var alone: [Int] = []
            for (r, k) in design.cluster.enumerated() {
                if k >= 0 { members[Int(k)].append(r) } else { alone.append(r) }
            }
            for m in members { order += m }
            order += alone
            data = data.reordered(order)
        }
        for b in chosen.strata where data.categories[b] == nil || b == .group {
            throw WorkforceError.usage("wave \(wave) has no \(b.question) question to stratify by")
        }
        return AwarenessWave(data: data, request: request, design: chosen, raking: try request.margins.map { try data.rake(to: $0) })
    }

    /// A wave of `data` under the design the request gives (simple random sampling without one).
    init(data: AwarenessData, request: AwarenessRequest, raking: Raking.Result?) {
        self.init(data: data, request: request, design: AwarenessDesign(strata: request.strata, cluster: request.cluster, source: .given), raking: raking)
    }

    /// A wave of `data` under `design`, weighted by `raking` (`nil`: every weight 1).
    init(data: AwarenessData, request: AwarenessRequest, design chosen: AwarenessDesign, raking: Raking.Result?) {
        self.data = data
        self.request = request
        self.sampleDesign = chosen
        self.weights = raking?.weights
        self.raking = raking
        design = Self.design(data, chosen)
        variance = LinearizedVariance(design: design, weights: raking?.weights, raking: raking?.variables ?? [])
    }

    /// Strata crossed from the request's breakdowns (an unanswered one is a level of its own);
    /// clusters from the cluster question.
    static func design(_ data: AwarenessData, _ chosen: AwarenessDesign) -> SampleDesign {
        guard !chosen.isSimpleRandom else { return SampleDesign(count: data.count) }
        var strata = [Int](repeating: 0, count: data.count)
        for b in chosen.strata {
            guard let column = data.category[b] else { continue }
            let radix = (data.categories[b]?.count ?? 0) + 1
            for r in 0..<data.count { strata[r] = strata[r] * radix + Int(column[r]) + 1 }
        }
        let clusters = data.cluster.isEmpty ? [Int](repeating: -1, count: data.count) : data.cluster.map(Int.init)
        return SampleDesign(strata: strata, clusters: clusters)
    }

    var weighting: WaveWeighting {
        WaveWeighting(wave: data.wave, respondents: data.count, raking: raking, excluded: data.excluded)
    }

    /// The note stating the design used.
    var designNote: String { designPhrase.text(.en) }

    /// The wave's design for readers: strata, clusters, degrees of freedom, lonely strata.
    var designPhrase: Phrase {
        let chosen = sampleDesign
        let source = Phrase.Value.phrase(chosen.sourcePhrase)
        guard !chosen.isSimpleRandom else { return .phrase("awareness.design.srs", ["wave": .text(data.wave), "source": source]) }
        let strata: Phrase =
            chosen.strata.isEmpty
            ? .phrase("awareness.design.one_stratum")
            : .phrase(
                design.strataCount == 1 ? "awareness.design.strata.one" : "awareness.design.strata.other",
                ["names": .text(chosen.strata.map(\.rawValue).joined(separator: " x ")), "count": .count(Double(design.strataCount))])
        let singles = design.units - design.clusterCount
        var units = Phrase.phrase("awareness.design.own_unit")
        if let cluster = chosen.cluster {
            let alone: Phrase.Value = singles > 0 ? .phrase(.phrase(singles == 1 ? "awareness.design.singles.one" : "awareness.design.singles.other", ["count": .count(Double(singles))])) : .text("")
            units = .phrase(
                design.clusterCount == 1 ? "awareness.design.clusters.one" : "awareness.design.clusters.other",
                ["cluster": .text(cluster), "count": .count(Double(design.clusterCount)), "singles": alone])
        }
        let lonely = design.lonelyStrata
        let lonelyText: Phrase.Value = lonely > 0 ? .phrase(.phrase(lonely == 1 ? "awareness.design.lonely.one" : "awareness.design.lonely.other", ["count": .count(Double(lonely))])) : .text("")
        return .phrase(
            "awareness.design.head",
            ["wave": .text(data.wave), "source": source, "strata": .phrase(strata), "units": .phrase(units), "df": .text(String(design.degreesOfFreedom)), "lonely": lonelyText])
    }

    /// The warning a wave analysed as simple random sampling against its own design carries:
    /// `--srs` on a wave whose form has clusters, or a stored SRS design on such a wave.
    var srsBannerPhrase: Phrase? {
        guard sampleDesign.isSimpleRandom, data.formHasCluster else { return nil }
        let how: Phrase.Value = sampleDesign.source == .srsOption ? .text("--srs") : .phrase(.phrase("awareness.banner.stored_design"))
        return .phrase("awareness.banner.srs", ["how": how, "wave": .text(data.wave), "cluster": .text(AwarenessDesign.defaultCluster)])
    }
}
