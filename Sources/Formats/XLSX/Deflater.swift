/// Compresses bytes as a raw DEFLATE stream (RFC 1951) of dynamic Huffman blocks, the way
/// spreadsheet writers (Excel, LibreOffice, zlib behind openpyxl) store the parts of an `.xlsx`.
///
/// Greedy LZ77 over the 32 KiB window with hash chains (at most ``chainLimit`` candidates per
/// position), then one block per chunk given to ``compress(_:final:)`` with its own literal/length
/// and distance codes, limited to 15 bits. It writes what ``Inflater`` and zlib read; the
/// benchmark uses it to write workbooks shaped like real exports, and `DeflaterTests` checks
/// that what it writes inflates back to the input, here and in Python's zlib.
package struct Deflater: Sendable {
    /// The candidates tried per position: enough to find the repeated markup of a worksheet.
    static let chainLimit = 8
    private static let window = 1 << 15
    private static let hashBits = 15

    /// The last ``window`` bytes compressed, which the next chunk's matches may reach into.
    private var history: [UInt8] = []
    private var bits = DeflateBitWriter()

    package init() {}

    /// Compresses `chunk` as one block (or an empty final block for an empty chunk), after what
    /// was compressed before; `final` marks the block as the stream's last.
    package mutating func compress(_ chunk: [UInt8], final: Bool) {
        let data = history + chunk
        let symbols = Self.match(data, from: history.count)
        writeBlock(symbols, final: final)
        history = Array(data.suffix(Self.window))
    }

    /// The compressed bytes written so far (whole bytes; the stream ends with its final block).
    package mutating func takeOutput() -> [UInt8] { bits.take() }

    /// One compressed stream of `bytes`.
    package static func deflate(_ bytes: [UInt8]) -> [UInt8] {
        var d = Deflater()
        d.compress(bytes, final: true)
        return d.takeOutput()
    }

    // MARK: LZ77

    /// A literal (`length == 0`, `value` the byte) or a match (`length` 3...258, `value` its distance).
    struct Symbol {
        var length: UInt16
        var value: UInt16
    }

    /// The symbols of `data[start...]`, matches reaching back at most the window into `data`.
    static func match(_ data: [UInt8], from start: Int) -> [Symbol] {
        var symbols: [Symbol] = []
        symbols.reserveCapacity(data.count - start)
        data.withUnsafeBufferPointer { d in
            let n = d.count
            var head = [Int32](repeating: -1, count: 1 << hashBits)
            var previous = [Int32](repeating: -1, count: n)
            @inline(__always) func hash(_ i: Int) -> Int {
                (Int(d[i]) << 10 ^ Int(d[i + 1]) << 5 ^ Int(d[i + 2])) & (1 << hashBits - 1)
            }
            @inline(__always) func insert(_ i: Int) {
                guard i + 2 < n else { return }
                let h = hash(i)
                previous[i] = head[h]
                head[h] = Int32(i)
            }
            for i in max(0, start - window)..<start { insert(i) }
            var i = start
            while i < n {
                var bestLength = 0
                var bestDistance = 0
                if i + 2 < n {
                    var candidate = Int(head[hash(i)])
                    var tries = chainLimit
                    let limit = min(258, n - i)
                    while candidate >= 0, i - candidate <= window, tries > 0 {
                        var l = 0
                        while l < limit, d[candidate + l] == d[i + l] { l += 1 }
                        if l > bestLength {
                            bestLength = l
                            bestDistance = i - candidate
                            if l == limit { break }
                        }
                        candidate = Int(previous[candidate])
                        tries -= 1
                    }
                }
                if bestLength >= 3 {
                    symbols.append(Symbol(length: UInt16(bestLength), value: UInt16(bestDistance)))
                    for j in i..<(i + bestLength) { insert(j) }
                    i += bestLength
                } else {
                    symbols.append(Symbol(length: 0, value: UInt16(d[i])))
                    insert(i)
                    i += 1
                }
            }
        }
        return symbols
    }

    // MARK: Blocks

    /// The length code (257...285) and its extra bits for a match length 3...258.
    static func lengthCode(_ length: Int) -> (code: Int, extra: Int, extraBits: Int) {
        var l = Inflater.lengthBase.count - 1
        while Inflater.lengthBase[l] > length { l -= 1 }
        return (257 + l, length - Inflater.lengthBase[l], Inflater.lengthExtra[l])
    }

    /// The distance code (0...29) and its extra bits for a distance 1...32768.
    static func distanceCode(_ distance: Int) -> (code: Int, extra: Int, extraBits: Int) {
        var d = Inflater.distanceBase.count - 1
        while Inflater.distanceBase[d] > distance { d -= 1 }
        return (d, distance - Inflater.distanceBase[d], Inflater.distanceExtra[d])
    }

    private mutating func writeBlock(_ symbols: [Symbol], final: Bool) {
        var literalCounts = [Int](repeating: 0, count: 286)
        var distanceCounts = [Int](repeating: 0, count: 30)
        for s in symbols {
            if s.length == 0 {
                literalCounts[Int(s.value)] += 1
            } else {
                literalCounts[Self.lengthCode(Int(s.length)).code] += 1
                distanceCounts[Self.distanceCode(Int(s.value)).code] += 1
            }
        }
        literalCounts[256] = 1
        // Two codes at least in each, so that every code is complete.
        if literalCounts.filter({ $0 > 0 }).count < 2 { literalCounts[0] = max(literalCounts[0], 1) }
        if distanceCounts.filter({ $0 > 0 }).count < 2 {
            distanceCounts[0] = max(distanceCounts[0], 1)
            distanceCounts[1] = max(distanceCounts[1], 1)
        }
        let literalLengths = HuffmanLengths.limited(literalCounts, maxLength: 15)
        let distanceLengths = HuffmanLengths.limited(distanceCounts, maxLength: 15)
        let literalCodes = HuffmanLengths.codes(literalLengths)
        let distanceCodes = HuffmanLengths.codes(distanceLengths)

        // The header: the code lengths, themselves coded with lengths 0...15 only.
        var literalCount = 286
        while literalCount > 257, literalLengths[literalCount - 1] == 0 { literalCount -= 1 }
        var distanceCount = 30
        while distanceCount > 1, distanceLengths[distanceCount - 1] == 0 { distanceCount -= 1 }
        let lengths = Array(literalLengths[0..<literalCount]) + Array(distanceLengths[0..<distanceCount])
        var lengthCounts = [Int](repeating: 0, count: 19)
        for l in lengths { lengthCounts[l] += 1 }
        if lengthCounts.filter({ $0 > 0 }).count < 2 { lengthCounts[lengthCounts[0] > 0 ? 1 : 0] += 1 }
        let lengthLengths = HuffmanLengths.limited(lengthCounts, maxLength: 7)
        let lengthCodes = HuffmanLengths.codes(lengthLengths)
        let order = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]
        var lengthCount = 19
        while lengthCount > 4, lengthLengths[order[lengthCount - 1]] == 0 { lengthCount -= 1 }

        bits.write(final ? 1 : 0, 1)
        bits.write(2, 2)
        bits.write(literalCount - 257, 5)
        bits.write(distanceCount - 1, 5)
        bits.write(lengthCount - 4, 4)
        for i in 0..<lengthCount { bits.write(lengthLengths[order[i]], 3) }
        for l in lengths { bits.write(lengthCodes[l], lengthLengths[l]) }

        for s in symbols {
            if s.length == 0 {
                bits.write(literalCodes[Int(s.value)], literalLengths[Int(s.value)])
            } else {
                let l = Self.lengthCode(Int(s.length))
                bits.write(literalCodes[l.code], literalLengths[l.code])
                bits.write(l.extra, l.extraBits)
                let d = Self.distanceCode(Int(s.value))
                bits.write(distanceCodes[d.code], distanceLengths[d.code])
                bits.write(d.extra, d.extraBits)
            }
        }
        bits.write(literalCodes[256], literalLengths[256])
        if final { bits.flush() }
    }
}

/// The bits of a DEFLATE stream, least significant first.
struct DeflateBitWriter: Sendable {
    private var out: [UInt8] = []
    private var buffer: UInt64 = 0
    private var count = 0

    /// Appends the low `n` bits (0...16) of `value`.
    mutating func write(_ value: Int, _ n: Int) {
        buffer |= UInt64(value & (1 << n - 1)) << UInt64(count)
        count += n
        while count >= 8 {
            out.append(UInt8(truncatingIfNeeded: buffer))
            buffer >>= 8
            count -= 8
        }
    }

    /// Pads the last byte with zero bits.
    mutating func flush() {
        if count > 0 { write(0, 8 - count) }
    }

    /// The whole bytes written so far.
    mutating func take() -> [UInt8] {
        defer { out.removeAll(keepingCapacity: true) }
        return out
    }
}
