import Foundation

/// ``XMLScanner`` byte by byte: every token the in-place reading leaves (one that crosses the
/// end of the buffer, holds an entity, is a comment, CDATA or a declaration) and every error,
/// with names, entities, markup skipped to its end, and the buffer with its line and column.
extension XMLScanner {
    enum SlowToken {
        case token(Token)
        /// A comment or processing instruction, passed over.
        case skipped
        case end
    }

    /// Reads the next token into the byte-by-byte buffers (``tagName``, ``attributeBytes``,
    /// ``textBytes``).
    func slowToken() throws(WorkforceError) -> SlowToken {
        guard let b = try peek() else { return .end }
        if b != UInt8(ascii: "<") {
            try readText()
            return .token(.text)
        }
        _ = try byte()
        guard let c = try peek() else { throw error("the part ends inside a tag") }
        switch c {
        case UInt8(ascii: "?"):
            try skip(past: Array("?>".utf8))
            return .skipped
        case UInt8(ascii: "!"):
            _ = try byte()
            if try peek() == UInt8(ascii: "-") {
                try skip(past: Array("-->".utf8))
                return .skipped
            }
            if try peek() == UInt8(ascii: "[") {
                try expect(Array("[CDATA[".utf8))
                textBytes = try until(Array("]]>".utf8))
                return .token(.text)
            }
            throw error("a document type declaration, which a spreadsheet part never has; the file is not a genuine .xlsx")
        case UInt8(ascii: "/"):
            _ = try byte()
            try readName(into: &tagName)
            try skipSpace()
            guard try byte() == UInt8(ascii: ">") else { throw error("an end tag </\(tagNameText) that does not close with >") }
            return .token(.end)
        default:
            try readName(into: &tagName)
            try readAttributes()
            return .token(.start)
        }
    }

    private var tagNameText: String { String(decoding: tagName, as: UTF8.self) }

    /// A start tag's attributes, up to and including its `>` or `/>`.
    private func readAttributes() throws(WorkforceError) {
        attributeBytes.removeAll(keepingCapacity: true)
        attributeRanges.removeAll(keepingCapacity: true)
        var key: [UInt8] = []
        while true {
            try skipSpace()
            guard let c = try peek() else { throw error("the part ends inside the tag <\(tagNameText)") }
            if c == UInt8(ascii: ">") {
                _ = try byte()
                selfClosingTag = false
                return
            }
            if c == UInt8(ascii: "/") {
                _ = try byte()
                guard try byte() == UInt8(ascii: ">") else { throw error("a / inside the tag <\(tagNameText)") }
                selfClosingTag = true
                return
            }
            try readName(into: &key)
            let keyText = { String(decoding: key, as: UTF8.self) }
            try skipSpace()
            guard try byte() == UInt8(ascii: "=") else { throw error("the attribute \(keyText()) of <\(tagNameText) has no value") }
            try skipSpace()
            guard let quote = try byte(), quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else {
                throw error("the attribute \(keyText()) of <\(tagNameText) is not quoted")
            }
            let keyStart = attributeBytes.count
            attributeBytes += key
            let valueStart = attributeBytes.count
            while true {
                guard try peek() != nil else { throw error("the part ends inside an attribute") }
                attributeBytes.append(contentsOf: takeRun { $0 == quote || $0 == UInt8(ascii: "&") || $0 == 0x0A })
                if attributeBytes.count - valueStart > 1 << 16 { throw error("an attribute longer than 64 KiB") }
                if index == count { continue }
                let v = try byte()
                if v == quote { break }
                if v == UInt8(ascii: "&") { try entity(into: &attributeBytes) } else if let v { attributeBytes.append(v) }
            }
            attributeRanges.append((keyStart..<valueStart, valueStart..<attributeBytes.count))
        }
    }

    private func readText() throws(WorkforceError) {
        textBytes.removeAll(keepingCapacity: true)
        setTextTruncated(false)
        while try peek() != nil {
            let run = takeRun { $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: "&") || $0 == 0x0A }
            if textBytes.count <= maxText { textBytes.append(contentsOf: run) }
            if index == count { continue }
            let b = buffer[index]
            if b == UInt8(ascii: "<") { break }
            _ = try byte()  // counts a line feed's line
            if b == 0x0A {
                if textBytes.count <= maxText { textBytes.append(b) }
                continue
            }
            var character: [UInt8] = []
            try entity(into: &character)
            if textBytes.count <= maxText { textBytes += character }
        }
        if textBytes.count > maxText {
            textBytes.removeLast(textBytes.count - maxText)
            setTextTruncated(true)
        }
    }

    /// The buffered bytes from the reading position up to the first that `stop` accepts (or the
    /// end of the buffer), passed over. `stop` must accept a line feed, which ``byte()`` counts.
    @inline(__always)
    func takeRun(until stop: (UInt8) -> Bool) -> UnsafeBufferPointer<UInt8> {
        let start = index
        var i = index
        let end = count
        while i < end, !stop(buffer[i]) { i += 1 }
        index = i
        return UnsafeBufferPointer(start: buffer + start, count: i - start)
    }

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
            let run = takeRun { Self.isSpace($0) || $0 == UInt8(ascii: ">") || $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "=") }
            if let colon = run.lastIndex(of: UInt8(ascii: ":")) { local = out.count + colon + 1 }
            out.append(contentsOf: run)
            if out.count > 256 { throw error("a name longer than 256 bytes") }
            if index < count { break }
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
            count = try source.read(into: UnsafeMutableBufferPointer(start: buffer, count: Self.capacity))
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
