import Foundation

/// Imports one response file as one batch, in one transaction.
///
/// Every row read is imported, skipped as a duplicate, or quarantined with every reason, so
/// that `read = imported + duplicates + quarantined`. A response is identified by the export's
/// id column (`_uuid`, ODK's `instanceID`/`KEY`, LimeSurvey's `id`, the template's
/// `questionnaire_no`); without one, by a 128-bit hash of its answers together with its
/// submission time (Google Forms' `Timestamp`), or else with how many identical rows came
/// before it in the file. So importing the same file, or a later export holding it, again
/// imports nothing, and identical answers from different people are all kept.
/// A failure or a kill leaves the database as it was: the batch commits whole or not at all.
public enum ResponseImporter {
    /// Imports `url` (shown as `name` in messages) into `store`.
    ///
    /// - Parameter progress: called with the number of rows read, every 65,536 rows.
    /// - Throws: ``WorkforceError`` for a file that cannot be read or parsed at all (nothing is
    ///   written then); problems in single rows are quarantined, not thrown.
    public static func run(
        store: WorkforceStore, url: URL, name: String, options: ImportOptions, progress: ((Int) -> Void)? = nil
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
        let validator = RowValidator(codebook: codebook, plan: plan)
        let wave = options.kind == .employer ? Wave.employerColumn(options.wave ?? instrument.wave) : instrument.wave ?? options.wave
        var summary = ImportSummary(
            batchID: nil, file: name, formID: instrument.formID, version: instrument.version, wave: wave,
            dialect: plan.dialect, encoding: sniffed.encoding, delimiter: sniffed.delimiter,
            unknownColumns: plan.unknownColumns, metaColumns: plan.metaColumns, dryRun: options.dryRun)
        summary.container = sniffed.note
        if case .workbook = sniffed.container { summary.fromWorkbook = true }
        summary.instrumentChoice = job.explanation

        let db = store.db
        try db.execute(sql: "PRAGMA cache_size = -65536")  // 64 MiB of page cache for the identity index
        try db.inTransaction(.immediate) { db in
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

            let responses = try ResponseWriter(
                db: db, batch: batch, kind: options.kind.rawValue,
                insert: try db.statement(
                    """
                    INSERT INTO response (batch_id, key_hash, response_key, line, submitted_at, answers)
                    VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (key_hash) DO NOTHING
                    """),
                existing: try db.statement(
                    """
                    SELECT CASE WHEN r.response_key = ? AND b.kind = ? THEN b.id ELSE 0 END
                    FROM response r JOIN import_batch b ON b.id = r.batch_id
                    WHERE r.key_hash = ?
                    """))
            let reject = try db.statement("INSERT INTO rejected_row (batch_id, line, raw, reasons) VALUES (?, ?, ?, ?)")
            reject.reset()
            try reject.bind(1, batch)
            var seen: PreparedStatement?
            if plan.identityColumn == nil {
                try db.execute(sql: "CREATE TEMP TABLE IF NOT EXISTS import_seen (hash TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID")
                try db.execute(sql: "DELETE FROM import_seen")
                seen = try db.statement(
                    "INSERT INTO import_seen (hash, n) VALUES (?, 1) ON CONFLICT (hash) DO UPDATE SET n = n + 1 RETURNING n")
            }

            var wrongWidth = 0
            var heldBy: Set<Int64> = []
            // Reading and checking run on a second thread; this one writes.
            let queue = BatchQueue()
            RowProducer(reader: reader, validator: validator, plan: plan, queue: queue).start()
            do {
                while let batch = try queue.take() {
                    try batch.bytes.withUnsafeBufferPointer { bytes in
                        for entry in batch.entries {
                            summary.rowsRead += 1
                            if summary.rowsRead & 0xFFFF == 0 { progress?(summary.rowsRead) }
                            if let r = entry.rejected {
                                let rejected = batch.rejected[r]
                                summary.quarantined += 1
                                if rejected.wrongWidth { wrongWidth += 1 }
                                for problem in rejected.problems where summary.problems.count < 20 { summary.problems.append(problem) }
                                try reject.bind(2, entry.line)
                                try reject.bind(3, rejected.raw)
                                try reject.bind(4, rejected.reasons)
                                try reject.run()
                                continue
                            }
                            let answers = UnsafeBufferPointer(rebasing: bytes[entry.answers])
                            let key: String
                            if let identity = entry.identity {
                                key = String(decoding: UnsafeBufferPointer(rebasing: bytes[identity]), as: UTF8.self)
                            } else if let submitted = entry.submitted {
                                // No id, but a submission time (Google Forms): the answers and that time.
                                let time = String(decoding: UnsafeBufferPointer(rebasing: bytes[submitted]), as: UTF8.self)
                                key = "row:\(contentHash(answers))@\(time)"
                            } else if let seen {
                                // Neither: the answers and how many identical rows came before in this file.
                                let hash = contentHash(answers)
                                try seen.bind(1, hash)
                                key = "row:\(hash)#\(try seen.runReturningInteger() ?? 1)"
                            } else {
                                key = "row:" + contentHash(answers)  // a file with ids, but not on this row
                            }
                            let submitted = entry.submitted.map { UnsafeBufferPointer(rebasing: bytes[$0]) }
                            if let holder = try responses.insert(key: key, line: entry.line, submitted: submitted, answers: answers) {
                                summary.duplicates += 1
                                if !heldBy.contains(holder) { heldBy.insert(holder) }
                            } else {
                                summary.imported += 1
                            }
                        }
                    }
                }
            } catch {
                queue.cancel()
                throw error
            }
            progress?(summary.rowsRead)
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
            for holder in heldBy.sorted() {
                let wave = try db.scalar("SELECT wave FROM import_batch WHERE id = ?", [holder]).string
                summary.duplicatesHeldBy.append((holder, wave))
            }
            try db.execute(
                "UPDATE import_batch SET rows_read = ?, imported = ?, duplicates = ?, quarantined = ? WHERE id = ?",
                [summary.rowsRead, summary.imported, summary.duplicates, summary.quarantined, batch])
            // A file that adds nothing (every row already stored) leaves no empty batch behind.
            return options.dryRun || summary.addsNothing ? .rollback : .commit
        }
        if options.dryRun || summary.addsNothing { summary.batchID = nil }
        summary.problems = summary.problems.map(sniffed.locate)
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
