/// Which NICE edition a framework follows; it decides what the framework holds.
package enum FrameworkEdition: String, Sendable, Codable {
    /// NICE 2017 (NIST SP 800-181): categories, specialty areas, work roles, tasks, K/S/A.
    case nice2017 = "nice-2017"
    /// NICE Framework Components (SP 800-181 Rev. 1): categories, work roles, competency areas,
    /// T/K/S statements; no specialty areas, no abilities.
    case components
}

/// What identifies a framework in the database.
package struct FrameworkInfo: Sendable, Equatable {
    /// The short name commands use (`nice-2017`, `nice-components-v2.2.0`).
    package var name: String
    package var title: String
    package var version: String
    package var edition: FrameworkEdition
    /// Where it was loaded from (a path as given).
    package var source: String

    package init(name: String, title: String, version: String, edition: FrameworkEdition, source: String) {
        self.name = name
        self.title = title
        self.version = version
        self.edition = edition
        self.source = source
    }
}

package struct FrameworkCategory: Sendable, Equatable {
    package var id: String
    package var name: String
    package var description: String
}

package struct SpecialtyArea: Sendable, Equatable {
    package var id: String
    package var name: String
    package var categoryID: String
    package var description: String
}

package struct WorkRole: Sendable, Equatable {
    package var id: String
    package var name: String
    package var categoryID: String
    /// `nil` in NICE Framework Components, which has no specialty areas.
    package var specialtyAreaID: String?
    package var opmCode: String?
    package var description: String
}

/// The kind of a framework statement.
package enum StatementKind: String, Sendable, CaseIterable {
    case task = "T"
    case knowledge = "K"
    case skill = "S"
    case ability = "A"
}

/// A task or a knowledge, skill or ability statement.
package struct FrameworkStatement: Sendable, Equatable {
    package var id: String
    package var kind: StatementKind
    package var text: String
    /// Withdrawn statements are kept, marked, and never asked about.
    package var withdrawn: Bool
}

package struct CompetencyArea: Sendable, Equatable {
    package var id: String
    package var name: String
    package var description: String
}

/// A link from a work role or competency area to a statement.
package struct FrameworkLink: Sendable, Hashable {
    package var from: String
    package var to: String
}

/// A whole framework as read from files, ready to be stored.
package struct FrameworkData: Sendable {
    package var info: FrameworkInfo
    package var categories: [FrameworkCategory] = []
    package var specialtyAreas: [SpecialtyArea] = []
    package var workRoles: [WorkRole] = []
    package var statements: [FrameworkStatement] = []
    package var roleLinks: [FrameworkLink] = []
    package var competencyAreas: [CompetencyArea] = []
    package var competencyLinks: [FrameworkLink] = []
    /// Problems that did not stop the load (dangling links, missing names), one sentence each.
    package var warnings: [String] = []

    package init(info: FrameworkInfo) { self.info = info }

    /// Drops links whose ends are not in the framework, and records a warning for each.
    ///
    /// Real exports contain such links (NIST's v2.0.0 JSON has four); they are reported, never fatal.
    mutating func dropDanglingLinks() {
        let roles = Set(workRoles.map(\.id))
        let areas = Set(competencyAreas.map(\.id))
        let statementIDs = Set(statements.map(\.id))
        var problems: [String] = []
        roleLinks = Self.keep(roleLinks, sources: roles, what: "work role", statements: statementIDs, problems: &problems)
        competencyLinks = Self.keep(
            competencyLinks, sources: areas, what: "competency area", statements: statementIDs, problems: &problems)
        warnings += problems
    }

    private static func keep(
        _ links: [FrameworkLink], sources: Set<String>, what: String, statements: Set<String>, problems: inout [String]
    ) -> [FrameworkLink] {
        var seen = Set<FrameworkLink>()
        var kept: [FrameworkLink] = []
        for link in links where seen.insert(link).inserted {
            if !sources.contains(link.from) {
                problems.append("dangling link \(link.from) -> \(link.to): no \(what) \(link.from)")
            } else if !statements.contains(link.to) {
                problems.append("dangling link \(link.from) -> \(link.to): no statement \(link.to)")
            } else {
                kept.append(link)
            }
        }
        return kept
    }
}
