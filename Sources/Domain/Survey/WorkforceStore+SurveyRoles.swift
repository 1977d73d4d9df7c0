extension WorkforceStore {
    /// The roles to survey: those named by `ids`, or those in `category`, or all of the framework's.
    ///
    /// - Throws: ``WorkforceError/usage(_:)`` naming unknown role or category ids.
    /// Each role carries its Spanish name and description from `spanish`, and its KSAs' Spanish
    /// texts from `statements` (by default the project's translations bundled in
    /// `Frameworks/translations/`).
    package func surveyRoles(
        _ f: FrameworkRef, ids: [String]?, category: String?, spanish spanishTexts: RoleTexts? = nil, statements statementTexts: StatementTexts? = nil
    ) throws(WorkforceError) -> [SurveyRole] {
        let spanish: RoleTexts
        if let given = spanishTexts { spanish = given } else { spanish = try RoleTexts.bundledSpanish() }
        let statements: StatementTexts
        if let given = statementTexts { statements = given } else { statements = try StatementTexts.bundledSpanish() }
        let all = try read { db in
            try db.rows("SELECT id, name, category_id, description FROM work_role WHERE framework_id = ? ORDER BY rowid", [f.id]).map {
                (id: try $0.string("id"), name: try $0.string("name"), category: try $0.string("category_id"), description: try $0.string("description"))
            }
        }
        var chosen = all
        if let ids {
            let known = Set(all.map(\.id))
            let unknown = ids.filter { !known.contains($0) }
            guard unknown.isEmpty else {
                throw .usage(
                    "unknown work role\(unknown.count == 1 ? "" : "s") \(unknown.joined(separator: ", ")) in framework \(f.name); "
                        + "`workforce framework list roles` lists them")
            }
            guard !ids.isEmpty else { throw .usage("--roles needs at least one work role id") }
            chosen = ids.compactMap { id in all.first { $0.id == id } }
        }
        if let category {
            chosen = chosen.filter { $0.category == category }
            if chosen.isEmpty {
                throw .usage("no work role of framework \(f.name) is in category \(category); `workforce framework list categories` lists them")
            }
        }
        return try chosen.map { row throws(WorkforceError) in
            let id = row.id
            let ksas = try read { db in
                try db.rows(
                    """
                    SELECT s.id, s.kind, s.text FROM role_statement l
                    JOIN statement s ON s.framework_id = l.framework_id AND s.id = l.statement_id
                    WHERE l.framework_id = ? AND l.role_id = ? AND s.kind <> 'T' AND s.withdrawn = 0 ORDER BY s.pk
                    """, [f.id, id]
                ).map {
                    FrameworkStatement(
                        id: try $0.string("id"), kind: StatementKind(rawValue: try $0.string("kind")) ?? .knowledge, text: try $0.string("text"),
                        withdrawn: false)
                }
            }
            var role = SurveyRole(id: id, name: row.name, description: row.description, ksas: ksas).adding(spanish, language: "es", framework: f.name)
            for ksa in role.ksas {
                if let text = statements.text(framework: f.name, statementID: ksa.id) { role.ksaTexts[ksa.id] = ["es": text] }
            }
            return role
        }
    }
}
