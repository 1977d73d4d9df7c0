extension WorkforceStore {
    /// Every work role of framework `f` with its current K, S and A statements, its specialty
    /// area and category, in id order.
    public func roleProfiles(_ f: FrameworkRef) throws(WorkforceError) -> [RoleProfile] {
        try read { db in
            var roles: [RoleProfile] = []
            var index: [String: Int] = [:]
            try db.forEachRow(
                "SELECT id, name, specialty_area_id, category_id FROM work_role WHERE framework_id = ? ORDER BY id", [f.id]
            ) { row in
                let id = row[0].string ?? ""
                index[id] = roles.count
                roles.append(RoleProfile(id: id, name: row[1].string ?? "", specialtyArea: row[2].string, category: row[3].string, ksas: []))
            }
            try db.forEachRow(
                """
                SELECT l.role_id, s.id FROM role_statement l
                JOIN statement s ON s.framework_id = l.framework_id AND s.id = l.statement_id
                WHERE l.framework_id = ? AND s.kind IN ('K', 'S', 'A') AND s.withdrawn = 0
                """, [f.id]
            ) { row in
                if let r = row[0].string.flatMap({ index[$0] }), let k = row[1].string { roles[r].ksas.insert(k) }
            }
            return roles
        }
    }

    /// The names of specialty areas and categories of framework `f`, by id.
    public func areaAndCategoryNames(_ f: FrameworkRef) throws(WorkforceError) -> [String: String] {
        try read { db in
            var names: [String: String] = [:]
            for row in try db.rows("SELECT id, name FROM specialty_area WHERE framework_id = ?", [f.id]) {
                if let id = row[0].string { names[id] = row[1].string }
            }
            for row in try db.rows("SELECT id, name FROM category WHERE framework_id = ?", [f.id]) {
                if let id = row[0].string { names[id] = row[1].string }
            }
            return names
        }
    }

    /// Statement texts and kinds of framework `f`, by id.
    public func statementTexts(_ f: FrameworkRef) throws(WorkforceError) -> [String: (kind: String, text: String)] {
        try read { db in
            var texts: [String: (kind: String, text: String)] = [:]
            try db.forEachRow("SELECT id, kind, text FROM statement WHERE framework_id = ?", [f.id]) { row in
                if let id = row[0].string { texts[id] = (row[1].string ?? "", row[2].string ?? "") }
            }
            return texts
        }
    }
}
