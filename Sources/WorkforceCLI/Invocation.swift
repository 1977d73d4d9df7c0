import Foundation
import WorkforceKit

/// Where a command writes: its standard output and error, and whether output is a terminal.
public struct CommandIO: Sendable {
    public var out: @Sendable (String) -> Void
    public var err: @Sendable (String) -> Void
    /// UTF-8 bytes to standard output, for streamed exports (no conversion to `String`).
    public var outBytes: @Sendable ([UInt8]) -> Void
    public var outIsTerminal: Bool
    public var errIsTerminal: Bool

    public init(
        out: @escaping @Sendable (String) -> Void, err: @escaping @Sendable (String) -> Void,
        outBytes: (@Sendable ([UInt8]) -> Void)? = nil, outIsTerminal: Bool = false, errIsTerminal: Bool = false
    ) {
        self.out = out
        self.err = err
        self.outBytes = outBytes ?? { out(String(decoding: $0, as: UTF8.self)) }
        self.outIsTerminal = outIsTerminal
        self.errIsTerminal = errIsTerminal
    }

    /// The process's standard output and error.
    public static let standard = CommandIO(
        out: { FileHandle.standardOutput.write(Data($0.utf8)) },
        err: { FileHandle.standardError.write(Data($0.utf8)) },
        outBytes: { FileHandle.standardOutput.write(Data($0)) },
        outIsTerminal: isatty(1) == 1, errIsTerminal: isatty(2) == 1)
}

/// One run of a command: the parsed arguments plus the environment and output streams.
struct Invocation {
    let parsed: ParsedCommandLine
    let environment: [String: String]
    let io: CommandIO

    /// The typed value of `option`, or `nil` when it was not given (the parser checked it).
    subscript<Value>(_ option: TypedOption<Value>) -> Value? {
        parsed.values[option.spec.name].flatMap(option.parse)
    }
    /// Whether the flag `option` was given.
    func flag(_ option: OptionSpec) -> Bool { parsed.flags.contains(option.name) }
    func positional(_ index: Int) -> String? {
        parsed.positionals.indices.contains(index) ? parsed.positionals[index] : nil
    }

    /// `--db`, else `$WORKFORCE_DB`, else `./workforce.sqlite`.
    var databasePath: String {
        if let path = self[Options.db] { return path }
        if let path = environment["WORKFORCE_DB"], !path.isEmpty { return path }
        return "workforce.sqlite"
    }

    /// `--format`, else a table on a terminal and CSV in a pipe.
    var format: OutputFormat {
        self[Options.format] ?? (io.outIsTerminal ? .table : .csv)
    }

    /// Opens the existing database (migrating it if it is older).
    /// The database, read-write when it can be written, else read-only: queries work on a
    /// database the user may only read, and a command that writes to it fails with 73.
    func openStore() throws(WorkforceError) -> WorkforceStore {
        try WorkforceStore.forQueries(path: databasePath)
    }

    func print(_ table: ResultTable) {
        if format == .csv { for note in table.notes { io.err("note: \(terminalSafe(note))\n") } }
        io.out(table.rendered(as: format))
    }

    func say(_ line: String) { io.out(line + "\n") }
    func warn(_ line: String) { io.err("warning: " + terminalSafe(line) + "\n") }
}
