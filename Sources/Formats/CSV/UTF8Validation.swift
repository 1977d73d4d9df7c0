/// UTF-8 checks that say where text goes wrong, which `String(validating:)` does not.
enum UTF8Validation {
    /// The index of the first byte that does not begin or continue a well-formed UTF-8 sequence
    /// (Unicode Table 3-7: no overlong forms, no surrogates, nothing above U+10FFFF), or `nil`
    /// when every byte is well-formed.
    static func firstInvalidIndex<C: RandomAccessCollection>(in bytes: C) -> Int?
    where C.Element == UInt8, C.Index == Int {
        var i = bytes.startIndex
        let end = bytes.endIndex
        while i < end {
            let b0 = bytes[i]
            if b0 < 0x80 {
                i += 1
                continue
            }
            let length: Int
            var low: UInt8 = 0x80
            var high: UInt8 = 0xBF
            switch b0 {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; high = 0x9F
            case 0xF0: length = 4; low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; high = 0x8F
            default: return i
            }
            for k in 1..<length {
                guard i + k < end else { return i }
                let b = bytes[i + k]
                let (lo, hi) = k == 1 ? (low, high) : (UInt8(0x80), UInt8(0xBF))
                guard b >= lo && b <= hi else { return i }
            }
            i += length
        }
        return nil
    }
}
