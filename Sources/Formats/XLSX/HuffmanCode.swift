/// A canonical Huffman code of DEFLATE (RFC 1951 section 3.2.2), built from code lengths.
///
/// Decoding looks the next ``fastBits`` bits up in one table; a longer code is decoded bit by bit
/// from the counts of codes per length (the way zlib's `puff.c` does it).
struct HuffmanCode {
    static let fastBits = 9
    static let maxBits = 15

    /// Codes per length, 0...15.
    private(set) var counts = [Int](repeating: 0, count: maxBits + 1)
    /// Symbols ordered by code.
    private(set) var symbols: [Int]
    /// Indexed by the next `fastBits` bits of the stream: `symbol | length << 9`, or 0 for a
    /// code longer than `fastBits`.
    private(set) var fast = [UInt16](repeating: 0, count: 1 << fastBits)
    /// Whether the lengths give no code at all (a block of literals only has no distance codes).
    let isEmpty: Bool

    enum Use { case codeLengths, literals, distances }

    /// Builds the code for `lengths` (one per symbol, 0 for an unused symbol).
    ///
    /// - Returns: `nil` for lengths that are over-subscribed (more codes than bits allow), or
    ///   incomplete where DEFLATE does not allow it (only a single one-bit code may be).
    init?(lengths: [Int], use: Use) {
        for l in lengths { counts[l] += 1 }
        let used = lengths.count - counts[0]
        isEmpty = used == 0
        symbols = [Int](repeating: 0, count: lengths.count)
        if isEmpty {
            // No codes: only acceptable for the distance code (a block with no matches).
            guard use == .distances else { return nil }
            return
        }
        var left = 1
        for length in 1...Self.maxBits {
            left <<= 1
            left -= counts[length]
            if left < 0 { return nil }
        }
        if left > 0 {
            // Incomplete: zlib accepts only a single code of one bit, for literals or distances.
            guard use != .codeLengths, used == 1, counts[1] == 1 else { return nil }
        }
        var offsets = [Int](repeating: 0, count: Self.maxBits + 2)
        for length in 1...Self.maxBits { offsets[length + 1] = offsets[length] + counts[length] }
        var next = offsets
        for (symbol, length) in lengths.enumerated() where length > 0 {
            symbols[next[length]] = symbol
            next[length] += 1
        }
        // The fast table: canonical codes assigned in order of length, then symbol.
        var code = 0
        var index = 0
        for length in 1...Self.maxBits {
            for _ in 0..<counts[length] {
                if length <= Self.fastBits {
                    let reversed = Self.reverse(code, length)
                    let entry = UInt16(symbols[index] | length << 9)
                    var slot = reversed
                    while slot < 1 << Self.fastBits {
                        fast[slot] = entry
                        slot += 1 << length
                    }
                }
                code += 1
                index += 1
            }
            code <<= 1
        }
    }

    /// The fixed literal/length code of block type 1.
    static let fixedLiterals: HuffmanCode = {
        var lengths = [Int](repeating: 8, count: 288)
        for i in 144..<256 { lengths[i] = 9 }
        for i in 256..<280 { lengths[i] = 7 }
        // Force-unwrapped on a constant: these lengths are the RFC's and form a complete code.
        return HuffmanCode(lengths: lengths, use: .literals)!
    }()

    /// The fixed distance code of block type 1: 32 five-bit codes, of which 30 and 31 never occur
    /// but take part in the construction (RFC 1951 section 3.2.6).
    static let fixedDistances: HuffmanCode = HuffmanCode(lengths: [Int](repeating: 5, count: 32), use: .distances)!

    /// `code`'s lowest `length` bits in reverse order (DEFLATE packs codes from their top bit).
    static func reverse(_ code: Int, _ length: Int) -> Int {
        var result = 0
        var c = code
        for _ in 0..<length {
            result = result << 1 | c & 1
            c >>= 1
        }
        return result
    }
}
