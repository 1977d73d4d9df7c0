import WorkforceKit

/// A named option: `--name <value>`, or a flag `--name` when `valueName` is `nil`.
struct OptionSpec: Sendable {
    var name: String
    var valueName: String?
    var help: String
    /// When set, the value must be one of these.
    var choices: [String]? = nil

    static func flag(_ name: String, _ help: String) -> OptionSpec {
        OptionSpec(name: name, valueName: nil, help: help)
    }
    static func value(_ name: String, _ valueName: String, _ help: String, choices: [String]? = nil) -> OptionSpec {
        OptionSpec(name: name, valueName: valueName, help: help, choices: choices)
    }
}

/// A positional argument.
struct PositionalSpec: Sendable {
    var name: String
    var help: String
    var optional = false
    var choices: [String]? = nil
}

/// A command or a group of subcommands, with its help text and what it runs.
struct CommandSpec: Sendable {
    var name: String
    var abstract: String
    var discussion: String? = nil
    var options: [OptionSpec] = []
    var positionals: [PositionalSpec] = []
    var subcommands: [CommandSpec] = []
    /// Whether the command opens the database, and so takes `--db`.
    var usesDatabase = true
    /// Whether the command prints a result table, and so takes `--format`.
    var printsTable = false
    var run: (@Sendable (Invocation) throws -> Void)? = nil

    /// The options this command accepts, with the global ones it takes.
    var allOptions: [OptionSpec] {
        var all = options
        if usesDatabase { all.append(GlobalOptions.db) }
        if printsTable { all.append(GlobalOptions.format) }
        return all
    }
}

/// Options every command that needs them takes.
enum GlobalOptions {
    static let db = OptionSpec.value(
        "db", "path", "The database file (default: $WORKFORCE_DB, else ./workforce.sqlite).")
    static let format = OptionSpec.value(
        "format", "format", "Output format: table, csv, json or md (default: table on a terminal, csv otherwise).",
        choices: OutputFormat.allCases.map(\.rawValue))
}
