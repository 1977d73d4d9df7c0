/// A canonical Huffman code of DEFLATE (RFC 1951 section 3.2.2), built from code lengths.
///
/// Decoding looks the next ``tableBits`` bits up in one table, whose entry gives the code's
/// length, its symbol and, for a length or distance symbol, its base value and extra bits (as
/// zlib's tables do); a longer code is decoded bit by bit from the counts of codes per length
/// (the way zlib's `puff.c` does it).
struct HuffmanCode {
    static let tableBits = 10
    static let maxBits = 15

    /// Codes per length, 0...15.
    private(set) var counts = [Int](repeating: 0, count: maxBits + 1)
    /// Symbols ordered by code.
    private(set) var symbols: [Int]
    /// Indexed by the next `tableBits` bits of the stream: an ``Entry``'s raw value, or 0 for a
    /// code longer than `tableBits`.
    private(set) var table = [UInt32](repeating: 0, count: 1 << tableBits)
    /// Whether the lengths give no code at all (a block of literals only has no distance codes).
    let isEmpty: Bool

    enum Use { case codeLengths, literals, distances }

    /// One entry of ``table``, packed in 32 bits: the code's length (bits 0-3, never 0 in a
    /// filled entry), the extra bits that follow it (4-7), its symbol (8-16) and its base value
    /// (17-31: a literal's byte, a length's or a distance's base; 0 for a symbol that does not exist).
    enum Entry {
        @inline(__always) static func length(_ e: UInt32) -> Int { Int(e & 15) }
        @inline(__always) static func extra(_ e: UInt32) -> Int { Int(e >> 4 & 15) }
        @inline(__always) static func symbol(_ e: UInt32) -> Int { Int(e >> 8 & 0x1FF) }
        @inline(__always) static func base(_ e: UInt32) -> Int { Int(e >> 17) }

        static func make(symbol: Int, length: Int, use: Use) -> UInt32 {
            var base = symbol
            var extra = 0
            switch use {
            case .codeLengths: break
            case .literals where symbol < 256: break
            case .literals:
                let l = symbol - 257
                (base, extra) = l >= 0 && l < 29 ? (Inflater.lengthBase[l], Inflater.lengthExtra[l]) : (0, 0)
            case .distances:
                (base, extra) = symbol < 30 ? (Inflater.distanceBase[symbol], Inflater.distanceExtra[symbol]) : (0, 0)
            }
            return UInt32(length) | UInt32(extra) << 4 | UInt32(symbol) << 8 | UInt32(base) << 17
        }
    }

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
        // The table: canonical codes assigned in order of length, then symbol.
        var code = 0
        var index = 0
        table.withUnsafeMutableBufferPointer { table in
            for length in 1...Self.maxBits {
                for _ in 0..<counts[length] {
                    if length <= Self.tableBits {
                        let entry = Entry.make(symbol: symbols[index], length: length, use: use)
                        var slot = Self.reverse(code, length)
                        while slot < 1 << Self.tableBits {
                            table[slot] = entry
                            slot += 1 << length
                        }
                    }
                    code += 1
                    index += 1
                }
                code <<= 1
            }
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
