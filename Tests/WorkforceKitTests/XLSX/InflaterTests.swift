import Foundation
import Testing
@testable import WorkforceKit
@testable import Formats

/// The inflater against streams made by Python's zlib (Fixtures/deflate, written by
/// `make_fixtures.py`; `.ci/check_inflate.sh` makes a fresh set with another seed and points
/// `WORKFORCE_INFLATE_FIXTURES` at it).
@Suite struct InflaterTests {
    static let folder: URL = {
        if let dir = ProcessInfo.processInfo.environment["WORKFORCE_INFLATE_FIXTURES"] { return URL(fileURLWithPath: dir) }
        return repositoryRoot.appendingPathComponent("Tests/WorkforceKitTests/Fixtures/deflate")
    }()

    struct Case: Sendable, CustomStringConvertible {
        var file: String
        var length: Int
        var crc: UInt32
        var description: String { file }
    }

    static let cases: [Case] = {
        guard let bytes = try? FileInput.readBytes(folder.appendingPathComponent("manifest.json"), name: "manifest.json"),
            let json = try? JSONParser.parse(bytes, name: "manifest.json"), let items = json.array
        else { return [] }
        return items.compactMap { item in
            guard let file = item["file"]?.string, let length = item["length"]?.double, let crc = item["crc32"]?.double else { return nil }
            return Case(file: file, length: Int(length), crc: UInt32(crc))
        }
    }()

    /// Inflates all of `compressed`, reading it in `chunk`-byte pieces.
    static func inflate(_ compressed: [UInt8], chunk: Int = 4096) throws -> [UInt8] {
        let inflater = Inflater(MemoryByteSource(compressed), name: "test")
        var out: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: chunk)
        while true {
            let n = try buffer.withUnsafeMutableBufferPointer { b throws(WorkforceError) in try inflater.read(into: b) }
            if n == 0 { break }
            out += buffer[0..<n]
        }
        #expect(inflater.finished)
        return out
    }

    @Test func theManifestListsEveryKindOfBlock() {
        #expect(Self.cases.count >= 30)
        #expect(Self.cases.contains { $0.file.hasSuffix("-l0.deflate") && $0.length > 65535 })  // several stored blocks
        #expect(Self.cases.contains { $0.file.hasSuffix("-fixed.deflate") })
        #expect(Self.cases.contains { $0.file.hasSuffix("-l9.deflate") })
    }

    @Test(arguments: cases)
    func inflatesWhatZlibDeflated(_ c: Case) throws {
        let compressed = try FileInput.readBytes(Self.folder.appendingPathComponent(c.file), name: c.file)
        for chunk in [7, 65536] {
            let out = try Self.inflate(compressed, chunk: chunk)
            #expect(out.count == c.length, "\(c.file) in \(chunk)-byte reads")
            #expect(CRC32.checksum(out) == c.crc, "\(c.file) in \(chunk)-byte reads")
        }
    }

    @Test func everyPartOfTheToolsOwnWorkbooksRezippedByZlibReadsBack() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path).filter { $0.hasSuffix(".xlsx") }
        #expect(files.count >= 2)
        for file in files {
            let archive = try ZipArchive(url: Self.folder.appendingPathComponent(file), name: file)
            #expect(archive.entries.contains { $0.name == "xl/workbook.xml" })
            for entry in archive.entries where !entry.isDirectory {
                #expect(entry.method == 8, "\(file)/\(entry.name) is deflated")
                // The reader checks zlib's CRC-32 and the declared size at the end of each part.
                let bytes = try archive.contents(entry, limit: 1 << 24)
                #expect(bytes.count == entry.uncompressedSize)
            }
        }
    }

    @Test(arguments: [
        ([0x07] as [UInt8], "block type 3"),
        ([0x01, 0x05, 0x00, 0x00, 0x00], "length check"),
        ([0x01, 0x05, 0x00, 0xFA, 0xFF, 0x41], "ends early"),  // a stored block of 5 bytes holding 1
        // The first half of zlib's stream of "the quick brown fox jumps over the lazy dog " x 3.
        ([43, 201, 72, 85, 40, 44, 205, 76, 206, 86, 72, 42, 202, 47, 207, 83, 72, 203, 175, 80, 200, 42, 205, 45], "ends early"),
    ])
    func refusesMalformedStreams(_ bytes: [UInt8], _ says: String) {
        #expect {
            _ = try Self.inflate(bytes)
        } throws: { error in
            "\(error)".contains(says)
        }
    }

    @Test func refusesADistanceBeforeTheStart() {
        // A fixed block whose first symbol is a match (length 3, distance 1) with nothing before it.
        // Fixed code of symbol 257 is 0000001 (7 bits); distance code 0 is 00000 (5 bits).
        var bits: [Int] = [1, 1, 0]  // BFINAL, BTYPE = 01 (least significant bit first)
        bits += [0, 0, 0, 0, 0, 0, 1]  // the code, most significant bit first
        bits += [0, 0, 0, 0, 0]
        var bytes = [UInt8](repeating: 0, count: (bits.count + 7) / 8)
        for (i, b) in bits.enumerated() where b == 1 { bytes[i / 8] |= UInt8(1 << (i % 8)) }
        #expect {
            _ = try Self.inflate(bytes)
        } throws: { error in
            "\(error)".contains("before the start")
        }
    }
}
