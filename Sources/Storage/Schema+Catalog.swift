extension Schema {
    /// The national training catalog (strategy activity 1.3): institutions, their offerings
    /// with the KSAs they teach and the roles they name, kept as history across re-imports.
    ///
    /// `import_batch` is rebuilt (SQLite's documented way to change a table) so that a batch
    /// can be a catalog file: `instrument_id` may be NULL, `kind` may be `catalog`, and a
    /// catalog batch names its framework. The response views are recreated unchanged.
    static let catalog = """
        CREATE TABLE import_batch_new (
            id              INTEGER PRIMARY KEY,
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
        INSERT INTO import_batch_new (id, instrument_id, kind, wave, file, dialect, encoding, delimiter, header, unknown_columns,
                                      rows_read, imported, duplicates, quarantined, imported_at)
            SELECT id, instrument_id, kind, wave, file, dialect, encoding, delimiter, header, unknown_columns,
                   rows_read, imported, duplicates, quarantined, imported_at FROM import_batch;
        DROP VIEW v_response;
        DROP VIEW v_answer;
        DROP TABLE import_batch;
        ALTER TABLE import_batch_new RENAME TO import_batch;

        \(responseViews)
        -- Institutions, matched case- and accent-insensitively through match_key.
        CREATE TABLE institution (
            id        INTEGER PRIMARY KEY,
            name      TEXT NOT NULL,
            match_key TEXT NOT NULL UNIQUE
        );

        -- One row per offering (programme, course or certification preparation) as a catalog
        -- batch imported it. An offering is current while retired_by is NULL; re-importing an
        -- institution retires its offerings (retired_by = the new batch), which stay as history.
        CREATE TABLE offering (
            id                 INTEGER PRIMARY KEY,
            batch_id           INTEGER NOT NULL REFERENCES import_batch (id),
            institution_id     INTEGER NOT NULL REFERENCES institution (id),
            code               TEXT NOT NULL,
            title              TEXT NOT NULL,
            level              TEXT NOT NULL,
            delivery_mode      TEXT NOT NULL,
            hours              REAL,
            credits            REAL,
            annual_intake      INTEGER,
            annual_completions INTEGER NOT NULL CHECK (annual_completions >= 0),
            programme          TEXT,
            last_updated       TEXT NOT NULL,
            line               INTEGER NOT NULL,
            retired_by         INTEGER REFERENCES import_batch (id)
        );
        CREATE INDEX offering_current ON offering (retired_by, institution_id);

        -- The current KSAs an offering's row lists (withdrawn ids are warned about, not stored).
        CREATE TABLE offering_ksa (
            offering_id  INTEGER NOT NULL REFERENCES offering (id),
            statement_id TEXT NOT NULL,
            PRIMARY KEY (offering_id, statement_id)
        ) WITHOUT ROWID;
        -- The work roles an offering's row names (optional, as the registrar declared them).
        CREATE TABLE offering_role (
            offering_id INTEGER NOT NULL REFERENCES offering (id),
            role_id     TEXT NOT NULL,
            PRIMARY KEY (offering_id, role_id)
        ) WITHOUT ROWID;

        \(offeringViewAt004)
        """

    /// The view over offerings (`v_offering`) as 004-catalog created it, before `duration_years`.
    static let offeringViewAt004 = """
        -- Offerings with names instead of keys.
        CREATE VIEW v_offering AS
            SELECT o.id AS offering_id, i.name AS institution, o.code, o.title, o.level, o.delivery_mode, o.hours,
                   o.credits, o.annual_intake, o.annual_completions, o.programme, o.last_updated, f.name AS framework,
                   o.batch_id, o.retired_by, o.retired_by IS NULL AS current,
                   (SELECT count(*) FROM offering_ksa k WHERE k.offering_id = o.id) AS ksas
            FROM offering o JOIN institution i ON i.id = o.institution_id
            JOIN import_batch b ON b.id = o.batch_id LEFT JOIN framework f ON f.id = b.framework_id;
        """

    /// An offering's length in years (`duration_years`, optional: the plan otherwise takes
    /// the level's default), within the catalog template's range 0.02 to 10.
    static let offeringDuration = """
        ALTER TABLE offering ADD COLUMN duration_years REAL CHECK (duration_years IS NULL OR (duration_years >= 0.02 AND duration_years <= 10));
        DROP VIEW v_offering;
        \(offeringView)
        """

    /// What one more completion a year of an offering costs (`cost_per_completion`, optional:
    /// the plan then minimises cost and keeps to `--budget`), within the template's range.
    static let offeringCost = """
        ALTER TABLE offering ADD COLUMN cost_per_completion REAL CHECK (cost_per_completion IS NULL OR (cost_per_completion >= 0 AND cost_per_completion <= 10000000));
        """

    /// The current view over offerings (`v_offering`), created by 006-offering-duration and
    /// recreated unchanged by 007-batch-ids, which rebuilds the table it reads.
    static let offeringView = """
        -- Offerings with names instead of keys.
        CREATE VIEW v_offering AS
            SELECT o.id AS offering_id, i.name AS institution, o.code, o.title, o.level, o.delivery_mode, o.hours,
                   o.credits, o.annual_intake, o.annual_completions, o.duration_years, o.programme, o.last_updated, f.name AS framework,
                   o.batch_id, o.retired_by, o.retired_by IS NULL AS current,
                   (SELECT count(*) FROM offering_ksa k WHERE k.offering_id = o.id) AS ksas
            FROM offering o JOIN institution i ON i.id = o.institution_id
            JOIN import_batch b ON b.id = o.batch_id LEFT JOIN framework f ON f.id = b.framework_id;
        """
}
