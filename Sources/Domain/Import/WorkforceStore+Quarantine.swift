import Foundation

/// The quarantined rows of one wave that are not counted: what the figures of that wave leave out.
package struct QuarantineCount: Sendable, Equatable {
    /// `employer`, `university` or `awareness`.
    package var kind: String
    /// The wave's name (`baseline`, `2027`, `followup-1`); `nil` for the university survey.
    package var wave: String?
    /// Quarantined rows whose response was not imported since (by its id) in any batch.
    package var quarantined: Int
    /// The wave's rows: the responses stored for it and those quarantined rows.
    package var rows: Int
    /// The batches holding them (`workforce imports --rejected ID`).
    package var batches: [Int64]

    /// The quarantined rows' share of the wave's rows.
    package var share: Double { rows > 0 ? Double(quarantined) / Double(rows) : 0 }

    /// More than 5% of the wave's rows: the report says so on its first page.
    package var isLarge: Bool { share > 0.05 }

    /// "40 employer rows of wave 2027 (28.6% of its 140 rows) are quarantined and not counted:
    /// see `workforce imports --rejected 7`."
    package var sentence: String { phrase.text(.en) }

    /// The sentence, typed: ``Words`` writes it in any language.
    package var phrase: Phrase {
        let see = batches.map { Phrase.Value.text("`workforce imports --rejected \($0)`") }
        let place: Phrase = wave.map { .phrase("commands.quarantine.wave", ["wave": .text($0)]) } ?? .phrase("commands.quarantine.survey")
        return .phrase(
            quarantined == 1 ? "commands.quarantine.one" : "commands.quarantine.other",
            [
                "count": .text(String(quarantined)), "kind": .phrase(Phrase("commands.kind.\(kind)")), "where": .phrase(place),
                "percent": .text(String(format: "%.1f", share * 100)), "rows": .text(String(rows)), "see": .list(see),
            ])
    }
}

extension WorkforceStore {
    /// The quarantined rows of `kind` and `wave` (an employer's `nil` or `baseline` is the
    /// baseline) that are not counted, or `nil` when there are none.
    ///
    /// A quarantined row whose response id was imported since (fixed, in another batch) is
    /// counted as imported, not as quarantined; one quarantined by several imports counts once,
    /// in the latest batch that holds it; a row without an id stays quarantined.
    package func quarantineCount(kind: InstrumentKind, wave: String?) throws(WorkforceError) -> QuarantineCount? {
        let stored: String? = kind == .employer ? Wave.employerColumn(wave) : kind == .awareness ? (wave ?? "baseline") : nil
        return try read { db in
            let batches = try db.rows(
                "SELECT id, header, dialect, instrument_id FROM import_batch WHERE kind = ? AND wave IS ? AND quarantined > 0 ORDER BY id DESC",
                [kind.rawValue, stored])
            guard !batches.isEmpty else { return nil }
            let isStored = try db.statement(
                """
                SELECT count(*) FROM response r JOIN import_batch b ON b.id = r.batch_id
                WHERE r.key_hash BETWEEN ? AND ? AND r.response_key = ? AND b.kind = ?
                """)
            var quarantined = 0
            var holders: [Int64] = []
            var openKeys: Set<String> = []
            var localIDs: [Int64: [String]] = [:]
            for batch in batches {
                let batchID = try batch.int64("id"), storedHeader = try batch.string("header")
                let header = (try? CSVReader(string: storedHeader, name: "header").readRecord()?.fields) ?? []
                let marked = try Self.localIDs(instrument: try batch.optionalInt64("instrument_id"), db, cache: &localIDs)
                let identity = ColumnPlan.identityColumn(in: header, dialect: ImportDialect(rawValue: try batch.string("dialect")) ?? .template, localIDs: marked)
                var open = 0
                try db.forEachRow("SELECT raw FROM rejected_row WHERE batch_id = ?", [batchID]) { row in
                    let raw = try row.string("raw")
                    if let identity, let fields = try? CSVReader(string: raw, name: "raw").readRecord()?.fields,
                        identity < fields.count
                    {
                        let key = fields[identity].trimmingCharacters(in: .whitespaces)
                        if !key.isEmpty {
                            // The writer probes from the hash on a collision: a few values past it.
                            let hash = ResponseWriter.hash(kind: kind.rawValue, key: key)
                            isStored.reset()
                            try isStored.bind(1, hash)
                            try isStored.bind(2, hash &+ 16 < hash ? Int64.max : hash &+ 16)
                            try isStored.bind(3, key)
                            try isStored.bind(4, kind.rawValue)
                            if (try isStored.runReturningInteger() ?? 0) > 0 { return }
                            // The same response quarantined by two imports is one row.
                            guard openKeys.insert(key).inserted else { return }
                        }
                    }
                    open += 1
                }
                if open > 0 {
                    quarantined += open
                    holders.append(batchID)
                }
            }
            guard quarantined > 0 else { return nil }
            holders.reverse()
            let responses = try db.scalar(
                "SELECT count(*) FROM response r JOIN import_batch b ON b.id = r.batch_id WHERE b.kind = ? AND b.wave IS ?",
                [kind.rawValue, stored]
            ).int ?? 0
            return QuarantineCount(
                kind: kind.rawValue, wave: kind == .university ? nil : (stored ?? "baseline"), quarantined: quarantined,
                rows: responses + quarantined, batches: holders)
        }
    }
}
