/// One wave ready for estimation: its responses, weights, sample design and variance.
struct AwarenessWave {
    let data: AwarenessData
    let weights: [Double]?
    let raking: Raking.Result?
    let design: SampleDesign
    let variance: LinearizedVariance
    let request: AwarenessRequest

    /// Reads `wave`, rakes it and prepares its design.
    ///
    /// - Throws: ``WorkforceError/noInput(path:reason:)`` for a wave never imported;
    ///   ``WorkforceError/usage(_:)`` for a stratum variable or cluster question the wave lacks;
    ///   ``WorkforceError/badData(_:_:)`` for margins that do not fit the sample.
    static func load(_ store: WorkforceStore, _ wave: String, _ request: AwarenessRequest) throws -> AwarenessWave {
        var data = try AwarenessData(store: store, wave: wave, clusterQuestion: request.cluster)
        if request.cluster != nil {
            // Each cluster's respondents together (a counting sort; on their own at the end).
            let design = Self.design(data, request)
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
        for b in request.strata where data.categories[b] == nil || b == .group {
            throw WorkforceError.usage("wave \(wave) has no \(b.question) question to stratify by")
        }
        return AwarenessWave(data: data, request: request, raking: try request.margins.map { try data.rake(to: $0) })
    }

    /// A wave of `data`, weighted by `raking` (`nil`: every weight 1).
    init(data: AwarenessData, request: AwarenessRequest, raking: Raking.Result?) {
        self.data = data
        self.request = request
        self.weights = raking?.weights
        self.raking = raking
        design = Self.design(data, request)
        variance = LinearizedVariance(design: design, weights: raking?.weights, raking: raking?.variables ?? [])
    }

    /// Strata crossed from the request's breakdowns (an unanswered one is a level of its own);
    /// clusters from the cluster question.
    static func design(_ data: AwarenessData, _ request: AwarenessRequest) -> SampleDesign {
        guard !request.strata.isEmpty || request.cluster != nil else { return SampleDesign(count: data.count) }
        var strata = [Int](repeating: 0, count: data.count)
        for b in request.strata {
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
        guard !request.strata.isEmpty || request.cluster != nil else {
            return "Design, wave \(data.wave): each respondent its own unit in one stratum (simple random sampling with replacement); give --strata and --cluster for a stratified cluster sample."
        }
        let strata = request.strata.isEmpty ? "one stratum" : "strata \(request.strata.map(\.rawValue).joined(separator: " x ")) (\(plural(design.strataCount, "stratum", "strata")))"
        let singles = design.units - design.clusterCount
        var text = "Design, wave \(data.wave): \(strata); "
        if let cluster = request.cluster {
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
}
