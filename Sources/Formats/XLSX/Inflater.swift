/// Decompresses a raw DEFLATE stream (RFC 1951: stored, fixed and dynamic Huffman blocks) as
/// a ``ByteSource``: it reads compressed bytes from another source as it needs them and keeps
/// only the 32 KiB window of past output, so memory stays flat whatever the stream inflates to.
///
/// Malformed input (a bad block type, a stored block whose length check fails, an invalid or
/// over-subscribed code, a distance before the start, a stream that ends early) is
/// ``WorkforceError/badData(_:_:)`` naming `name`.
final class Inflater: ByteSource {
    private var input: any ByteSource
    private let name: String

    let inBuffer = UnsafeMutablePointer<UInt8>.allocate(capacity: 1 << 16)
    private var inputEnded = false


    static let windowSize = 1 << 15
    let window = UnsafeMutablePointer<UInt8>.allocate(capacity: windowSize)

    private enum State {
        case blockHeader
        case stored(remaining: Int)
        case huffman(literals: HuffmanCode, distances: HuffmanCode)
        case done
    }
    private var state = State.blockHeader
    private var finalBlock = false

    /// The decoder's counters, behind a pointer: the hot loop then pays no exclusivity check
    /// per access, as it would for stored properties of a class.
    struct Registers {
        var inCount = 0
        var inIndex = 0
        var bits: UInt64 = 0
        var bitCount = 0
        var windowIndex = 0
        var total = 0
        /// A match not yet wholly copied when the output buffer filled.
        var pendingLength = 0
        var pendingDistance = 0
    }
    let registers = UnsafeMutablePointer<Registers>.allocate(capacity: 1)

    private var inCount: Int { get { registers.pointee.inCount } set { registers.pointee.inCount = newValue } }
    private var inIndex: Int { get { registers.pointee.inIndex } set { registers.pointee.inIndex = newValue } }
    private var bits: UInt64 { get { registers.pointee.bits } set { registers.pointee.bits = newValue } }
    private var bitCount: Int { get { registers.pointee.bitCount } set { registers.pointee.bitCount = newValue } }
    private var windowIndex: Int { get { registers.pointee.windowIndex } set { registers.pointee.windowIndex = newValue } }
    /// Bytes written so far (a distance may not reach before the first).
    private(set) var total: Int { get { registers.pointee.total } set { registers.pointee.total = newValue } }
    private var pendingLength: Int { get { registers.pointee.pendingLength } set { registers.pointee.pendingLength = newValue } }
    private var pendingDistance: Int { get { registers.pointee.pendingDistance } set { registers.pointee.pendingDistance = newValue } }

    init(_ input: any ByteSource, name: String) {
        self.input = input
        self.name = name
        registers.initialize(to: Registers())
    }

    deinit {
        inBuffer.deallocate()
        window.deallocate()
        registers.deallocate()
    }

    /// Whether the final block has been read to its end.
    var finished: Bool { if case .done = state { true } else { false } }

    func read(into buffer: UnsafeMutableBufferPointer<UInt8>) throws(WorkforceError) -> Int {
        guard let out = buffer.baseAddress else { return 0 }
        let capacity = buffer.count
        var n = 0
        while n < capacity {
            if pendingLength > 0 {
                n = copyMatch(out, n, capacity)
                continue
            }
            switch state {
            case .done:
                return n
            case .blockHeader:
                if finalBlock {
                    state = .done
                    continue
                }
                try readBlockHeader()
            case .stored(let remaining):
                if remaining == 0 {
                    state = .blockHeader
                    continue
                }
                var r = remaining
                while r > 0, n < capacity {
                    let b = try byte()
                    emit(b, out, &n)
                    r -= 1
                }
                state = .stored(remaining: r)
            case .huffman(let literals, let distances):
                while n < capacity {
                    // Symbol after symbol in place while input and room last (``fastSymbols``);
                    // one at a time here where they do not, or where it stops (a long code, an error).
                    if n + 258 <= capacity, inIndex + 8 <= inCount {
                        let (m, endOfBlock) = fastSymbols(literals, distances, out, n, capacity)
                        n = m
                        if endOfBlock {
                            state = .blockHeader
                            break
                        }
                        if n == capacity { break }
                    }
                    let symbol = try decode(literals)
                    if symbol < 256 {
                        emit(UInt8(symbol), out, &n)
                    } else if symbol == 256 {
                        state = .blockHeader
                        break
                    } else {
                        try startMatch(symbol, distances)
                        n = copyMatch(out, n, capacity)
                    }
                }
            }
        }
        return n
    }

    // MARK: Blocks

    private func readBlockHeader() throws(WorkforceError) {
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

    private func startMatch(_ symbol: Int, _ distances: HuffmanCode) throws(WorkforceError) {
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

    private func copyMatch(_ out: UnsafeMutablePointer<UInt8>, _ start: Int, _ capacity: Int) -> Int {
        let r = registers
        let mask = Self.windowSize - 1
        var n = start
        var length = r.pointee.pendingLength
        var w = r.pointee.windowIndex
        let distance = r.pointee.pendingDistance
        let copied = min(length, capacity - start)
        for _ in 0..<copied {
            let b = window[(w &- distance) & mask]
            out[n] = b
            n += 1
            window[w] = b
            w = (w + 1) & mask
        }
        length -= copied
        r.pointee.pendingLength = length
        r.pointee.windowIndex = w
        r.pointee.total += copied
        return n
    }

    @inline(__always)
    private func emit(_ b: UInt8, _ out: UnsafeMutablePointer<UInt8>, _ n: inout Int) {
        let r = registers
        out[n] = b
        n += 1
        window[r.pointee.windowIndex] = b
        r.pointee.windowIndex = (r.pointee.windowIndex + 1) & (Self.windowSize - 1)
        r.pointee.total += 1
    }

    // MARK: Bits

    /// Fills the bit buffer to at least 57 bits, or as far as the input goes.
    @inline(__always)
    private func refill() throws(WorkforceError) {
        while bitCount <= 56 {
            if inIndex == inCount {
                guard try loadInput() else { return }
            }
            bits |= UInt64(inBuffer[inIndex]) << UInt64(bitCount)
            inIndex += 1
            bitCount += 8
        }
    }

    private func loadInput() throws(WorkforceError) -> Bool {
        guard !inputEnded else { return false }
        inIndex = 0
        inCount = try input.read(into: UnsafeMutableBufferPointer(start: inBuffer, count: 1 << 16))
        if inCount == 0 { inputEnded = true }
        return inCount > 0
    }

    /// The next `count` bits (0...16), least significant first.
    @inline(__always)
    private func take(_ count: Int) throws(WorkforceError) -> Int {
        if count == 0 { return 0 }
        if bitCount < count { try refill() }
        guard bitCount >= count else { throw truncated() }
        let value = Int(bits & ((1 << UInt64(count)) - 1))
        bits >>= UInt64(count)
        bitCount -= count
        return value
    }

    private func byte() throws(WorkforceError) -> UInt8 { UInt8(try take(8)) }

    @inline(__always)
    private func decode(_ code: HuffmanCode) throws(WorkforceError) -> Int {
        if bitCount < HuffmanCode.maxBits { try refill() }
        let entry = Int(code.fast[Int(bits & UInt64((1 << HuffmanCode.fastBits) - 1))])
        let length = entry >> 9
        if entry != 0, length <= bitCount {
            bits >>= UInt64(length)
            bitCount -= length
            return entry & 0x1FF
        }
        // Bit by bit: the code of each length is a range after the codes of the shorter ones.
        var value = 0
        var first = 0
        var index = 0
        for length in 1...HuffmanCode.maxBits {
            value |= try take(1)
            let count = code.counts[length]
            if value - first < count { return code.symbols[index + value - first] }
            index += count
            first = (first + count) << 1
            value <<= 1
        }
        throw corrupt("an invalid Huffman code")
    }

    private func corrupt(_ what: String) -> WorkforceError {
        .badData(SourceLocation(file: name), "the compressed data is corrupt (\(what)); the file is damaged: download or save it again")
    }

    private func truncated() -> WorkforceError {
        .badData(SourceLocation(file: name), "the compressed data ends early; the file is truncated: download or save it again")
    }
}
