extension Schema {
    /// Texts of the forms in the languages a translation table adds (Q'eqchi', Mopan...), one
    /// row per language and ``TranslationKey``, with the English text it was made from.
    static let translation = """
        CREATE TABLE translation (
            language    TEXT NOT NULL,
            key         TEXT NOT NULL,
            text        TEXT NOT NULL,
            source_en   TEXT NOT NULL,
            file        TEXT NOT NULL,
            imported_at TEXT NOT NULL,
            PRIMARY KEY (language, key)
        ) WITHOUT ROWID;
        """
}
