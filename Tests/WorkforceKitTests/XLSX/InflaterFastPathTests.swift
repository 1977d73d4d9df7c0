import Foundation
import Testing
@testable import WorkforceKit

/// The inflater's inner loop (``Inflater/fastSymbols(_:_:_:_:_:)``) against its careful path:
/// read into buffers shorter than a match (258 bytes), the inner loop never runs, so those reads
/// are the reference. Every zlib fixture, and the same streams with bytes flipped (so that
/// codes turn invalid, matches reach too far and blocks end early), inflates to the same bytes
/// and the same error both ways.
@Suite struct InflaterFastPathTests {
    static func outcome(_ compressed: [UInt8], chunk: Int) -> String {
        do {
            let bytes = try InflaterTests.inflate(compressed, chunk: chunk)
            let crc = bytes.withUnsafeBufferPointer { CRC32.update(0xFFFF_FFFF, $0) } ^ 0xFFFF_FFFF
            return "\(bytes.count) bytes, CRC-32 \(crc)"
        } catch {
            return "error: \(error)"
        }
    }

    @Test(arguments: InflaterTests.cases.map(\.file))
    func theInnerLoopInflatesAsTheCarefulPath(_ file: String) throws {
        let compressed = try FileInput.readBytes(InflaterTests.folder.appendingPathComponent(file), name: file)
        #expect(Self.outcome(compressed, chunk: 200) == Self.outcome(compressed, chunk: 1 << 16))
        var state: UInt64 = 0x2545_F491_4F6C_DD1D ^ UInt64(compressed.count)
        for _ in 0..<8 where compressed.count > 4 {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            var damaged = compressed
            let at = 2 + Int(state % UInt64(compressed.count - 2))
            damaged[at] ^= UInt8(truncatingIfNeeded: 1 << ((state >> 40) % 8))
            #expect(Self.outcome(damaged, chunk: 200) == Self.outcome(damaged, chunk: 1 << 16), "byte \(at) flipped")
        }
    }
}
