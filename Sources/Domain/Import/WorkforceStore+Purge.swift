/// What a purge removed.
package struct PurgeSummary: Sendable {
    package var batches: [Int64] = []
    package var responses = 0
    package var rejectedRows = 0
    package var offerings = 0
    /// Catalog offerings that the purged batch had replaced and that are current again.
    package var restoredOfferings = 0
    package var vacuumed = false
    /// The key purged (normalised) and where it was looked for.
    package var purgedKey: String?
    package var purgedScope = ResponseScope()
    /// E-mail addresses and long numbers of the purged rows, looked for after `VACUUM`.
    var personalValues: Set<String> = []
}

extension WorkforceStore {
    /// Deletes an import batch completely (its responses, quarantined rows, catalog offerings
    /// and the batch itself), or one respondent's response (`responseKey`, for a withdrawal of
    /// consent) with the batch's counts kept consistent, in one transaction. With `vacuum`,
    /// rewrites the file (`VACUUM`) so that deleted values do not linger in free pages; `vacuum`
    /// alone rewrites the file after an earlier purge.
    ///
    /// A respondent's key (normalised as on import, ``ResponseKey``) is looked for in the stored
    /// responses and in every batch's quarantined rows (in the column the batch's header holds
    /// the response id in), within `scope`; a key that names more than one respondent (a
    /// questionnaire number of two forms or waves) is refused, listing them. With `vacuum`, the
    /// file, its WAL and its journal are then read to check that no e-mail address or long number
    /// of the purged rows remains (unless another stored row holds it too) before success is
    /// reported. Purging a catalog batch makes current again the offerings it
    /// replaced, once no later batch has replaced its own.
    ///
    /// - Throws: ``WorkforceError/usage(_:)`` for an unknown batch or response key, an ambiguous
    ///   key, or a catalog batch whose offerings a later batch replaced (naming that batch);
    ///   ``WorkforceError/io(path:reason:)`` when a purged value is still in the file after `VACUUM`.
    package func purge(batch: Int64?, responseKey: String?, scope: ResponseScope = ResponseScope(), vacuum: Bool) throws(WorkforceError) -> PurgeSummary {
        var summary = PurgeSummary()
        if batch != nil || responseKey != nil {
            try write { db in
                if let batch { try Self.purgeBatch(batch, db, &summary) }
                if let responseKey { try Self.purgeKey(responseKey, scope, db, &summary) }
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
            let lingering: [String]
            do {
                lingering = try lingeringValues(summary.personalValues)
            } catch {
                throw WorkforceError(error, path: path)
            }
            guard lingering.isEmpty else {
                throw .io(
                    path: path,
                    reason: "the rows were deleted, but after VACUUM the file still holds \(plural(lingering.count, "value")) of them (\(lingering.prefix(3).map(valuePrefix).joined(separator: ", "))); close every other program using the database and run `workforce purge --vacuum` again")
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
        ).map { try $0.int("retired_by") }
        if !later.isEmpty {
            throw WorkforceError.usage(
                "batch \(batch)'s catalog offerings were replaced by batch \(later.map(String.init).joined(separator: ", ")); purge \(later.count == 1 ? "that batch" : "those batches") first (newest first)")
        }
        summary.responses = try db.scalar("SELECT count(*) FROM response WHERE batch_id = ?", [batch]).int ?? 0
        summary.rejectedRows = try db.scalar("SELECT count(*) FROM rejected_row WHERE batch_id = ?", [batch]).int ?? 0
        summary.offerings = try db.scalar("SELECT count(*) FROM offering WHERE batch_id = ?", [batch]).int ?? 0
        try db.execute("DELETE FROM response WHERE batch_id = ?", [batch])
        try db.execute("DELETE FROM rejected_row WHERE batch_id = ?", [batch])
        try db.execute("DELETE FROM import_query WHERE batch_id = ?", [batch])
        try db.execute("DELETE FROM offering_ksa WHERE offering_id IN (SELECT id FROM offering WHERE batch_id = ?)", [batch])
        try db.execute("DELETE FROM offering_role WHERE offering_id IN (SELECT id FROM offering WHERE batch_id = ?)", [batch])
        try db.execute("DELETE FROM offering WHERE batch_id = ?", [batch])
        // What this batch replaced is current again.
        try db.execute("UPDATE offering SET retired_by = NULL WHERE retired_by = ?", [batch])
        summary.restoredOfferings = db.changes
        try db.execute("DELETE FROM import_batch WHERE id = ?", [batch])
        summary.batches = [batch]
    }
}
