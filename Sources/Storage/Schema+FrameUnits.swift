extension Schema {
    /// The organisations issued per stratum (issue 28, point 7): `frame import --units FILE
    /// [--wave W]` stores the list of invitation codes (`org_code`) sent to each stratum of sector x
    /// size band for a wave (the baseline without `--wave`; each import replaces the wave's list).
    /// An employer response whose `org_code` is not on its wave's list, or whose sector or size
    /// band disagree with it, gets an import query.
    static let frameUnits = """
        CREATE TABLE frame_unit (
            wave        TEXT NOT NULL,
            org_code    TEXT NOT NULL,
            sector      TEXT NOT NULL,
            size_band   TEXT NOT NULL,
            file        TEXT NOT NULL,
            line        INTEGER NOT NULL,
            imported_at TEXT NOT NULL,
            PRIMARY KEY (wave, org_code)
        ) WITHOUT ROWID;
        """
}
