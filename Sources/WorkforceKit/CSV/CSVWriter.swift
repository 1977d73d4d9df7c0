import Foundation

/// Writes RFC 4180 CSV: CRLF line ends, fields quoted when they hold the separator, a quote,
/// a line break or leading/trailing spaces, inner quotes doubled.
///
/// With `neutralizeFormulas` (the default for files people open in a spreadsheet), a text
/// cell that starts with `=`, `+`, `-`, `@`, tab or CR is prefixed with `'` so that a
/// spreadsheet shows it rather than runs it (OWASP's advice on CSV injection). Numbers are
/// written by the caller as plain digits and are not touched.
public struct CSVWriter: Sendable {
    public var delimiter: Character
    public var neutralizeFormulas: Bool

    public init(delimiter: Character = ",", neutralizeFormulas: Bool = true) {
        self.delimiter = delimiter
        self.neutralizeFormulas = neutralizeFormulas
    }

    /// One field, quoted and neutralised as needed.
    public func field(_ value: String, isNumber: Bool = false) -> String {
        var text = value
        if neutralizeFormulas, !isNumber, let first = text.unicodeScalars.first,
            "=+-@\t\r".unicodeScalars.contains(first)
        {
            text = "'" + text
        }
        let needsQuotes = text.contains { $0 == delimiter || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
            || text.first == " " || text.last == " "
        guard needsQuotes else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// One record, ended by CRLF.
    public func record(_ fields: [String]) -> String {
        line(fields) + "\r\n"
    }

    /// One record without its line end.
    public func line(_ fields: [String]) -> String {
        fields.map { field($0) }.joined(separator: String(delimiter))
    }
}
