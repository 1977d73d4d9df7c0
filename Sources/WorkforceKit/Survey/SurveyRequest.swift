/// What a surveyor asked for: which instrument, which wave, languages and roles.
public struct SurveyRequest: Sendable {
    public var kind: InstrumentKind
    /// Awareness only: `baseline` (default) or `followup-N`.
    public var wave: Wave?
    public var languages: [Language]
    /// Employer only: also ask which of each role's KSAs staff lack.
    public var ksaGaps: Bool

    public init(kind: InstrumentKind, wave: Wave? = nil, languages: [Language] = Language.supported, ksaGaps: Bool = false) {
        self.kind = kind
        self.wave = wave
        self.languages = languages
        self.ksaGaps = ksaGaps
    }
}

/// A work role as the employer questionnaire needs it: its id, name and current KSAs.
public struct SurveyRole: Sendable, Equatable {
    public var id: String
    public var name: String
    /// The framework's description of the role (empty when it has none).
    public var description: String = ""
    /// Non-withdrawn knowledge, skill and ability statements, in framework order.
    public var ksas: [FrameworkStatement]

    /// The role id as XLSForm names and choices use it: `PR-CIR-001` becomes `pr_cir_001`.
    public var key: String { SurveyRole.key(id) }

    public static func key(_ id: String) -> String {
        id.lowercased().map { $0.isLetter || $0.isNumber ? String($0) : "_" }.joined()
    }
}

extension WorkforceStore {
    /// The roles to survey: those named by `ids`, or those in `category`, or all of the framework's.
    ///
    /// - Throws: ``WorkforceError/usage(_:)`` naming unknown role or category ids.
    public func surveyRoles(_ f: FrameworkRef, ids: [String]?, category: String?) throws(WorkforceError) -> [SurveyRole] {
        let all = try read { db in
            try db.rows("SELECT id, name, category_id, description FROM work_role WHERE framework_id = ? ORDER BY rowid", [f.id])
        }
        var chosen = all
        if let ids {
            let known = Set(all.compactMap { $0[0].string })
            let unknown = ids.filter { !known.contains($0) }
            guard unknown.isEmpty else {
                throw .usage(
                    "unknown work role\(unknown.count == 1 ? "" : "s") \(unknown.joined(separator: ", ")) in framework \(f.name); "
                        + "`workforce framework list roles` lists them")
            }
            guard !ids.isEmpty else { throw .usage("--roles needs at least one work role id") }
            chosen = ids.compactMap { id in all.first { $0[0].string == id } }
        }
        if let category {
            chosen = chosen.filter { $0[2].string == category }
            if chosen.isEmpty {
                throw .usage("no work role of framework \(f.name) is in category \(category); `workforce framework list categories` lists them")
            }
        }
        return try chosen.map { row throws(WorkforceError) in
            let id = row[0].string ?? ""
            let ksas = try read { db in
                try db.rows(
                    """
                    SELECT s.id, s.kind, s.text FROM role_statement l
                    JOIN statement s ON s.framework_id = l.framework_id AND s.id = l.statement_id
                    WHERE l.framework_id = ? AND l.role_id = ? AND s.kind <> 'T' AND s.withdrawn = 0 ORDER BY s.pk
                    """, [f.id, id])
            }
            return SurveyRole(
                id: id, name: row[1].string ?? id, description: row[3].string ?? "",
                ksas: ksas.map {
                    FrameworkStatement(
                        id: $0[0].string ?? "", kind: StatementKind(rawValue: $0[1].string ?? "K") ?? .knowledge,
                        text: $0[2].string ?? "", withdrawn: false)
                })
        }
    }
}
