extension WorkforceStore {
    /// Everything known about one id in a framework: a work role, category, specialty or
    /// competency area, or statement. The record's `type` column says which.
    ///
    /// - Throws: ``WorkforceError/usage(_:)`` when the id is not in the framework; when it is in
    ///   others, the message names them.
    package func show(_ id: String, in f: FrameworkRef) throws(WorkforceError) -> ResultTable {
        let queries: [(String, String)] = [
            (
                "work_role",
                """
                SELECT 'work_role' AS type, f.name AS framework, r.id, r.name, r.category_id, c.name AS category,
                       r.specialty_area_id, a.name AS specialty_area, r.opm_code, r.description,
                       (SELECT count(*) FROM v_role_statement v WHERE v.framework = f.name AND v.role_id = r.id AND v.kind = 'T') AS tasks,
                       (SELECT count(*) FROM v_role_statement v WHERE v.framework = f.name AND v.role_id = r.id AND v.kind <> 'T') AS ksas
                FROM work_role r JOIN framework f ON f.id = r.framework_id
                JOIN category c ON c.framework_id = r.framework_id AND c.id = r.category_id
                LEFT JOIN specialty_area a ON a.framework_id = r.framework_id AND a.id = r.specialty_area_id
                WHERE r.framework_id = ? AND r.id = ?
                """
            ),
            (
                "statement",
                """
                SELECT 'statement' AS type, f.name AS framework, s.id, s.kind, s.text, s.withdrawn,
                       (SELECT group_concat(role_id, ' ') FROM
                          (SELECT l.role_id FROM role_statement l
                           WHERE l.framework_id = s.framework_id AND l.statement_id = s.id ORDER BY l.role_id)) AS roles
                FROM statement s JOIN framework f ON f.id = s.framework_id WHERE s.framework_id = ? AND s.id = ?
                """
            ),
            (
                "category",
                """
                SELECT 'category' AS type, f.name AS framework, c.id, c.name, c.description,
                       (SELECT count(*) FROM work_role r WHERE r.framework_id = c.framework_id AND r.category_id = c.id) AS roles
                FROM category c JOIN framework f ON f.id = c.framework_id WHERE c.framework_id = ? AND c.id = ?
                """
            ),
            (
                "specialty_area",
                """
                SELECT 'specialty_area' AS type, f.name AS framework, a.id, a.name, a.category_id, a.description,
                       (SELECT count(*) FROM work_role r WHERE r.framework_id = a.framework_id AND r.specialty_area_id = a.id) AS roles
                FROM specialty_area a JOIN framework f ON f.id = a.framework_id WHERE a.framework_id = ? AND a.id = ?
                """
            ),
            (
                "competency_area",
                """
                SELECT 'competency_area' AS type, f.name AS framework, a.id, a.name, a.description,
                       (SELECT count(*) FROM competency_area_statement l
                        WHERE l.framework_id = a.framework_id AND l.competency_area_id = a.id) AS statements
                FROM competency_area a JOIN framework f ON f.id = a.framework_id WHERE a.framework_id = ? AND a.id = ?
                """
            ),
        ]
        for (_, sql) in queries {
            var result = try table(sql, [f.id, id], booleans: ["withdrawn"])
            if !result.rows.isEmpty {
                result.isRecord = true
                return result
            }
        }
        let elsewhere = try read { db in
            try db.rows(
                """
                SELECT DISTINCT f.name FROM framework f WHERE f.id <> ? AND (
                    EXISTS (SELECT 1 FROM work_role WHERE framework_id = f.id AND id = ?) OR
                    EXISTS (SELECT 1 FROM statement WHERE framework_id = f.id AND id = ?) OR
                    EXISTS (SELECT 1 FROM category WHERE framework_id = f.id AND id = ?) OR
                    EXISTS (SELECT 1 FROM specialty_area WHERE framework_id = f.id AND id = ?) OR
                    EXISTS (SELECT 1 FROM competency_area WHERE framework_id = f.id AND id = ?))
                ORDER BY f.id
                """, [f.id, id, id, id, id, id]
            ).map { try $0.string("name") }
        }
        if elsewhere.isEmpty { throw .usage("nothing has the id \(id) in framework \(f.name)") }
        throw .usage(
            "nothing has the id \(id) in framework \(f.name); it is in \(elsewhere.joined(separator: ", ")): add --framework NAME")
    }

    /// Statements whose text matches `text`, best first (SQLite FTS5, porter stemming).
    ///
    /// Every word of `text` must appear (stemmed: "responses" finds "response"); statements
    /// holding the words as one phrase come first, then by BM25. Rows carry `rank`,
    /// `framework`, `id`, `kind`, `text`, `withdrawn`, `score` (BM25, higher is better).
    ///
    /// - Parameters:
    ///   - f: the framework to search, or `nil` for every framework.
    ///   - limit: at most this many rows.
    package func search(_ text: String, in f: FrameworkRef?, limit: Int = 25) throws(WorkforceError) -> ResultTable {
        let words = text.lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init)
        guard !words.isEmpty else { throw .usage("give words to search for, e.g. workforce framework search \"incident response\"") }
        let match = words.map { "\"\($0)\"" }.joined(separator: " ")
        let phrase = words.joined(separator: " ")
        var result = try table(
            """
            SELECT 0 AS rank, fw.name AS framework, s.id, s.kind, s.text, s.withdrawn,
                   round(-bm25(statement_fts), 4) AS score
            FROM statement_fts JOIN statement s ON s.pk = statement_fts.rowid
            JOIN framework fw ON fw.id = s.framework_id
            WHERE statement_fts MATCH ? AND (? IS NULL OR s.framework_id = ?)
            ORDER BY instr(lower(s.text), ?) > 0 DESC, bm25(statement_fts), s.pk
            LIMIT ?
            """, [match, f?.id, f?.id, phrase, limit], booleans: ["withdrawn"])
        for i in result.rows.indices { result.rows[i][0] = .int(i + 1) }
        return result
    }
}
