extension WorkforceStore {
    /// Every work role of framework `f` with its current K, S and A statements, its specialty
    /// area and category, in id order.
    package func roleProfiles(_ f: FrameworkRef) throws(WorkforceError) -> [RoleProfile] {
        try read { db in
            var roles: [RoleProfile] = []
            var index: [String: Int] = [:]
            try db.forEachRow(
                "SELECT id, name, specialty_area_id, category_id FROM work_role WHERE framework_id = ? ORDER BY id", [f.id]
            ) { row in
                let id = try row.string("id")
                index[id] = roles.count
                roles.append(
                    RoleProfile(
                        id: id, name: try row.string("name"), specialtyArea: try row.optionalString("specialty_area_id"),
                        category: try row.optionalString("category_id"), ksas: []))
            }
            try db.forEachRow(
                """
                SELECT l.role_id, s.id FROM role_statement l
                JOIN statement s ON s.framework_id = l.framework_id AND s.id = l.statement_id
                WHERE l.framework_id = ? AND s.kind IN ('K', 'S', 'A') AND s.withdrawn = 0
                """, [f.id]
            ) { row in
                if let r = index[try row.string("role_id")] { roles[r].ksas.insert(try row.string("id")) }
            }
            return roles
        }
    }

    /// The names of specialty areas and categories of framework `f`, by id.
    package func areaAndCategoryNames(_ f: FrameworkRef) throws(WorkforceError) -> [String: String] {
        try read { db in
            var names: [String: String] = [:]
            for row in try db.rows("SELECT id, name FROM specialty_area WHERE framework_id = ?", [f.id]) {
                names[try row.string("id")] = try row.string("name")
            }
            for row in try db.rows("SELECT id, name FROM category WHERE framework_id = ?", [f.id]) {
                names[try row.string("id")] = try row.string("name")
            }
            return names
        }
    }

    /// Statement texts and kinds of framework `f`, by id.
    package func statementTexts(_ f: FrameworkRef) throws(WorkforceError) -> [String: (kind: String, text: String)] {
        try read { db in
            var texts: [String: (kind: String, text: String)] = [:]
            try db.forEachRow("SELECT id, kind, text FROM statement WHERE framework_id = ?", [f.id]) { row in
                texts[try row.string("id")] = (try row.string("kind"), try row.string("text"))
            }
            return texts
        }
    }
}
