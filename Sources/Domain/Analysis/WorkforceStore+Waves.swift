extension WorkforceStore {
    /// The employer waves imported, oldest first (`baseline` for batches without a wave).
    package func employerWaves() throws(WorkforceError) -> [String] {
        try read { db in
            try db.rows("SELECT wave, MIN(id) FROM import_batch WHERE kind = 'employer' GROUP BY wave ORDER BY MIN(id)", [])
                .map { try $0.optionalString("wave") ?? "baseline" }
        }
    }
}
