import WorkforceKit

/// `workforce responses employer|university|awareness`: the clean data file.
enum ResponsesCommand {
    static let labels = TypedOption<String>(
        "labels", "lang", "Write choices as their labels in this language (en or es) instead of their names.",
        expected: "en or es", choices: ["en", "es"]) { $0 }
    static let kindArgument = TypedPositional<InstrumentKind>("instrument-kind", "Which questionnaire's responses.")
    static let splitMultiple = OptionSpec.flag("split-multiple", "Add one 0/1 column per choice of each select_multiple.")

    static let spec = CommandSpec(
        name: "responses",
        abstract: "Write the stored responses as a clean data file, one row per response.",
        discussion: """
            Columns: response_id, batch_id, response_key, submitted_at, then every question of the
            codebook in order (notes left out), across every batch and every version of the form.
            Choices are names (labels with --labels; a select_multiple's names are separated by
            spaces, its labels by "; "). Questions not asked of a respondent are empty in CSV and
            null in JSON, where each row lists them in "_not_asked". CSV and JSON stream.
            """,
        options: [Options.wave.spec, Options.instrument.spec, labels.spec, splitMultiple],
        positionals: [kindArgument.spec],
        printsTable: true,
        run: { try run($0) })

    static func run(_ invocation: Invocation) throws {
        let kind = invocation[kindArgument] ?? .awareness
        if kind != .awareness, invocation[Options.wave] != nil { throw WorkforceError.usage("--wave goes with `responses awareness`") }
        if let name = invocation[Options.wave] { _ = try Wave(name) }
        let store = try invocation.openStore()
        let reader = try ResponseReader(store: store, kind: kind, wave: invocation[Options.wave], instrument: invocation[Options.instrument])
        let export = ResponseExport(labels: invocation[labels], splitMultiple: invocation.flag(splitMultiple))
        try export.write(reader, as: invocation.format, bytes: invocation.io.outBytes)
    }
}
