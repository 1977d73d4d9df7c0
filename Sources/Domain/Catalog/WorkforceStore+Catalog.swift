import Foundation

extension WorkforceStore {
    /// Every statement of framework `f`: id to kind and whether it is withdrawn.
    func statementIndex(_ f: FrameworkRef) throws(WorkforceError) -> [String: (kind: String, withdrawn: Bool)] {
        try read { db in
            var index: [String: (kind: String, withdrawn: Bool)] = [:]
            try db.forEachRow("SELECT id, kind, withdrawn FROM statement WHERE framework_id = ?", [f.id]) { row in
                index[try row.string("id").uppercased()] = (try row.string("kind"), try row.bool("withdrawn"))
            }
            return index
        }
    }

    /// The work role ids of framework `f`, upper case.
    func roleIDs(_ f: FrameworkRef) throws(WorkforceError) -> Set<String> {
        try read { db in
            Set(try db.rows("SELECT id FROM work_role WHERE framework_id = ?", [f.id]).map { try $0.string("id").uppercased() })
        }
    }

    /// The current offerings of the institutions `rows` name whose code (in any letter case)
    /// `rows` do not list again for that institution: what storing `rows` retires.
    func offeringsRetired(by rows: [CatalogRow], db: Database) throws -> [(institution: String, code: String)] {
        var codes: [String: Set<String>] = [:]
        for row in rows { codes[InstitutionName.matchKey(row.institution), default: []].insert(row.code.lowercased()) }
        var retired: [(institution: String, code: String)] = []
        for (key, listed) in codes.sorted(by: { $0.key < $1.key }) {
            try db.forEachRow(
                """
                SELECT i.name, o.code FROM offering o JOIN institution i ON i.id = o.institution_id
                WHERE i.match_key = ? AND o.retired_by IS NULL ORDER BY o.code
                """, [key]
            ) { row in
                let code = try row.string("code")
                if !listed.contains(code.lowercased()) { retired.append((try row.string("name"), code)) }
            }
        }
        return retired
    }

    /// Stores the accepted rows of catalog batch `batch`, retiring the current offerings of
    /// the institutions they name. Returns warnings about institution names.
    func saveOfferings(_ rows: [CatalogRow], batch: Int64, db: Database, file: String) throws -> [ImportProblem] {
        var warnings: [ImportProblem] = []
        var existing: [(id: Int64, name: String, key: String)] = try db.rows("SELECT id, name, match_key FROM institution").map {
            (try $0.int64("id"), try $0.string("name"), try $0.string("match_key"))
        }
        var institutionOf: [String: Int64] = [:]
        var warned: Set<String> = []
        for row in rows {
            let key = InstitutionName.matchKey(row.institution)
            if institutionOf[key] != nil { continue }
            let here = SourceLocation(file: file, line: row.line)
            if let match = existing.first(where: { $0.key == key }) {
                institutionOf[key] = match.id
                if match.name != row.institution, warned.insert(key).inserted {
                    warnings.append(ImportProblem(location: here, message: "institution \"\(row.institution)\" is taken as \"\(match.name)\" (the same name in another case or accents)"))
                }
                continue
            }
            for other in existing where InstitutionName.looksAlike(other.name, row.institution) {
                warnings.append(
                    ImportProblem(
                        location: here,
                        message: "institution \"\(row.institution)\" is kept apart from \"\(other.name)\", whose name looks alike; if they are one institution, use one spelling in every file"))
            }
            try db.execute("INSERT INTO institution (name, match_key) VALUES (?, ?)", [row.institution, key])
            let id = db.lastInsertedRowID
            existing.append((id, row.institution, key))
            institutionOf[key] = id
        }
        for id in Set(institutionOf.values) {
            try db.execute("UPDATE offering SET retired_by = ? WHERE retired_by IS NULL AND institution_id = ?", [batch, id])
        }
        for row in rows {
            let institution = institutionOf[InstitutionName.matchKey(row.institution)] ?? 0
            try db.execute(
                """
                INSERT INTO offering (batch_id, institution_id, code, title, level, delivery_mode, hours, credits, annual_intake,
                                      annual_completions, duration_years, programme, last_updated, line, cost_per_completion)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
                [
                    batch, institution, row.code, row.title, row.level, row.deliveryMode, row.hours, row.credits, row.intake,
                    row.completions, row.durationYears, row.programme, row.lastUpdated, row.line, row.costPerCompletion,
                ])
            let offering = db.lastInsertedRowID
            for ksa in row.ksaIDs { try db.execute("INSERT INTO offering_ksa (offering_id, statement_id) VALUES (?, ?)", [offering, ksa]) }
            for role in row.roleIDs { try db.execute("INSERT INTO offering_role (offering_id, role_id) VALUES (?, ?)", [offering, role]) }
        }
        return warnings
    }

    /// The catalog batches, newest last.
    func catalogBatchIDs() throws(WorkforceError) -> [Int64] {
        try read { db in try db.rows("SELECT id FROM import_batch WHERE kind = 'catalog' ORDER BY id").map { try $0.int64("id") } }
    }

    /// The offerings of the catalog as it stood after batch `asOf` (default: now), of
    /// framework `f`, with their KSAs and declared roles.
    package func catalog(_ f: FrameworkRef, asOf: Int64? = nil) throws(WorkforceError) -> [Offering] {
        if let asOf, !(try catalogBatchIDs().contains(asOf)) {
            throw .usage("batch \(asOf) is not a catalog import; `workforce imports` lists the batches")
        }
        return try read { db in
            let condition = asOf == nil
                ? "o.retired_by IS NULL"
                : "o.batch_id <= ?1 AND (o.retired_by IS NULL OR o.retired_by > ?1)"
            var offerings: [Offering] = []
            var byID: [Int64: Int] = [:]
            let arguments: [DatabaseValueConvertible] = asOf.map { [$0, f.id] } ?? [f.id]
            let frameworkParameter = asOf == nil ? "?1" : "?2"
            try db.forEachRow(
                """
                SELECT o.id, i.name, o.code, o.title, o.level, o.delivery_mode, o.annual_completions, o.programme, o.hours, o.credits,
                       o.annual_intake, o.last_updated, o.batch_id
                FROM offering o JOIN institution i ON i.id = o.institution_id JOIN import_batch b ON b.id = o.batch_id
                WHERE \(condition) AND b.framework_id = \(frameworkParameter)
                ORDER BY i.name, o.code
                """, arguments
            ) { row in
                let id = try row.int64("id")
                try Self.checkStoredNumbers(row, id: id, path: path)
                byID[id] = offerings.count
                offerings.append(
                    Offering(
                        id: id, institution: try row.string("name"), code: try row.string("code"), title: try row.string("title"),
                        level: try row.string("level"), deliveryMode: try row.string("delivery_mode"), completions: try row.int("annual_completions"),
                        programme: try row.optionalString("programme"), hours: try row.optionalDouble("hours"), credits: try row.optionalDouble("credits"),
                        intake: try row.optionalInt("annual_intake"), lastUpdated: try row.string("last_updated"), batchID: try row.int64("batch_id"),
                        ksas: [], declaredRoles: []))
            }
            guard !offerings.isEmpty else { return offerings }
            let ids = offerings.map { String($0.id) }.joined(separator: ",")
            try db.forEachRow("SELECT offering_id, statement_id FROM offering_ksa WHERE offering_id IN (\(ids))") { row in
                if let i = byID[try row.int64("offering_id")] { offerings[i].ksas.insert(try row.string("statement_id")) }
            }
            try db.forEachRow("SELECT offering_id, role_id FROM offering_role WHERE offering_id IN (\(ids)) ORDER BY role_id") { row in
                if let i = byID[try row.int64("offering_id")] { offerings[i].declaredRoles.append(try row.string("role_id")) }
            }
            return offerings
        }
    }

    /// The `duration_years` the current catalog gives, by offering id (offerings without one
    /// take their level's default, ``PlanInput/defaultLength(level:)``).
    package func offeringDurations() throws(WorkforceError) -> [Int64: Double] {
        try read { db in
            var durations: [Int64: Double] = [:]
            try db.forEachRow("SELECT id, duration_years FROM offering WHERE retired_by IS NULL AND duration_years IS NOT NULL") { row in
                durations[try row.int64("id")] = try row.double("duration_years")
            }
            return durations
        }
    }

    /// The `cost_per_completion` the current catalog gives, by offering id (the plan minimises
    /// cost when any offering has one).
    package func offeringCosts() throws(WorkforceError) -> [Int64: Double] {
        try read { db in
            var costs: [Int64: Double] = [:]
            try db.forEachRow("SELECT id, cost_per_completion FROM offering WHERE retired_by IS NULL AND cost_per_completion IS NOT NULL") { row in
                costs[try row.int64("id")] = try row.double("cost_per_completion")
            }
            return costs
        }
    }

    /// Refuses an offering row whose numbers no import could have stored (a crafted or damaged
    /// file): completions and intake outside 0 to ``NumberText/maxCompletions``, hours or credits
    /// not finite, so that sums and charts never overflow or trap.
    ///
    /// - Throws: ``WorkforceError/badData(_:_:)`` naming the table, the row and the column.
    private static func checkStoredNumbers(_ row: Row, id: Int64, path: String) throws(WorkforceError) {
        for column in ["annual_completions", "annual_intake"] {
            let value = row[column]
            if value == .null && column == "annual_intake" { continue }
            guard let n = value.int, (0...NumberText.maxCompletions).contains(n) else {
                throw .badData(
                    SourceLocation(file: path),
                    "table offering, row id \(id): \(column) \(value.string ?? "NULL") is not a whole number from 0 to \(NumberText.maxCompletions); the database was damaged or edited by hand: import the catalog again or restore a copy")
            }
        }
        for column in ["hours", "credits"] where row[column] != .null {
            guard let d = row[column].double, d.isFinite, d >= 0, d <= 1e6 else {
                throw .badData(
                    SourceLocation(file: path),
                    "table offering, row id \(id): \(column) \(row[column].string ?? "NULL") is not a number from 0 to 1000000; the database was damaged or edited by hand")
            }
        }
    }

    /// The stored spelling of an institution named `name` (case- and accent-insensitively).
    ///
    /// - Throws: ``WorkforceError/usage(_:)`` naming the institutions there are.
    package func institution(named name: String) throws(WorkforceError) -> String {
        let rows = try read { db in
            try db.rows("SELECT name, match_key FROM institution ORDER BY name").map { (name: try $0.string("name"), key: try $0.string("match_key")) }
        }
        if let row = rows.first(where: { $0.key == InstitutionName.matchKey(name) }) { return row.name }
        let names = rows.map(\.name)
        throw .usage(
            "no institution \"\(name)\" in the catalog"
                + (names.isEmpty ? "; import one with `workforce import catalog FILE`" : "; institutions: \(names.joined(separator: ", "))"))
    }
}
