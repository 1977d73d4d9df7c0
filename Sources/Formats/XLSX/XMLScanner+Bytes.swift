import Foundation

/// The byte-level pieces of ``XMLScanner``: names, entities, markup skipped to its end, and the
/// buffer with its line and column.
extension XMLScanner {
    func entity(into out: inout [UInt8]) throws(WorkforceError) {
        var name: [UInt8] = []
        while let b = try byte(), b != UInt8(ascii: ";") {
            name.append(b)
            if name.count > 10 { throw error("an & that starts no entity; write it as &amp;") }
        }
        switch String(decoding: name, as: UTF8.self) {
        case "lt": out.append(UInt8(ascii: "<"))
        case "gt": out.append(UInt8(ascii: ">"))
        case "amp": out.append(UInt8(ascii: "&"))
        case "quot": out.append(UInt8(ascii: "\""))
        case "apos": out.append(UInt8(ascii: "'"))
        case let reference where reference.hasPrefix("#"):
            let digits = reference.dropFirst()
            let value = digits.hasPrefix("x") ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits, radix: 10)
            guard let value, value != 0, let scalar = Unicode.Scalar(value) else { throw error("the character reference &\(reference); is not a character") }
            out += Array(String(Character(scalar)).utf8)
        case let other:
            throw error("the entity &\(other); is not one XML predefines")
        }
    }

    /// Reads a tag or attribute name and leaves its local part (after any prefix) in `out`.
    func readName(into out: inout [UInt8]) throws(WorkforceError) {
        out.removeAll(keepingCapacity: true)
        var local = 0
        while try peek() != nil {
            let start = index
            var i = index
            let end = count
            while i < end {
                let b = buffer[i]
                if Self.isSpace(b) || b == UInt8(ascii: ">") || b == UInt8(ascii: "/") || b == UInt8(ascii: "=") { break }
                if b == UInt8(ascii: ":") { local = out.count + i - start + 1 }
                i += 1
            }
            index = i
            out.append(contentsOf: UnsafeBufferPointer(start: buffer + start, count: i - start))
            if out.count > 256 { throw error("a name longer than 256 bytes") }
            if i < end { break }
        }
        guard local < out.count else { throw error("a tag or attribute without a name") }
        if local > 0 { out.removeFirst(local) }
    }

    func skipSpace() throws(WorkforceError) {
        while let b = try peek(), Self.isSpace(b) { _ = try byte() }
    }

    func expect(_ bytes: [UInt8]) throws(WorkforceError) {
        for b in bytes where try byte() != b { throw error("malformed markup") }
    }

    func skip(past end: [UInt8]) throws(WorkforceError) { _ = try until(end, keep: false) }

    /// The bytes up to `end`, which is consumed.
    func until(_ end: [UInt8], keep: Bool = true) throws(WorkforceError) -> [UInt8] {
        var out: [UInt8] = []
        if keep { setTextTruncated(false) }
        var tail: [UInt8] = []  // the last bytes read, to find `end`
        var cut = false
        while true {
            guard let b = try byte() else { throw error("the part ends inside a comment, CDATA section or declaration") }
            tail.append(b)
            if tail.count > end.count { tail.removeFirst() }
            if tail == end {
                if cut {
                    out.removeLast(out.count - maxText)
                    setTextTruncated(true)
                } else if keep {
                    out.removeLast(end.count - 1)
                }
                return out
            }
            if keep, !cut {
                out.append(b)
                cut = out.count > maxText + end.count
            }
        }
    }

    static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 }

    // MARK: Bytes

    @inline(__always)
    func peek() throws(WorkforceError) -> UInt8? {
        if index == count {
            base += count
            index = 0
            count = try readSource()
            if count == 0 { return nil }
        }
        return buffer[index]
    }

    @inline(__always)
    func byte() throws(WorkforceError) -> UInt8? {
        guard let b = try peek() else { return nil }
        index += 1
        if b == 0x0A {
            line += 1
            lineStart = base + index
        }
        return b
    }

    func error(_ message: String) -> WorkforceError {
        .badData(SourceLocation(file: name, line: line, column: base + index - lineStart + 1), "malformed XML: \(message); the file is damaged or not a genuine .xlsx: save it again from the spreadsheet")
    }
}
