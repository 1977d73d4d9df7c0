/// Awareness waves read and raked once for one design and one set of margins, then estimated as
/// often as asked: the report's baseline, its change since the baseline, the follow-up's
/// campaign figures and each group's needs all come from the same loaded waves.
///
/// Every request given to ``results(_:)`` must share the design of ``design`` (its margins,
/// strata, cluster and `--srs`); only what is estimated (breakdowns, a comparison, a contrast,
/// an indicator) may differ, so that a wave loaded for one request is the wave of every other.
package struct AwarenessWaves {
    let store: WorkforceStore
    /// The design and margins every request shares.
    let design: AwarenessRequest
    /// Reads and rakes one wave (``AwarenessWave/load(_:_:_:)``; a test counts the calls).
    let load: (WorkforceStore, String, AwarenessRequest) throws -> AwarenessWave
    private var loaded: [String: AwarenessWave] = [:]

    package init(
        _ store: WorkforceStore, design: AwarenessRequest,
        load: @escaping (WorkforceStore, String, AwarenessRequest) throws -> AwarenessWave = AwarenessWave.load
    ) {
        self.store = store
        self.design = design
        self.load = load
    }

    /// Wave `name`, read and raked on its first use.
    ///
    /// - Throws: as ``AwarenessWave/load(_:_:_:)``: ``WorkforceError/noInput(path:reason:)``
    ///   for a wave never imported.
    package mutating func wave(_ name: String) throws -> AwarenessWave {
        if let wave = loaded[name] { return wave }
        let wave = try load(store, name, design)
        loaded[name] = wave
        return wave
    }

    /// Wave `name`, or `nil` when no response of it is imported (a follow-up not fielded yet);
    /// any other failure (margins that do not fit, a damaged database) is thrown.
    package mutating func imported(_ name: String) throws -> AwarenessWave? {
        do { return try wave(name) } catch let error as WorkforceError {
            guard case .noInput = error else { throw error }
            return nil
        }
    }

    /// Every figure `request` asks for, from the loaded waves (as ``AwarenessAnalysis/results(_:_:)``).
    package mutating func results(_ request: AwarenessRequest) throws -> AwarenessResults {
        if let (base, followup) = request.compare {
            let a = try wave(base), b = try wave(followup)
            return AwarenessAnalysis.compare(a, b, try AwarenessAnalysis.measures(a.data, request, also: b.data), request)
        }
        let one = try wave(request.wave)
        return AwarenessAnalysis.estimate(one, try AwarenessAnalysis.measures(one.data, request), request)
    }

    /// Each group's needs and reach in `request.wave` (as ``AwarenessNeeds/run(_:_:)``).
    package mutating func needs(_ request: AwarenessRequest) throws -> (needs: [AwarenessNeed], reach: [AwarenessEstimate], notes: [Phrase]) {
        AwarenessNeeds.run(try wave(request.wave), request)
    }
}
