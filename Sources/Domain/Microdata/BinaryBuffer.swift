/// Bytes of a binary file being written, numbers little-endian (what the SPSS and Stata
/// writers declare in their headers).
struct BinaryBuffer {
    var bytes: [UInt8] = []

    var count: Int { bytes.count }

    mutating func int16(_ v: Int) { uint16(UInt16(truncatingIfNeeded: v)) }
    mutating func uint16(_ v: UInt16) { withUnsafeBytes(of: v.littleEndian) { bytes += $0 } }
    mutating func int32(_ v: Int) { withUnsafeBytes(of: Int32(truncatingIfNeeded: v).littleEndian) { bytes += $0 } }
    mutating func uint32(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { bytes += $0 } }
    mutating func int64(_ v: Int64) { withUnsafeBytes(of: v.littleEndian) { bytes += $0 } }
    mutating func uint64(_ v: UInt64) { withUnsafeBytes(of: v.littleEndian) { bytes += $0 } }
    mutating func double(_ v: Double) { uint64(v.bitPattern) }
    mutating func float(_ v: Float) { uint32(v.bitPattern) }
    mutating func int8(_ v: Int) { bytes.append(UInt8(bitPattern: Int8(truncatingIfNeeded: v))) }
    mutating func ascii(_ s: String) { bytes += Array(s.utf8) }
    mutating func append(_ b: [UInt8]) { bytes += b }

    /// `text`'s UTF-8 in exactly `width` bytes: cut at a character boundary, then padded with `pad`.
    mutating func fixed(_ text: String, _ width: Int, pad: UInt8 = 0) {
        let cut = BinaryBuffer.prefix(text, bytes: width)
        bytes += cut
        bytes += Array(repeating: pad, count: width - cut.count)
    }

    /// Overwrites 8 bytes at `offset` with `v`.
    mutating func patchUInt64(_ v: UInt64, at offset: Int) {
        withUnsafeBytes(of: v.littleEndian) { for (i, b) in $0.enumerated() { bytes[offset + i] = b } }
    }

    /// The longest prefix of `text`'s UTF-8 of at most `limit` bytes that ends on a character boundary.
    static func prefix(_ text: String, bytes limit: Int) -> [UInt8] {
        let utf8 = Array(text.utf8)
        guard utf8.count > limit else { return utf8 }
        var end = limit
        // Back up over continuation bytes (10xxxxxx) so that no character is cut.
        while end > 0 && utf8[end] & 0xC0 == 0x80 { end -= 1 }
        return Array(utf8[..<end])
    }
}
