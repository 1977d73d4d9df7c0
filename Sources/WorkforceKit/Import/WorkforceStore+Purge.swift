/// What a purge removed.
public struct PurgeSummary: Sendable {
    public var batches: [Int64] = []
    public var responses = 0
    public var rejectedRows = 0
    public var offerings = 0
    public var vacuumed = false
}

extension WorkforceStore {
    /// Deletes an import batch completely (its responses, quarantined rows, catalog offerings
    /// and the batch itself), or one respondent's response (`responseKey`, for a withdrawal of
    /// consent) with the batch's counts kept consistent, in one transaction. With `vacuum`,
    /// rewrites the file (`VACUUM`) so that deleted values do not linger in free pages.
    ///
    /// - Throws: ``WorkforceError/usage(_:)`` for an unknown batch or response key.
    public func purge(batch: Int64?, responseKey: String?, vacuum: Bool) throws(WorkforceError) -> PurgeSummary {
        var summary = PurgeSummary()
        try write { db in
            if let batch {
                guard try db.scalar("SELECT count(*) FROM import_batch WHERE id = ?", [batch]).int == 1 else {
                    throw WorkforceError.usage("no import batch \(batch); `workforce imports` lists them")
                }
                if try db.scalar("SELECT count(*) FROM offering WHERE retired_by = ?", [batch]).int ?? 0 > 0 {
                    throw WorkforceError.usage(
                        "batch \(batch) replaced earlier catalog offerings; purge the catalog batches after it first (newest first)")
                }
                summary.responses = try db.scalar("SELECT count(*) FROM response WHERE batch_id = ?", [batch]).int ?? 0
                summary.rejectedRows = try db.scalar("SELECT count(*) FROM rejected_row WHERE batch_id = ?", [batch]).int ?? 0
                summary.offerings = try db.scalar("SELECT count(*) FROM offering WHERE batch_id = ?", [batch]).int ?? 0
                try db.execute("DELETE FROM response WHERE batch_id = ?", [batch])
                try db.execute("DELETE FROM rejected_row WHERE batch_id = ?", [batch])
                try db.execute("DELETE FROM offering_ksa WHERE offering_id IN (SELECT id FROM offering WHERE batch_id = ?)", [batch])
                try db.execute("DELETE FROM offering_role WHERE offering_id IN (SELECT id FROM offering WHERE batch_id = ?)", [batch])
                try db.execute("DELETE FROM offering WHERE batch_id = ?", [batch])
                try db.execute("DELETE FROM import_batch WHERE id = ?", [batch])
                summary.batches = [batch]
            }
            if let responseKey {
                let rows = try db.rows("SELECT id, batch_id FROM response WHERE response_key = ?", [responseKey])
                guard !rows.isEmpty else {
                    throw WorkforceError.usage("no stored response has the key \(responseKey); `workforce responses KIND` lists the keys")
                }
                for row in rows {
                    let id = Int64(row[0].int ?? 0), batchID = Int64(row[1].int ?? 0)
                    try db.execute("DELETE FROM response WHERE id = ?", [id])
                    // The batch's counts stay true: the response is no longer there.
                    try db.execute("UPDATE import_batch SET rows_read = rows_read - 1, imported = imported - 1 WHERE id = ?", [batchID])
                    summary.responses += 1
                    summary.batches.append(batchID)
                }
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
}
