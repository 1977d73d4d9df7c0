/// ``XMLScanner`` in place: a tag or text run that lies wholly in the read buffer and holds
/// nothing unusual is read where it is, its name, attributes and text pointing into the buffer,
/// with no copy and no allocation. This is what a worksheet's cells are, nearly all of them.
///
/// Anything else it leaves, unread, to the byte-by-byte reading (``XMLScanner+Bytes``), which
/// gives the same token or the error: an entity, a comment, CDATA or a declaration, a name
/// longer than 256 bytes or without a local part, an attribute without `=` or quotes or longer
/// than 64 KiB, a line feed inside an attribute value, a text run longer than ``maxText``.
extension XMLScanner {
    enum FastResult {
        case token(Token)
        /// The token runs past the bytes in the buffer: read more and try again.
        case more
        /// Read this token byte by byte.
        case bytes
    }

    /// Name bytes stop at a space, `>`, `/` or `=`, as ``readName(into:)``'s do.
    @inline(__always)
    static func endsName(_ b: UInt8) -> Bool {
        b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 || b == UInt8(ascii: ">") || b == UInt8(ascii: "/") || b == UInt8(ascii: "=")
    }

    /// Reads the token at the reading position in place, if it can (see the type's notes).
    @inline(__always)
    func fastToken() -> FastResult {
        let p = buffer
        let end = count
        var j = index
        guard j < end else { return .more }
        // Line feeds passed over, counted only once the token is read.
        var lines = 0
        var lastLineFeed = 0

        if p[j] != UInt8(ascii: "<") {
            let start = j
            while j < end {
                let b = p[j]
                if b == UInt8(ascii: "<") { break }
                if b == UInt8(ascii: "&") { return .bytes }
                if b == 0x0A {
                    lines += 1
                    lastLineFeed = j
                }
                j += 1
            }
            if j == end { return .more }
            if j - start > maxText { return .bytes }
            commit(j, lines, lastLineFeed)
            setTextTruncated(false)
            current.pointee.text = UnsafePointer(p + start)
            current.pointee.textCount = j - start
            return .token(.text)
        }

        j += 1
        guard j < end else { return .more }
        let first = p[j]
        if first == UInt8(ascii: "?") || first == UInt8(ascii: "!") { return .bytes }
        let isEnd = first == UInt8(ascii: "/")
        if isEnd { j += 1 }

        // The name, and where its local part starts.
        let nameStart = j
        var local = j
        while true {
            guard j < end else { return .more }
            let b = p[j]
            if Self.endsName(b) { break }
            if b == UInt8(ascii: ":") { local = j + 1 }
            j += 1
        }
        if j - nameStart > 256 || local == j { return .bytes }
        let name = UnsafePointer(p + local)
        let nameCount = j - local

        @inline(__always) func skipSpaces() {
            while j < end {
                let b = p[j]
                guard b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 else { return }
                if b == 0x0A {
                    lines += 1
                    lastLineFeed = j
                }
                j += 1
            }
        }

        if isEnd {
            skipSpaces()
            guard j < end else { return .more }
            guard p[j] == UInt8(ascii: ">") else { return .bytes }
            commit(j + 1, lines, lastLineFeed)
            current.pointee.name = name
            current.pointee.nameCount = nameCount
            return .token(.end)
        }

        var attributeCount = 0
        var selfClosing = false
        while true {
            skipSpaces()
            guard j < end else { return .more }
            let b = p[j]
            if b == UInt8(ascii: ">") {
                j += 1
                break
            }
            if b == UInt8(ascii: "/") {
                guard j + 1 < end else { return .more }
                guard p[j + 1] == UInt8(ascii: ">") else { return .bytes }
                j += 2
                selfClosing = true
                break
            }
            let keyStart = j
            var keyLocal = j
            while true {
                guard j < end else { return .more }
                let k = p[j]
                if Self.endsName(k) { break }
                if k == UInt8(ascii: ":") { keyLocal = j + 1 }
                j += 1
            }
            if j - keyStart > 256 || keyLocal == j { return .bytes }
            let keyEnd = j
            skipSpaces()
            guard j < end else { return .more }
            guard p[j] == UInt8(ascii: "=") else { return .bytes }
            j += 1
            skipSpaces()
            guard j < end else { return .more }
            let quote = p[j]
            guard quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else { return .bytes }
            j += 1
            let valueStart = j
            while true {
                guard j < end else { return .more }
                let v = p[j]
                if v == quote { break }
                if v == UInt8(ascii: "&") || v == 0x0A { return .bytes }
                j += 1
            }
            if j - valueStart > 1 << 16 { return .bytes }
            if attributeCount == attributeCapacity { reserveAttributes(attributeCount + 1, keeping: attributeCount) }
            attributes[attributeCount] = Attribute(
                name: UnsafePointer(p + keyLocal), nameCount: keyEnd - keyLocal, value: UnsafePointer(p + valueStart), valueCount: j - valueStart)
            attributeCount += 1
            j += 1
        }
        commit(j, lines, lastLineFeed)
        current.pointee.name = name
        current.pointee.nameCount = nameCount
        current.pointee.selfClosing = selfClosing
        current.pointee.attributeCount = attributeCount
        return .token(.start)
    }

    /// Moves the reading position to `j`, past `lines` line feeds, the last at `lastLineFeed`.
    @inline(__always)
    private func commit(_ j: Int, _ lines: Int, _ lastLineFeed: Int) {
        index = j
        if lines > 0 {
            line += lines
            lineStart = base + lastLineFeed + 1
        }
    }
}
