import Foundation

/// Reads NICE Framework Components from NIST's CPRT JSON export, exactly as NIST publishes it.
///
/// Two shapes are accepted: the four lists `documents`, `relationship_types`, `elements` and
/// `relationships` at the top level (v2.0.0), or the same wrapped in
/// `{"response": {"elements": {...}}}` (v2.1.0). Elements of type `category`, `work_role`,
/// `competency_area`, `task`, `knowledge` and `skill` become the framework; `projection`
/// relationships link categories to roles, roles to statements and OPM codes, and competency
/// areas to statements. `sort` elements are ignored. Links to missing elements are reported as
/// warnings and skipped.
package enum CPRTLoader {
    /// Loads the CPRT JSON file at `url`.
    ///
    /// - Throws: ``WorkforceError/noInput(path:reason:)`` for a missing file,
    ///   ``WorkforceError/badData(_:_:)`` for malformed JSON (with line and column) or a shape
    ///   that is not CPRT's.
    package static func load(url: URL) throws(WorkforceError) -> FrameworkData {
        let bytes = try FileInput.readBytes(url, name: url.path)
        do {
            let (json, positions) = try JSONParser.parse(bytes, name: url.path, trackingArrays: ["elements", "relationships"])
            return try load(json: json, source: url.path) { list, n in positions[list].flatMap { n < $0.count ? $0[n] : nil }?.location(in: bytes, file: url.path) }
        } catch let error as JSONParseError {
            throw .badData(error.location, "malformed JSON: \(error.message)")
        } catch let error as WorkforceError {
            throw error
        } catch {
            throw .other("\(url.path): \(error)")
        }
    }

    /// Loads parsed CPRT JSON; `locate` gives the line and column of element `n` of list
    /// `elements` or `relationships`, when known.
    static func load(
        json: JSONValue, source: String, locate: (String, Int) -> SourceLocation? = { _, _ in nil }
    ) throws(WorkforceError) -> FrameworkData {
        let here = SourceLocation(file: source)
        func at(_ list: String, _ n: Int) -> SourceLocation { locate(list, n) ?? here }
        let body = json["response"]?["elements"] ?? json
        guard let elements = body["elements"]?.array, let relationships = body["relationships"]?.array else {
            throw .badData(
                here,
                "not a CPRT export: expected lists \"elements\" and \"relationships\" at the top level or under response.elements")
        }
        guard let document = body["documents"]?.array?.first else {
            throw .badData(here, "the CPRT export has no \"documents\" entry, so its version is unknown; export it again from CPRT")
        }
        guard let version = document["version"]?.string, !version.isEmpty,
            version.allSatisfy({ $0.isNumber || $0 == "." || $0.isLetter || $0 == "-" })
        else {
            throw .badData(here, "the CPRT export's documents entry has no version like \"2.1.0\" (a text); export it again from CPRT")
        }
        let title = document["name"]?.string ?? "NICE Framework Components"
        var data = FrameworkData(
            info: FrameworkInfo(
                name: "nice-components-v\(version)", title: "\(title) v\(version)", version: version,
                edition: .components, source: source))

        var types: [String: String] = [:]
        var position: [String: Int] = [:]
        var roleOrder: [String] = []
        var roles: [String: WorkRole] = [:]
        for (n, element) in elements.enumerated() {
            guard let type = element["element_type"]?.string, let id = element["element_identifier"]?.string else {
                throw .badData(at("elements", n), "element \(n + 1) of \"elements\" has no element_type or element_identifier")
            }
            let what = "element \(n + 1) of \"elements\" (\(id.isEmpty ? "no id" : id))"
            guard !id.trimmingCharacters(in: .whitespaces).isEmpty else { throw .badData(at("elements", n), "\(what) has an empty element_identifier") }
            if let first = position[id], types[id] == type {
                throw .badData(at("elements", n), "\(what): the identifier \(id) is given twice (first as element \(first + 1)); identifiers are unique")
            }
            position[id] = n
            for field in ["title", "text"] {
                guard let value = element[field], !value.isNull else { continue }
                guard let text = value.string else { throw .badData(at("elements", n), "\(what): \(field) is not a text") }
                if text.unicodeScalars.contains("\u{0}") { throw .badData(at("elements", n), "\(what): \(field) holds a NUL character") }
            }
            let title = element["title"]?.string ?? ""
            let text = element["text"]?.string ?? ""
            types[id] = type
            switch type {
            case "category":
                data.categories.append(FrameworkCategory(id: id, name: title, description: text))
            case "work_role":
                roleOrder.append(id)
                roles[id] = WorkRole(
                    id: id, name: title.isEmpty ? id : title, categoryID: "", specialtyAreaID: nil, opmCode: nil,
                    description: text)
            case "competency_area":
                data.competencyAreas.append(CompetencyArea(id: id, name: title.isEmpty ? id : title, description: text))
            case "task", "knowledge", "skill":
                let kind: StatementKind = type == "task" ? .task : type == "knowledge" ? .knowledge : .skill
                data.statements.append(
                    FrameworkStatement(id: id, kind: kind, text: text, withdrawn: text.uppercased().hasPrefix("WITHDRAWN")))
            default:
                break  // sort, opm_code and types added later carry nothing we store
            }
        }

        for (n, relationship) in relationships.enumerated() {
            guard let from = relationship["source_element_identifier"]?.string,
                let to = relationship["dest_element_identifier"]?.string
            else {
                throw .badData(at("relationships", n), "relationship \(n + 1) has no source_element_identifier or dest_element_identifier")
            }
            switch (types[from], types[to]) {
            case ("category", "work_role"):
                roles[to]?.categoryID = from
            case ("work_role", "opm_code"):
                // A role may have two codes; written "631 and 632" as in NIST's workbook.
                let existing = roles[from]?.opmCode
                roles[from]?.opmCode = existing.map { "\($0) and \(to)" } ?? to
            case ("work_role", _):
                // Statements, or a missing element (reported by dropDanglingLinks).
                if types[to] == nil || ["task", "knowledge", "skill"].contains(types[to]) {
                    data.roleLinks.append(FrameworkLink(from: from, to: to))
                }
            case ("competency_area", _):
                if types[to] == nil || ["task", "knowledge", "skill"].contains(types[to]) {
                    data.competencyLinks.append(FrameworkLink(from: from, to: to))
                }
            case (nil, _):
                data.warnings.append("dangling link \(from) -> \(to): no element \(from)")
            case ("category", nil):
                data.warnings.append("dangling link \(from) -> \(to): no element \(to)")
            default:
                break
            }
        }

        var categoryIDs = Set(data.categories.map(\.id))
        for id in roleOrder {
            guard var role = roles[id] else { continue }
            if role.categoryID.isEmpty {
                let prefix = String(id.prefix { $0 != "-" })
                data.warnings.append("work role \(id) has no category link; category \(prefix) is taken from its id")
                role.categoryID = prefix
            }
            if categoryIDs.insert(role.categoryID).inserted {
                data.warnings.append("category \(role.categoryID) of work role \(id) is not in the file; its id is used as its name")
                data.categories.append(FrameworkCategory(id: role.categoryID, name: role.categoryID, description: ""))
            }
            data.workRoles.append(role)
        }
        data.dropDanglingLinks()
        return data
    }
}
