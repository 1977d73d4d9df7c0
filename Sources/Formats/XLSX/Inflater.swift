/// Decompresses a raw DEFLATE stream (RFC 1951: stored, fixed and dynamic Huffman blocks) as
/// a ``ByteSource``: it reads compressed bytes from another source as it needs them and keeps
/// only the 32 KiB window of past output, so memory stays flat whatever the stream inflates to.
///
/// Output is decoded into one buffer that is both the window and the output (as zlib's
/// `inflate_fast` does with its sliding window): a match copies from earlier in the same buffer,
/// each byte is written once, and when the buffer is full its last 32 KiB slide to the front.
/// The inflater decodes no further ahead than it is asked to read, so that an error surfaces
/// at the same read as it would byte by byte.
///
/// Malformed input (a bad block type, a stored block whose length check fails, an invalid or
/// over-subscribed code, a distance before the start, a stream that ends early) is
/// ``WorkforceError/badData(_:_:)`` naming `name`.
final class Inflater: ByteSource {
    var input: any ByteSource
    let name: String

    static let inCapacity = 1 << 16
    let inBuffer = UnsafeMutablePointer<UInt8>.allocate(capacity: inCapacity)
    var inputEnded = false

    static let windowSize = 1 << 15
    /// Room for output after the window: bytes decoded between two slides.
    static let outputRoom = 1 << 17
    static let bufferEnd = windowSize + outputRoom
    /// The window and the output: `[0, out)` decoded, `[0, delivered)` of it handed to a reader.
    /// Eight bytes of slack past ``bufferEnd`` take the inner loop's eight-byte copies.
    let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: bufferEnd + 8)

    enum State {
        case blockHeader
        case stored(remaining: Int)
        case huffman(literals: HuffmanCode, distances: HuffmanCode)
        case done
    }
    var state = State.blockHeader
    var finalBlock = false

    /// The decoder's counters, behind a pointer: the hot loop then pays no exclusivity check
    /// per access, as it would for stored properties of a class.
    struct Registers {
        var inCount = 0
        var inIndex = 0
        var bits: UInt64 = 0
        var bitCount = 0
        /// Where the next decoded byte goes in ``buffer``.
        var out = 0
        /// The first decoded byte not yet read.
        var delivered = 0
        var total = 0
        /// A match not yet wholly copied when the requested bytes were decoded.
        var pendingLength = 0
        var pendingDistance = 0
    }
    let registers = UnsafeMutablePointer<Registers>.allocate(capacity: 1)

    var inCount: Int { get { registers.pointee.inCount } set { registers.pointee.inCount = newValue } }
    var inIndex: Int { get { registers.pointee.inIndex } set { registers.pointee.inIndex = newValue } }
    var bits: UInt64 { get { registers.pointee.bits } set { registers.pointee.bits = newValue } }
    var bitCount: Int { get { registers.pointee.bitCount } set { registers.pointee.bitCount = newValue } }
    var out: Int { get { registers.pointee.out } set { registers.pointee.out = newValue } }
    /// Bytes decoded so far (a distance may not reach before the first).
    private(set) var total: Int { get { registers.pointee.total } set { registers.pointee.total = newValue } }
    var pendingLength: Int { get { registers.pointee.pendingLength } set { registers.pointee.pendingLength = newValue } }
    var pendingDistance: Int { get { registers.pointee.pendingDistance } set { registers.pointee.pendingDistance = newValue } }

    init(_ input: any ByteSource, name: String) {
        self.input = input
        self.name = name
        registers.initialize(to: Registers())
    }

    deinit {
        inBuffer.deallocate()
        buffer.deallocate()
        registers.deallocate()
    }

    /// Whether the final block has been read to its end.
    var finished: Bool { if case .done = state { true } else { false } }

    func read(into destination: UnsafeMutableBufferPointer<UInt8>) throws(WorkforceError) -> Int {
        guard let to = destination.baseAddress else { return 0 }
        let r = registers
        var n = 0
        while n < destination.count {
            let ready = r.pointee.out - r.pointee.delivered
            if ready > 0 {
                let m = min(destination.count - n, ready)
                (to + n).update(from: buffer + r.pointee.delivered, count: m)
                n += m
                r.pointee.delivered += m
                continue
            }
            if finished, r.pointee.pendingLength == 0 { break }
            try inflate(wanted: destination.count - n)
        }
        return n
    }

    /// Decodes up to `wanted` more bytes into ``buffer`` (fewer where the stream ends), every
    /// decoded byte having been read; slides the window to the front first when the rest of the
    /// buffer is shorter than `wanted`.
    private func inflate(wanted: Int) throws(WorkforceError) {
        let r = registers
        if r.pointee.out > Self.windowSize, Self.bufferEnd - r.pointee.out < wanted {
            buffer.update(from: buffer + (r.pointee.out - Self.windowSize), count: Self.windowSize)
            r.pointee.out = Self.windowSize
            r.pointee.delivered = Self.windowSize
        }
        let limit = min(Self.bufferEnd, r.pointee.out + wanted)
        while r.pointee.out < limit {
            if pendingLength > 0 {
                copyMatch(limit)
                continue
            }
            switch state {
            case .done:
                return
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
                var left = remaining
                while left > 0, r.pointee.out < limit {
                    emit(try byte())
                    left -= 1
                }
                state = .stored(remaining: left)
            case .huffman(let literals, let distances):
                while r.pointee.out < limit {
                    // Symbol after symbol in place while input and room last (``fastSymbols``);
                    // one at a time here where they do not, or where it stops (a long code, an error).
                    if r.pointee.out + 258 <= limit, inIndex + 8 <= inCount {
                        if fastSymbols(literals, distances, limit) {
                            state = .blockHeader
                            break
                        }
                        if r.pointee.out == limit { break }
                    }
                    let symbol = try decode(literals)
                    if symbol < 256 {
                        emit(UInt8(symbol))
                    } else if symbol == 256 {
                        state = .blockHeader
                        break
                    } else {
                        try startMatch(symbol, distances)
                        copyMatch(limit)
                    }
                }
            }
        }
    }
}
