extension Schema {
    /// Employer waves keep their frame and their fieldwork (issue 28, point 6): a frame imported
    /// with `frame import FILE --wave W` records its wave (its `issued` and `out_of_scope` are that
    /// wave's fieldwork; without `--wave`, the baseline's), and each employer wave records the
    /// frame version it is weighted to, pinned at its first estimate or by `frame use VERSION
    /// --wave W`.
    static let waveFrames = """
        ALTER TABLE weighting_file ADD COLUMN wave TEXT;

        CREATE TABLE employer_wave_frame (
            wave          TEXT PRIMARY KEY,
            frame_version INTEGER NOT NULL CHECK (frame_version >= 1),
            pinned_at     TEXT NOT NULL,
            pinned_by     TEXT NOT NULL CHECK (pinned_by IN ('first estimate', 'frame use'))
        ) WITHOUT ROWID;
        """
}
