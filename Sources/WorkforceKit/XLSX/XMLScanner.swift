/// A small streaming XML reader for the parts of an `.xlsx`: start and end tags with their
/// attributes, and text with the five predefined entities and character references decoded.
///
/// Names are local names (`x:row` is `row`, `r:id` is `id`): spreadsheet writers differ in the
/// prefixes they bind. A document type declaration is refused (no entity can expand), and a
/// text run is kept only up to ``maxText`` bytes, with ``textTruncated`` set, so that no cell grows
/// memory. Errors are ``WorkforceError/badData(_:_:)`` at the part's line and column.
final class XMLScanner {
    enum Event: Equatable {
        case start(String, [String: String], selfClosing: Bool)
        case end(String)
        case text([UInt8])
    }

    private var source: any ByteSource
    let name: String
    var maxText = 1 << 20
    private(set) var textTruncated = false

    private static let capacity = 1 << 16
    private let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
    /// The reading position, behind a pointer: the per-byte loops then pay no exclusivity check
    /// per access, as they would for stored properties of a class.
    private struct Position {
        var count = 0
        var index = 0
        /// Bytes read before the buffer's first.
        var base = 0
        var line = 1
        /// Where the current line starts, counted from the start of the part.
        var lineStart = 0
    }
    private let position = UnsafeMutablePointer<Position>.allocate(capacity: 1)
    private var count: Int { get { position.pointee.count } set { position.pointee.count = newValue } }
    private var index: Int { get { position.pointee.index } set { position.pointee.index = newValue } }
    private var base: Int { get { position.pointee.base } set { position.pointee.base = newValue } }
    private var line: Int { get { position.pointee.line } set { position.pointee.line = newValue } }
    private var lineStart: Int { get { position.pointee.lineStart } set { position.pointee.lineStart = newValue } }

    init(_ source: any ByteSource, name: String) {
        self.source = source
        self.name = name
        position.initialize(to: Position())
    }

    deinit {
        buffer.deallocate()
        position.deallocate()
    }

    /// The next tag or text run; `nil` at the end of the part.
    func next() throws(WorkforceError) -> Event? {
        guard let b = try peek() else { return nil }
        if b != UInt8(ascii: "<") { return .text(try text()) }
        _ = try byte()
        guard let c = try peek() else { throw error("the part ends inside a tag") }
        switch c {
        case UInt8(ascii: "?"):
            try skip(past: Array("?>".utf8))
            return try next()
        case UInt8(ascii: "!"):
            _ = try byte()
            if try peek() == UInt8(ascii: "-") {
                try skip(past: Array("-->".utf8))
                return try next()
            }
            if try peek() == UInt8(ascii: "[") {
                try expect(Array("[CDATA[".utf8))
                return .text(try until(Array("]]>".utf8)))
            }
            throw error("a document type declaration, which a spreadsheet part never has; the file is not a genuine .xlsx")
        case UInt8(ascii: "/"):
            _ = try byte()
            let name = try readName()
            try skipSpace()
            guard try byte() == UInt8(ascii: ">") else { throw error("an end tag </\(name) that does not close with >") }
            return .end(name)
        default:
            let name = try readName()
            var attributes: [String: String] = [:]
            while true {
                try skipSpace()
                guard let c = try peek() else { throw error("the part ends inside the tag <\(name)") }
                if c == UInt8(ascii: ">") {
                    _ = try byte()
                    return .start(name, attributes, selfClosing: false)
                }
                if c == UInt8(ascii: "/") {
                    _ = try byte()
                    guard try byte() == UInt8(ascii: ">") else { throw error("a / inside the tag <\(name)") }
                    return .start(name, attributes, selfClosing: true)
                }
                let key = try readName()
                try skipSpace()
                guard try byte() == UInt8(ascii: "=") else { throw error("the attribute \(key) of <\(name) has no value") }
                try skipSpace()
                guard let quote = try byte(), quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else {
                    throw error("the attribute \(key) of <\(name) is not quoted")
                }
                var value: [UInt8] = []
                while true {
                    guard try peek() != nil else { throw error("the part ends inside an attribute") }
                    let start = index
                    var i = index
                    let end = count
                    while i < end, buffer[i] != quote, buffer[i] != UInt8(ascii: "&"), buffer[i] != 0x0A { i += 1 }
                    index = i
                    value.append(contentsOf: UnsafeBufferPointer(start: buffer + start, count: i - start))
                    if value.count > 1 << 16 { throw error("an attribute longer than 64 KiB") }
                    if i == end { continue }
                    let v = try byte()
                    if v == quote { break }
                    if v == UInt8(ascii: "&") { try entity(into: &value) } else if let v { value.append(v) }
                }
                attributes[key] = String(decoding: value, as: UTF8.self)
            }
        }
    }

    /// Skips events up to and including the end tag that closes an element just started.
    func skipElement() throws(WorkforceError) {
        var depth = 1
        while depth > 0, let event = try next() {
            switch event {
            case .start(_, _, let selfClosing): if !selfClosing { depth += 1 }
            case .end: depth -= 1
            case .text: break
            }
        }
    }

    // MARK: Pieces

    private func text() throws(WorkforceError) -> [UInt8] {
        var out: [UInt8] = []
        textTruncated = false
        while try peek() != nil {
            // A run of plain bytes in one go.
            let start = index
            var i = index
            let end = count
            while i < end {
                let b = buffer[i]
                if b == UInt8(ascii: "<") || b == UInt8(ascii: "&") { break }
                if b == 0x0A {
                    line += 1
                    lineStart = base + i + 1
                }
                i += 1
            }
            index = i
            if out.count <= maxText { out.append(contentsOf: UnsafeBufferPointer(start: buffer + start, count: i - start)) }
            if i < end {
                if buffer[i] == UInt8(ascii: "<") { break }
                _ = try byte()
                var character: [UInt8] = []
                try entity(into: &character)
                if out.count <= maxText { out += character }
            }
        }
        if out.count > maxText {
            out.removeLast(out.count - maxText)
            textTruncated = true
        }
        return out
    }

    private func entity(into out: inout [UInt8]) throws(WorkforceError) {
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

    private func readName() throws(WorkforceError) -> String {
        var bytes: [UInt8] = []
        var local = 0
        while try peek() != nil {
            let start = index
            var i = index
            let end = count
            while i < end {
                let b = buffer[i]
                if Self.isSpace(b) || b == UInt8(ascii: ">") || b == UInt8(ascii: "/") || b == UInt8(ascii: "=") { break }
                if b == UInt8(ascii: ":") { local = bytes.count + i - start + 1 }
                i += 1
            }
            index = i
            bytes.append(contentsOf: UnsafeBufferPointer(start: buffer + start, count: i - start))
            if bytes.count > 256 { throw error("a name longer than 256 bytes") }
            if i < end { break }
        }
        guard local < bytes.count else { throw error("a tag or attribute without a name") }
        return String(decoding: bytes[local...], as: UTF8.self)
    }

    private func skipSpace() throws(WorkforceError) {
        while let b = try peek(), Self.isSpace(b) { _ = try byte() }
    }

    private func expect(_ bytes: [UInt8]) throws(WorkforceError) {
        for b in bytes where try byte() != b { throw error("malformed markup") }
    }

    private func skip(past end: [UInt8]) throws(WorkforceError) { _ = try until(end, keep: false) }

    /// The bytes up to `end`, which is consumed.
    private func until(_ end: [UInt8], keep: Bool = true) throws(WorkforceError) -> [UInt8] {
        var out: [UInt8] = []
        if keep { textTruncated = false }
        var tail: [UInt8] = []  // the last bytes read, to find `end`
        var cut = false
        while true {
            guard let b = try byte() else { throw error("the part ends inside a comment, CDATA section or declaration") }
            tail.append(b)
            if tail.count > end.count { tail.removeFirst() }
            if tail == end {
                if cut {
                    out.removeLast(out.count - maxText)
                    textTruncated = true
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

    private static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 }

    // MARK: Bytes

    @inline(__always)
    private func peek() throws(WorkforceError) -> UInt8? {
        if index == count {
            base += count
            index = 0
            count = try source.read(into: UnsafeMutableBufferPointer(start: buffer, count: Self.capacity))
            if count == 0 { return nil }
        }
        return buffer[index]
    }

    @inline(__always)
    private func byte() throws(WorkforceError) -> UInt8? {
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
