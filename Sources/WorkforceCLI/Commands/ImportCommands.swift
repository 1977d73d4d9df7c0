import Foundation
import WorkforceKit

/// `workforce import employer|university|awareness FILE` and `workforce imports`.
enum ImportCommands {
    static let importSpec = CommandSpec(
        name: "import",
        abstract: "Import survey responses from a CSV or Excel export, checked against the questionnaire's codebook.",
        discussion: """
            Reads CSV as KoboToolbox, ODK Central, LimeSurvey and Google Forms export it, or the
            project's own response template: UTF-8 (with or without BOM), UTF-16 with BOM or
            Windows-1252; separated by , ; or tab; CRLF or LF. An Excel .xlsx is read from its
            first sheet (locations name the cell: export.xlsx:Sheet1!C17); a .zip of CSV files
            (ODK Central's "Download all") from its main CSV, or the one --entry names. The
            file is one batch in one transaction: rows that fail a check are quarantined with
            every reason (see `workforce imports --rejected BATCH`), the rest are stored, and a
            row already in the database (same id, or same content) is skipped. Exit 65 means
            the file could not be read at all and nothing was written. Without --wave or
            --instrument, the header chooses the questionnaire (the one whose questions it has);
            equal matches across waves ask for --wave or --instrument. A catalog import retires
            an institution's offerings that the file no longer lists only with --replace.
            """,
        options: [
            Options.wave.spec, Options.instrument.spec, Options.dryRun, Options.encoding.spec, Options.delimiter.spec,
            Options.entry.spec, Options.framework.spec, replaceCatalog, includeNotApproved, maxQuarantined.spec,
        ],
        positionals: [
            kindArgument.spec,
            PositionalSpec(name: "file", help: "The CSV, .xlsx or .zip file (- for standard input)."),
        ],
        run: { try runImport($0) })

    /// What `import` reads: the responses to one of the questionnaires, or the catalog.
    enum ImportKind: String, CaseIterable, Sendable {
        case employer, university, awareness, catalog
        var instrument: InstrumentKind? { InstrumentKind(rawValue: rawValue) }
    }
    static let kindArgument = TypedPositional<ImportKind>(
        "instrument-kind", "Which questionnaire the responses answer, or catalog for the national training catalog.")

    static let includeNotApproved = OptionSpec.flag(
        "include-not-approved", "Import rows a KoboToolbox supervisor marked Not approved (_validation_status) instead of quarantining them.")

    static let maxQuarantined = TypedOption<Int>.integer(
        "max-quarantined", "n", "Refuse the file (nothing stored) when more rows than this fail their checks.", in: 0...10_000_000
    ).defaulting(to: ImportLimits.quarantinedRows)

    static let replaceCatalog = OptionSpec.flag(
        "replace", "Catalog: retire the current offerings of the institutions the file names that the file does not list again.")

    static func runImport(_ invocation: Invocation) throws {
        guard let kind = invocation[kindArgument]?.instrument else { return try runCatalogImport(invocation) }
        if invocation.flag(replaceCatalog) { throw WorkforceError.usage("--replace goes with `import catalog`") }
        if invocation[Options.framework] != nil { throw WorkforceError.usage("--framework goes with `import catalog`") }
        if kind == .university, invocation[Options.wave] != nil { throw WorkforceError.usage("--wave goes with `import awareness` or `import employer`") }
        if let wave = invocation[Options.wave] { _ = kind == .employer ? try Wave(employer: wave) : try Wave(wave) }
        let (url, path, spooled) = try inputFile(invocation.positional(1) ?? "", invocation)
        defer { if spooled { try? FileManager.default.removeItem(at: url) } }
        let store = invocation.track(try WorkforceStore(path: invocation.databasePath, create: false, busyTimeout: 600_000))
        var options = ImportOptions(
            kind: kind, wave: invocation[Options.wave], instrument: invocation[Options.instrument],
            dryRun: invocation.flag(Options.dryRun), encoding: invocation[Options.encoding], delimiter: invocation[Options.delimiter],
            entry: invocation[Options.entry])
        options.includeNotApproved = invocation.flag(includeNotApproved)
        options.maxQuarantined = invocation[maxQuarantined]
        let showProgress = invocation.io.errIsTerminal
        let summary = try ResponseImporter.run(
            store: store, url: url, name: path, options: options,
            progress: showProgress ? { invocation.io.err("\rread \($0) rows…") } : nil)
        if showProgress { invocation.io.err("\r" + String(repeating: " ", count: 30) + "\r") }
        report(summary, invocation)
        // Against the wave's units list (`frame import --units`), when one is stored.
        if kind == .employer, !options.dryRun, summary.imported > 0 {
            let queried = try store.queryUnits(wave: invocation[Options.wave].map { try Wave(employer: $0).name })
            if queried > 0, invocation[Options.format] != .json {
                invocation.say("\(plural(queried, "employer response")) of the wave disagree with its units list (`workforce imports --queries BATCH` lists them).")
            }
        }
    }

    /// `workforce import catalog FILE`: the national training catalog.
    static func runCatalogImport(_ invocation: Invocation) throws {
        if invocation.flag(includeNotApproved) { throw WorkforceError.usage("--include-not-approved goes with response imports, not `import catalog`") }
        for option in [Options.wave.spec, Options.instrument.spec] where invocation.parsed.values[option.name] != nil {
            throw WorkforceError.usage("--\(option.name) does not go with `import catalog`")
        }
        let (url, path, spooled) = try inputFile(invocation.positional(1) ?? "", invocation)
        defer { if spooled { try? FileManager.default.removeItem(at: url) } }
        let store = invocation.track(try WorkforceStore(path: invocation.databasePath, create: false, busyTimeout: 600_000))
        let summary = try CatalogImporter.run(
            store: store, url: url, name: path, framework: invocation[Options.framework], dryRun: invocation.flag(Options.dryRun),
            encoding: invocation[Options.encoding], delimiter: invocation[Options.delimiter], entry: invocation[Options.entry],
            replace: invocation.flag(replaceCatalog))
        report(summary, invocation)
    }

    /// The file to import: `-` or `/dev/stdin` is standard input, copied to a temporary file
    /// first (a pipe can be read only once); anything else must be a regular file.
    static func inputFile(_ path: String, _ invocation: Invocation) throws(WorkforceError) -> (url: URL, name: String, spooled: Bool) {
        if path == "-" || path == "/dev/stdin" { return (try FileInput.spoolStandardInput(), "standard input", true) }
        return (try invocation.existingInput(path), path, false)
    }

    static func report(_ s: ImportSummary, _ invocation: Invocation) {
        if invocation[Options.format] == .json { return invocation.io.out(s.json) }
        let separator = s.delimiter == 0x09 ? "tab" : "'\(String(UnicodeScalar(s.delimiter)))'"
        let what =
            s.fromWorkbook
            ? "\(s.formID), \(s.dialect.rawValue), Excel workbook" : "\(s.formID), \(s.dialect.rawValue), \(s.encoding.rawValue), separator \(separator)"
        if s.dryRun {
            invocation.say("Checked \(s.file) (\(what)); dry run: nothing was written.")
        } else if s.batchID == nil, s.addsNothing {
            invocation.say("Read \(s.file) (\(what)); no batch was created.")
        } else {
            invocation.say("Imported \(s.file) as batch \(s.batchID.map(String.init) ?? "-") (\(what)).")
        }
        if let container = s.container { invocation.say("  read \(container).") }
        if let choice = s.instrumentChoice { invocation.say("  " + terminalSafe(choice)) }
        if let design = s.recordedDesign {
            invocation.say("  Recorded the design of wave \(s.wave ?? "baseline"): \(DesignCommands.words(design)) (`workforce design set` changes it).")
        }
        invocation.say(
            s.dryRun
                ? "  read \(plural(s.rowsRead, "row")): \(s.imported) would be imported, \(plural(s.duplicates, "duplicate")) skipped, \(s.quarantined) quarantined."
                : "  read \(plural(s.rowsRead, "row")): \(s.imported) imported, \(plural(s.duplicates, "duplicate")) skipped, \(s.quarantined) quarantined.")
        if s.onHold > 0 { invocation.say("  \(plural(s.onHold, "row")) marked On hold in KoboToolbox \(s.onHold == 1 ? "is" : "are") imported and counted.") }
        if s.notApproved > 0 {
            invocation.say("  \(plural(s.notApproved, "row")) marked Not approved in KoboToolbox quarantined; --include-not-approved imports them.")
        }
        if s.notApprovedImported > 0 {
            invocation.say("  \(plural(s.notApprovedImported, "row")) marked Not approved in KoboToolbox imported (--include-not-approved).")
        }
        let holders = s.duplicatesHeldBy.map { "batch \($0.batch)" + ($0.wave.map { " (wave \($0))" } ?? "") }
        if s.imported == 0 && s.duplicates == s.rowsRead {
            invocation.say(
                "  Nothing new: every row is already in the database"
                    + (holders.isEmpty ? "." : ", in \(holders.joined(separator: ", ")); to store them under another wave, purge \(holders.count == 1 ? "that batch" : "those batches") first (`workforce purge --batch ID`)."))
        } else if !holders.isEmpty {
            invocation.say("  The duplicates are already stored in \(holders.joined(separator: ", ")).")
        }
        if !s.retired.isEmpty {
            let verb = s.dryRun ? "would retire (needs --replace)" : "retired"
            invocation.say("  \(verb) \(plural(s.retired.count, "offering")) the file no longer lists:")
            for offering in s.retired.prefix(50) { invocation.say("    \(terminalSafe(offering.institution)) \(terminalSafe(offering.code))") }
            if s.retired.count > 50 { invocation.say("    ... and \(s.retired.count - 50) more") }
        }
        if !s.unknownColumns.isEmpty {
            invocation.warn(
                "\(s.unknownColumns.count) column\(s.unknownColumns.count == 1 ? " is" : "s are") not in the codebook and not stored: "
                    + s.unknownColumns.joined(separator: ", "))
        }
        if !s.metaColumns.isEmpty {
            invocation.say("  \(plural(s.metaColumns.count, "export metadata column")) not stored.")
        }
        if !s.noteColumns.isEmpty {
            invocation.say("  \(plural(s.noteColumns.count, "column")) of the form's notes (no answers) not stored.")
        }
        for warning in s.warnings.prefix(20) { invocation.warn(warning.description) }
        for problem in s.problems.prefix(10) { invocation.warn(problem.description) }
        for query in s.queries.prefix(10) { invocation.warn("query: " + query.description) }
        if s.queried > 0 {
            invocation.io.err(
                "\(plural(s.queried, "stored row")) with a query from the edit rules (kept and counted); "
                    + (s.batchID.map { "list them with `workforce imports --queries \($0)` and check them with the organisations.\n" } ?? "a dry run stores no queries to list.\n"))
        }
        if s.quarantined > 0 {
            // The problems shown are the first ten; the count is of rows, each with one or more.
            let shown = min(s.problems.count, 10)
            let more = s.problems.count > shown ? " (the first \(shown) problems are shown above)" : ""
            invocation.io.err(
                "\(plural(s.quarantined, "row")) quarantined\(more); "
                    + (s.batchID.map { "list them with `workforce imports --rejected \($0)`, fix and import again.\n" }
                        ?? "fix \(s.quarantined == 1 ? "it" : "them") and check again (a dry run stores no rows to list).\n"))
        }
    }

    static let importsSpec = CommandSpec(
        name: "imports",
        abstract: "List import batches, or the quarantined rows of one.",
        discussion: """
            With --rejected BATCH, lists that batch's quarantined rows with their line and reasons.
            As CSV (--format csv), it writes the file's header and the rejected rows as they were,
            plus _line and _reasons columns: fix the rows and import the file again (columns that
            start with _ are ignored on import). With --queries BATCH, lists the queries the edit
            rules raised on that batch's stored rows (openings above half the organisation's
            employees, staff reported while the work is outsourced): nothing is dropped.
            """,
        options: [Options.batch.spec, Options.queries.spec],
        printsTable: true,
        run: { try runImports($0) })

    static func runImports(_ invocation: Invocation) throws {
        let store = try invocation.openStore()
        if let batch = invocation[Options.queries] {
            try invocation.print(try store.importQueries(batch: batch, invocation.readerLanguage))
            return
        }
        guard let batch = invocation[Options.batch] else {
            try invocation.print(try store.importBatches())
            return
        }
        guard invocation.format == .csv else {
            try invocation.print(try store.rejectedRows(batch: batch).rows)
            return
        }
        invocation.io.out(try store.rejectedRowsCSV(batch: batch))
    }
}
