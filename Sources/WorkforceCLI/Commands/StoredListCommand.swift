import WorkforceKit

/// The shape `campaigns` and `design` share: a group of two subcommands, one that stores
/// something with the awareness waves (`campaigns import FILE`, `design set`) and `show`, which
/// prints what is stored as a table, with a note saying how to store some when nothing is.
enum StoredListCommand {
    /// `NAME`: a group of `store` and `show` that opens no database itself.
    static func group(_ name: String, abstract: String, store: CommandSpec, show: CommandSpec) -> CommandSpec {
        CommandSpec(name: name, abstract: abstract, subcommands: [store, show], usesDatabase: false)
    }

    /// `NAME show`: the stored rows as a table (`--format`, `--lang` for its note); when there
    /// are none, the note `none` says how to store some.
    ///
    /// - Parameters:
    ///   - abstract: the help line.
    ///   - none: the note for an empty table.
    ///   - table: reads the stored rows.
    static func show(abstract: String, none: Phrase, table: @escaping @Sendable (WorkforceStore) throws -> ResultTable) -> CommandSpec {
        CommandSpec(
            name: "show", abstract: abstract, printsTable: true,
            run: { invocation in
                var rows = try table(try invocation.openStore())
                if rows.rows.isEmpty { rows.notes.append(none.text(invocation.readerLanguage)) }
                try invocation.print(rows)
            })
    }
}
