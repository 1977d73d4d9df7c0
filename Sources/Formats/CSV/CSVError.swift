/// A CSV file that is not well-formed RFC 4180, with the 1-based place where it goes wrong.
package struct CSVError: Error, CustomStringConvertible, Sendable, Equatable {
    package enum Kind: Sendable, Equatable {
        /// A quoted field never closes; the location is its opening quote.
        case unterminatedQuote
        /// A `"` inside a field that does not start with one.
        case quoteInUnquotedField
        /// Something other than a separator or line end right after a closing quote.
        case textAfterClosingQuote(Character)
        /// A carriage return that is not followed by a line feed, outside quotes.
        case bareCarriageReturn
        /// A NUL byte (often a UTF-16 file without a byte-order mark, or a binary file).
        case nulByte
        /// Bytes that are not UTF-8.
        case invalidUTF8
        /// No header row at all.
        case emptyFile
        /// A header cell that is empty.
        case emptyHeader
        /// A header name that appears twice; `firstColumn` is where it first appears.
        case duplicateHeader(String, firstColumn: Int)
        case headerNameTooLong(prefix: String, bytes: Int, limit: Int)
        /// A row with a different number of fields than the header.
        case fieldCount(expected: Int, found: Int)
        /// A header that lacks a column the reader needs.
        case missingColumn(String)
        /// An encoding this reader does not read.
        case unsupportedEncoding(String)
        /// One record longer than the reader accepts (usually a quote that is never closed).
        case recordTooLong(limit: Int, fields: Int)
        /// The bytes could not be read.
        case unreadable(String)
    }

    package let kind: Kind
    package let location: SourceLocation

    package init(_ kind: Kind, _ location: SourceLocation) {
        self.kind = kind
        self.location = location
    }

    package var description: String { "\(location): \(message)" }

    /// What is wrong and what to do, without the location.
    package var message: String {
        switch kind {
        case .unterminatedQuote:
            return "quoted field is never closed; add the closing \" or remove the opening one"
        case .quoteInUnquotedField:
            return "\" inside a field that is not quoted; quote the whole field and double the inner quote (\"\")"
        case .textAfterClosingQuote(let c):
            return "unexpected \(Self.describe(c)) after a closing quote; a quoted field must end at a separator or line end"
        case .bareCarriageReturn:
            return "carriage return without a line feed; save the file with CRLF or LF line ends"
        case .nulByte:
            return "NUL byte in the text; the file is binary or UTF-16 without a byte-order mark: save it as UTF-8 CSV"
        case .invalidUTF8:
            return "bytes that are not valid UTF-8; save the file as UTF-8 CSV"
        case .emptyFile:
            return "the file is empty; a header row is needed"
        case .emptyHeader:
            return "empty column name in the header row; name every column"
        case .duplicateHeader(let name, let first):
            return "column name \"\(valuePrefix(name))\" appears twice (first in column \(first)); column names must be unique"
        case .headerNameTooLong(let prefix, let bytes, let limit):
            return "a column name of \(bytes) bytes (\"\(prefix)\"); at most \(limit) are accepted: is the first row the header?"
        case .fieldCount(let expected, let found):
            return "row has \(plural(found, "field")) but the header has \(expected); check for a missing or extra separator"
        case .missingColumn(let name):
            return "header has no column \"\(name)\"; add it"
        case .unsupportedEncoding(let name):
            return "\(name) text is not supported here; save the file as UTF-8 CSV"
        case .recordTooLong(let limit, let fields):
            return "a row longer than \(Self.size(limit)) or with more than \(fields) fields; check for a quote that is never closed"
        case .unreadable(let reason):
            return reason
        }
    }

    /// `64 MiB`, `1 MiB`, `512 KiB`.
    package static func size(_ bytes: Int) -> String {
        bytes >= 1 << 20 ? "\(bytes / (1 << 20)) MiB" : "\(max(1, bytes / 1024)) KiB"
    }

    private static func describe(_ c: Character) -> String {
        switch c {
        case " ": "space"
        case "\t": "tab"
        default: "\"\(c)\""
        }
    }
}
