import Foundation
import Testing
@testable import WorkforceKit

@Suite struct EncodingTests {
    /// FIPS 180-2 appendix B example vectors.
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        (
            "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        ),
    ])
    func sha256MatchesThePublishedVectors(_ input: String, _ digest: String) {
        #expect(SHA256.hex(input) == digest)
    }

    @Test func sha256HandlesMessagesAcrossBlockBoundaries() {
        // 55, 56 and 64 bytes pad into one or two blocks; the digests are those of Python's hashlib.
        #expect(SHA256.hex(String(repeating: "a", count: 55)) == "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318")
        #expect(SHA256.hex(String(repeating: "a", count: 56)) == "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a")
        #expect(SHA256.hex(String(repeating: "a", count: 64)) == "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb")
    }

    @Test func crc32OfTheCheckString() {
        #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
    }

    @Test func crc32InEightByteStepsIsTheBytewiseOne() {
        // The check string through the sliced update, then every length and offset of a buffer
        // against the byte-at-a-time checksum (which the check string pins down).
        let check = Array("123456789".utf8)
        #expect(check.withUnsafeBufferPointer { CRC32.update(0xFFFF_FFFF, $0) } ^ 0xFFFF_FFFF == 0xCBF4_3926)
        let bytes = (0..<64).map { UInt8(truncatingIfNeeded: $0 &* 151 &+ 7) }
        for start in 0..<9 {
            for end in start...bytes.count {
                let slice = Array(bytes[start..<end])
                let sliced = slice.withUnsafeBufferPointer { CRC32.update(0xFFFF_FFFF, $0) } ^ 0xFFFF_FFFF
                #expect(sliced == CRC32.checksum(slice), "bytes \(start)..<\(end)")
            }
        }
    }

    @Test(arguments: [(0, "A"), (25, "Z"), (26, "AA"), (51, "AZ"), (701, "ZZ"), (702, "AAA")])
    func spreadsheetColumnNames(_ index: Int, _ name: String) {
        #expect(XLSXWriter.columnName(index) == name)
    }

    @Test func xmlEscapingDropsForbiddenControlCharacters() {
        #expect(Markup.escape("a<b & \"c\"\u{01}\n") == "a&lt;b &amp; &quot;c&quot;\n")
    }

    @Test func zipEntriesCarryTheirChecksumsAndTheDirectoryCountsThem() throws {
        var zip = ZipWriter()
        zip.add("a.txt", Array("hello".utf8))
        zip.add("dir/b.xml", Array("<x/>".utf8))
        let bytes = zip.finish()
        func u32(_ at: Int) -> UInt32 { (0..<4).reduce(0) { $0 | UInt32(bytes[at + $1]) << (8 * UInt32($1)) } }
        func u16(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
        #expect(u32(0) == 0x0403_4b50)
        #expect(u32(14) == CRC32.checksum(Array("hello".utf8)))
        let end = bytes.count - 22
        #expect(u32(end) == 0x0605_4b50)
        #expect(u16(end + 10) == 2)
        let centralStart = Int(u32(end + 16))
        #expect(u32(centralStart) == 0x0201_4b50)
        #expect(Int(u32(end + 12)) == end - centralStart)
        // The same content gives the same bytes.
        var again = ZipWriter()
        again.add("a.txt", Array("hello".utf8))
        again.add("dir/b.xml", Array("<x/>".utf8))
        #expect(again.finish() == bytes)
    }

    @Test func htmlEscapesEverythingThatCouldBreakOut() {
        #expect(Markup.escape("<script>alert('x') & \"y\"</script>") == "&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;")
    }
}
