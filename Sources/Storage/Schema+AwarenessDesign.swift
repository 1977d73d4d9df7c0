extension Schema {
    /// The sample design of each awareness wave, recorded by `workforce import awareness` (from
    /// the form) and changed by `workforce design set`: the strata (comma-separated breakdowns,
    /// empty for one stratum) and the cluster question (NULL: each respondent its own unit).
    static let awarenessDesign = """
        CREATE TABLE awareness_design (
            wave    TEXT PRIMARY KEY NOT NULL,
            strata  TEXT NOT NULL CHECK (strata NOT GLOB '*[^a-z,]*'),
            cluster TEXT CHECK (cluster IS NULL OR length(cluster) BETWEEN 1 AND 200),
            set_by  TEXT NOT NULL CHECK (set_by IN ('import awareness', 'design set')),
            set_at  TEXT NOT NULL
        ) WITHOUT ROWID;
        """
}
