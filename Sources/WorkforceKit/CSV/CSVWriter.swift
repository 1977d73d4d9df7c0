import Foundation

/// Writes RFC 4180 CSV: CRLF line ends, fields quoted when they hold the separator, a quote,
/// a line break or leading/trailing spaces, inner quotes doubled.
///
/// With `neutralizeFormulas` (the default for files people open in a spreadsheet), a text
/// cell that starts with `=`, `+`, `-`, `@`, tab or CR is prefixed with `'` so that a
/// spreadsheet shows it rather than runs it (OWASP's advice on CSV injection). Numbers are
/// written by the caller as plain digits and are not touched.
public struct CSVWriter: Sendable {
    public let delimiter: Character
    public let neutralizeFormulas: Bool
    private let delimiterByte: UInt8

    public init(delimiter: Character = ",", neutralizeFormulas: Bool = true) {
        self.delimiter = delimiter
        self.neutralizeFormulas = neutralizeFormulas
        self.delimiterByte = delimiter.asciiValue ?? UInt8(ascii: ",")
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

extension CSVWriter {
    /// Appends one field to `out` as ``field(_:isNumber:)`` writes it, without building strings:
    /// for exports of a million rows.
    public func append<Sink: ByteSink>(_ value: String, isNumber: Bool = false, to out: inout Sink) {
        var value = value
        value.withUTF8 { append(bytes: $0, isNumber: isNumber, to: &out) }
    }

    /// Appends one field given as UTF-8 bytes.
    public func append<Sink: ByteSink>(bytes: UnsafeBufferPointer<UInt8>, isNumber: Bool = false, to out: inout Sink) {
        let separator = delimiterByte
        let neutralize = neutralizeFormulas && !isNumber && bytes.first.map(Self.startsFormula) == true
        var quote = bytes.first == 0x20 || bytes.last == 0x20
        if !quote {
            for b in bytes where b == separator || b == 0x22 || b == 0x0A || b == 0x0D {
                quote = true
                break
            }
        }
        if quote { out.append(0x22) }
        if neutralize { out.append(UInt8(ascii: "'")) }
        if quote {
            for b in bytes {
                if b == 0x22 { out.append(0x22) }
                out.append(b)
            }
            out.append(0x22)
        } else {
            out.append(contentsOf: bytes)
        }
    }


    /// Appends the decimal digits of `value`.
    public static func appendInteger<Sink: ByteSink>(_ value: Int64, to out: inout Sink) {
        guard value >= 0 else {
            var text = String(value)
            text.withUTF8 { out.append(contentsOf: $0) }
            return
        }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        var v = UInt64(value)
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[19 - count] = UInt8(48 + v % 10)
                v /= 10
                count += 1
            } while v > 0
            let digitsOnly = UnsafeMutableRawBufferPointer(rebasing: buffer[(20 - count)...])
            out.append(contentsOf: UnsafeBufferPointer(digitsOnly.bindMemory(to: UInt8.self)))
        }
    }

    /// `= + - @`, tab and carriage return: a spreadsheet may run a cell that starts with one.
    static func startsFormula(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "=") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "@")
            || byte == 0x09 || byte == 0x0D
    }
}
