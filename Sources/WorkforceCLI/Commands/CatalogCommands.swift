import Foundation
import WorkforceKit

/// `workforce catalog` and `workforce courses uncovered|covering|suggest|matrix`.
enum CatalogCommands {
    static let institution = TypedOption<String>.text("institution", "name", "Only this institution (case and accents do not matter).")
    static let level = TypedOption<String>.text("level", "level", "Only offerings of this level (certificate, associate, bachelor, ...).")
    static let mode = TypedOption<String>.text("mode", "mode", "Only offerings of this delivery mode.")
    static let theta = TypedOption<Double>.number(
        "theta", "x", "Coverage an offering needs to prepare for a role, 0 to 1.", in: 0...1).defaulting(to: 0.5)
    static let asOf = TypedOption<Int64>("as-of", "batch", "The catalog as it stood after this catalog batch.", expected: "a batch number") {
        Int64($0).flatMap { $0 > 0 ? $0 : nil }
    }
    static let demanded = OptionSpec.flag("demanded", "The roles employers report (the default once employer responses exist).")
    static let title = TypedOption<String>.text("title", "text", "The course's title.")
    static let description = TypedOption<String>.text("description", "text", "The course's description.")

    static let catalogSpec = CommandSpec(
        name: "catalog",
        abstract: "The national training catalog: each offering, its KSAs, completions and the roles it prepares for.",
        discussion: """
            An offering prepares for a work role when it teaches at least --theta (default \(theta.spec.defaultText ?? "")) of the
            role's current KSAs (coverage); a programme's row counts the union of its courses' KSAs.
            --as-of BATCH shows the catalog as it stood after that catalog import.
            """,
        options: [institution.spec, level.spec, mode.spec, theta.spec, asOf.spec, Options.framework.spec],
        printsTable: true,
        run: { invocation in
            let store = try invocation.openStore()
            let framework = try store.framework(named: invocation[Options.framework])
            var offerings = try store.catalog(framework, asOf: invocation[asOf])
            if let name = invocation[institution] {
                let stored = try store.institution(named: name)
                offerings = offerings.filter { $0.institution == stored }
            }
            if let level = invocation[level] { offerings = offerings.filter { $0.level == level } }
            if let mode = invocation[mode] { offerings = offerings.filter { $0.deliveryMode == mode } }
            try invocation.print(CourseAnalysis.catalogTable(offerings, roles: try store.roleProfiles(framework), theta: invocation[theta]))
        })

    static let coursesSpec = CommandSpec(
        name: "courses",
        abstract: "Which needed skills no course teaches, who teaches a KSA, KSAs for a new course, coverage by institution.",
        subcommands: [uncoveredSpec, coveringSpec, suggestSpec, matrixSpec],
        usesDatabase: false)

    static let uncoveredSpec = CommandSpec(
        name: "uncovered",
        abstract: "Current KSAs the chosen roles need that no offering (of an institution, or of the country) teaches.",
        discussion: """
            Roles: --roles, else those employers report (once employer responses exist), else all.
            Ranked by KSA-level demand (the medium-term demand of the roles needing it; 0 before
            employer data), then by how many of the roles need it. With --institution, each row names
            the other institutions that teach the KSA, with their offering codes.
            """,
        options: [
            institution.spec, Options.roles.spec, demanded, GapsCommand.frame.spec, WeightingCommands.unweighted, Options.baselineWave.spec, Options.framework.spec,
        ],
        printsTable: true,
        run: { try runUncovered($0) })

    static func runUncovered(_ invocation: Invocation) throws {
        let store = try invocation.openStore()
        var request = GapRequest()
        request.framework = invocation[Options.framework]
        try request.weight(invocation.frameChoice())
        request.wave = try Wave(employer: invocation[Options.baselineWave]).name
        request.language = invocation.readerLanguage
        try invocation.print(
            try CourseAnalysis.uncoveredReport(
                store, request, institution: invocation[institution], roles: invocation[Options.roles], demandedOnly: invocation.flag(demanded)))
    }

    static let coveringSpec = CommandSpec(
        name: "covering",
        abstract: "The offerings that teach one KSA.",
        options: [Options.framework.spec],
        positionals: [PositionalSpec(name: "ksa-id", help: "A KSA id, e.g. K0041.")],
        printsTable: true,
        run: { invocation in
            let store = try invocation.openStore()
            let framework = try store.framework(named: invocation[Options.framework])
            let id = (invocation.positional(0) ?? "").uppercased()
            let known = try store.statementTexts(framework)[id] != nil
            if known, id.hasPrefix("T") {
                throw WorkforceError.badData(
                    nil, "\(id) is a task, not a KSA: courses teach knowledge, skills and abilities (K, S and A ids); "
                        + "`workforce framework list ksas --role ROLE` lists the KSAs of a role that performs it")
            }
            guard known else {
                throw WorkforceError.badData(nil, "no KSA \(valuePrefix(id)) in framework \(framework.name); `workforce framework search WORDS` finds ids by text")
            }
            try invocation.print(CourseAnalysis.covering(id, try store.catalog(framework)))
        })

    static let suggestSpec = CommandSpec(
        name: "suggest",
        abstract: "Suggest KSA ids for a course from its title and description (it never writes).",
        options: [title.spec, description.spec, Options.limit.spec, Options.framework.spec],
        printsTable: true,
        run: { invocation in
            guard let text = invocation[title] else { throw WorkforceError.usage("give the course's --title") }
            let store = try invocation.openStore()
            let framework = try store.framework(named: invocation[Options.framework])
            try invocation.print(
                try store.suggestKSAs(title: text, description: invocation[description], in: framework, limit: invocation[Options.limit]))
        })

    static let matrixSpec = CommandSpec(
        name: "matrix",
        abstract: "Per institution, each work role's coverage by all its offerings together (0 to 1).",
        options: [institution.spec, Options.framework.spec],
        printsTable: true,
        run: { invocation in
            let store = try invocation.openStore()
            let framework = try store.framework(named: invocation[Options.framework])
            let name = try invocation[institution].map { name throws(WorkforceError) in try store.institution(named: name) }
            try invocation.print(CourseAnalysis.matrix(try store.catalog(framework), roles: try store.roleProfiles(framework), institution: name))
        })
}
