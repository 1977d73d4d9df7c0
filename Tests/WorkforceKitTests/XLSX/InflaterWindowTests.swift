import Foundation
import Testing
@testable import WorkforceKit
@testable import Formats

/// The inflater's one buffer that is both window and output (``Inflater``): output well past
/// the buffer (so that its window slides to the front many times), matches at every distance
/// from 1 to 32,768 (the inner loop copies those of 8 and more eight bytes at a time, overlapping
/// ones byte by byte), read in pieces smaller than a match (the careful path alone), of odd
/// sizes, and larger than the buffer.
@Suite struct InflaterWindowTests {
    /// Random bytes, runs of every period from 1 to 12, and repeats of earlier text at distances
    /// up to the whole window, in about `count` bytes.
    static func sample(count: Int) -> [UInt8] {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> Int {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return Int(state % 1_000_003)
        }
        var out: [UInt8] = []
        out.reserveCapacity(count + 1000)
        while out.count < count {
            switch next() % 4 {
            case 0:
                for _ in 0..<(1 + next() % 200) { out.append(UInt8(truncatingIfNeeded: next())) }
            case 1:
                // A period of 1 to 12 bytes, repeated: overlapping copies.
                let period = 1 + next() % 12
                let pattern = (0..<period).map { _ in UInt8(truncatingIfNeeded: next()) }
                for i in 0..<(period + next() % 600) { out.append(pattern[i % period]) }
            default:
                // Earlier bytes again, from up to the window's 32,768 bytes back.
                guard out.count > 300 else { continue }
                let distance = 3 + next() % min(out.count - 3, 32_768 - 3)
                let length = 3 + next() % 300
                let from = out.count - distance
                for i in 0..<length { out.append(out[from + i]) }
            }
        }
        return out
    }

    static func firstDifference(_ a: [UInt8], _ b: [UInt8]) -> Int {
        (0..<min(a.count, b.count)).first { a[$0] != b[$0] } ?? min(a.count, b.count)
    }

    @Test func inflatesFarPastTheBufferInEveryReadSize() throws {
        let input = Self.sample(count: 700_000)
        // Several blocks, each with its own codes, whose matches reach into earlier blocks.
        var deflater = Deflater()
        var compressed: [UInt8] = []
        var offset = 0
        while offset < input.count {
            let end = min(input.count, offset + 90_000)
            deflater.compress(Array(input[offset..<end]), final: end == input.count)
            compressed += deflater.takeOutput()
            offset = end
        }
        #expect(input.count > 4 * Inflater.bufferEnd)
        for chunk in [200, 4093, 65_536, 1 << 20] {
            let out = try InflaterTests.inflate(compressed, chunk: chunk)
            #expect(out.count == input.count, "\(chunk)-byte reads")
            // Compared as a Bool, with the first difference: a diff of 700 KB arrays takes minutes.
            #expect(out.elementsEqual(input), "\(chunk)-byte reads: first difference at \(Self.firstDifference(out, input))")
        }
    }

    @Test func matchesAtEveryShortDistanceOverlapAsTheyShould() throws {
        // For each distance 1...16: a few distinct bytes, then a long match at that distance,
        // which must repeat them; read in large pieces, so that the inner loop copies them.
        for distance in 1...16 {
            var input = (0..<distance).map { UInt8(65 + $0) }
            for i in 0..<2000 { input.append(input[i % distance]) }
            input += Array("<row r=\"1\">".utf8)
            let out = try InflaterTests.inflate(Deflater.deflate(input), chunk: 1 << 16)
            #expect(out.elementsEqual(input), "distance \(distance): first difference at \(Self.firstDifference(out, input))")
        }
    }
}
