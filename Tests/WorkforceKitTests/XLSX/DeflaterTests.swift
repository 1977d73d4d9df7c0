import Foundation
import Testing
@testable import WorkforceKit
@testable import Formats

/// The benchmark's DEFLATE encoder: the canonical codes of RFC 1951's own example, length
/// limits, and streams that ``Inflater`` reads back to the input (`.ci/check_inflate.sh` also
/// has Python's zlib inflate them).
@Suite struct DeflaterTests {
    @Test func canonicalCodesAreTheRFCsExample() {
        // RFC 1951 section 3.2.2: lengths (3, 3, 3, 3, 3, 2, 4, 4) give codes 010, 011, 100,
        // 101, 110, 00, 1110, 1111 (here bit-reversed, as DEFLATE writes them).
        let codes = HuffmanLengths.codes([3, 3, 3, 3, 3, 2, 4, 4])
        let expected = [0b010, 0b011, 0b100, 0b101, 0b110, 0b00, 0b1110, 0b1111]
        let lengths = [3, 3, 3, 3, 3, 2, 4, 4]
        #expect(codes == zip(expected, lengths).map { HuffmanCode.reverse($0, $1) })
    }

    @Test func huffmanLengthsByHand() {
        // Counts 1, 1, 2, 4: merge 1+1, then 2+2, then 4+4.
        #expect(HuffmanLengths.optimal([1, 1, 2, 4]) == [3, 3, 2, 1])
        #expect(HuffmanLengths.optimal([0, 5, 0]) == [0, 1, 0])
        // Fibonacci counts make a tree as deep as there are symbols; the limit flattens it.
        var fibonacci = [1, 1]
        while fibonacci.count < 20 { fibonacci.append(fibonacci[fibonacci.count - 1] + fibonacci[fibonacci.count - 2]) }
        #expect(HuffmanLengths.optimal(fibonacci).max() == 19)
        let limited = HuffmanLengths.limited(fibonacci, maxLength: 7)
        #expect(limited.max() == 7)
        // Still a complete prefix code: Kraft's sum is exactly 1.
        let kraft: Double = limited.reduce(0.0) { sum, length in sum + 1 / Double(1 << length) }
        #expect(kraft == 1)
    }

    @Test func lengthAndDistanceCodesAreTheRFCsTable() {
        #expect(Deflater.lengthCode(3) == (257, 0, 0))
        #expect(Deflater.lengthCode(12) == (265, 1, 1))
        #expect(Deflater.lengthCode(257) == (284, 30, 5))
        #expect(Deflater.lengthCode(258) == (285, 0, 0))
        #expect(Deflater.distanceCode(1) == (0, 0, 0))
        #expect(Deflater.distanceCode(6) == (4, 1, 1))
        #expect(Deflater.distanceCode(32768) == (29, 8191, 13))
    }

    static func sample(_ kind: Int, count: Int) -> [UInt8] {
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        func next() -> UInt64 {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return state
        }
        switch kind {
        case 0: return (0..<count).map { _ in UInt8(truncatingIfNeeded: next()) }  // incompressible
        case 1: return [UInt8](repeating: 0x41, count: count)  // one long run
        default:
            // Worksheet-like markup with varying values.
            var out: [UInt8] = []
            var row = 1
            while out.count < count {
                out += Array("<row r=\"\(row)\"><c r=\"A\(row)\" t=\"s\"><v>\(next() % 1000)</v></c></row>".utf8)
                row += 1
            }
            return Array(out.prefix(count))
        }
    }

    @Test(arguments: [0, 1, 2], [0, 1, 2, 300, 70_000])
    func inflatesBackToTheInput(kind: Int, count: Int) throws {
        let input = Self.sample(kind, count: count)
        let compressed = Deflater.deflate(input)
        #expect(try InflaterTests.inflate(compressed, chunk: 1000) == input)
        if kind == 2, count > 1000 { #expect(compressed.count * 5 < input.count) }
        // `.ci/check_inflate.sh` has Python's zlib inflate these too.
        if let folder = ProcessInfo.processInfo.environment["WORKFORCE_DEFLATE_OUT"] {
            let base = URL(fileURLWithPath: folder).appendingPathComponent("deflater-\(kind)-\(count)")
            try Data(input).write(to: base.appendingPathExtension("raw"))
            try Data(compressed).write(to: base.appendingPathExtension("deflate"))
        }
    }

    @Test func chunksReachBackIntoEarlierOnes() throws {
        let input = Self.sample(2, count: 200_000)
        var deflater = Deflater()
        var compressed: [UInt8] = []
        var offset = 0
        while offset < input.count {
            let end = min(input.count, offset + 30_000)
            deflater.compress(Array(input[offset..<end]), final: end == input.count)
            compressed += deflater.takeOutput()
            offset = end
        }
        #expect(try InflaterTests.inflate(compressed) == input)
        #expect(compressed.count * 5 < input.count)
    }
}
