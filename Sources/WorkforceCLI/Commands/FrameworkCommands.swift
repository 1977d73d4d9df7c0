import Foundation
import WorkforceKit

/// `workforce framework list|show|search|import`
enum FrameworkCommands {
    static let spec = CommandSpec(
        name: "framework",
        abstract: "List, show, search and import NICE Framework editions.",
        subcommands: [list, show, search, importSpec],
        usesDatabase: false)

    static let list = CommandSpec(
        name: "list",
        abstract: "List frameworks, or the roles, categories, areas, KSAs or tasks of one.",
        discussion: """
            ksas lists knowledge, skill and ability statements (K, S, A); tasks lists tasks (T).
            areas lists specialty areas (NICE 2017) and competency areas (NICE Framework Components).
            """,
        options: [Options.role.spec, Options.framework.spec],
        positionals: [listed.spec],
        printsTable: true,
        run: { try runList($0) })

    /// What `framework list` lists.
    enum Listing: String, CaseIterable, Sendable {
        case frameworks, roles, categories, areas, ksas, tasks
    }
    static let listed = TypedPositional<Listing>("what", "What to list.")

    static func runList(_ invocation: Invocation) throws {
        let store = try invocation.openStore()
        let what = invocation[listed] ?? .roles
        if what == .frameworks {
            try invocation.print(try store.frameworkList())
            return
        }
        let f = try store.framework(named: invocation[Options.framework])
        let role = invocation[Options.role]
        if role != nil && what != .ksas && what != .tasks {
            throw WorkforceError.usage("--role goes with `list ksas` or `list tasks`")
        }
        switch what {
        case .frameworks, .roles: try invocation.print(try store.workRoles(f))
        case .categories: try invocation.print(try store.categories(f))
        case .areas: try invocation.print(try store.areas(f))
        case .ksas: try invocation.print(try store.statements(f, tasks: false, role: role))
        case .tasks: try invocation.print(try store.statements(f, tasks: true, role: role))
        }
    }

    static let show = CommandSpec(
        name: "show",
        abstract: "Show one work role, category, area or statement by its id.",
        options: [Options.framework.spec],
        positionals: [PositionalSpec(name: "id", help: "An id such as PR-CIR-001, K0041, T0163, SP or RSK.")],
        printsTable: true,
        run: { invocation in
            let store = try invocation.openStore()
            let f = try store.framework(named: invocation[Options.framework])
            try invocation.print(try store.show(invocation.positional(0) ?? "", in: f))
        })

    static let search = CommandSpec(
        name: "search",
        abstract: "Full-text search over statement text, best matches first.",
        discussion: "Every word must appear (stemmed); statements holding the exact phrase rank first.",
        options: [
            Options.framework.spec, Options.all, Options.limit.spec,
        ],
        positionals: [PositionalSpec(name: "text", help: "The words to look for.", variadic: true)],
        printsTable: true,
        run: { invocation in
            let store = try invocation.openStore()
            let f = invocation.flag(Options.all) ? nil : try store.framework(named: invocation[Options.framework])
            try invocation.print(try store.search(invocation.positional(0) ?? "", in: f, limit: invocation[Options.limit]))
        })

    static let importSpec = CommandSpec(
        name: "import",
        abstract: "Import a framework from NIST's CPRT JSON or a framework CSV folder.",
        discussion: """
            Links to ids missing from the file are reported as warnings and skipped. The framework is
            named from its content (nice-components-vX.Y.Z for CPRT JSON; framework.json or the
            folder's name for a CSV folder).
            """,
        options: [
            Options.replace, Options.makeDefault,
        ],
        positionals: [PositionalSpec(name: "path", help: "A CPRT JSON file or a framework CSV folder.")],
        run: { invocation in
            let store = try invocation.openStore()
            let data = try FrameworkSource.load(invocation.positional(0) ?? "", environment: invocation.environment)
            let summary = try store.saveFramework(
                data, replace: invocation.flag(Options.replace), makeDefault: invocation.flag(Options.makeDefault))
            FrameworkSource.report(summary, invocation)
        })
}
