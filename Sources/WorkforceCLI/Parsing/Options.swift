import WorkforceKit

/// Every option of the command line, each declared once with its type, parser and help. A
/// command lists the ones it takes and reads them with `invocation[option]`.
enum Options {
    static let db = TypedOption<String>.text("db", "path", "The database file (default: $WORKFORCE_DB, else ./workforce.sqlite).")
    static let format = TypedOption<OutputFormat>.choice(
        "format", "format", "Output format: table, csv, json or md (default: table on a terminal, csv otherwise).")
    /// The options every command accepts, before or after its name.
    static let global = [db.spec, format.spec]
    static let framework = TypedOption<String>.text(
        "framework", "name", "The framework to use (default: the database's default framework).")
    static let wave = TypedOption<String>.text(
        "wave", "name", "The wave: awareness baseline or followup-N; employer baseline or a name such as 2027.")
    /// `--wave` where leaving it out means the baseline: the questionnaires, the clean data
    /// file and every analysis (an import without it lets the header choose).
    static let baselineWave = wave.defaulting(to: "baseline")
    static let instrument = TypedOption<String>.text(
        "instrument", "id", "The questionnaire: an instrument id, version prefix or form id (default: the latest generated).")
    static let role = TypedOption<String>.text("role", "id", "Only the KSAs or tasks of this work role.")
    static let roles = TypedOption<[String]>.list("roles", "ids", "The work roles, comma-separated.")
    static let category = TypedOption<String>.text("category", "id", "Employer: only the work roles of this category.")
    static let roleSet = TypedOption<String>.text(
        "role-set", "name", "Employer: the work roles of this curated set in Surveys/banks/role-sets.csv (belize-core).")
    static let languages = TypedOption<[String]>.list("lang", "codes", "Label languages, comma-separated.").defaulting(to: ["en", "es"], shown: "en,es")
    static let out = TypedOption<String>(
        "out", "dir", "Output folder.", expected: "a folder path") { $0.isEmpty ? nil : $0 }.defaulting(to: "Surveys/generated")
    static let limit = TypedOption<Int>.integer("limit", "n", "At most this many results.", in: 1...100_000).defaulting(to: 25)
    static let encoding = TypedOption<TextEncoding>.choice(
        "encoding", "name", "The file's encoding when it has no byte-order mark: utf-8, utf-16le, utf-16be, windows-1252.")
    static let entry = TypedOption<String>.text(
        "entry", "name", "In a .zip of CSV files (ODK Central's download), the one to import (default: the form's main CSV).")
    static let delimiter = TypedOption<UInt8>(
        "delimiter", "char", "The separator: , ; or tab (default: detected from the header).", expected: ", ; or tab"
    ) { text in
        switch text {
        case ",": 0x2C
        case ";": 0x3B
        case "tab", "\t": 0x09
        default: nil
        }
    }
    static let batch = TypedOption<Int>.integer("rejected", "batch", "Show the quarantined rows of this batch.", in: 1...Int.max)
    static let queries = TypedOption<Int>.integer("queries", "batch", "Show the queries the edit rules raised on this batch's stored rows.", in: 1...Int.max)

    /// What a command that prints a table also takes (``CommandSpec/printsTable``).
    static let columns = TypedOption<[String]>.list(
        "columns", "names", "Only these columns, comma-separated, by their CSV names (default: the command's own set in a table).")
    static let wide = OptionSpec.flag("wide", "A table: every column, however wide (default: the command's set, fitted to the terminal).")
    static let readerLanguage = TypedOption<ReaderLanguage>.choice(
        "lang", "code", "A table's and Markdown's words in this language: en or es (headers, choices, notes, sentences; CSV and JSON keep English).")
    static let table = [columns.spec, wide, readerLanguage.spec]

    static let all = OptionSpec.flag("all", "Search every framework in the database.")
    static let dryRun = OptionSpec.flag("dry-run", "Check and count, write nothing.")
    static let ksaGaps = OptionSpec.flag("ksa-gaps", "Employer: ask which of each role's KSAs staff lack.")
    /// `nil` for `all`: every KSA of each role.
    static let ksaTop = TypedOption<Int?>(
        "ksa-top", "n", "With --ksa-gaps: ask about each role's N KSAs most in demand (default \(KSAChecklist.defaultLength)), or all of them.",
        expected: "a whole number from 1 to 1000, or all"
    ) { text -> Int?? in
        if text == "all" { return .some(nil) }
        guard let n = Int(text.trimmingCharacters(in: .whitespaces)), (1...1000).contains(n) else { return nil }
        return .some(n)
    }
    static let replace = OptionSpec.flag("replace", "Replace a framework of the same name.")
    static let makeDefault = OptionSpec.flag("default", "Make it the default framework.")
}

