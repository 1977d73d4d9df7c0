import Foundation

/// Reads a framework from a folder of CSV files, in the layout of `Frameworks/`.
///
/// Two layouts are recognised by their files:
/// - NICE 2017: `categories.csv`, `specialty_areas.csv`, `work_roles.csv`, `ksa.csv`,
///   `tasks.csv`, `role_ksa.csv`, `role_tasks.csv`;
/// - NICE Framework Components: `work_roles.csv`, `tks.csv`, `role_tks.csv`, and where the
///   release has them `categories.csv`, `competency_areas.csv`, `competency_area_tks.csv`.
///
/// An optional `framework.json` names the framework (`name`, `title`, `version`); without it
/// the folder's name is used.
package enum FrameworkCSVLoader {
    /// Loads the framework in `folder`.
    ///
    /// - Throws: ``WorkforceError/noInput(path:reason:)`` for a missing folder or file,
    ///   ``WorkforceError/badData(_:_:)`` for malformed CSV or values, located by file, line and column.
    package static func load(folder: URL) throws(WorkforceError) -> FrameworkData {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .noInput(path: folder.path, reason: "no such folder; give a framework folder or a CPRT JSON file")
        }
        let has = { (file: String) in fm.fileExists(atPath: folder.appendingPathComponent(file).path) }
        let edition: FrameworkEdition
        if has("ksa.csv") {
            edition = .nice2017
        } else if has("tks.csv") {
            edition = .components
        } else {
            throw .badData(
                SourceLocation(file: folder.path),
                "not a framework folder: it has neither ksa.csv (NICE 2017) nor tks.csv (NICE Framework Components)")
        }
        var data = FrameworkData(info: try manifest(folder: folder, edition: edition))
        switch edition {
        case .nice2017: try loadNICE2017(folder, into: &data)
        case .components: try loadComponents(folder, into: &data)
        }
        data.dropDanglingLinks()
        return data
    }

    private static func manifest(folder: URL, edition: FrameworkEdition) throws(WorkforceError) -> FrameworkInfo {
        let folderName = folder.standardizedFileURL.lastPathComponent
        var info = FrameworkInfo(
            name: folderName, title: folderName, version: folderName.components(separatedBy: "-v").last ?? "",
            edition: edition, source: folder.path)
        let url = folder.appendingPathComponent("framework.json")
        guard FileManager.default.fileExists(atPath: url.path) else { return info }
        let json = try FileInput.readJSON(url, name: url.path)
        if let value = json["name"] {
            guard let name = value.string, !name.trimmingCharacters(in: .whitespaces).isEmpty, !name.contains("/") else {
                throw .badData(SourceLocation(file: url.path), "\"name\" must be a non-empty text without /, e.g. \"nice-2017\"")
            }
            info.name = name
        }
        if let title = json["title"]?.string { info.title = title }
        if let version = json["version"]?.string { info.version = version }
        return info
    }

    private static func loadNICE2017(_ folder: URL, into data: inout FrameworkData) throws(WorkforceError) {
        data.categories = try rows(folder, "categories.csv", ["id", "name", "description"]).map {
            FrameworkCategory(id: $0["id"], name: $0["name"], description: $0["description"])
        }
        data.specialtyAreas = try rows(folder, "specialty_areas.csv", ["id", "name", "category_id", "description"]).map {
            SpecialtyArea(id: $0["id"], name: $0["name"], categoryID: $0["category_id"], description: $0["description"])
        }
        data.workRoles = try rows(
            folder, "work_roles.csv", ["id", "name", "specialty_area_id", "category_id", "opm_code", "description"]
        ).map {
            WorkRole(
                id: $0["id"], name: $0["name"], categoryID: $0["category_id"],
                specialtyAreaID: $0["specialty_area_id"], opmCode: $0.optional("opm_code"),
                description: $0["description"])
        }
        for row in try rows(folder, "ksa.csv", ["id", "kind", "text", "withdrawn"]) {
            data.statements.append(
                FrameworkStatement(
                    id: row["id"], kind: try row.kind("kind", allowed: [.knowledge, .skill, .ability]),
                    text: row["text"], withdrawn: try row.bool("withdrawn")))
        }
        for row in try rows(folder, "tasks.csv", ["id", "text", "withdrawn"]) {
            data.statements.append(
                FrameworkStatement(id: row["id"], kind: .task, text: row["text"], withdrawn: try row.bool("withdrawn")))
        }
        data.roleLinks = try rows(folder, "role_tasks.csv", ["role_id", "task_id"]).map {
            FrameworkLink(from: $0["role_id"], to: $0["task_id"])
        }
        data.roleLinks += try rows(folder, "role_ksa.csv", ["role_id", "ksa_id"]).map {
            FrameworkLink(from: $0["role_id"], to: $0["ksa_id"])
        }
    }

    private static func loadComponents(_ folder: URL, into data: inout FrameworkData) throws(WorkforceError) {
        let exists = { (file: String) in FileManager.default.fileExists(atPath: folder.appendingPathComponent(file).path) }
        for row in try rows(folder, "work_roles.csv", ["id", "category_id"]) {
            let name = row.optional("name")
            if name == nil { data.warnings.append("work role \(row["id"]) has no name in work_roles.csv; its id is used") }
            data.workRoles.append(
                WorkRole(
                    id: row["id"], name: name ?? row["id"], categoryID: row["category_id"], specialtyAreaID: nil,
                    opmCode: row.optional("opm_code"), description: row.optional("description") ?? ""))
        }
        if exists("categories.csv") {
            data.categories = try rows(folder, "categories.csv", ["id", "name"]).map {
                FrameworkCategory(id: $0["id"], name: $0["name"], description: $0.optional("description") ?? "")
            }
        }
        // Releases without categories.csv (v1.0.0 as MISP converted it): categories from the roles.
        let known = Set(data.categories.map(\.id))
        for id in Set(data.workRoles.map(\.categoryID)).subtracting(known).sorted() {
            data.warnings.append("category \(id) is not described in categories.csv; its id is used as its name")
            data.categories.append(FrameworkCategory(id: id, name: id, description: ""))
        }
        for row in try rows(folder, "tks.csv", ["id", "kind", "text"]) {
            data.statements.append(
                FrameworkStatement(
                    id: row["id"], kind: try row.kind("kind", allowed: [.task, .knowledge, .skill]), text: row["text"],
                    withdrawn: try row.optionalBool("withdrawn") ?? false))
        }
        data.roleLinks = try rows(folder, "role_tks.csv", ["role_id", "tks_id"]).map {
            FrameworkLink(from: $0["role_id"], to: $0["tks_id"])
        }
        if exists("competency_areas.csv") {
            data.competencyAreas = try rows(folder, "competency_areas.csv", ["id"]).map {
                CompetencyArea(id: $0["id"], name: $0.optional("name") ?? $0["id"], description: $0.optional("description") ?? "")
            }
        }
        if exists("competency_area_tks.csv") {
            data.competencyLinks = try rows(folder, "competency_area_tks.csv", ["competency_area_id", "tks_id"]).map {
                FrameworkLink(from: $0["competency_area_id"], to: $0["tks_id"])
            }
        }
    }

    /// All rows of `folder/file`, with `required` columns checked.
    /// The rows of `file`; a file with an `id` column must give every row a distinct, non-empty
    /// id without control characters (a located error otherwise, never a database error later).
    private static func rows(_ folder: URL, _ file: String, _ required: [String]) throws(WorkforceError) -> [CSVRow] {
        let url = folder.appendingPathComponent(file)
        let (table, records) = try CSVTable.readAll(url: url, required: required)
        if let column = table.index(of: "id") {
            var seen: [String: Int] = [:]
            for record in records {
                let id = record.fields[column]
                let here = record.location(ofField: column, in: url.path)
                if id.trimmingCharacters(in: .whitespaces).isEmpty { throw .badData(here, "the id is empty; every row needs one") }
                if id.unicodeScalars.contains(where: { $0.value < 0x20 }) { throw .badData(here, "the id holds a control character") }
                if let first = seen[id] { throw .badData(here, "id \(id) is given twice (first on line \(first)); ids are unique") }
                seen[id] = record.line
            }
        }
        return records.map { CSVRow(table: table, record: $0) }
    }
}

/// One data row of a framework CSV file, read by column name.
struct CSVRow {
    let table: CSVTable
    let record: CSVRecord

    /// The value of a column known to exist (checked with `requireColumn`).
    subscript(_ column: String) -> String {
        table.index(of: column).map { record.fields[$0] } ?? ""
    }

    /// The value of a column that may be absent; empty values are `nil`.
    func optional(_ column: String) -> String? {
        guard let i = table.index(of: column), !record.fields[i].isEmpty else { return nil }
        return record.fields[i]
    }

    private func location(_ column: String) -> SourceLocation {
        record.location(ofField: table.index(of: column) ?? 0, in: table.reader.name)
    }

    func bool(_ column: String) throws(WorkforceError) -> Bool {
        guard let value = try optionalBool(column) else {
            throw .badData(location(column), "\(column) is empty; write true or false")
        }
        return value
    }

    func optionalBool(_ column: String) throws(WorkforceError) -> Bool? {
        guard let value = optional(column) else { return nil }
        switch value.lowercased() {
        case "true", "1", "yes": return true
        case "false", "0", "no": return false
        default: throw .badData(location(column), "\(column) is \"\(valuePrefix(value))\"; write true or false")
        }
    }

    func kind(_ column: String, allowed: [StatementKind]) throws(WorkforceError) -> StatementKind {
        let value = self[column]
        guard let kind = StatementKind(rawValue: value), allowed.contains(kind) else {
            let list = allowed.map(\.rawValue).joined(separator: ", ")
            throw .badData(location(column), "\(column) is \"\(valuePrefix(value))\"; expected one of \(list)")
        }
        return kind
    }
}
