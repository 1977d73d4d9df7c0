/// The run of ordinary bytes inside a field, where ``CSVReader`` spends most of its time: how
/// far it goes, and whether it holds a byte of 0x80 or above.
enum FieldRun {
    /// Scans `p[start..<count]` up to the first stop byte (`stops`: separator, line feed,
    /// carriage return, quote and NUL outside quotes; line feed, quote and NUL inside), or to
    /// `count`. Returns where the run ends and the OR of its bytes (only whether it is 0x80 or
    /// above is meant).
    ///
    /// Eight bytes a step while eight remain: a stop byte is a zero byte of the word XORed with
    /// it, and the lowest zero byte is found exactly (a borrow only runs upwards); the rest byte
    /// by byte through `stops`.
    @inline(__always)
    static func scan(
        _ p: UnsafePointer<UInt8>, from start: Int, to count: Int, quoted: Bool, delimiter: UInt8, stops: UnsafePointer<Bool>
    ) -> (end: Int, high: UInt8) {
        var i = start
        var high: UInt8 = 0
        #if _endian(little)
            let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
            @inline(__always) func zeros(_ x: UInt64) -> UInt64 { (x &- ones) & ~x & highs }
            var seen: UInt64 = 0
            while i + 8 <= count {
                let x = UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self)
                var stop = zeros(x) | zeros(x ^ (0x0A &* ones)) | zeros(x ^ (0x22 &* ones))
                if !quoted { stop |= zeros(x ^ (UInt64(delimiter) &* ones)) | zeros(x ^ (0x0D &* ones)) }
                if stop != 0 {
                    let n = stop.trailingZeroBitCount >> 3
                    seen |= x & ((1 &<< UInt64(8 * n)) &- 1)
                    return (i + n, seen & highs != 0 ? 0x80 : 0)
                }
                seen |= x
                i += 8
            }
            if seen & highs != 0 { high = 0x80 }
        #endif
        while i < count {
            let c = p[i]
            if stops[Int(c)] { break }
            high |= c
            i += 1
        }
        return (i, high)
    }
}
