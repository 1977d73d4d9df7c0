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
    /// The width a text table fits: the terminal's columns, else 100.
    public var outWidth = 100
    /// The first error writing standard output, read when the command returns.
    public var outFailure: @Sendable () -> OutputFailure?

    public init(
        out: @escaping @Sendable (String) -> Void, err: @escaping @Sendable (String) -> Void,
        outBytes: (@Sendable ([UInt8]) -> Void)? = nil, outIsTerminal: Bool = false, errIsTerminal: Bool = false,
        outFailure: @escaping @Sendable () -> OutputFailure? = { nil }
    ) {
        self.out = out
        self.err = err
        self.outBytes = outBytes ?? { out(String(decoding: $0, as: UTF8.self)) }
        self.outIsTerminal = outIsTerminal
        self.errIsTerminal = errIsTerminal
        self.outFailure = outFailure
    }

    /// The process's standard output and error, written with `write(2)`: a closed pipe or a
    /// full disk becomes ``outFailure``, never a trap.
    public static let standard = descriptors(out: DescriptorOutput(descriptor: 1), err: DescriptorOutput(descriptor: 2))

    static func descriptors(out: DescriptorOutput, err: DescriptorOutput) -> CommandIO {
        var io = CommandIO(
            out: { out.write($0.utf8) }, err: { err.write($0.utf8) }, outBytes: { out.write($0) },
            outIsTerminal: isatty(out.descriptor) == 1, errIsTerminal: isatty(err.descriptor) == 1,
            outFailure: { out.failure })
        if io.outIsTerminal { io.outWidth = terminalWidth(out.descriptor) }
        return io
    }

    /// The terminal's width in columns (`TIOCGWINSZ`), else `$COLUMNS`, else 100; at least 40.
    static func terminalWidth(_ descriptor: Int32) -> Int {
        var size = winsize()
        if ioctl(descriptor, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return max(40, Int(size.ws_col)) }
        if let columns = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init), columns > 0 { return max(40, columns) }
        return 100
    }
}

/// One run of a command: the parsed arguments plus the environment and output streams.
struct Invocation {
    let parsed: ParsedCommandLine
    let environment: [String: String]
    let io: CommandIO
    /// The databases this run opened, to tell after it whether it committed anything.
    let record = RunRecord()

    /// The typed value of `option`, or `nil` when it was not given (the parser checked it).
    subscript<Value>(_ option: TypedOption<Value>) -> Value? {
        parsed.values[option.spec.name].flatMap(option.parse)
    }
    /// The typed value of `option`, or its declared default when it was not given.
    subscript<Value>(_ option: DefaultedOption<Value>) -> Value {
        self[option.option] ?? option.defaultValue
    }
    /// Whether `option` was given on the command line (not its default).
    func given<Value>(_ option: DefaultedOption<Value>) -> Bool { parsed.values[option.spec.name] != nil }
    /// The case a typed positional names (the parser checked it is one).
    subscript<Value>(_ typed: TypedPositional<Value>) -> Value? {
        positional(typed.index).flatMap(Value.init(rawValue:))
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

    /// The language readers' words are written in: `--lang` for the `table` and `md` formats
    /// (English by default); JSON and CSV always English.
    var readerLanguage: ReaderLanguage {
        format == .table || format == .md ? self[Options.readerLanguage] ?? .en : .en
    }

    /// `--format`, else a table on a terminal and CSV in a pipe.
    var format: OutputFormat {
        self[Options.format] ?? (io.outIsTerminal ? .table : .csv)
    }

    /// Opens the existing database (migrating it if it is older).
    /// The database, read-write when it can be written, else read-only: queries work on a
    /// database the user may only read, and a command that writes to it fails with 73.
    func openStore() throws(WorkforceError) -> WorkforceStore {
        track(try WorkforceStore.forQueries(path: databasePath))
    }

    /// `store`, remembered so that an output error after it committed is only a warning.
    @discardableResult
    func track(_ store: WorkforceStore) -> WorkforceStore {
        record.add(store)
        return store
    }

    /// Writes `table` in the chosen format; a figure that is not a finite number stops the
    /// command with an internal error (exit 70) before anything is written.
    func print(_ table: ResultTable) throws(WorkforceError) {
        try table.checkFinite("workforce " + parsed.path.dropFirst().map(\.name).joined(separator: " "))
        let table = try shownColumns(of: table)
        if format == .csv { for note in table.notes { io.err("note: \(terminalSafe(note))\n") } }
        io.out(table.rendered(as: format, width: format == .table && !flag(Options.wide) ? io.outWidth : nil, language: readerLanguage))
    }

    /// A line of the command's own text on standard output; names and paths in it are shown
    /// with their control characters escaped (``terminalSafe(_:keepLineFeeds:)``).
    func say(_ line: String) { io.out(terminalSafe(line) + "\n") }
    func warn(_ line: String) { io.err("warning: " + terminalSafe(line) + "\n") }
}

/// The databases one run opened. After the run, ``committed`` says whether it stored anything:
/// then the command succeeded, whatever happens to its output afterwards.
final class RunRecord: @unchecked Sendable {  // `stores` guarded by `lock`
    private let lock = NSLock()
    private var stores: [WorkforceStore] = []

    func add(_ store: WorkforceStore) {
        lock.lock()
        defer { lock.unlock() }
        stores.append(store)
    }

    /// Whether a transaction that changed rows was committed on any of them.
    var committed: Bool {
        lock.lock()
        defer { lock.unlock() }
        return stores.contains { $0.db.committedWrites > 0 }
    }
}
