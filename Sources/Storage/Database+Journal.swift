extension Database {
    /// Runs `body`, a bulk write (an import of many rows), with a rollback journal instead of the
    /// write-ahead log, then returns the database to WAL; `wanted` false runs it in WAL.
    ///
    /// With WAL every page an import writes goes to the log and again into the database at the
    /// checkpoint, and a page the page cache spills more than once (the identity index's pages,
    /// which random keys dirty again and again) is appended to the log at every spill. With a
    /// rollback journal the new pages are written once, into the database itself, and only pages
    /// that held data before the import are copied to the journal first. Measured on a million
    /// 300-byte rows with a unique index on a random 64-bit key and a 64 MiB cache: 5.4 s of CPU and
    /// 1.4 million blocks written in WAL, 4.0 s and 0.7 million with the journal (SQLite 3.40;
    /// `docs/benchmarks.md`).
    ///
    /// A transaction in either mode is atomic: a crash part-way leaves a hot journal that the next
    /// connection rolls back, so nothing is half-written. `synchronous = FULL` while the journal is
    /// used keeps the commit durable as WAL with `NORMAL` is. SQLite changes the mode only when no
    /// other connection has the database open (it answers "database is locked" at once when one
    /// has); then `body` runs in WAL as before.
    package func withRollbackJournal<T>(when wanted: Bool = true, _ body: () throws -> T) throws -> T {
        guard wanted, !isInTransaction, try switchToRollbackJournal() else { return try body() }
        defer {
            try? execute(sql: "PRAGMA journal_mode = WAL")
            try? execute(sql: "PRAGMA synchronous = NORMAL")
        }
        try execute(sql: "PRAGMA synchronous = FULL")
        return try body()
    }

    /// Whether the database now uses a rollback journal: `false` when another connection holds it.
    private func switchToRollbackJournal() throws -> Bool {
        do {
            return try scalar("PRAGMA journal_mode = DELETE").string?.lowercased() == "delete"
        } catch let error as DatabaseError where error.primaryCode == .busy {
            return false
        }
    }
}
