/// How ``Inflater`` reads a block's header and its codes, and starts and copies a match one byte
/// at a time (the careful path, which gives every error; the inner loop is ``Inflater/fastSymbols(_:_:_:)``).
extension Inflater {
    func readBlockHeader() throws(WorkforceError) {
        finalBlock = try take(1) == 1
        switch try take(2) {
        case 0:
            // Stored: skip to a byte boundary, then LEN and its one's complement NLEN.
            _ = try take(bitCount % 8)
            let length = try take(16)
            let check = try take(16)
            guard length == ~check & 0xFFFF else { throw corrupt("a stored block's length check fails") }
            state = .stored(remaining: length)
        case 1:
            state = .huffman(literals: .fixedLiterals, distances: .fixedDistances)
        case 2:
            try readDynamicCodes()
        default:
            throw corrupt("block type 3 does not exist")
        }
    }

    private static let lengthOrder = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]

    /// The code lengths of a dynamic block, themselves Huffman-coded (RFC 1951 section 3.2.7).
    private func readDynamicCodes() throws(WorkforceError) {
        let literalCount = try take(5) + 257
        let distanceCount = try take(5) + 1
        let lengthCount = try take(4) + 4
        guard literalCount <= 286, distanceCount <= 30 else { throw corrupt("too many literal/length or distance codes") }
        var codeLengths = [Int](repeating: 0, count: 19)
        for i in 0..<lengthCount { codeLengths[Self.lengthOrder[i]] = try take(3) }
        guard let lengthCode = HuffmanCode(lengths: codeLengths, use: .codeLengths) else {
            throw corrupt("the code-length code is invalid")
        }
        var lengths: [Int] = []
        lengths.reserveCapacity(literalCount + distanceCount)
        while lengths.count < literalCount + distanceCount {
            let symbol = try decode(lengthCode)
            var repeated = 0
            var value = 0
            switch symbol {
            case 0...15:
                lengths.append(symbol)
                continue
            case 16:
                guard let last = lengths.last else { throw corrupt("a repeated code length has nothing before it") }
                value = last
                repeated = 3 + (try take(2))
            case 17: repeated = 3 + (try take(3))
            default: repeated = 11 + (try take(7))
            }
            guard lengths.count + repeated <= literalCount + distanceCount else { throw corrupt("code lengths run past their count") }
            lengths += [Int](repeating: value, count: repeated)
        }
        let literalLengths = Array(lengths[0..<literalCount])
        guard literalLengths[256] > 0 else { throw corrupt("the block has no end-of-block code") }
        guard let literals = HuffmanCode(lengths: literalLengths, use: .literals),
            let distances = HuffmanCode(lengths: Array(lengths[literalCount...]), use: .distances)
        else { throw corrupt("a literal/length or distance code is invalid") }
        state = .huffman(literals: literals, distances: distances)
    }

    static let lengthBase = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258]
    static let lengthExtra = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
    static let distanceBase = [
        1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145,
        8193, 12289, 16385, 24577,
    ]
    static let distanceExtra = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13]

    /// Reads a match's length and distance after its length symbol; the match waits in
    /// `pendingLength` and `pendingDistance` for ``copyMatch(_:)``.
    func startMatch(_ symbol: Int, _ distances: HuffmanCode) throws(WorkforceError) {
        let l = symbol - 257
        guard l < 29 else { throw corrupt("length code \(symbol) does not exist") }
        let length = Self.lengthBase[l] + (try take(Self.lengthExtra[l]))
        guard !distances.isEmpty else { throw corrupt("a match in a block without distance codes") }
        let d = try decode(distances)
        guard d < 30 else { throw corrupt("distance code \(d) does not exist") }
        let distance = Self.distanceBase[d] + (try take(Self.distanceExtra[d]))
        guard distance <= total else { throw corrupt("a match reaches back before the start of the data") }
        pendingLength = length
        pendingDistance = distance
    }

    /// Copies the pending match byte by byte, as far as `limit`. The distance is at most
    /// 32,768 and at most the bytes decoded, so it never reaches before the buffer's start:
    /// before the first slide every decoded byte is in it, after one the whole window is.
    func copyMatch(_ limit: Int) {
        let r = registers
        let distance = r.pointee.pendingDistance
        var o = r.pointee.out
        let copied = min(r.pointee.pendingLength, limit - o)
        for _ in 0..<copied {
            buffer[o] = buffer[o &- distance]
            o += 1
        }
        r.pointee.out = o
        r.pointee.pendingLength -= copied
        r.pointee.total += copied
    }

    @inline(__always)
    func emit(_ b: UInt8) {
        let r = registers
        buffer[r.pointee.out] = b
        r.pointee.out += 1
        r.pointee.total += 1
    }
}
