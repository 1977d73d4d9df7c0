extension Schema {
    /// The awareness campaigns each district ran (`workforce campaigns import FILE`): the whole
    /// list, replaced by each import, with the file and line each row came from. The
    /// difference-in-differences of `awareness --compare ... --campaigns` reads it.
    static let campaigns = """
        CREATE TABLE campaign (
            id          INTEGER PRIMARY KEY,
            file        TEXT NOT NULL,
            line        INTEGER NOT NULL,
            district    TEXT NOT NULL CHECK (length(district) BETWEEN 1 AND 200),
            campaign    TEXT NOT NULL CHECK (length(campaign) BETWEEN 1 AND 200),
            start_date  TEXT NOT NULL CHECK (start_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
            end_date    TEXT NOT NULL CHECK (end_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND end_date >= start_date),
            imported_at TEXT NOT NULL
        );
        """
}
