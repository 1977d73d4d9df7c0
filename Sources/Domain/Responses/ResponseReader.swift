/// Reads stored responses of one kind and wave, across every batch and every version of the
/// form that answers it, by question name: the only reader of `response.answers`.
///
/// Columns are the questions of the latest version (or of the one `instrument` names) in
/// codebook order, then any question that only an older version asked, in its order; notes are
/// left out. Rows stream in storage order in constant memory.
package final class ResponseReader {
    package let kind: InstrumentKind
    package let wave: String?
    package let columns: [ResponseColumn]
    /// The instruments whose responses are read, oldest first.
    package let instrumentIDs: [Int64]
    /// The instrument `init` was asked to restrict to, for a second reader on another connection.
    let instrumentReference: String?
    /// Whether only respondents who passed every gate (consent, age) are read.
    package let respondentsOnly: Bool
    let store: WorkforceStore
    private let maps: [Int64: QuestionMap]
    private let indexByName: [String: Int]
    /// The instrument of each batch read.
    private let batches: [Int64: Int64]

    /// Prepares to read the responses of `kind` (awareness: of `wave`, default `baseline`).
    ///
    /// - Parameters:
    ///   - instrument: only the responses to this instrument (an id, version prefix or form id).
    ///   - respondentsOnly: skip responses that did not answer "yes" at every gate question
    ///     (topic `gate`: consent, age 18+), as every analysis does; exports read them all.
    /// - Throws: ``WorkforceError/noInput(path:reason:)`` when no such responses are imported,
    ///   saying what to import; ``WorkforceError/badData(_:_:)`` for an unreadable codebook.
    package init(
        store: WorkforceStore, kind: InstrumentKind, wave: String? = nil, instrument: String? = nil, respondentsOnly: Bool = false
    ) throws(WorkforceError) {
        self.store = store
        self.respondentsOnly = respondentsOnly
        self.kind = kind
        self.instrumentReference = instrument
        // Awareness batches store their wave; employer batches store theirs except the baseline.
        let wave = kind == .awareness ? (wave ?? "baseline") : kind == .employer ? Wave.employerColumn(wave) : nil
        self.wave = wave
        var ids = try store.read { db in
            try db.rows(
                "SELECT DISTINCT instrument_id FROM import_batch WHERE kind = ? AND wave IS ? ORDER BY instrument_id",
                [kind.rawValue, wave]
            ).compactMap { try $0.optionalInt64("instrument_id") }
        }
        if let instrument {
            let chosen = try store.instrument(kind: kind, wave: wave, reference: instrument).id
            ids = ids.filter { $0 == chosen }
        }
        guard !ids.isEmpty else {
            let what = kind == .awareness || wave != nil ? "\(kind.rawValue) responses of wave \(wave ?? "baseline")" : "\(kind.rawValue) responses"
            let importHint = "workforce import \(kind.rawValue) FILE" + (wave != nil && wave != "baseline" ? " --wave \(wave ?? "")" : "")
            throw .noInput(
                path: store.path,
                reason: "no \(what)\(instrument.map { " to instrument \($0)" } ?? "") are imported; import them first with `\(importHint)`")
        }
        var maps: [Int64: QuestionMap] = [:]
        for id in ids { maps[id] = QuestionMap(instrumentID: id, codebook: try Self.codebook(store, id)) }
        var columns: [ResponseColumn] = []
        var indexByName: [String: Int] = [:]
        for id in ids.reversed() {
            guard let codebook = maps[id]?.codebook else { continue }
            for item in codebook.items where item.type != .note && indexByName[item.name] == nil {
                indexByName[item.name] = columns.count
                columns.append(
                    ResponseColumn(
                        name: item.name, type: item.type, group: item.group, label: item.label,
                        choices: item.listName.flatMap { codebook.lists[$0] } ?? [], topic: item.topic, scoring: item.scoring))
            }
        }
        for map in maps.values { map.bind(to: indexByName) }
        self.columns = columns
        self.indexByName = indexByName
        self.maps = maps
        self.instrumentIDs = ids
        var batches: [Int64: Int64] = [:]
        try store.read { db in
            try db.forEachRow(
                "SELECT id, instrument_id FROM import_batch WHERE kind = ? AND wave IS ?", [kind.rawValue, wave]
            ) { row in
                if let instrument = try row.optionalInt64("instrument_id"), ids.contains(instrument) {
                    batches[try row.int64("id")] = instrument
                }
            }
        }
        self.batches = batches
    }

    /// The column of the question named `name`.
    package func index(of name: String) -> Int? { indexByName[name] }

    /// The batches read, as an SQL list of integers (ids come from the database, never from input).
    private var batchList: String { batches.keys.sorted().map(String.init).joined(separator: ",") }

    /// The smallest and largest response id that will be read, or `nil` without responses.
    func idRange() throws(WorkforceError) -> ClosedRange<Int64>? {
        // Walks the table's id order from each end up to the first row read (min() and max()
        // with the batch condition would read every row).
        try store.read { db in
            let first = "SELECT id FROM response WHERE batch_id IN (\(batchList)) ORDER BY id"
            guard let low = try db.scalar(first + " LIMIT 1").int, let high = try db.scalar(first + " DESC LIMIT 1").int else { return nil }
            return Int64(low)...Int64(high)
        }
    }

    /// How many responses are stored (with ``respondentsOnly``, an upper bound of those read).
    package func count() throws(WorkforceError) -> Int {
        try store.read { db in
            try db.scalar(
                "SELECT count(*) FROM response WHERE batch_id IN (\(batchList))"
            ).int ?? 0
        }
    }

    /// One response as stored, with the map that reads it: for exports that write millions of
    /// rows straight from the stored elements (not-asked and blank are not told apart here).
    struct StoredRecord {
        var responseID: Int64
        var batchID: Int64
        var key: String
        var submittedAt: String?
        var map: QuestionMap
        var stored: [AnswerCodec.Stored]
    }

    /// Calls `body` with each response as stored, in storage order.
    func forEachStored(_ body: (StoredRecord) throws -> Void) throws {
        var stored: [AnswerCodec.Stored] = []
        try forEachRow(into: &stored) { responseID, batchID, key, submittedAt, map, stored in
            try body(StoredRecord(responseID: responseID, batchID: batchID, key: key, submittedAt: submittedAt, map: map, stored: stored))
        }
    }

    /// Calls `body` with each response's stored bytes, undecoded: its id, batch, key and
    /// submission time (raw UTF-8, empty when none), the map that reads it, and the answers.
    /// For exports that stream millions of rows; everything else uses ``forEach(_:)``.
    func forEachRaw(
        ids: ClosedRange<Int64>? = nil,
        _ body: (Int64, Int64, UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<UInt8>, QuestionMap, UnsafeBufferPointer<UInt8>) throws -> Void
    ) throws {
        let range = ids.map { " AND id BETWEEN \($0.lowerBound) AND \($0.upperBound)" } ?? ""
        let sql = "SELECT id, batch_id, response_key, submitted_at, answers FROM response WHERE batch_id IN (\(batchList))\(range) ORDER BY id"
        try store.read { db in
            // The map of the last batch seen: rows come in runs of one batch.
            var lastBatch: (id: Int64, map: QuestionMap?)?
            try db.forEachRawRow(sql) { row in
                let batchID = row.int64(1)
                if lastBatch?.id != batchID { lastBatch = (batchID, batches[batchID].flatMap { maps[$0] }) }
                guard let map = lastBatch?.map else { return }
                try row.withBytes(2) { key in
                    try row.withBytes(3) { submitted in
                        try row.withBytes(4) { answers in try body(row.int64(0), batchID, key, submitted, map, answers) }
                    }
                }
            }
        }
    }

    /// Calls `body` with each response, in storage order.
    ///
    /// - Throws: ``WorkforceError/badData(_:_:)`` when stored answers do not decode (a
    ///   database edited by hand), or what `body` throws.
    package func forEach(_ body: (ResponseRecord) throws -> Void) throws {
        var stored: [AnswerCodec.Stored] = []
        // Reused: the record passed to `body` shares it, and it is unique again once `body` returns.
        var values = Array(repeating: AnswerValue.notAsked, count: columns.count)
        try forEachRow(into: &stored) { responseID, batchID, key, submittedAt, map, stored in
            map.fill(&values, from: stored)
            try body(
                ResponseRecord(
                    responseID: responseID, batchID: batchID, instrumentID: map.instrumentID, key: key,
                    submittedAt: submittedAt, values: values))
        }
    }

    /// Steps the stored responses, decoding each one's answers into `stored`.
    private func forEachRow(
        into stored: inout [AnswerCodec.Stored],
        _ body: (Int64, Int64, String, String?, QuestionMap, [AnswerCodec.Stored]) throws -> Void
    ) throws {
        let sql = """
            SELECT id, batch_id, response_key, submitted_at, answers FROM response
            WHERE batch_id IN (\(batchList)) ORDER BY id
            """
        try store.read { db in
            try db.forEachRawRow(sql) { row in
                let responseID = row.int64(0)
                let batchID = row.int64(1)
                guard let instrument = batches[batchID], let map = maps[instrument] else { return }
                let failure = row.withBytes(4) { bytes -> AnswerCodec.DecodingError? in
                    do {
                        try AnswerCodec.decode(bytes, types: map.types, choiceCounts: map.choiceCounts, into: &stored)
                        return nil
                    } catch {
                        return error as? AnswerCodec.DecodingError ?? AnswerCodec.DecodingError(offset: 0, message: "\(error)")
                    }
                }
                if let failure {
                    throw WorkforceError.badData(
                        SourceLocation(file: store.path),
                        "table response, row id \(responseID): \(failure); the database was damaged or edited by hand: purge the row (`workforce purge --response KEY`) or restore a copy")
                }
                if respondentsOnly, !map.passesGates(stored) { return }
                try body(responseID, batchID, row.text(2) ?? "", row.text(3), map, stored)
            }
        }
    }

    private static func codebook(_ store: WorkforceStore, _ id: Int64) throws(WorkforceError) -> ParsedCodebook {
        let text = try store.storedCodebook(instrument: id)
        let source = "codebook of instrument \(id)"
        do {
            let codebook = try ParsedCodebook(json: try JSONParser.parse(Array(text.utf8), name: source), source: source)
            guard !codebook.items.isEmpty else {
                throw WorkforceError.badData(
                    SourceLocation(file: store.path),
                    "table instrument, row id \(id): its codebook has no questions, so no stored answer can be read; the database was damaged or edited by hand: restore a copy")
            }
            return codebook
        } catch let error as WorkforceError {
            throw error
        } catch let error as JSONParseError {
            throw .badData(error.location, error.message)
        } catch {
            throw .other("\(source): \(error)")
        }
    }
}

@available(*, unavailable)
extension ResponseReader: Sendable {}
