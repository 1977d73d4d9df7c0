extension Schema {
    /// Batch ids that are never reused: `import_batch` is rebuilt with `AUTOINCREMENT`, so that
    /// after a purge a new import never takes the id of a purged batch, and an id in an old log
    /// or report never names other data. `sqlite_sequence` starts at the largest id there is.
    /// The views that read `import_batch` are recreated unchanged.
    static let batchIDs = """
        CREATE TABLE import_batch_new (
            id              INTEGER PRIMARY KEY AUTOINCREMENT,
            instrument_id   INTEGER REFERENCES instrument (id),
            framework_id    INTEGER REFERENCES framework (id),
            kind            TEXT NOT NULL,
            wave            TEXT,
            file            TEXT NOT NULL,
            dialect         TEXT NOT NULL,
            encoding        TEXT NOT NULL,
            delimiter       TEXT NOT NULL,
            header          TEXT NOT NULL,
            unknown_columns TEXT NOT NULL,
            rows_read       INTEGER NOT NULL DEFAULT 0,
            imported        INTEGER NOT NULL DEFAULT 0,
            duplicates      INTEGER NOT NULL DEFAULT 0,
            quarantined     INTEGER NOT NULL DEFAULT 0,
            imported_at     TEXT NOT NULL,
            CHECK (rows_read = imported + duplicates + quarantined),
            CHECK ((kind = 'catalog') = (instrument_id IS NULL))
        );
        INSERT INTO import_batch_new (id, instrument_id, framework_id, kind, wave, file, dialect, encoding, delimiter, header,
                                      unknown_columns, rows_read, imported, duplicates, quarantined, imported_at)
            SELECT id, instrument_id, framework_id, kind, wave, file, dialect, encoding, delimiter, header,
                   unknown_columns, rows_read, imported, duplicates, quarantined, imported_at FROM import_batch;
        DROP VIEW v_response;
        DROP VIEW v_answer;
        DROP VIEW v_offering;
        DROP TABLE import_batch;
        ALTER TABLE import_batch_new RENAME TO import_batch;

        \(responseViews)
        \(offeringView)
        """
}
