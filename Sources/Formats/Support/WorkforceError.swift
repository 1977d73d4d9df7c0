/// A place in an input file: a path and, where known, a 1-based line and column.
package struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    package var file: String
    package var line: Int?
    package var column: Int?
    /// The number of the field in its row (1 for the first), when the place is a field.
    package var field: Int?
    /// The header of that field's column.
    package var header: String?

    /// For a spreadsheet, the sheet: `line` is then its row and `column` its 1-based column.
    package var sheet: String?

    package init(file: String, line: Int? = nil, column: Int? = nil, sheet: String? = nil, field: Int? = nil, header: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.sheet = sheet
        self.field = field
        self.header = header
    }

    /// The place as a spreadsheet user finds it: "line 3, column H `district`" (the
    /// column's letter as a spreadsheet names it, and its header), or `nil` when the place is
    /// not a field.
    package var spreadsheetCell: String? {
        guard let line, let field, field > 0 else { return nil }
        return "line \(line), column \(Self.columnLetters(field))" + (header.map { " `\(valuePrefix($0))`" } ?? "")
    }

    /// A spreadsheet's name for column `number` (1-based): A ... Z, AA ... AZ, BA ...
    package static func columnLetters(_ number: Int) -> String {
        var n = number
        var letters: [Character] = []
        while n > 0 {
            let digit = (n - 1) % 26
            letters.append(Character(UnicodeScalar(UInt8(65 + digit))))
            n = (n - 1) / 26
        }
        return String(letters.reversed())
    }

    /// Two locations are the same place when file, line and column agree; the field's number
    /// and header only say it again in a spreadsheet's words.
    package static func == (a: SourceLocation, b: SourceLocation) -> Bool {
        a.file == b.file && a.line == b.line && a.column == b.column
    }

    package func hash(into hasher: inout Hasher) {
        hasher.combine(file)
        hasher.combine(line)
        hasher.combine(column)
    }

    /// The same place with the header of its column.
    package func inColumn(named header: String?) -> SourceLocation {
        var copy = self
        copy.header = header
        return copy
    }

    /// `file:line:column`, `file:line` or `file`, as compilers print locations; in a spreadsheet
    /// `file:Sheet1!C17` for a cell and `file:Sheet1!17:17` for a whole row (Excel's notation,
    /// with a sheet name that needs it quoted: `'My sheet'!C17`).
    package var description: String {
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
package enum ExitCode: Int32, Sendable {
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
package enum WorkforceError: Error, CustomStringConvertible, Sendable {
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
    /// The tool computed something it must never write, such as a figure that is not a finite
    /// number (exit 70, EX_SOFTWARE): a bug to report, never a figure to publish.
    case internalError(String)

    package var exitCode: ExitCode {
        switch self {
        case .usage: .usage
        case .noInput: .noInput
        case .badData: .dataError
        case .cannotCreate: .cannotCreate
        case .io: .ioError
        case .other: .failure
        case .internalError: .software
        }
    }

    package var description: String {
        switch self {
        case .usage(let message): message
        case .noInput(let path, let reason): "\(path): \(reason)"
        case .badData(let location?, let message): "\(location): \(message)"
        case .badData(nil, let message): message
        case .cannotCreate(let path, let reason): "cannot write \(path): \(reason)"
        case .io(let path, let reason): "\(path): \(reason)"
        case .other(let message): message
        case .internalError(let message): "internal error: \(message); nothing was written. Please report it with the command that gave it"
        }
    }
}
