import Foundation
import Testing
@testable import Domain
@testable import Formats
@testable import Statistics
@testable import Storage
@testable import WorkforceKit

/// The scanner's in-place reading (``XMLScanner+Fast``) against its byte-by-byte reading: the
/// same tokens, the same `textTruncated`, the same error at the same line and column, for
/// generated parts made of what worksheets hold and of what they must not, read in chunks of
/// a few bytes (so that tokens cross the end of the buffer) and whole.
@Suite struct XMLScannerTests {
    /// A source that hands out at most a few bytes per read.
    struct Trickle: ByteSource {
        var bytes: [UInt8]
        var offset = 0
        var random: SplitMix

        mutating func read(into buffer: UnsafeMutableBufferPointer<UInt8>) throws(WorkforceError) -> Int {
            let n = min(buffer.count, bytes.count - offset, 1 + Int(random.next() % 9))
            for k in 0..<max(n, 0) { buffer[k] = bytes[offset + k] }
            offset += max(n, 0)
            return max(n, 0)
        }
    }

    struct SplitMix {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func pick<T>(_ items: [T]) -> T { items[Int(next() % UInt64(items.count))] }
    }

    /// Every token (as an event, with `textTruncated`) up to the end or the error's text.
    static func read(_ scanner: XMLScanner) -> [String] {
        var out: [String] = []
        do {
            while let event = try scanner.next() { out.append("\(event) \(scanner.textTruncated)") }
        } catch {
            out.append("error: \(error)")
        }
        return out
    }

    static let pieces = [
        "<c r=\"B2\" t=\"s\"><v>12</v></c>", "<c r='C2' s=\"3\"/>", "<row r=\"7\" spans=\"1:3\">", "</row>", "<x:c x:r=\"A1\">",
        "</x:c>", "<is><t>plain text</t></is>", "text", " ", "\n", "\r\n", "<a\nb=\"1\"/>", "<a b = \"1\" />", "<a b=\"x\ny\"/>",
        "&amp;", "&lt;&#65;&#x42;", "&bogus;", "&#0;", "<!-- note -->", "<?pi x?>", "<![CDATA[<b>]]>", "<!DOCTYPE x>",
        "<a b=c>", "<a b>", "<a =\"1\">", "< a>", "<a:>", "</a >", "</a x>", "<a/ >", "<a b=\"1\"c=\"2\">", "<\u{e9}t\u{e9}>",
        "<a b=\"<\">", "<a b='\"'/>", String(repeating: "n", count: 300), "<" + String(repeating: "n", count: 257) + ">",
        "<", ">", "/", "=", "\"", "'", "&", ":",
    ]

    static func document(_ random: inout SplitMix) -> [UInt8] {
        var text = ""
        for _ in 0..<(1 + Int(random.next() % 40)) { text += random.pick(pieces) }
        return Array(text.utf8)
    }

    @Test func inPlaceReadingGivesTheByteByByteTokens() {
        var random = SplitMix(state: 35)
        for round in 0..<3000 {
            let bytes = Self.document(&random)
            let slow = XMLScanner(MemoryByteSource(bytes), name: "part.xml")
            slow.readsInPlace = false
            let fast = XMLScanner(Trickle(bytes: bytes, random: SplitMix(state: UInt64(round))), name: "part.xml")
            let whole = XMLScanner(MemoryByteSource(bytes), name: "part.xml")
            if round % 3 == 0 {
                for s in [slow, fast, whole] { s.maxText = 5 }
            }
            let expected = Self.read(slow)
            #expect(Self.read(fast) == expected, "\(String(decoding: bytes, as: UTF8.self))")
            #expect(Self.read(whole) == expected, "\(String(decoding: bytes, as: UTF8.self))")
        }
    }

    /// A tag longer than the read buffer is read byte by byte, whole.
    @Test func aTagLongerThanTheBufferIsReadWhole() throws {
        let value = String(repeating: "v", count: 60_000)
        let xml = "<row><c a=\"\(value)\" b=\"\(value)\" c=\"1\"/>text</row>"
        let scanner = XMLScanner(MemoryByteSource(Array(xml.utf8)), name: "part.xml")
        var events: [XMLScanner.Event] = []
        while let event = try scanner.next() { events.append(event) }
        #expect(events == [.start("row", [:], selfClosing: false), .start("c", ["a": value, "b": value, "c": "1"], selfClosing: true), .text(Array("text".utf8)), .end("row")])
    }

    /// The lines of an error after tokens read in place count their line feeds.
    @Test func errorsAfterInPlaceTokensKeepTheirLine() {
        let scanner = XMLScanner(MemoryByteSource(Array("<a\nb=\"1\">\ntext\n</a>\n<b c=d>".utf8)), name: "part.xml")
        let tokens = Self.read(scanner)
        #expect(tokens.last?.hasPrefix("error: part.xml:5:") == true, "\(tokens)")
    }
}
