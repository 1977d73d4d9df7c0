/// What a purge removed.
public struct PurgeSummary: Sendable {
    public var batches: [Int64] = []
    public var responses = 0
    public var rejectedRows = 0
    public var offerings = 0
    /// Catalog offerings that the purged batch had replaced and that are current again.
    public var restoredOfferings = 0
    public var vacuumed = false
}

extension WorkforceStore {
    /// Deletes an import batch completely (its responses, quarantined rows, catalog offerings
    /// and the batch itself), or one respondent's response (`responseKey`, for a withdrawal of
    /// consent) with the batch's counts kept consistent, in one transaction. With `vacuum`,
    /// rewrites the file (`VACUUM`) so that deleted values do not linger in free pages; `vacuum`
    /// alone rewrites the file after an earlier purge.
    ///
    /// A respondent's key is looked for in the stored responses and in every batch's quarantined
    /// rows (in the column the batch's header holds the response id in), so that a withdrawal
    /// leaves no row with the key. Purging a catalog batch makes current again the offerings it
    /// replaced, once no later batch has replaced its own.
    ///
    /// - Throws: ``WorkforceError/usage(_:)`` for an unknown batch or response key, or a catalog
    ///   batch whose offerings a later batch replaced (naming that batch).
    public func purge(batch: Int64?, responseKey: String?, vacuum: Bool) throws(WorkforceError) -> PurgeSummary {
        var summary = PurgeSummary()
        if batch != nil || responseKey != nil {
            try write { db in
                if let batch { try Self.purgeBatch(batch, db, &summary) }
                if let responseKey { try Self.purgeKey(responseKey, db, &summary) }
            }
        }
        if vacuum {
            do {
                try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
                try db.execute(sql: "VACUUM")
                try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
            } catch {
                throw WorkforceError(error, path: path)
            }
            summary.vacuumed = true
        }
        return summary
    }

    private static func purgeBatch(_ batch: Int64, _ db: Database, _ summary: inout PurgeSummary) throws {
        guard try db.scalar("SELECT count(*) FROM import_batch WHERE id = ?", [batch]).int == 1 else {
            // Something asked for that is not there: no input (66), not a wrong command line.
            throw WorkforceError.noInput(path: "batch \(batch)", reason: "no import batch \(batch) is stored; `workforce imports` lists them")
        }
        let later = try db.rows(
            "SELECT DISTINCT retired_by FROM offering WHERE batch_id = ? AND retired_by IS NOT NULL ORDER BY retired_by", [batch]
        ).compactMap { $0[0].int }
        if !later.isEmpty {
            throw WorkforceError.usage(
                "batch \(batch)'s catalog offerings were replaced by batch \(later.map(String.init).joined(separator: ", ")); purge \(later.count == 1 ? "that batch" : "those batches") first (newest first)")
        }
        summary.responses = try db.scalar("SELECT count(*) FROM response WHERE batch_id = ?", [batch]).int ?? 0
        summary.rejectedRows = try db.scalar("SELECT count(*) FROM rejected_row WHERE batch_id = ?", [batch]).int ?? 0
        summary.offerings = try db.scalar("SELECT count(*) FROM offering WHERE batch_id = ?", [batch]).int ?? 0
        try db.execute("DELETE FROM response WHERE batch_id = ?", [batch])
        try db.execute("DELETE FROM rejected_row WHERE batch_id = ?", [batch])
        try db.execute("DELETE FROM offering_ksa WHERE offering_id IN (SELECT id FROM offering WHERE batch_id = ?)", [batch])
        try db.execute("DELETE FROM offering_role WHERE offering_id IN (SELECT id FROM offering WHERE batch_id = ?)", [batch])
        try db.execute("DELETE FROM offering WHERE batch_id = ?", [batch])
        // What this batch replaced is current again.
        try db.execute("UPDATE offering SET retired_by = NULL WHERE retired_by = ?", [batch])
        summary.restoredOfferings = db.changes
        try db.execute("DELETE FROM import_batch WHERE id = ?", [batch])
        summary.batches = [batch]
    }

    private static func purgeKey(_ key: String, _ db: Database, _ summary: inout PurgeSummary) throws {
        let before = summary.responses + summary.rejectedRows
        for row in try db.rows("SELECT id, batch_id FROM response WHERE response_key = ?", [key]) {
            let id = Int64(row[0].int ?? 0), batchID = Int64(row[1].int ?? 0)
            try db.execute("DELETE FROM response WHERE id = ?", [id])
            // The batch's counts stay true: the response is no longer there.
            try db.execute("UPDATE import_batch SET rows_read = rows_read - 1, imported = imported - 1 WHERE id = ?", [batchID])
            summary.responses += 1
            summary.batches.append(batchID)
        }
        for batch in try db.rows("SELECT id, header, dialect FROM import_batch WHERE quarantined > 0 AND instrument_id IS NOT NULL") {
            let batchID = Int64(batch[0].int ?? 0)
            let header = (try? CSVReader(string: batch[1].string ?? "", name: "header").readRecord()?.fields) ?? []
            let column = ColumnPlan.identityColumn(in: header, dialect: ImportDialect(rawValue: batch[2].string ?? "") ?? .template)
            var matching: [Int64] = []
            try db.forEachRow("SELECT id, raw FROM rejected_row WHERE batch_id = ?", [batchID]) { row in
                let raw = row[1].string ?? ""
                guard raw.contains(key) else { return }
                let fields = (try? CSVReader(string: raw, name: "raw").readRecord()?.fields) ?? []
                if let column, column < fields.count {
                    if fields[column] == key { matching.append(Int64(row[0].int ?? 0)) }
                } else {
                    // A row cut short at the import limits, or unreadable: the key is in it, so it goes.
                    matching.append(Int64(row[0].int ?? 0))
                }
            }
            for id in matching { try db.execute("DELETE FROM rejected_row WHERE id = ?", [id]) }
            if !matching.isEmpty {
                try db.execute(
                    "UPDATE import_batch SET rows_read = rows_read - ?1, quarantined = quarantined - ?1 WHERE id = ?2", [matching.count, batchID])
                summary.rejectedRows += matching.count
                if !summary.batches.contains(batchID) { summary.batches.append(batchID) }
            }
        }
        guard summary.responses + summary.rejectedRows > before else {
            throw WorkforceError.noInput(
                path: "response key \(valuePrefix(key))",
                reason: "no stored or quarantined response has the key \(valuePrefix(key)); `workforce responses KIND` lists the stored keys")
        }
    }
}
