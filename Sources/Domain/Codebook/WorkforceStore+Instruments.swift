extension WorkforceStore {
    /// The codebook stored with instrument `id`, as text ("" when there is no such instrument:
    /// reading it then fails naming the instrument).
    func storedCodebook(instrument id: Int64) throws(WorkforceError) -> String {
        try read { db in try db.rows("SELECT codebook FROM instrument WHERE id = ?", [id]).first.map { try $0.string("codebook") } ?? "" }
    }

    /// Records a generated instrument and its codebook; the same version is recorded once.
    ///
    /// - Returns: `true` when it was new, `false` when that version was already recorded.
    @discardableResult
    package func recordInstrument(_ instrument: Instrument, codebook: JSONValue) throws(WorkforceError) -> Bool {
        let version = codebook["version"]?.string ?? ""
        let parsed = try ParsedCodebook(json: codebook, source: "codebook of \(instrument.formID)")
        return try write { db in
            try db.execute(
                """
                INSERT OR IGNORE INTO instrument (kind, form_id, wave, version, framework, languages, questions, codebook, generated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
                [
                    instrument.kind.rawValue, instrument.formID, instrument.wave?.name, version, instrument.framework,
                    instrument.languages.map(\.code).joined(separator: ","),
                    instrument.questions.filter { $0.type != .note }.count, JSONWriter(indent: nil).string(codebook), Clock.timestamp(),
                ])
            let isNew = db.changes == 1
            if let id = try db.scalar("SELECT id FROM instrument WHERE version = ?", [version]).int {
                try Self.indexInstrument(db, Int64(id), parsed)
            }
            return isNew
        }
    }

    /// Records the instrument's questions and choices by position, once, for `v_answer`.
    static func indexInstrument(_ db: Database, _ id: Int64, _ codebook: ParsedCodebook) throws {
        guard try db.scalar("SELECT count(*) FROM instrument_question WHERE instrument_id = ?", [id]).int == 0 else { return }
        var lists: [String] = []
        for (position, item) in codebook.items.enumerated() {
            try db.execute(
                "INSERT INTO instrument_question (instrument_id, position, name, type, list_name, group_path, label_en) VALUES (?, ?, ?, ?, ?, ?, ?)",
                [id, position, item.name, item.type.rawValue, item.listName, item.group, item.label["en"]])
            if let list = item.listName, !lists.contains(list) { lists.append(list) }
        }
        for list in lists {
            for (position, choice) in (codebook.lists[list] ?? []).enumerated() {
                try db.execute(
                    "INSERT INTO instrument_choice (instrument_id, list_name, position, name, label_en, label_es) VALUES (?, ?, ?, ?, ?, ?)",
                    [id, list, position, choice.name, choice.label["en"], choice.label["es"]])
            }
        }
    }

    /// The recorded instruments: `id`, `form_id`, `kind`, `wave`, `version`, `framework`,
    /// `languages`, `questions`, `generated_at`, newest last.
    package func instrumentList() throws(WorkforceError) -> ResultTable {
        try table(
            "SELECT id, form_id, kind, wave, version, framework, languages, questions, generated_at FROM instrument ORDER BY id",
            [])
    }
}
