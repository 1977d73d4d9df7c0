import WorkforceKit

/// The sentences `gaps`, `awareness` and `plan` add to their notes: how many rows of the waves
/// they describe are quarantined and not counted.
enum QuarantineNotes {
    static func sentences(_ store: WorkforceStore, _ kind: InstrumentKind, waves: [String?], _ language: ReaderLanguage = .en) throws -> [String] {
        var seen: Set<String> = []
        var out: [String] = []
        for wave in waves where seen.insert(wave ?? "baseline").inserted {
            if let count = try store.quarantineCount(kind: kind, wave: wave) { out.append(count.phrase.text(language)) }
        }
        return out
    }
}
