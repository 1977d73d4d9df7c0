/// A framework stored in the database.
package struct FrameworkRef: Sendable, Equatable {
    package var id: Int64
    package var name: String
    package var edition: FrameworkEdition
}

extension WorkforceStore {
    /// The framework called `name`, or the default one when `name` is `nil`.
    ///
    /// - Throws: ``WorkforceError/usage(_:)`` when there is no such framework, naming those there are.
    package func framework(named name: String?) throws(WorkforceError) -> FrameworkRef {
        let rows = try read { db in
            try (name == nil
                ? db.rows("SELECT id, name, edition FROM framework WHERE is_default = 1")
                : db.rows("SELECT id, name, edition FROM framework WHERE name = ?", [name])
            ).map { (id: try $0.int64("id"), name: try $0.string("name"), edition: try $0.string("edition")) }
        }
        if let row = rows.first {
            guard let edition = FrameworkEdition(rawValue: row.edition) else {
                throw .badData(
                    SourceLocation(file: path),
                    "table framework, row id \(row.id): edition \(valuePrefix(row.edition)) is not one this version knows; the database was damaged or edited by hand, or written by a newer version")
            }
            return FrameworkRef(id: row.id, name: row.name, edition: edition)
        }
        let names = try frameworkNames()
        if names.isEmpty { throw .usage("the database holds no framework; run `workforce init` first") }
        guard let name else { throw .usage("no default framework; give --framework (one of \(names.joined(separator: ", ")))") }
        throw .usage("no framework named \(name); the database holds \(names.joined(separator: ", "))")
    }

    /// Every framework, with its counts: `name`, `version`, `title`, `edition`, `roles`, `statements`, `default`.
    package func frameworkList() throws(WorkforceError) -> ResultTable {
        try table(
            """
            SELECT f.name, f.version, f.title, f.edition,
                   (SELECT count(*) FROM work_role r WHERE r.framework_id = f.id) AS roles,
                   (SELECT count(*) FROM statement s WHERE s.framework_id = f.id) AS statements,
                   f.is_default AS "default"
            FROM framework f ORDER BY f.id
            """, [], booleans: ["default"])
    }

    /// The work roles of a framework: `id`, `name`, `category_id`, `specialty_area_id`, `opm_code`, `tasks`, `ksas`.
    package func workRoles(_ f: FrameworkRef) throws(WorkforceError) -> ResultTable {
        try table(
            """
            SELECT r.id, r.name, r.category_id, r.specialty_area_id, r.opm_code,
                   (SELECT count(*) FROM role_statement l JOIN statement s
                      ON s.framework_id = l.framework_id AND s.id = l.statement_id
                    WHERE l.framework_id = r.framework_id AND l.role_id = r.id AND s.kind = 'T') AS tasks,
                   (SELECT count(*) FROM role_statement l JOIN statement s
                      ON s.framework_id = l.framework_id AND s.id = l.statement_id
                    WHERE l.framework_id = r.framework_id AND l.role_id = r.id AND s.kind <> 'T') AS ksas
            FROM work_role r WHERE r.framework_id = ? ORDER BY r.rowid
            """, [f.id])
    }

    /// The categories of a framework: `id`, `name`, `description`, `roles`.
    package func categories(_ f: FrameworkRef) throws(WorkforceError) -> ResultTable {
        try table(
            """
            SELECT c.id, c.name, c.description,
                   (SELECT count(*) FROM work_role r WHERE r.framework_id = c.framework_id AND r.category_id = c.id) AS roles
            FROM category c WHERE c.framework_id = ? ORDER BY c.rowid
            """, [f.id])
    }

    /// The areas of a framework: specialty areas (NICE 2017) and competency areas (Components):
    /// `id`, `kind`, `name`, `category_id`, `description`.
    package func areas(_ f: FrameworkRef) throws(WorkforceError) -> ResultTable {
        try table(
            """
            SELECT id, 'specialty_area' AS kind, name, category_id, description FROM specialty_area WHERE framework_id = ?
            UNION ALL
            SELECT id, 'competency_area', name, NULL, description FROM competency_area WHERE framework_id = ?
            """, [f.id, f.id])
    }

    /// Statements of a framework, all of them or those linked to `role`: `id`, `kind`, `text`, `withdrawn`.
    ///
    /// - Parameters:
    ///   - tasks: `true` for tasks, `false` for knowledge, skills and abilities.
    ///   - role: a work role id, or `nil` for every statement.
    /// - Throws: ``WorkforceError/usage(_:)`` for an unknown role.
    package func statements(_ f: FrameworkRef, tasks: Bool, role: String?) throws(WorkforceError) -> ResultTable {
        let kindTest = tasks ? "s.kind = 'T'" : "s.kind <> 'T'"
        guard let role else {
            return try table(
                "SELECT s.id, s.kind, s.text, s.withdrawn FROM statement s WHERE s.framework_id = ? AND \(kindTest) ORDER BY s.pk",
                [f.id], booleans: ["withdrawn"])
        }
        try requireRole(role, in: f)
        return try table(
            """
            SELECT s.id, s.kind, s.text, s.withdrawn
            FROM role_statement l JOIN statement s ON s.framework_id = l.framework_id AND s.id = l.statement_id
            WHERE l.framework_id = ? AND l.role_id = ? AND \(kindTest) ORDER BY s.pk
            """, [f.id, role], booleans: ["withdrawn"])
    }

    /// Fails with a usage error unless `role` is a work role of `f`.
    package func requireRole(_ role: String, in f: FrameworkRef) throws(WorkforceError) {
        let found = try read { db in try db.scalar("SELECT count(*) FROM work_role WHERE framework_id = ? AND id = ?", [f.id, role]) }
        guard found.int == 1 else {
            throw .usage("no work role \(role) in framework \(f.name); `workforce framework list roles` lists them")
        }
    }
}
