import Foundation

/// A small streaming XML reader for the parts of an `.xlsx`: start and end tags with their
/// attributes, and text with the five predefined entities and character references decoded.
///
/// Names are local names (`x:row` is `row`, `r:id` is `id`): spreadsheet writers differ in the
/// prefixes they bind. A document type declaration is refused (no entity can expand), and a
/// text run is kept only up to ``maxText`` bytes, with ``textTruncated`` set, so that no cell grows
/// memory. Errors are ``WorkforceError/badData(_:_:)`` at the part's line and column.
///
/// Two ways to read: ``next()`` returns each tag or text run as an ``Event`` value; ``nextToken()``
/// leaves it in the scanner (``isTag(_:)``, ``attribute(_:)``, ``text``), valid until the next
/// call, which allocates nothing per tag: a worksheet's cells are read that way (``XLSXSheetSource``).
///
/// A token that lies wholly in the read buffer and holds nothing unusual (no entity, comment,
/// CDATA or declaration) is read in place, its pieces pointing into the buffer
/// (``XMLScanner+Fast``); anything else, and every error, goes byte by byte (``XMLScanner+Bytes``),
/// whose pieces are then copied to the scanner's own storage. Both give the same tokens.
final class XMLScanner {
    enum Event: Equatable {
        case start(String, XMLAttributes, selfClosing: Bool)
        case end(String)
        case text([UInt8])
    }

    enum Token { case start, end, text }

    var source: any ByteSource
    let name: String
    var maxText = 1 << 20
    private(set) var textTruncated = false
    /// Off only in tests, which compare the in-place reading with the byte-by-byte one.
    var readsInPlace = true

    /// The current token's pieces: in the read buffer, or in ``owned``.
    struct Current {
        var name: UnsafePointer<UInt8>
        var nameCount = 0
        var text: UnsafePointer<UInt8>
        var textCount = 0
        var selfClosing = false
        var attributeCount = 0
    }
    /// One attribute of the current start tag: its local name and its value.
    struct Attribute {
        var name: UnsafePointer<UInt8>
        var nameCount: Int
        var value: UnsafePointer<UInt8>
        var valueCount: Int
    }
    let current = UnsafeMutablePointer<Current>.allocate(capacity: 1)
    @exclusivity(unchecked) var attributes = UnsafeMutablePointer<Attribute>.allocate(capacity: 8)
    @exclusivity(unchecked) var attributeCapacity = 8
    /// Where a token read byte by byte is copied.
    @exclusivity(unchecked) private var owned = UnsafeMutablePointer<UInt8>.allocate(capacity: 256)
    @exclusivity(unchecked) private var ownedCapacity = 256

    // The byte-by-byte reading's buffers (``XMLScanner+Bytes``), touched by one thread only.
    @exclusivity(unchecked) var tagName: [UInt8] = []
    @exclusivity(unchecked) var attributeBytes: [UInt8] = []
    @exclusivity(unchecked) var attributeRanges: [(name: Range<Int>, value: Range<Int>)] = []
    @exclusivity(unchecked) var textBytes: [UInt8] = []
    var selfClosingTag = false

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
        current.initialize(to: Current(name: UnsafePointer(owned), text: UnsafePointer(owned)))
    }

    deinit {
        buffer.deallocate()
        position.deallocate()
        current.deallocate()
        attributes.deallocate()
        owned.deallocate()
    }

    // MARK: The current token

    /// Whether the current start tag closes itself (`<c/>`).
    var selfClosing: Bool { current.pointee.selfClosing }

    /// The current text run's bytes, entities decoded; valid until the next token.
    var text: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: current.pointee.text, count: current.pointee.textCount) }

    /// The current tag's local name; valid until the next token.
    var tagNameBytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: current.pointee.name, count: current.pointee.nameCount) }

    /// Whether the current tag's local name is `bytes`.
    @inline(__always)
    func isTag(_ bytes: StaticString) -> Bool {
        let c = current.pointee
        return c.nameCount == bytes.utf8CodeUnitCount && memcmp(c.name, bytes.utf8Start, c.nameCount) == 0
    }

    /// The value of the current start tag's attribute called `key` (the last one, if written
    /// twice); valid until the next token.
    @inline(__always)
    func attribute(_ key: StaticString) -> UnsafeBufferPointer<UInt8>? {
        let keyCount = key.utf8CodeUnitCount
        var i = current.pointee.attributeCount - 1
        while i >= 0 {
            let a = attributes[i]
            if a.nameCount == keyCount, memcmp(a.name, key.utf8Start, keyCount) == 0 {
                return UnsafeBufferPointer(start: a.value, count: a.valueCount)
            }
            i -= 1
        }
        return nil
    }

    /// The next tag or text run as a value; `nil` at the end of the part.
    func next() throws(WorkforceError) -> Event? {
        switch try nextToken() {
        case nil: return nil
        case .text: return .text(Array(text))
        case .end: return .end(String(decoding: tagNameBytes, as: UTF8.self))
        case .start:
            var result = XMLAttributes()
            for i in 0..<current.pointee.attributeCount {
                let a = attributes[i]
                result[String(decoding: UnsafeBufferPointer(start: a.name, count: a.nameCount), as: UTF8.self)] =
                    String(decoding: UnsafeBufferPointer(start: a.value, count: a.valueCount), as: UTF8.self)
            }
            return .start(String(decoding: tagNameBytes, as: UTF8.self), result, selfClosing: selfClosing)
        }
    }

    /// Reads the next tag or text run into the scanner; `nil` at the end of the part.
    func nextToken() throws(WorkforceError) -> Token? {
        while true {
            if readsInPlace {
                switch fastToken() {
                case .token(let token): return token
                case .more:
                    if try readMore() { continue }
                case .bytes:
                    break
                }
            }
            switch try slowToken() {
            case .skipped: continue
            case .end: return nil
            case .token(let token):
                publish(token)
                return token
            }
        }
    }

    /// Moves the unread bytes to the front of the buffer and reads more after them; `false`
    /// when nothing more came (the end of the part, or a token longer than the buffer).
    private func readMore() throws(WorkforceError) -> Bool {
        let keep = count - index
        if index > 0 {
            if keep > 0 { memmove(buffer, buffer + index, keep) }
            base += index
            index = 0
            count = keep
        }
        guard count < Self.capacity else { return false }
        let n = try source.read(into: UnsafeMutableBufferPointer(start: buffer + count, count: Self.capacity - count))
        count += n
        return n > 0
    }

    /// Copies a token read byte by byte to the scanner's own storage and points the current
    /// token at it.
    private func publish(_ token: Token) {
        var needed = token == .text ? textBytes.count : tagName.count + attributeBytes.count
        needed = max(needed, 1)
        if needed > ownedCapacity {
            owned.deallocate()
            ownedCapacity = max(needed, ownedCapacity * 2)
            owned = UnsafeMutablePointer<UInt8>.allocate(capacity: ownedCapacity)
        }
        let o = owned
        var c = Current(name: UnsafePointer(o), text: UnsafePointer(o))
        switch token {
        case .text:
            textBytes.withUnsafeBufferPointer { if let b = $0.baseAddress { o.update(from: b, count: $0.count) } }
            c.textCount = textBytes.count
        case .end, .start:
            tagName.withUnsafeBufferPointer { if let b = $0.baseAddress { o.update(from: b, count: $0.count) } }
            c.nameCount = tagName.count
            guard token == .start else { break }
            let a = o + tagName.count
            attributeBytes.withUnsafeBufferPointer { if let b = $0.baseAddress { a.update(from: b, count: $0.count) } }
            c.selfClosing = selfClosingTag
            reserveAttributes(attributeRanges.count, keeping: 0)
            for (key, value) in attributeRanges {
                attributes[c.attributeCount] = Attribute(
                    name: UnsafePointer(a + key.lowerBound), nameCount: key.count, value: UnsafePointer(a + value.lowerBound), valueCount: value.count)
                c.attributeCount += 1
            }
        }
        current.pointee = c
    }

    /// Room for `n` attributes, the first `keeping` of those held kept.
    func reserveAttributes(_ n: Int, keeping: Int) {
        guard n > attributeCapacity else { return }
        let larger = UnsafeMutablePointer<Attribute>.allocate(capacity: max(n, attributeCapacity * 2))
        larger.update(from: attributes, count: keeping)
        attributes.deallocate()
        attributes = larger
        attributeCapacity = max(n, attributeCapacity * 2)
    }

    func setTextTruncated(_ truncated: Bool) { textTruncated = truncated }

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
}
