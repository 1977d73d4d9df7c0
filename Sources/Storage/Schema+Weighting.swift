extension Schema {
    /// Sampling frames and population margins stored with `workforce frame import` and
    /// `workforce margins import`: each import is a new version of its kind (the latest is the
    /// current one), with the file's name, SHA-256 and time, and its validated rows, each with
    /// the line of the file it came from (so that an error found later still names the line).
    static let weighting = """
        CREATE TABLE weighting_file (
            id          INTEGER PRIMARY KEY AUTOINCREMENT,
            kind        TEXT NOT NULL CHECK (kind IN ('frame', 'margins')),
            version     INTEGER NOT NULL CHECK (version >= 1),
            file        TEXT NOT NULL,
            sha256      TEXT NOT NULL CHECK (length(sha256) = 64),
            rows        INTEGER NOT NULL CHECK (rows >= 1),
            total       INTEGER NOT NULL CHECK (total >= 0),
            imported_at TEXT NOT NULL,
            UNIQUE (kind, version)
        );

        CREATE TABLE frame_stratum (
            file_id       INTEGER NOT NULL REFERENCES weighting_file (id) ON DELETE CASCADE,
            line          INTEGER NOT NULL,
            sector        TEXT NOT NULL,
            size_band     TEXT NOT NULL,
            organisations INTEGER NOT NULL CHECK (organisations BETWEEN 0 AND 1000000000),
            issued        INTEGER CHECK (issued BETWEEN 0 AND organisations),
            out_of_scope  INTEGER CHECK (out_of_scope BETWEEN 0 AND issued),
            PRIMARY KEY (file_id, sector, size_band)
        ) WITHOUT ROWID;

        CREATE TABLE population_margin (
            file_id    INTEGER NOT NULL REFERENCES weighting_file (id) ON DELETE CASCADE,
            line       INTEGER NOT NULL,
            variable   TEXT NOT NULL CHECK (variable IN ('district', 'sex', 'age', 'urban')),
            category   TEXT NOT NULL,
            population INTEGER NOT NULL CHECK (population >= 1),
            PRIMARY KEY (file_id, variable, category)
        ) WITHOUT ROWID;
        """
}
