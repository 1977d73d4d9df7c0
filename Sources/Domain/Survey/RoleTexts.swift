import Foundation

/// Work role names and descriptions in one language other than NIST's English: the project's
/// own, unofficial Spanish translation of the NICE 2017 and Components v2 roles
/// (`Frameworks/translations/work-roles.es.csv`, columns `framework`, `role_id`, `name`,
/// `description`; `Frameworks/SOURCES.md` says where it comes from). The Spanish forms, printed
/// forms and codebooks use it; a role it lacks keeps its English text.
package struct RoleTexts: Sendable {
    package struct Text: Sendable, Equatable {
        package var name: String
        package var description: String
    }

    /// Keyed by framework name, then role id.
    private var texts: [String: [String: Text]]

    /// Reads a role-texts CSV file.
    ///
    /// - Throws: ``WorkforceError/badData(_:_:)`` located at a row with an empty name, a
    ///   repeated role, or a missing column.
    package init(url: URL) throws(WorkforceError) {
        var texts: [String: [String: Text]] = [:]
        let rows = try ItemBank.rows(url, required: ["framework", "role_id", "name", "description"])
        for row in rows {
            let framework = row["framework"], id = row["role_id"]
            guard !framework.isEmpty, !id.isEmpty, !row["name"].isEmpty else {
                throw .badData(row.location, "framework, role_id and name must not be empty")
            }
            guard texts[framework]?[id] == nil else { throw .badData(row.location, "role \(id) of \(framework) appears twice") }
            texts[framework, default: [:]][id] = Text(name: row["name"], description: row["description"])
        }
        self.texts = texts
    }

    /// The bundled Spanish translation.
    package static func bundledSpanish(environment: [String: String] = ProcessInfo.processInfo.environment) throws(WorkforceError)
        -> RoleTexts
    {
        try RoleTexts(url: BundledData.home(environment: environment).appendingPathComponent("Frameworks/translations/work-roles.es.csv"))
    }

    /// The text of a role, or `nil` when the file has none for it.
    package func text(framework: String, roleID: String) -> Text? { texts[framework]?[roleID] }

    /// How many roles of `framework` it has.
    package func count(framework: String) -> Int { texts[framework]?.count ?? 0 }
}
