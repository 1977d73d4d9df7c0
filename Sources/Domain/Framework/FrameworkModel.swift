/// Which NICE edition a framework follows; it decides what the framework holds.
public enum FrameworkEdition: String, Sendable, Codable {
    /// NICE 2017 (NIST SP 800-181): categories, specialty areas, work roles, tasks, K/S/A.
    case nice2017 = "nice-2017"
    /// NICE Framework Components (SP 800-181 Rev. 1): categories, work roles, competency areas,
    /// T/K/S statements; no specialty areas, no abilities.
    case components
}

/// What identifies a framework in the database.
public struct FrameworkInfo: Sendable, Equatable {
    /// The short name commands use (`nice-2017`, `nice-components-v2.2.0`).
    public var name: String
    public var title: String
    public var version: String
    public var edition: FrameworkEdition
    /// Where it was loaded from (a path as given).
    public var source: String

    public init(name: String, title: String, version: String, edition: FrameworkEdition, source: String) {
        self.name = name
        self.title = title
        self.version = version
        self.edition = edition
        self.source = source
    }
}

public struct FrameworkCategory: Sendable, Equatable {
    public var id: String
    public var name: String
    public var description: String
}

public struct SpecialtyArea: Sendable, Equatable {
    public var id: String
    public var name: String
    public var categoryID: String
    public var description: String
}

public struct WorkRole: Sendable, Equatable {
    public var id: String
    public var name: String
    public var categoryID: String
    /// `nil` in NICE Framework Components, which has no specialty areas.
    public var specialtyAreaID: String?
    public var opmCode: String?
    public var description: String
}

/// The kind of a framework statement.
public enum StatementKind: String, Sendable, CaseIterable {
    case task = "T"
    case knowledge = "K"
    case skill = "S"
    case ability = "A"
}

/// A task or a knowledge, skill or ability statement.
public struct FrameworkStatement: Sendable, Equatable {
    public var id: String
    public var kind: StatementKind
    public var text: String
    /// Withdrawn statements are kept, marked, and never asked about.
    public var withdrawn: Bool
}

public struct CompetencyArea: Sendable, Equatable {
    public var id: String
    public var name: String
    public var description: String
}

/// A link from a work role or competency area to a statement.
public struct FrameworkLink: Sendable, Hashable {
    public var from: String
    public var to: String
}

/// A whole framework as read from files, ready to be stored.
public struct FrameworkData: Sendable {
    public var info: FrameworkInfo
    public var categories: [FrameworkCategory] = []
    public var specialtyAreas: [SpecialtyArea] = []
    public var workRoles: [WorkRole] = []
    public var statements: [FrameworkStatement] = []
    public var roleLinks: [FrameworkLink] = []
    public var competencyAreas: [CompetencyArea] = []
    public var competencyLinks: [FrameworkLink] = []
    /// Problems that did not stop the load (dangling links, missing names), one sentence each.
    public var warnings: [String] = []

    public init(info: FrameworkInfo) { self.info = info }

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
