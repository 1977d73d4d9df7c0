/// A place in an input file: a path and, where known, a 1-based line and column.
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var column: Int?
    /// For a spreadsheet, the sheet: `line` is then its row and `column` its 1-based column.
    public var sheet: String?

    public init(file: String, line: Int? = nil, column: Int? = nil, sheet: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.sheet = sheet
    }

    /// `file:line:column`, `file:line` or `file`, as compilers print locations; in a spreadsheet
    /// `file:Sheet1!C17` for a cell and `file:Sheet1!17:17` for a whole row (Excel's notation,
    /// with a sheet name that needs it quoted: `'My sheet'!C17`).
    public var description: String {
        if let sheet {
            let quoted = sheet.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" } ? sheet : "'" + sheet.replacingOccurrences(of: "'", with: "''") + "'"
            guard let line else { return "\(file):\(quoted)" }
            guard let column else { return "\(file):\(quoted)!\(line):\(line)" }
            return "\(file):\(quoted)!\(XLSXWriter.columnName(column - 1))\(line)"
        }
        var text = file
        if let line {
            text += ":\(line)"
            if let column { text += ":\(column)" }
        }
        return text
    }
}

/// Exit codes from BSD `sysexits.h`, which every command uses.
public enum ExitCode: Int32, Sendable {
    case ok = 0
    case failure = 1
    case usage = 64
    case dataError = 65
    case noInput = 66
    case software = 70
    case cannotCreate = 73
    case ioError = 74
}

/// An error the person running a command can act on: what went wrong, where, and what to do.
public enum WorkforceError: Error, CustomStringConvertible, Sendable {
    /// The command line was wrong (exit 64).
    case usage(String)
    /// An input file or database does not exist or cannot be read (exit 66).
    case noInput(path: String, reason: String)
    /// Input was read but is not valid (exit 65).
    case badData(SourceLocation?, String)
    /// An output file or folder cannot be created (exit 73).
    case cannotCreate(path: String, reason: String)
    /// Reading or writing failed part-way (exit 74).
    case io(path: String, reason: String)
    /// Anything else (exit 1).
    case other(String)

    public var exitCode: ExitCode {
        switch self {
        case .usage: .usage
        case .noInput: .noInput
        case .badData: .dataError
        case .cannotCreate: .cannotCreate
        case .io: .ioError
        case .other: .failure
        }
    }

    public var description: String {
        switch self {
        case .usage(let message): message
        case .noInput(let path, let reason): "\(path): \(reason)"
        case .badData(let location?, let message): "\(location): \(message)"
        case .badData(nil, let message): message
        case .cannotCreate(let path, let reason): "cannot write \(path): \(reason)"
        case .io(let path, let reason): "\(path): \(reason)"
        case .other(let message): message
        }
    }
}
