import Foundation

/// Writes RFC 4180 CSV: CRLF line ends, fields quoted when they hold the separator, a quote,
/// a line break or leading/trailing spaces, inner quotes doubled.
///
/// With `neutralizeFormulas` (the default for files people open in a spreadsheet), a text
/// cell that ``Neutralisation`` finds formula-like is prefixed with `'` so that a spreadsheet
/// shows it rather than runs it (OWASP's advice on CSV injection), and control and
/// bidirectional characters other than tab, line feed and carriage return are shown as
/// `\u{1B}` (``textSafe(_:)``). Numbers are written by the caller as plain digits and are not
/// touched. Without it (files for programs: R, the database's own copies) text is written as given.
package struct CSVWriter: Sendable {
    package let delimiter: Character
    package let neutralizeFormulas: Bool
    private let delimiterByte: UInt8

    package init(delimiter: Character = ",", neutralizeFormulas: Bool = true) {
        self.delimiter = delimiter
        self.neutralizeFormulas = neutralizeFormulas
        self.delimiterByte = delimiter.asciiValue ?? UInt8(ascii: ",")
    }

    /// One field, quoted and neutralised as needed.
    package func field(_ value: String, isNumber: Bool = false) -> String {
        var text = value
        if neutralizeFormulas, !isNumber { text = Neutralisation.cell(textSafe(text)) }
        // By bytes, as `append(bytes:)` decides: a quote or space followed by a combining mark
        // is one Character but still a quote or a space in the file.
        let separator = delimiterByte
        let needsQuotes = text.utf8.contains { $0 == separator || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
            || text.utf8.first == 0x20 || text.utf8.last == 0x20
        guard needsQuotes else { return text }
        var quoted = String.UnicodeScalarView()
        quoted.append("\"")
        for scalar in text.unicodeScalars {
            if scalar == "\"" { quoted.append("\"") }
            quoted.append(scalar)
        }
        quoted.append("\"")
        return String(quoted)
    }

    /// One record, ended by CRLF.
    package func record(_ fields: [String]) -> String {
        line(fields) + "\r\n"
    }

    /// One record without its line end.
    package func line(_ fields: [String]) -> String {
        fields.map { field($0) }.joined(separator: String(delimiter))
    }
}

extension CSVWriter {
    /// Appends one field to `out` as ``field(_:isNumber:)`` writes it, without building strings:
    /// for exports of a million rows.
    package func append<Sink: ByteSink & ~Copyable>(_ value: String, isNumber: Bool = false, to out: inout Sink) {
        var value = value
        value.withUTF8 { append(bytes: $0, isNumber: isNumber, to: &out) }
    }

    /// Appends one field given as UTF-8 bytes.
    package func append<Sink: ByteSink & ~Copyable>(bytes: UnsafeBufferPointer<UInt8>, isNumber: Bool = false, to out: inout Sink) {
        let separator = delimiterByte
        if neutralizeFormulas, !isNumber, Self.mayNeedRewrite(bytes) {
            // Rare: a control character or a leading sign; the whole rule, on a string.
            var text = textSafe(String(decoding: bytes, as: UTF8.self))
            let formula = Neutralisation.isFormulaLike(text)
            if formula { text = "'" + text }
            text.withUTF8 { CSVWriter(delimiter: delimiter, neutralizeFormulas: false).append(bytes: $0, to: &out) }
            return
        }
        var quote = bytes.first == 0x20 || bytes.last == 0x20
        if !quote {
            for b in bytes where b == separator || b == 0x22 || b == 0x0A || b == 0x0D {
                quote = true
                break
            }
        }
        if quote { out.append(0x22) }
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

    /// Whether ``append(bytes:isNumber:to:)`` writes `bytes` as they are (nothing to quote or
    /// neutralise): then a caller with its own buffer may copy them itself.
    package func isPlain(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if let first = bytes.first, first != 0x20, bytes.last != 0x20, !(neutralizeFormulas && Self.startsFormula(first)),
            Self.isPrintableASCII(bytes, without: 0x22, delimiterByte)
        {
            return true  // an id, a timestamp, a name: printable ASCII, nothing to quote
        }
        if neutralizeFormulas, Self.mayNeedRewrite(bytes) { return false }
        if bytes.first == 0x20 || bytes.last == 0x20 { return false }
        let separator = delimiterByte
        for b in bytes where b == separator || b == 0x22 || b == 0x0A || b == 0x0D { return false }
        return true
    }

    /// Appends the decimal digits of `value`.
    package static func appendInteger<Sink: ByteSink & ~Copyable>(_ value: Int64, to out: inout Sink) {
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
    package static func startsFormula(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "=") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "@")
            || byte == 0x09 || byte == 0x0D
    }

    /// Whether every byte is printable ASCII (0x20 to 0x7E), eight bytes a step: a byte below
    /// 0x20 borrows, one of 0x7F or above sets a top bit itself or when 1 is added. A borrow or
    /// carry into the next byte happens only after such a byte, so `false` is only ever said of
    /// bytes that have one (the caller then looks byte by byte).
    static func isPrintableASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let n = bytes.count
        var i = 0
        var flags: UInt64 = 0
        while i + 8 <= n {
            let x = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
            flags |= (x &- 0x2020_2020_2020_2020) | x | (x &+ 0x0101_0101_0101_0101)
            i += 8
        }
        var tail: UInt8 = 0
        while i < n {
            let b = base[i]
            if b < 0x20 || b >= 0x7F { tail = 0x80 }
            i += 1
        }
        return flags & 0x8080_8080_8080_8080 == 0 && tail == 0
    }

    /// Whether every byte is printable ASCII and neither `a` nor `b`, eight bytes a step (as
    /// ``isPrintableASCII(_:)``; a byte equal to `a` is a zero byte of `x ^ aaaaaaaa`, which the
    /// borrow of subtracting 1 from each byte finds).
    package static func isPrintableASCII(_ bytes: UnsafeBufferPointer<UInt8>, without a: UInt8, _ b: UInt8) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let n = bytes.count
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        let aa = UInt64(a) &* ones, bb = UInt64(b) &* ones
        var i = 0
        var flags: UInt64 = 0
        while i + 8 <= n {
            let x = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
            flags |= (x &- 0x2020_2020_2020_2020) | x | (x &+ ones)
            let xa = x ^ aa, xb = x ^ bb
            flags |= ((xa &- ones) & ~xa) | ((xb &- ones) & ~xb)
            i += 8
        }
        while i < n {
            let c = base[i]
            if c < 0x20 || c >= 0x7F || c == a || c == b { return false }
            i += 1
        }
        return flags & highs == 0
    }

    /// Whether the field may start a formula or holds a control or bidirectional character
    /// (C0 but tab, LF, CR; DEL; C1 as `C2 80`-`C2 9F`; U+061C; U+200E-F, U+202A-E, U+2066-9).
    static func mayNeedRewrite(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if let first = bytes.first, startsFormula(first) { return true }
        if isPrintableASCII(bytes) { return false }
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b < 0x20 && b != 0x09 && b != 0x0A && b != 0x0D || b == 0x7F { return true }
            if b == 0xC2, i + 1 < bytes.count, (0x80...0x9F).contains(bytes[i + 1]) { return true }
            if b == 0xD8, i + 1 < bytes.count, bytes[i + 1] == 0x9C { return true }
            if b == 0xE2, i + 2 < bytes.count {
                let (c, d) = (bytes[i + 1], bytes[i + 2])
                if c == 0x80 && (d == 0x8E || d == 0x8F || (0xAA...0xAE).contains(d)) || c == 0x81 && (0xA6...0xA9).contains(d) { return true }
            }
            i += 1
        }
        return false
    }
}
