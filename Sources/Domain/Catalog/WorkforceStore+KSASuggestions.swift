extension WorkforceStore {
    /// The framework's current KSAs ranked by full-text relevance to a course's title and
    /// description (FTS5, BM25): any word may match; statements holding the title as a phrase
    /// come first. It only suggests; nothing is written.
    package func suggestKSAs(title: String, description: String?, in f: FrameworkRef, limit: Int) throws(WorkforceError) -> ResultTable {
        let stop: Set<String> = ["and", "the", "of", "to", "in", "for", "a", "an", "on", "with", "introduction", "course", "i", "ii", "y", "de", "la", "el"]
        let words = (title + " " + (description ?? "")).lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init)
            .filter { $0.count > 1 && !stop.contains($0) }
        guard !words.isEmpty else { throw .usage("give a --title with words to match, e.g. --title \"Network security\"") }
        let match = Array(Set(words)).sorted().map { "\"\($0)\"" }.joined(separator: " OR ")
        let phrase = title.lowercased().split { !$0.isLetter && !$0.isNumber }.joined(separator: " ")
        var result = try table(
            """
            SELECT 0 AS rank, s.id AS ksa_id, s.kind, s.text, round(-bm25(statement_fts), 4) AS score
            FROM statement_fts JOIN statement s ON s.pk = statement_fts.rowid
            WHERE statement_fts MATCH ? AND s.framework_id = ? AND s.kind IN ('K', 'S', 'A') AND s.withdrawn = 0
            ORDER BY instr(lower(s.text), ?) > 0 DESC, bm25(statement_fts), s.pk
            LIMIT ?
            """, [match, f.id, phrase, limit])
        for i in result.rows.indices { result.rows[i][0] = .int(i + 1) }
        return result
    }
}
