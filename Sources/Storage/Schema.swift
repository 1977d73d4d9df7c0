/// The database schema, as an ordered list of named migrations.
///
/// Never edit a migration that has shipped: add a new one. docs/schema.md
/// describes these tables for analysts.
package enum Schema {
    /// All migrations, in the order they are applied.
    package static var migrator: Migrator {
        var migrator = Migrator()
        migrator.register("001-framework", sql: framework)
        migrator.register("002-instrument", sql: instrument)
        migrator.register("003-responses", sql: responses)
        migrator.register("004-catalog", sql: catalog)
        migrator.register("005-translation", sql: translation)
        migrator.register("006-offering-duration", sql: offeringDuration)
        migrator.register("007-batch-ids", sql: batchIDs)
        migrator.register("008-weighting-files", sql: weighting)
        migrator.register("009-awareness-design", sql: awarenessDesign)
        migrator.register("010-import-queries", sql: importQueries)
        migrator.register("011-offering-cost", sql: offeringCost)
        migrator.register("012-wave-frames", sql: waveFrames)
        migrator.register("013-campaigns", sql: campaigns)
        migrator.register("014-frame-units", sql: frameUnits)
        return migrator
    }

    /// Frameworks (NICE 2017 and NICE Framework Components side by side), their categories,
    /// specialty areas, work roles, statements (tasks and K/S/A), links and full-text search.
    static let framework = """
        CREATE TABLE framework (
            id          INTEGER PRIMARY KEY,
            name        TEXT NOT NULL UNIQUE,
            title       TEXT NOT NULL,
            version     TEXT NOT NULL,
            edition     TEXT NOT NULL CHECK (edition IN ('nice-2017', 'components')),
            source      TEXT NOT NULL,
            is_default  INTEGER NOT NULL DEFAULT 0 CHECK (is_default IN (0, 1)),
            loaded_at   TEXT NOT NULL
        );
        CREATE UNIQUE INDEX framework_single_default ON framework (is_default) WHERE is_default = 1;

        CREATE TABLE category (
            framework_id INTEGER NOT NULL REFERENCES framework (id) ON DELETE CASCADE,
            id           TEXT NOT NULL,
            name         TEXT NOT NULL,
            description  TEXT NOT NULL DEFAULT '',
            PRIMARY KEY (framework_id, id)
        );

        CREATE TABLE specialty_area (
            framework_id INTEGER NOT NULL REFERENCES framework (id) ON DELETE CASCADE,
            id           TEXT NOT NULL,
            name         TEXT NOT NULL,
            category_id  TEXT NOT NULL,
            description  TEXT NOT NULL DEFAULT '',
            PRIMARY KEY (framework_id, id),
            FOREIGN KEY (framework_id, category_id) REFERENCES category (framework_id, id)
        );

        CREATE TABLE work_role (
            framework_id      INTEGER NOT NULL REFERENCES framework (id) ON DELETE CASCADE,
            id                TEXT NOT NULL,
            name              TEXT NOT NULL,
            category_id       TEXT NOT NULL,
            specialty_area_id TEXT,
            opm_code          TEXT,
            description       TEXT NOT NULL DEFAULT '',
            PRIMARY KEY (framework_id, id),
            FOREIGN KEY (framework_id, category_id) REFERENCES category (framework_id, id),
            FOREIGN KEY (framework_id, specialty_area_id) REFERENCES specialty_area (framework_id, id)
        );

        -- Tasks (T) and knowledge, skills and abilities (K, S, A) in one table.
        CREATE TABLE statement (
            pk           INTEGER PRIMARY KEY,
            framework_id INTEGER NOT NULL REFERENCES framework (id) ON DELETE CASCADE,
            id           TEXT NOT NULL,
            kind         TEXT NOT NULL CHECK (kind IN ('T', 'K', 'S', 'A')),
            text         TEXT NOT NULL,
            withdrawn    INTEGER NOT NULL DEFAULT 0 CHECK (withdrawn IN (0, 1)),
            UNIQUE (framework_id, id)
        );
        CREATE INDEX statement_kind ON statement (framework_id, kind);

        CREATE TABLE role_statement (
            framework_id INTEGER NOT NULL,
            role_id      TEXT NOT NULL,
            statement_id TEXT NOT NULL,
            PRIMARY KEY (framework_id, role_id, statement_id),
            FOREIGN KEY (framework_id, role_id) REFERENCES work_role (framework_id, id) ON DELETE CASCADE,
            FOREIGN KEY (framework_id, statement_id) REFERENCES statement (framework_id, id) ON DELETE CASCADE
        ) WITHOUT ROWID;
        CREATE INDEX role_statement_by_statement ON role_statement (framework_id, statement_id);

        CREATE TABLE competency_area (
            framework_id INTEGER NOT NULL REFERENCES framework (id) ON DELETE CASCADE,
            id           TEXT NOT NULL,
            name         TEXT NOT NULL,
            description  TEXT NOT NULL DEFAULT '',
            PRIMARY KEY (framework_id, id)
        );

        CREATE TABLE competency_area_statement (
            framework_id       INTEGER NOT NULL,
            competency_area_id TEXT NOT NULL,
            statement_id       TEXT NOT NULL,
            PRIMARY KEY (framework_id, competency_area_id, statement_id),
            FOREIGN KEY (framework_id, competency_area_id)
                REFERENCES competency_area (framework_id, id) ON DELETE CASCADE,
            FOREIGN KEY (framework_id, statement_id) REFERENCES statement (framework_id, id) ON DELETE CASCADE
        ) WITHOUT ROWID;

        -- Full-text search over statement text, kept in step with `statement` by triggers.
        CREATE VIRTUAL TABLE statement_fts USING fts5 (
            text, content = 'statement', content_rowid = 'pk', tokenize = 'porter unicode61'
        );
        CREATE TRIGGER statement_fts_insert AFTER INSERT ON statement BEGIN
            INSERT INTO statement_fts (rowid, text) VALUES (new.pk, new.text);
        END;
        CREATE TRIGGER statement_fts_delete AFTER DELETE ON statement BEGIN
            INSERT INTO statement_fts (statement_fts, rowid, text) VALUES ('delete', old.pk, old.text);
        END;
        CREATE TRIGGER statement_fts_update AFTER UPDATE OF text ON statement BEGIN
            INSERT INTO statement_fts (statement_fts, rowid, text) VALUES ('delete', old.pk, old.text);
            INSERT INTO statement_fts (rowid, text) VALUES (new.pk, new.text);
        END;

        -- Views for analysts: names instead of integer keys.
        CREATE VIEW v_work_role AS
            SELECT f.name AS framework, r.id AS role_id, r.name, r.category_id, c.name AS category,
                   r.specialty_area_id, a.name AS specialty_area, r.opm_code, r.description
            FROM work_role r
            JOIN framework f ON f.id = r.framework_id
            JOIN category c ON c.framework_id = r.framework_id AND c.id = r.category_id
            LEFT JOIN specialty_area a ON a.framework_id = r.framework_id AND a.id = r.specialty_area_id;
        CREATE VIEW v_role_statement AS
            SELECT f.name AS framework, l.role_id, s.id AS statement_id, s.kind, s.text, s.withdrawn
            FROM role_statement l
            JOIN framework f ON f.id = l.framework_id
            JOIN statement s ON s.framework_id = l.framework_id AND s.id = l.statement_id;
        """

    /// Every generated questionnaire, with its codebook, so that the importer can find the
    /// codebook a response file was collected with.
    static let instrument = """
        CREATE TABLE instrument (
            id           INTEGER PRIMARY KEY,
            kind         TEXT NOT NULL CHECK (kind IN ('employer', 'university', 'awareness')),
            form_id      TEXT NOT NULL,
            wave         TEXT,
            version      TEXT NOT NULL UNIQUE,
            framework    TEXT NOT NULL,
            languages    TEXT NOT NULL,
            questions    INTEGER NOT NULL,
            codebook     TEXT NOT NULL,
            generated_at TEXT NOT NULL
        );
        CREATE INDEX instrument_by_form ON instrument (form_id, id);
        """

    /// Imported responses, import batches and quarantined rows.
    static let responses = """
        CREATE TABLE import_batch (
            id              INTEGER PRIMARY KEY,
            instrument_id   INTEGER NOT NULL REFERENCES instrument (id),
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
            CHECK (rows_read = imported + duplicates + quarantined)
        );

        -- The questions and choice lists of each instrument, by position: `response.answers`
        -- refers to them by position to keep a million responses small.
        CREATE TABLE instrument_question (
            instrument_id INTEGER NOT NULL REFERENCES instrument (id),
            position      INTEGER NOT NULL,
            name          TEXT NOT NULL,
            type          TEXT NOT NULL,
            list_name     TEXT,
            group_path    TEXT NOT NULL,
            label_en      TEXT,
            PRIMARY KEY (instrument_id, position)
        ) WITHOUT ROWID;
        CREATE TABLE instrument_choice (
            instrument_id INTEGER NOT NULL REFERENCES instrument (id),
            list_name     TEXT NOT NULL,
            position      INTEGER NOT NULL,
            name          TEXT NOT NULL,
            label_en      TEXT,
            label_es      TEXT,
            PRIMARY KEY (instrument_id, list_name, position)
        ) WITHOUT ROWID;

        -- One row per response. `answers` is a JSON array in the order of the instrument's
        -- questions (instrument_question.position): null when not answered or not asked; a
        -- select_one as the position of its choice in the list, a select_multiple as an array of
        -- positions, numbers as numbers, text as strings. v_answer decodes it.
        -- `key_hash` is a 64-bit hash of the batch's kind and `response_key`, unique.
        CREATE TABLE response (
            id           INTEGER PRIMARY KEY,
            batch_id     INTEGER NOT NULL REFERENCES import_batch (id),
            key_hash     INTEGER NOT NULL,
            response_key TEXT NOT NULL,
            line         INTEGER NOT NULL,
            submitted_at TEXT,
            answers      TEXT NOT NULL
        );
        CREATE UNIQUE INDEX response_identity ON response (key_hash);

        -- Rows that failed validation, kept with their text, line and every reason.
        CREATE TABLE rejected_row (
            id       INTEGER PRIMARY KEY,
            batch_id INTEGER NOT NULL REFERENCES import_batch (id),
            line     INTEGER NOT NULL,
            raw      TEXT NOT NULL,
            reasons  TEXT NOT NULL
        );
        CREATE INDEX rejected_row_by_batch ON rejected_row (batch_id, line);

        \(responseViews)
        """

    /// The views over responses (`v_response`, `v_answer`), created by 003-responses and
    /// recreated unchanged by 004-catalog, which rebuilds the table they read.
    static let responseViews = """
        -- Responses with their instrument, kind and wave.
        CREATE VIEW v_response AS
            SELECT r.id AS response_id, r.batch_id, b.instrument_id, i.form_id, b.kind, b.wave, r.response_key,
                   r.line, r.submitted_at, r.answers
            FROM response r JOIN import_batch b ON b.id = r.batch_id JOIN instrument i ON i.id = b.instrument_id;

        -- Every answer as a row, by question name, with choices as their names (a
        -- select_multiple as names separated by spaces): analysts count without parsing JSON.
        CREATE VIEW v_answer AS
            SELECT r.id AS response_id, r.batch_id, b.kind, b.wave, q.name AS question, q.type,
                   CASE q.type
                       WHEN 'select_one' THEN (
                           SELECT c.name FROM instrument_choice c
                           WHERE c.instrument_id = b.instrument_id AND c.list_name = q.list_name AND c.position = a.value)
                       WHEN 'select_multiple' THEN (
                           SELECT group_concat(c.name, ' ') FROM json_each(a.value) m
                           JOIN instrument_choice c
                             ON c.instrument_id = b.instrument_id AND c.list_name = q.list_name AND c.position = m.value)
                       ELSE a.value
                   END AS value
            FROM response r
            JOIN import_batch b ON b.id = r.batch_id
            JOIN json_each(r.answers) a
            JOIN instrument_question q ON q.instrument_id = b.instrument_id AND q.position = a.key
            WHERE a.type <> 'null';
        """
}
