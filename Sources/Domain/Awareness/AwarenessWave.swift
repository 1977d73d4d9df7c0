/// One wave ready for estimation: its responses, weights, sample design and variance.
struct AwarenessWave {
    let data: AwarenessData
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
    static func load(_ store: WorkforceStore, _ wave: String, _ request: AwarenessRequest) throws -> AwarenessWave {
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
    var designNote: String {
        let chosen = sampleDesign
        guard !chosen.isSimpleRandom else {
            return "Design, wave \(data.wave) (\(chosen.sourceWords)): each respondent its own unit in one stratum (simple random sampling with replacement)."
        }
        let strata = chosen.strata.isEmpty ? "one stratum" : "strata \(chosen.strata.map(\.rawValue).joined(separator: " x ")) (\(plural(design.strataCount, "stratum", "strata")))"
        let singles = design.units - design.clusterCount
        var text = "Design, wave \(data.wave) (\(chosen.sourceWords)): \(strata); "
        if let cluster = chosen.cluster {
            text += "clusters `\(cluster)` nested in strata (\(plural(design.clusterCount, "cluster"))"
            text += singles > 0 ? ", and \(plural(singles, "respondent")) alone in a cluster or with it blank, each its own unit)" : ")"
        } else {
            text += "each respondent its own unit"
        }
        text += "; \(design.degreesOfFreedom) degrees of freedom"
        let lonely = design.lonelyStrata
        if lonely > 0 { text += "; \(plural(lonely, "stratum has", "strata have")) a single unit, handled as R's survey.lonely.psu = \"adjust\"" }
        return text + "."
    }

    /// The warning a wave analysed as simple random sampling against its own design carries:
    /// `--srs` on a wave whose form has clusters, or a stored SRS design on such a wave.
    var srsBanner: String? {
        guard sampleDesign.isSimpleRandom, data.formHasCluster else { return nil }
        return "SIMPLE RANDOM SAMPLING (\(sampleDesign.source == .srsOption ? "--srs" : "stored design")): wave \(data.wave) was sampled in clusters (`\(AwarenessDesign.defaultCluster)`), and its standard errors are analysed as if it were not; they are too small (often by a third). Leave out --srs to use the wave's design."
    }
}
