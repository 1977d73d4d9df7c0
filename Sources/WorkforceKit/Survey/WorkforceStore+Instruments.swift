extension WorkforceStore {
    /// Records a generated instrument and its codebook; the same version is recorded once.
    ///
    /// - Returns: `true` when it was new, `false` when that version was already recorded.
    @discardableResult
    public func recordInstrument(_ instrument: Instrument, codebook: JSONValue) throws(WorkforceError) -> Bool {
        let version = codebook["version"]?.string ?? ""
        return try write { db in
            try db.execute(
                """
                INSERT OR IGNORE INTO instrument (kind, form_id, wave, version, framework, languages, questions, codebook, generated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, strftime('%Y-%m-%dT%H:%M:%SZ','now'))
                """,
                [
                    instrument.kind.rawValue, instrument.formID, instrument.wave?.name, version, instrument.framework,
                    instrument.languages.map(\.code).joined(separator: ","),
                    instrument.questions.filter { $0.type != .note }.count, JSONWriter(indent: nil).string(codebook),
                ])
            return db.changes == 1
        }
    }

    /// The recorded instruments: `form_id`, `kind`, `wave`, `version`, `framework`, `languages`,
    /// `questions`, `generated_at`, newest last.
    public func instrumentList() throws(WorkforceError) -> ResultTable {
        try table(
            "SELECT form_id, kind, wave, version, framework, languages, questions, generated_at FROM instrument ORDER BY id",
            [])
    }
}
