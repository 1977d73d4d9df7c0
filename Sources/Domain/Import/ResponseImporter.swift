import Foundation

/// Imports one response file as one batch, in one transaction.
///
/// Every row read is imported, skipped as a duplicate, or quarantined with every reason, so
/// that `read = imported + duplicates + quarantined`. A response is identified by the export's
/// id column (`_uuid`, ODK's `instanceID`/`KEY`, LimeSurvey's `id`, the template's
/// `questionnaire_no`), normalised (``ResponseKey``): a tool-global id everywhere, a form-local
/// one (`questionnaire_no`, LimeSurvey's `id`) only within its form and wave. A row whose id is
/// blank in a file with an id column is keyed by its batch and line, never by its answers (a
/// warning says a re-import stores it again). A file without an id column keys each row by a
/// 128-bit hash of its answers together with its submission time (Google Forms' `Timestamp`),
/// or else with how many identical rows came before it in the file. So importing the same file,
/// or a later export holding it, again imports nothing, and identical answers from different
/// people are all kept.
/// A failure or a kill leaves the database as it was: the batch commits whole or not at all.
package enum ResponseImporter {
    /// Imports `url` (shown as `name` in messages) into `store`.
    ///
    /// - Parameter progress: called with the number of rows read, every 65,536 rows.
    /// - Throws: ``WorkforceError`` for a file that cannot be read or parsed at all (nothing is
    ///   written then); problems in single rows are quarantined, not thrown.
    package static func run(
        store: WorkforceStore, url: URL, name: String, options: ImportOptions, progress: ((Int) -> Void)? = nil
    ) throws(WorkforceError) -> ImportSummary {
        var summary = try importResponses(store: store, url: url, name: name, options: options, progress: progress)
        // An awareness wave keeps its sample design (its form's, unless one is stored already).
        if options.kind == .awareness, !summary.dryRun, summary.imported > 0 {
            summary.recordedDesign = try store.recordAwarenessDesign(wave: summary.wave ?? "baseline")
        }
        return summary
    }

    private static func importResponses(
        store: WorkforceStore, url: URL, name: String, options: ImportOptions, progress: ((Int) -> Void)?
    ) throws(WorkforceError) -> ImportSummary {
        var sniffed = try InputSniffer(url: url, name: name, encoding: options.encoding, delimiter: options.delimiter, entry: options.entry, formID: options.instrument)
        let instrument: RecordedInstrument, codebook: ParsedCodebook
        var explanation: String?
        let candidates = options.wave == nil && options.instrument == nil ? try store.instruments(kind: options.kind) : []
        if candidates.count > 1 {
            // Neither --wave nor --instrument: the header says which questionnaire it answers.
            let header: [String]
            do {
                do {
                    header = try CSVTable(reader: try sniffed.reader(url, name: name)).header
                } catch let error as CSVError where error.kind == .invalidUTF8 && sniffed.guessed && sniffed.encoding == .utf8 {
                    header = try CSVTable(reader: try sniffed.reader(url, name: name, encoding: .windows1252)).header
                }
            } catch {
                throw asWorkforceError(error, store)
            }
            let choice = try InstrumentChoice.choose(candidates, header: header, file: name)
            (instrument, codebook, explanation) = (choice.instrument, choice.codebook, choice.explanation)
            // A zip's main CSV is named after the form: choose it again for the instrument chosen.
            sniffed = try InputSniffer(
                url: url, name: name, encoding: options.encoding, delimiter: options.delimiter, entry: options.entry, formID: instrument.formID)
        } else {
            instrument = try store.instrument(kind: options.kind, wave: options.wave, reference: options.instrument)
            codebook = try ParsedCodebook(json: instrument.codebook, source: "codebook of \(instrument.formID)")
            sniffed = try InputSniffer(
                url: url, name: name, encoding: options.encoding, delimiter: options.delimiter, entry: options.entry, formID: instrument.formID)
        }
        var job = ImportJob(store: store, url: url, name: name, options: options, instrument: instrument, codebook: codebook, progress: progress)
        job.explanation = explanation
        do {
            return try importFile(job, sniffed)
        } catch let error as CSVError where error.kind == .invalidUTF8 && sniffed.guessed && sniffed.encoding == .utf8 {
            // The start looked like UTF-8 but the rest is not: Excel's Windows-1252. Start again.
            var again = sniffed
            again.encoding = .windows1252
            do {
                return try importFile(job, again)
            } catch {
                throw sniffed.locate(asWorkforceError(error, store))
            }
        } catch {
            throw sniffed.locate(asWorkforceError(error, store))
        }
    }

    private static func asWorkforceError(_ error: any Error, _ store: WorkforceStore) -> WorkforceError {
        if let error = error as? CSVError { return .badData(error.location, error.message) }
        return WorkforceError(error, path: store.path)
    }

    /// One file to import: where it is, what it answers and where it goes.
    private struct ImportJob {
        var store: WorkforceStore
        var url: URL
        var name: String
        var options: ImportOptions
        var instrument: RecordedInstrument
        var codebook: ParsedCodebook
        var progress: ((Int) -> Void)?
        var explanation: String?
    }

    /// The page cache of an import (KiB): 64 MiB, for the identity index's pages.
    static let cacheKiB = 65536

    /// Rows whose key hashes are worked out, and looked up in a bulk load's table, together.
    static let hashGroup = 16

    /// The size from which a file is imported with a rollback journal (16 MiB, about 50,000 rows of
    /// the 36-column awareness file): below it the WAL's double write costs little.
    static let bulkBytes = 16 << 20

    /// The file's size in bytes, 0 when it cannot be read (the import then says why).
    static func fileSize(_ url: URL) -> Int {
        do { return (try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0 } catch { return 0 }
    }

    /// Imports `job`'s file, read as `sniffed` says.
    private static func importFile(_ job: ImportJob, _ sniffed: InputSniffer) throws -> ImportSummary {
        let (store, url, name, options, instrument, codebook, progress) = (
            job.store, job.url, job.name, job.options, job.instrument, job.codebook, job.progress
        )
        // In a worksheet, a date question's numbers are Excel serial dates.
        let reader = try sniffed.reader(url, name: name) { header in
            guard let plan = try? ColumnPlan(header: header, codebook: codebook, file: name) else { return [] }
            return Set(plan.roles.indices.filter { column in
                if case .question(let q) = plan.roles[column] { codebook.items[q].type == .date } else { false }
            })
        }
        // The header must have names, each once; rows are read from the reader itself, so that
        // a row of the wrong width is quarantined rather than fatal.
        let header = try CSVTable(reader: reader).header
        let plan = try ColumnPlan(header: header, codebook: codebook, file: name)
        try plan.refuseNearMisses(codebook: codebook, file: name)
        let validator = RowValidator(codebook: codebook, plan: plan)
        let wave = options.kind == .employer ? Wave.employerColumn(options.wave ?? instrument.wave) : instrument.wave ?? options.wave
        var summary = ImportSummary(
            batchID: nil, file: name, formID: instrument.formID, version: instrument.version, wave: wave,
            dialect: plan.dialect, encoding: sniffed.encoding, delimiter: sniffed.delimiter,
            unknownColumns: plan.unknownColumns, metaColumns: plan.metaColumns, dryRun: options.dryRun)
        summary.container = sniffed.note
        summary.noteColumns = plan.noteColumns
        if case .workbook = sniffed.container { summary.fromWorkbook = true }
        summary.instrumentChoice = job.explanation

        let db = store.db
        try db.execute(sql: "PRAGMA cache_size = -\(Self.cacheKiB)")
        // A large file's rows go in with a rollback journal, not the WAL (`Database.withRollbackJournal`:
        // each page written once); a survey file of ordinary size keeps the WAL.
        let fileBytes = Self.fileSize(url)
        try db.withRollbackJournal(when: fileBytes >= options.bulkBytes) { try db.inTransaction(.immediate) { db in
            let writer = CSVWriter(neutralizeFormulas: false)
            let headerText = writer.line(header)
            let unknownJSON = JSONWriter(indent: nil).string(.array(plan.unknownColumns.map { .string($0) }))
            try db.execute(
                """
                INSERT INTO import_batch (instrument_id, kind, wave, file, dialect, encoding, delimiter, header, unknown_columns, imported_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
                [
                    instrument.id, options.kind.rawValue, wave, name, plan.dialect.rawValue, sniffed.encoding.rawValue,
                    String(UnicodeScalar(sniffed.delimiter)), headerText, unknownJSON, Clock.timestamp(),
                ])
            let batch = db.lastInsertedRowID
            summary.batchID = batch
            try WorkforceStore.indexInstrument(db, instrument.id, codebook)

            let localID = plan.identityColumn.map { !ResponseKey.isGlobal(column: header[$0]) } ?? false
            // A large file into a table holding few responses: the identity index is built after the rows.
            let identities = try StoredIdentities.setAside(db, fileBytes: fileBytes, bulkBytes: options.bulkBytes)
            var responses = try ResponseWriter(
                db: db, batch: batch, kind: options.kind.rawValue, scope: localID ? (form: instrument.formID, wave: wave) : nil,
                identities: identities)
            let reject = try db.statement("INSERT INTO rejected_row (batch_id, line, raw, reasons) VALUES (?, ?, ?, ?)")
            let query = try db.statement("INSERT INTO import_query (batch_id, line, field, header, rule, message) VALUES (?, ?, ?, ?, ?, ?)")
            reject.reset()
            try reject.bind(1, batch)
            query.reset()
            try query.bind(1, batch)
            var seen: PreparedStatement?
            if plan.identityColumn == nil {
                try db.execute(sql: "CREATE TEMP TABLE IF NOT EXISTS import_seen (hash TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID")
                try db.execute(sql: "DELETE FROM import_seen")
                seen = try db.statement(
                    "INSERT INTO import_seen (hash, n) VALUES (?, 1) ON CONFLICT (hash) DO UPDATE SET n = n + 1 RETURNING n")
            }

            let batchID = batch
            var unnumbered = 0, firstUnnumbered = 0
            var wrongWidth = 0
            var heldBy: Set<Int64> = []
            // Reading and checking run on a second thread; this one writes.
            let queue = BatchQueue()
            RowProducer(reader: reader, validator: validator, plan: plan, queue: queue, includeNotApproved: options.includeNotApproved).start()
            do {
                // Per row of the current group: the first hash of its id when the id is already
                // in its normal form (then written as it stands), else nil.
                var keyHashes: [Int64?] = []
                while var batch = try queue.take() {
                    try batch.bytes.withUnsafeBufferPointer { bytes in
                        for (n, entry) in batch.entries.enumerated() {
                            if n % Self.hashGroup == 0 {
                                // The first hash of each usual id of the next few rows, worked out
                                // together, so that a bulk load's lookups in memory overlap
                                // (ResponseWriter.prefetch) while what they read is still cached.
                                keyHashes.removeAll(keepingCapacity: true)
                                for k in n..<min(n + Self.hashGroup, batch.entries.count) {
                                    let entry = batch.entries[k]
                                    if entry.rejected == nil, let identity = entry.identity,
                                        case let id = UnsafeBufferPointer(rebasing: bytes[identity]), ResponseWriter.isNormalised(id)
                                    {
                                        keyHashes.append(responses.hash(normalisedKey: id))
                                    } else {
                                        keyHashes.append(nil)
                                    }
                                }
                                responses.prefetch(keyHashes)
                            }
                            summary.rowsRead += 1
                            if summary.rowsRead & 0xFFFF == 0 { progress?(summary.rowsRead) }
                            if let r = entry.rejected {
                                // Already stored (by its id): a duplicate, whatever this copy holds.
                                if let identity = entry.identity,
                                    let holder = try responses.holder(
                                        key: ResponseKey.normalised(String(decoding: UnsafeBufferPointer(rebasing: bytes[identity]), as: UTF8.self)))
                                {
                                    summary.duplicates += 1
                                    heldBy.insert(holder)
                                    continue
                                }
                                let rejected = batch.rejected[r]
                                summary.quarantined += 1
                                if entry.status == .notApproved { summary.notApproved += 1 }
                                if summary.quarantined > options.maxQuarantined {
                                    throw WorkforceError.badData(
                                        SourceLocation(file: name, line: entry.line),
                                        "more than \(options.maxQuarantined) rows fail their checks (this is one more: \(rejected.problems.first?.message ?? "see `import --dry-run`")); the file was refused and nothing was stored. Check that it answers this form (--instrument, --wave), or raise --max-quarantined")
                                }
                                if rejected.wrongWidth { wrongWidth += 1 }
                                for problem in rejected.problems where summary.problems.count < 20 { summary.problems.append(problem) }
                                try reject.bind(2, entry.line)
                                try reject.bind(3, rejected.raw)
                                try reject.bind(4, rejected.reasons)
                                try reject.run()
                                continue
                            }
                            let answers = UnsafeBufferPointer(rebasing: bytes[entry.answers])
                            let submitted = entry.submitted.map { UnsafeBufferPointer(rebasing: bytes[$0]) }
                            let holder: Int64?
                            if let hash = keyHashes[n % Self.hashGroup], let identity = entry.identity {
                                // The usual id (a UUID) is its own normal form: stored as it stands.
                                holder = try responses.insert(
                                    normalisedKey: UnsafeBufferPointer(rebasing: bytes[identity]), hash: hash, line: entry.line,
                                    submitted: submitted, answers: answers)
                            } else {
                                var key = entry.identity.map {
                                    ResponseKey.normalised(String(decoding: UnsafeBufferPointer(rebasing: bytes[$0]), as: UTF8.self))
                                } ?? ""
                                if !key.isEmpty {
                                    // the id as given, normalised
                                } else if plan.identityColumn != nil {
                                    // A file with ids, but not on this row: its batch and line, never its answers.
                                    key = ResponseKey.unnumbered(batch: batchID, line: entry.line)
                                    unnumbered += 1
                                    if firstUnnumbered == 0 { firstUnnumbered = entry.line }
                                } else if let submitted = entry.submitted {
                                    // No id, but a submission time (Google Forms): the answers and that time.
                                    let time = String(decoding: UnsafeBufferPointer(rebasing: bytes[submitted]), as: UTF8.self)
                                    key = "row:\(contentHash(answers))@\(time)"
                                } else if let seen {
                                    // Neither: the answers and how many identical rows came before in this file.
                                    let hash = contentHash(answers)
                                    try seen.bind(1, hash)
                                    key = "row:\(hash)#\(try seen.runReturningInteger() ?? 1)"
                                }
                                holder = try responses.insert(key: key, line: entry.line, submitted: submitted, answers: answers)
                            }
                            if let holder {
                                summary.duplicates += 1
                                if !heldBy.contains(holder) { heldBy.insert(holder) }
                            } else {
                                summary.imported += 1
                                if !entry.queries.isEmpty { summary.queried += 1 }
                                for q in entry.queries {
                                    if summary.queries.count < 20 { summary.queries.append(q.problem) }
                                    try query.bind(2, entry.line)
                                    try query.bind(3, q.problem.location.field)
                                    try query.bind(4, q.problem.location.header)
                                    try query.bind(5, q.rule)
                                    try query.bind(6, q.problem.message)
                                    try query.run()
                                }
                                if entry.status == .onHold { summary.onHold += 1 }
                                if entry.status == .notApproved { summary.notApprovedImported += 1 }
                            }
                        }
                        // The rows still waiting for their group point into this batch's bytes.
                        try responses.flush()
                    }
                    batch.clear()
                    queue.recycle(batch)
                }
            } catch {
                queue.cancel()
                throw error
            }
            progress?(summary.rowsRead)
            try identities?.restore(db)
            if let sheet = reader.sheetRows, sheet.formulaCount > 0 {
                for f in sheet.formulas {
                    summary.warnings.append(
                        ImportProblem(
                            location: SourceLocation(file: name, line: f.row, column: f.column + 1, sheet: sheet.sheet, field: f.column + 1),
                            message: "the cell holds a formula; read as its text \"\(valuePrefix(f.formula))\", as typed, not as the value the spreadsheet computed"))
                }
                if sheet.formulaCount > sheet.formulas.count {
                    summary.warnings.append(
                        ImportProblem(
                            location: SourceLocation(file: name, sheet: sheet.sheet),
                            message: "\(sheet.formulaCount - sheet.formulas.count) more formula cells were read as their text"))
                }
            }
            if summary.rowsRead == 0 {
                throw WorkforceError.badData(
                    SourceLocation(file: name, line: 2), "the file has a header but no rows; nothing to import")
            }
            if wrongWidth == summary.rowsRead {
                // Not one row reads as a record of the header: the separator is wrong, not the rows.
                let separator = sniffed.delimiter == 0x09 ? "tab" : "'\(Character(UnicodeScalar(sniffed.delimiter)))'"
                throw WorkforceError.badData(
                    SourceLocation(file: name, line: 2),
                    "no row has as many fields as the header (\(plan.roles.count)) when separated by \(separator); check the separator (--delimiter , ; or tab), nothing was imported")
            }
            if unnumbered > 0, let column = plan.identityColumn {
                let what = header[column] == ColumnPlan.questionnaireNumber ? "questionnaire number" : "response id (\(header[column]))"
                summary.warnings.append(
                    ImportProblem(
                        location: SourceLocation(file: name, line: firstUnnumbered),
                        message: "\(plural(unnumbered, "row")) \(unnumbered == 1 ? "has" : "have") no \(what) (the first at line \(firstUnnumbered)); each is stored as its own respondent, and re-importing this file will store \(unnumbered == 1 ? "it" : "them") again"))
            }
            for holder in heldBy.sorted() {
                let wave = try db.scalar("SELECT wave FROM import_batch WHERE id = ?", [holder]).string
                summary.duplicatesHeldBy.append((holder, wave))
            }
            try db.execute(
                "UPDATE import_batch SET rows_read = ?, imported = ?, duplicates = ?, quarantined = ? WHERE id = ?",
                [summary.rowsRead, summary.imported, summary.duplicates, summary.quarantined, batch])
            // A file that adds nothing (every row already stored) leaves no empty batch behind.
            return options.dryRun || summary.addsNothing ? .rollback : .commit
        } }
        if options.dryRun || summary.addsNothing { summary.batchID = nil }
        summary.problems = summary.problems.map(sniffed.locate)
        summary.queries = summary.queries.map(sniffed.locate)
        return summary
    }

    /// 128 bits of two differently seeded FNV-1a hashes, as 32 hex digits.
    static func contentHash(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        let a = FNV1a.hash(bytes)
        var b = FNV1a.hash(bytes, seed: 0x8422_2325_cbf2_9ce4 ^ UInt64(bytes.count))
        b ^= b >> 29
        b = b &* 0xbf58_476d_1ce4_e5b9
        return String(a, radix: 16).leftPadded(to: 16) + String(b, radix: 16).leftPadded(to: 16)
    }
}
