extension Schema {
    /// Queries raised at import by the soft edit rules (``EditRules``): the row is stored, and
    /// each query keeps its rule, its place in the file and its message, for
    /// `workforce imports --queries BATCH`.
    static let importQueries = """
        CREATE TABLE import_query (
            id       INTEGER PRIMARY KEY,
            batch_id INTEGER NOT NULL REFERENCES import_batch (id),
            line     INTEGER NOT NULL,
            field    INTEGER,
            header   TEXT,
            rule     TEXT NOT NULL,
            message  TEXT NOT NULL
        );
        CREATE INDEX import_query_by_batch ON import_query (batch_id, line);
        """
}
