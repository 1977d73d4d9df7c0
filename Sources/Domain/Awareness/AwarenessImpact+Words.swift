/// Where the impact analysis meets the awareness figures' reasons and notes: every withheld
/// row's reason and the wave's design notes go through these, so that the sentences come
/// from `Surveys/banks/words/impact.csv` and the shared awareness notes in one place.
extension AwarenessImpact {
    /// A withheld figure's reason, from the word tables.
    static func suppressed(_ key: String, _ values: [String: String] = [:]) -> Reliability {
        .suppressed(Phrase(key, values.mapValues { .text($0) }))
    }

    static func unreliable(_ key: String, _ values: [String: String] = [:]) -> Reliability {
        .unreliable(Phrase(key, values.mapValues { .text($0) }))
    }

    /// The weighting and design notes every awareness table carries, typed.
    static func designNotes(_ waves: [AwarenessWave], _ request: AwarenessRequest) -> [Phrase] {
        AwarenessAnalysis.notes(waves, request)
    }
}
