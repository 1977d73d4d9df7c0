/// What storing a framework did.
package struct FrameworkLoadSummary: Sendable {
    package var name: String
    package var categories: Int
    package var specialtyAreas: Int
    package var workRoles: Int
    package var statements: Int
    package var roleLinks: Int
    package var competencyAreas: Int
    package var warnings: [String]
    package var isDefault: Bool
    package var replaced: Bool
}

extension WorkforceStore {
    /// Stores `data` as a new framework, all or nothing.
    ///
    /// - Parameters:
    ///   - replace: when a framework of the same name exists, delete it first (in the same
    ///     transaction) instead of failing.
    ///   - makeDefault: make it the default framework. The first framework stored always is.
    /// - Throws: ``WorkforceError/badData(_:_:)`` when the name is taken and `replace` is false,
    ///   or the data breaks the schema's rules (duplicate ids, unknown categories).
    @discardableResult
    package func saveFramework(_ data: FrameworkData, replace: Bool = false, makeDefault: Bool = false)
        throws(WorkforceError) -> FrameworkLoadSummary
    {
        try write { db in
            var replaced = false
            if let existing = try db.scalar("SELECT source FROM framework WHERE name = ?", [data.info.name]).string {
                guard replace else {
                    throw WorkforceError.badData(
                        SourceLocation(file: data.info.source),
                        "framework \(data.info.name) is already in the database (loaded from \(existing)); "
                            + "add --replace to load it again")
                }
                let users = try Self.frameworkUsers(data.info.name, db)
                guard users.isEmpty else {
                    throw WorkforceError.badData(
                        SourceLocation(file: data.info.source),
                        "framework \(data.info.name) cannot be replaced: it is used by \(users.joined(separator: "; ")). "
                            + "Purge those batches first (`workforce purge --batch ID`), or load the new version into another database; nothing was changed")
                }
                try db.execute("DELETE FROM framework WHERE name = ?", [data.info.name])
                replaced = true
            }
            let hasDefault = try db.scalar("SELECT count(*) FROM framework WHERE is_default = 1").int ?? 0 > 0
            let isDefault = makeDefault || !hasDefault
            if isDefault { try db.execute("UPDATE framework SET is_default = 0 WHERE is_default = 1") }
            try db.execute(
                """
                INSERT INTO framework (name, title, version, edition, source, is_default, loaded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """,
                [data.info.name, data.info.title, data.info.version, data.info.edition.rawValue, data.info.source, isDefault, Clock.timestamp()])
            let fid = db.lastInsertedRowID
            try insertContent(data, frameworkID: fid, into: db)
            return FrameworkLoadSummary(
                name: data.info.name, categories: data.categories.count, specialtyAreas: data.specialtyAreas.count,
                workRoles: data.workRoles.count, statements: data.statements.count, roleLinks: data.roleLinks.count,
                competencyAreas: data.competencyAreas.count, warnings: data.warnings, isDefault: isDefault,
                replaced: replaced)
        }
    }

    private func insertContent(_ data: FrameworkData, frameworkID fid: Int64, into db: Database) throws {
        let source = data.info.source
        for c in data.categories {
            try insert(
                db, source, "category", c.id, "INSERT INTO category (framework_id, id, name, description) VALUES (?, ?, ?, ?)",
                [fid, c.id, c.name, c.description])
        }
        for a in data.specialtyAreas {
            try insert(
                db, source, "specialty area", a.id,
                "INSERT INTO specialty_area (framework_id, id, name, category_id, description) VALUES (?, ?, ?, ?, ?)",
                [fid, a.id, a.name, a.categoryID, a.description])
        }
        for r in data.workRoles {
            try insert(
                db, source, "work role", r.id,
                """
                INSERT INTO work_role (framework_id, id, name, category_id, specialty_area_id, opm_code, description)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """,
                [fid, r.id, r.name, r.categoryID, r.specialtyAreaID, r.opmCode, r.description])
        }
        for s in data.statements {
            try insert(
                db, source, "statement", s.id,
                "INSERT INTO statement (framework_id, id, kind, text, withdrawn) VALUES (?, ?, ?, ?, ?)",
                [fid, s.id, s.kind.rawValue, s.text, s.withdrawn])
        }
        for l in data.roleLinks {
            try insert(
                db, source, "link", "\(l.from) -> \(l.to)",
                "INSERT INTO role_statement (framework_id, role_id, statement_id) VALUES (?, ?, ?)", [fid, l.from, l.to])
        }
        for a in data.competencyAreas {
            try insert(
                db, source, "competency area", a.id,
                "INSERT INTO competency_area (framework_id, id, name, description) VALUES (?, ?, ?, ?)",
                [fid, a.id, a.name, a.description])
        }
        for l in data.competencyLinks {
            try insert(
                db, source, "link", "\(l.from) -> \(l.to)",
                "INSERT INTO competency_area_statement (framework_id, competency_area_id, statement_id) VALUES (?, ?, ?)",
                [fid, l.from, l.to])
        }
    }

    /// Runs one insert; a constraint failure becomes a data error naming the item.
    private func insert(
        _ db: Database, _ source: String, _ what: String, _ id: String, _ sql: String,
        _ arguments: [DatabaseValueConvertible]
    ) throws(WorkforceError) {
        do {
            try db.execute(sql, arguments)
        } catch {
            guard error.primaryCode == .constraint else { throw WorkforceError(error, path: path) }
            throw .badData(
                SourceLocation(file: source),
                "\(what) \(id) cannot be stored: \(error.message) (a duplicate id, or an unknown category or area)")
        }
    }
}

extension WorkforceStore {
    /// What keeps the framework `name` from being deleted: rows of other tables that refer to it
    /// without `ON DELETE CASCADE` (catalog batches and their offerings), in words
    /// ("catalog import batches 3, 5").
    static func frameworkUsers(_ name: String, _ db: Database) throws -> [String] {
        guard let id = try db.scalar("SELECT id FROM framework WHERE name = ?", [name]).int else { return [] }
        var users: [String] = []
        let tables = try db.rows("SELECT name FROM sqlite_master WHERE type = 'table'").map { try $0.string("name") }
        for table in tables.sorted() {
            for key in try db.rows("SELECT \"table\", \"from\", on_delete FROM pragma_foreign_key_list(?)", [table])
            where try key.string("table") == "framework" && key.string("on_delete").uppercased() != "CASCADE" {
                let column = try key.string("from")
                let quoted = "\"" + table.replacingOccurrences(of: "\"", with: "\"\"") + "\""
                let qcolumn = "\"" + column.replacingOccurrences(of: "\"", with: "\"\"") + "\""
                if table == "import_batch" {
                    let ids = try db.rows("SELECT id FROM import_batch WHERE \(qcolumn) = ? ORDER BY id", [id]).map { try $0.int("id") }
                    if !ids.isEmpty {
                        users.append("catalog import batch\(ids.count == 1 ? "" : "es") \(ids.prefix(10).map(String.init).joined(separator: ", "))\(ids.count > 10 ? ", ..." : "")")
                    }
                } else if let n = try db.scalar("SELECT count(*) FROM \(quoted) WHERE \(qcolumn) = ?", [id]).int, n > 0 {
                    users.append("\(n) row\(n == 1 ? "" : "s") of \(table)")
                }
            }
        }
        return users
    }
}
