/// A small streaming XML reader for the parts of an `.xlsx`: start and end tags with their
/// attributes, and text with the five predefined entities and character references decoded.
///
/// Names are local names (`x:row` is `row`, `r:id` is `id`): spreadsheet writers differ in the
/// prefixes they bind. A document type declaration is refused (no entity can expand), and a
/// text run is kept only up to ``maxText`` bytes, with ``textTruncated`` set, so that no cell grows
/// memory. Errors are ``WorkforceError/badData(_:_:)`` at the part's line and column.
///
/// Two ways to read: ``next()`` returns each tag or text run as an ``Event`` value; ``nextToken()``
/// leaves it in the scanner (``name``, ``attribute(_:)``, ``text``), valid until the next call,
/// which allocates nothing per tag: a worksheet's cells are read that way (``XLSXSheetSource``).
final class XMLScanner {
    enum Event: Equatable {
        case start(String, XMLAttributes, selfClosing: Bool)
        case end(String)
        case text([UInt8])
    }

    enum Token { case start, end, text }

    private var source: any ByteSource
    let name: String
    var maxText = 1 << 20
    private(set) var textTruncated = false

    /// The current token's local name (a start or end tag).
    @exclusivity(unchecked) private(set) var tagName: [UInt8] = []
    /// Whether the current start tag closes itself (`<c/>`).
    private(set) var selfClosing = false
    // The buffers below are reused for every token and touched by the scanner's one thread
    // only: without dynamic exclusivity checks, which were a fifth of a worksheet's cost.
    /// The current start tag's attribute names and values, one after the other in one buffer.
    @exclusivity(unchecked) private var attributeBytes: [UInt8] = []
    @exclusivity(unchecked) private var attributeRanges: [(name: Range<Int>, value: Range<Int>)] = []
    /// The current text run's bytes, entities decoded.
    @exclusivity(unchecked) private(set) var text: [UInt8] = []

    static let capacity = 1 << 16
    let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
    /// The reading position, behind a pointer: the per-byte loops then pay no exclusivity check
    /// per access, as they would for stored properties of a class.
    struct Position {
        var count = 0
        var index = 0
        /// Bytes read before the buffer's first.
        var base = 0
        var line = 1
        /// Where the current line starts, counted from the start of the part.
        var lineStart = 0
    }
    let position = UnsafeMutablePointer<Position>.allocate(capacity: 1)
    var count: Int { get { position.pointee.count } set { position.pointee.count = newValue } }
    var index: Int { get { position.pointee.index } set { position.pointee.index = newValue } }
    var base: Int { get { position.pointee.base } set { position.pointee.base = newValue } }
    var line: Int { get { position.pointee.line } set { position.pointee.line = newValue } }
    var lineStart: Int { get { position.pointee.lineStart } set { position.pointee.lineStart = newValue } }

    init(_ source: any ByteSource, name: String) {
        self.source = source
        self.name = name
        position.initialize(to: Position())
    }

    deinit {
        buffer.deallocate()
        position.deallocate()
    }

    /// The next tag or text run as a value; `nil` at the end of the part.
    func next() throws(WorkforceError) -> Event? {
        switch try nextToken() {
        case nil: return nil
        case .text: return .text(text)
        case .end: return .end(String(decoding: tagName, as: UTF8.self))
        case .start:
            var attributes = XMLAttributes()
            for (key, value) in attributeRanges {
                attributes[String(decoding: attributeBytes[key], as: UTF8.self)] = String(decoding: attributeBytes[value], as: UTF8.self)
            }
            return .start(String(decoding: tagName, as: UTF8.self), attributes, selfClosing: selfClosing)
        }
    }

    /// Whether the current tag's local name is `bytes`.
    @inline(__always)
    func isTag(_ bytes: StaticString) -> Bool {
        tagName.count == bytes.utf8CodeUnitCount
            && tagName.elementsEqual(UnsafeBufferPointer(start: bytes.utf8Start, count: bytes.utf8CodeUnitCount))
    }

    /// The value of the current start tag's attribute called `key` (the last one, if written twice).
    func attribute(_ key: StaticString) -> ArraySlice<UInt8>? {
        let keyBytes = UnsafeBufferPointer(start: key.utf8Start, count: key.utf8CodeUnitCount)
        for (name, value) in attributeRanges.reversed() where name.count == keyBytes.count && attributeBytes[name].elementsEqual(keyBytes) {
            return attributeBytes[value]
        }
        return nil
    }

    /// Fills the buffer from the source; the number of bytes read, 0 at the end.
    func readSource() throws(WorkforceError) -> Int {
        try source.read(into: UnsafeMutableBufferPointer(start: buffer, count: Self.capacity))
    }

    func setTextTruncated(_ truncated: Bool) { textTruncated = truncated }

    /// Reads the next tag or text run into the scanner; `nil` at the end of the part.
    func nextToken() throws(WorkforceError) -> Token? {
        guard let b = try peek() else { return nil }
        if b != UInt8(ascii: "<") {
            try readText()
            return .text
        }
        _ = try byte()
        guard let c = try peek() else { throw error("the part ends inside a tag") }
        switch c {
        case UInt8(ascii: "?"):
            try skip(past: Array("?>".utf8))
            return try nextToken()
        case UInt8(ascii: "!"):
            _ = try byte()
            if try peek() == UInt8(ascii: "-") {
                try skip(past: Array("-->".utf8))
                return try nextToken()
            }
            if try peek() == UInt8(ascii: "[") {
                try expect(Array("[CDATA[".utf8))
                text = try until(Array("]]>".utf8))
                return .text
            }
            throw error("a document type declaration, which a spreadsheet part never has; the file is not a genuine .xlsx")
        case UInt8(ascii: "/"):
            _ = try byte()
            try readName(into: &tagName)
            try skipSpace()
            guard try byte() == UInt8(ascii: ">") else { throw error("an end tag </\(tagNameText) that does not close with >") }
            return .end
        default:
            try readName(into: &tagName)
            attributeBytes.removeAll(keepingCapacity: true)
            attributeRanges.removeAll(keepingCapacity: true)
            var key: [UInt8] = []
            while true {
                try skipSpace()
                guard let c = try peek() else { throw error("the part ends inside the tag <\(tagNameText)") }
                if c == UInt8(ascii: ">") {
                    _ = try byte()
                    selfClosing = false
                    return .start
                }
                if c == UInt8(ascii: "/") {
                    _ = try byte()
                    guard try byte() == UInt8(ascii: ">") else { throw error("a / inside the tag <\(tagNameText)") }
                    selfClosing = true
                    return .start
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
                    let start = index
                    var i = index
                    let end = count
                    while i < end, buffer[i] != quote, buffer[i] != UInt8(ascii: "&"), buffer[i] != 0x0A { i += 1 }
                    index = i
                    attributeBytes.append(contentsOf: UnsafeBufferPointer(start: buffer + start, count: i - start))
                    if attributeBytes.count - valueStart > 1 << 16 { throw error("an attribute longer than 64 KiB") }
                    if i == end { continue }
                    let v = try byte()
                    if v == quote { break }
                    if v == UInt8(ascii: "&") { try entity(into: &attributeBytes) } else if let v { attributeBytes.append(v) }
                }
                attributeRanges.append((keyStart..<valueStart, valueStart..<attributeBytes.count))
            }
        }
    }

    private var tagNameText: String { String(decoding: tagName, as: UTF8.self) }

    /// Skips tokens up to and including the end tag that closes an element just started.
    func skipElement() throws(WorkforceError) {
        var depth = 1
        while depth > 0, let token = try nextToken() {
            switch token {
            case .start: if !selfClosing { depth += 1 }
            case .end: depth -= 1
            case .text: break
            }
        }
    }

    // MARK: Pieces

    private func readText() throws(WorkforceError) {
        text.removeAll(keepingCapacity: true)
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
            if text.count <= maxText { text.append(contentsOf: UnsafeBufferPointer(start: buffer + start, count: i - start)) }
            if i < end {
                if buffer[i] == UInt8(ascii: "<") { break }
                _ = try byte()
                var character: [UInt8] = []
                try entity(into: &character)
                if text.count <= maxText { text += character }
            }
        }
        if text.count > maxText {
            text.removeLast(text.count - maxText)
            textTruncated = true
        }
    }
}
