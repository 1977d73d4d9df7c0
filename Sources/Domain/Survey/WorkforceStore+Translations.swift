extension WorkforceStore {
    /// Stores a checked translation table: its texts replace those of the same language and
    /// key, in one transaction.
    ///
    /// - Returns: how many texts were stored.
    @discardableResult
    package func storeTranslations(_ table: TranslationTable, file: String) throws(WorkforceError) -> Int {
        try write { db in
            let now = Clock.timestamp()
            for entry in table.entries {
                try db.execute(
                    "INSERT OR REPLACE INTO translation (language, key, text, source_en, file, imported_at) VALUES (?, ?, ?, ?, ?, ?)",
                    [table.language.code, entry.key, entry.text, entry.source, file, now])
            }
            return table.entries.count
        }
    }

    /// The stored texts of `languages`.
    package func translations(_ languages: [Language]) throws(WorkforceError) -> Translations {
        var result = Translations()
        for language in languages where language.isTranslated {
            let rows = try read { db in
                try db.rows("SELECT key, text FROM translation WHERE language = ? ORDER BY key", [language.code]).map {
                    (key: try $0.string("key"), text: try $0.string("text"))
                }
            }
            for row in rows { result.set(row.key, language: language.code, row.text) }
        }
        return result
    }

    /// The stored languages: `language`, `texts`, `file`, `imported_at`.
    package func translationList() throws(WorkforceError) -> ResultTable {
        try table(
            "SELECT language, count(*) AS texts, max(file) AS file, max(imported_at) AS imported_at FROM translation GROUP BY language ORDER BY language",
            [])
    }
}

extension WorkforceStore {
    /// The names of the stored frameworks, in the order they were loaded.
    package func frameworkNames() throws(WorkforceError) -> [String] {
        try read { db in try db.rows("SELECT name FROM framework ORDER BY id").map { try $0.string("name") } }
    }
}
