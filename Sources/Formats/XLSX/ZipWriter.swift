/// Writes a ZIP archive (APPNOTE 6.3) with stored, uncompressed entries (or entries deflated
/// beforehand, as the benchmark's workbooks are): enough for the OOXML container of an `.xlsx`,
/// and deterministic (every entry dated 1980-01-01 00:00), so the same
/// content always gives the same bytes.
package struct ZipWriter: Sendable {
    private var data: [UInt8] = []
    private var central: [UInt8] = []
    private var count = 0

    package init() {}

    /// Adds a file called `name` (a `/`-separated path) holding `bytes`.
    package mutating func add(_ name: String, _ bytes: [UInt8]) {
        add(name, method: 0, stored: bytes, crc: CRC32.checksum(bytes), size: bytes.count)
    }

    /// Adds a file called `name` whose `size` bytes (of CRC-32 `crc`) were compressed by
    /// ``Deflater`` into `compressed`.
    package mutating func add(_ name: String, deflated compressed: [UInt8], crc: UInt32, size: Int) {
        add(name, method: 8, stored: compressed, crc: crc, size: size)
    }

    private mutating func add(_ name: String, method: UInt16, stored bytes: [UInt8], crc: UInt32, size: Int) {
        let nameBytes = Array(name.utf8)
        let offset = UInt32(data.count)
        // Local file header.
        data += le32(0x0403_4b50) + le16(20) + le16(0x0800) + le16(method) + le16(0) + le16(0x21)
        data += le32(crc) + le32(UInt32(bytes.count)) + le32(UInt32(size))
        data += le16(UInt16(nameBytes.count)) + le16(0) + nameBytes
        data += bytes
        // Central directory entry.
        central += le32(0x0201_4b50) + le16(20) + le16(20) + le16(0x0800) + le16(method) + le16(0) + le16(0x21)
        central += le32(crc) + le32(UInt32(bytes.count)) + le32(UInt32(size))
        central += le16(UInt16(nameBytes.count)) + le16(0) + le16(0) + le16(0) + le16(0) + le32(0) + le32(offset)
        central += nameBytes
        count += 1
    }

    /// The whole archive.
    package func finish() -> [UInt8] {
        let end = le32(0x0605_4b50) + le16(0) + le16(0) + le16(UInt16(count)) + le16(UInt16(count))
            + le32(UInt32(central.count)) + le32(UInt32(data.count)) + le16(0)
        return data + central + end
    }

    private func le16(_ v: UInt16) -> [UInt8] { [UInt8(v & 0xFF), UInt8(v >> 8)] }
    private func le32(_ v: UInt32) -> [UInt8] { (0..<4).map { UInt8(truncatingIfNeeded: v >> (8 * UInt32($0))) } }
}
