/// How ``Inflater`` reads its input: bits least significant first, from a 64-bit buffer, and
/// one Huffman symbol at a time with every check (a code the table does not hold is read bit by
/// bit); and its two errors.
extension Inflater {
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
        inCount = try input.read(into: UnsafeMutableBufferPointer(start: inBuffer, count: Self.inCapacity))
        if inCount == 0 { inputEnded = true }
        return inCount > 0
    }

    /// The next `count` bits (0...16), least significant first.
    @inline(__always)
    func take(_ count: Int) throws(WorkforceError) -> Int {
        if count == 0 { return 0 }
        if bitCount < count { try refill() }
        guard bitCount >= count else { throw truncated() }
        let value = Int(bits & ((1 << UInt64(count)) - 1))
        bits >>= UInt64(count)
        bitCount -= count
        return value
    }

    func byte() throws(WorkforceError) -> UInt8 { UInt8(try take(8)) }

    @inline(__always)
    func decode(_ code: HuffmanCode) throws(WorkforceError) -> Int {
        if bitCount < HuffmanCode.maxBits { try refill() }
        let entry = code.table[Int(bits & UInt64((1 << HuffmanCode.tableBits) - 1))]
        let length = HuffmanCode.Entry.length(entry)
        if entry != 0, length <= bitCount {
            bits >>= UInt64(length)
            bitCount -= length
            return HuffmanCode.Entry.symbol(entry)
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

    func corrupt(_ what: String) -> WorkforceError {
        .badData(SourceLocation(file: name), "the compressed data is corrupt (\(what)); the file is damaged: download or save it again")
    }

    private func truncated() -> WorkforceError {
        .badData(SourceLocation(file: name), "the compressed data ends early; the file is truncated: download or save it again")
    }
}
