import Foundation
import Testing

@testable import WorkforceKit
@testable import Domain

/// The SPSS system file's bytes on small cases, against PSPP's "System File Format" by hand.
@Suite struct SPSSWriterTests {
    /// 2026-03-01 12:34:56 UTC.
    static let created = Date(timeIntervalSince1970: 1_772_368_496)

    static func sample(_ cases: [[MicrodataValue]]) -> MicrodataSet {
        MicrodataSet(
            variables: [
                MicrodataVariable(
                    name: "sex", source: "sex", label: "Sex", kind: .code,
                    valueLabels: [.init(code: 1, label: "Female"), .init(code: 2, label: "Male"), .init(code: 3, label: "Prefer not to say")],
                    categories: ["female", "male", "prefer_not"], missingCode: 3, question: "sex"),
                MicrodataVariable(name: "other_text", source: "other_text", label: "", kind: .text),
                MicrodataVariable(name: "when", source: "when", label: "Date", kind: .date),
            ],
            cases: cases, title: "test")
    }

    @Test func theHeaderRecordHasTheDocumentedFieldsAt176Bytes() {
        let bytes = SPSSWriter(compressed: true, created: Self.created).write(Self.sample([[.number(1), .text("abcdefghij"), .day(20513)]]))
        let r = Bytes(bytes)
        #expect(r.text(0, 4) == "$FL2")
        #expect(r.text(4, 60).hasPrefix("@(#) SPSS DATA FILE"))
        #expect(r.int32(64) == 2)  // layout code
        #expect(r.int32(68) == 4)  // 1 numeric + a 10-byte string (2 elements) + 1 date
        #expect(r.int32(72) == 1)  // compressed
        #expect(r.int32(76) == 0)  // no weight variable
        #expect(r.int32(80) == 1)  // cases
        #expect(r.double(84) == 100)  // bias
        #expect(r.text(92, 9) == "01 Mar 26")
        #expect(r.text(101, 8) == "12:34:56")
        #expect(r.text(109, 64) == "test" + String(repeating: " ", count: 60))
        #expect(r.int32(176) == 2)  // the first variable record follows at 176
    }

    @Test func variableRecordsCarryLabelMissingValueFormatsAndContinuations() throws {
        let bytes = SPSSWriter(compressed: false, created: Self.created).write(Self.sample([[.number(1), .text("abcdefghij"), .day(20513)]]))
        let r = Bytes(bytes)
        // sex: type 0, a label, one missing value (3), F8.0, name SEX, label "Sex" padded to 4.
        #expect([r.int32(176), r.int32(180), r.int32(184), r.int32(188)] == [Int]([2, 0, 1, 1]))
        #expect(r.int32(192) == 0x05_08_00 && r.int32(196) == 0x05_08_00)
        #expect(r.text(200, 8) == "SEX     ")
        #expect(r.int32(208) == 3 && r.text(212, 3) == "Sex")
        #expect(r.double(216) == 3)
        // other_text: a 10-byte string, no label: A10, then one continuation record (type -1).
        #expect([r.int32(224), r.int32(228), r.int32(232), r.int32(236)] == [Int]([2, 10, 0, 0]))
        #expect(r.int32(240) == 0x01_0A_00)
        #expect(r.text(248, 8) == "@1      ")
        #expect([r.int32(256), r.int32(260)] == [Int]([2, -1]))
        // when: DATE11 (format type 20).
        #expect(r.int32(288 + 16) == 0x14_0B_00)
        #expect(r.text(288 + 24, 4) == "WHEN")
        let records = try SystemFileRecords(bytes)
        #expect(records.variableTypes == [0, 10, -1, 0])
        #expect(records.valueLabels.count == 1)
        #expect(records.valueLabels[0].labels == [1: "Female", 2: "Male", 3: "Prefer not to say"])
        #expect(records.valueLabels[0].variables == [1])  // 1-based dictionary index
        #expect(records.extensions.map(\.subtype) == [3, 4, 11, 13, 20])
        #expect(records.text(13) == "SEX=sex\t@1=other_text\tWHEN=when")
        #expect(records.text(20) == "UTF-8")
        // Uncompressed data: 1.0, "abcdefgh", "ij      ", seconds since 14 Oct 1582.
        let data = Bytes(Array(bytes[records.dataOffset...]))
        #expect(data.double(0) == 1)
        #expect(data.text(8, 16) == "abcdefghij      ")
        #expect(data.double(24) == 13_991_702_400)
        #expect(data.count == 32)
    }

    @Test func compressionUsesTheDocumentedBytecodes() throws {
        let set = Self.sample([
            [.number(1), .text("abcdefghij"), .missing],
            [.number(2.5), .missing, .day(20513)],
        ])
        let bytes = SPSSWriter(compressed: true, created: Self.created).write(set)
        let records = try SystemFileRecords(bytes)
        let data = Array(bytes[records.dataOffset...])
        // Case 1: 1 -> 101; "abcdefgh" -> 253 (literal); "ij" -> 253; sysmis -> 255.
        // Case 2: 2.5 -> 253; blank string -> 254, 254; the date -> 253. One block of 8 codes.
        #expect(Array(data[0..<8]) == [101, 253, 253, 255, 253, 254, 254, 253])
        #expect(String(decoding: data[8..<16], as: UTF8.self) == "abcdefgh")
        #expect(String(decoding: data[16..<24], as: UTF8.self) == "ij      ")
        #expect(Bytes(Array(data[24..<32])).double(0) == 2.5)
        #expect(Bytes(Array(data[32..<40])).double(0) == 13_991_702_400)
        #expect(data.count == 40)
        // Integers from -99 to 151 compress; others are literals; a partial block is padded with 0.
        var one = SPSSWriter.CaseData(compressed: true)
        for x in [-99.0, 151, 152, -100, 0] { one.number(x) }
        let block = one.finish()
        #expect(Array(block[0..<8]) == [1, 251, 253, 253, 100, 0, 0, 0])
        #expect(block.count == 8 + 16)
    }

    @Test func aStringOver255BytesIsAVeryLongStringOfSegments() throws {
        let long = String(repeating: "é", count: 150)  // 300 bytes
        let set = MicrodataSet(
            variables: [MicrodataVariable(name: "note_text", source: "note_text", label: "Long", kind: .text)], cases: [[.text(long)]], title: "")
        let bytes = SPSSWriter(compressed: false, created: Self.created).write(set)
        let records = try SystemFileRecords(bytes)
        // 300 bytes: (300 + 251) / 252 = 2 segments of widths 255 and 300 - 252 = 48:
        // 32 elements (1 + 31 continuations) and 6 (1 + 5).
        #expect(records.variableTypes == [255] + Array(repeating: -1, count: 31) + [48] + Array(repeating: -1, count: 5))
        #expect(Bytes(bytes).int32(68) == 38)
        #expect(records.text(13) == "@1=note_text")
        #expect(records.bytes(14) == Array("@1=00300".utf8) + [0, 9])
        // Display parameters: one triple per segment.
        #expect(records.extensions.first { $0.subtype == 11 }?.count == 6)
        // The data: 255 bytes in the first segment (then 1 pad byte), 45 in the second, padded to 48.
        let data = Array(bytes[records.dataOffset...])
        #expect(data.count == 38 * 8)
        let utf8 = Array(long.utf8)
        #expect(Array(data[0..<255]) == Array(utf8[0..<255]))
        #expect(Array(data[256..<301]) == Array(utf8[255...]))
        #expect(data[301..<304].allSatisfy { $0 == 0x20 })
    }

    @Test func labelsAreCutOnACharacterBoundary() {
        let label = String(repeating: "ñ", count: 200)  // 400 bytes
        #expect(SPSSWriter.cut(label, bytes: 255).count == 254)
        #expect(SPSSWriter.cut("ab cd", bytes: 3) == Array("ab".utf8))
    }
}

/// Little-endian reads from bytes.
struct Bytes {
    let bytes: [UInt8]
    init(_ bytes: [UInt8]) { self.bytes = bytes }
    var count: Int { bytes.count }
    func int32(_ at: Int) -> Int { Int(Int32(bitPattern: UInt32(bytes[at]) | UInt32(bytes[at + 1]) << 8 | UInt32(bytes[at + 2]) << 16 | UInt32(bytes[at + 3]) << 24)) }
    func uint16(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
    func uint64(_ at: Int) -> UInt64 { (0..<8).reduce(UInt64(0)) { $0 | UInt64(bytes[at + $1]) << (8 * UInt64($1)) } }
    func double(_ at: Int) -> Double { Double(bitPattern: uint64(at)) }
    func text(_ at: Int, _ n: Int) -> String { String(decoding: bytes[at..<(at + n)], as: UTF8.self) }
}

/// A reader of a system file's dictionary, written from the manual for the tests: the record
/// sequence, each variable record's type, the value labels and the extension records.
struct SystemFileRecords {
    struct Extension {
        var subtype: Int
        var size: Int
        var count: Int
        var data: [UInt8]
    }

    var variableTypes: [Int] = []
    var valueLabels: [(labels: [Int: String], variables: [Int])] = []
    var extensions: [Extension] = []
    var dataOffset = 0

    struct Malformed: Error { var at: Int }

    init(_ bytes: [UInt8]) throws {
        let r = Bytes(bytes)
        var at = 176
        while at < bytes.count {
            switch r.int32(at) {
            case 2:
                let type = r.int32(at + 4), hasLabel = r.int32(at + 8), missing = r.int32(at + 12)
                variableTypes.append(type)
                at += 32
                if hasLabel == 1 { at += 4 + (r.int32(at) + 3) / 4 * 4 }
                at += 8 * abs(missing)
            case 3:
                let n = r.int32(at + 4)
                at += 8
                var labels: [Int: String] = [:]
                for _ in 0..<n {
                    let value = Int(r.double(at))
                    let length = Int(bytes[at + 8])
                    labels[value] = r.text(at + 9, length)
                    at += 8 + (1 + length + 7) / 8 * 8
                }
                guard r.int32(at) == 4 else { throw Malformed(at: at) }
                let count = r.int32(at + 4)
                valueLabels.append((labels, (0..<count).map { r.int32(at + 8 + 4 * $0) }))
                at += 8 + 4 * count
            case 7:
                let e = Extension(subtype: r.int32(at + 4), size: r.int32(at + 8), count: r.int32(at + 12), data: [])
                let length = e.size * e.count
                extensions.append(Extension(subtype: e.subtype, size: e.size, count: e.count, data: Array(bytes[(at + 16)..<(at + 16 + length)])))
                at += 16 + length
            case 999:
                dataOffset = at + 8
                return
            default:
                throw Malformed(at: at)
            }
        }
        throw Malformed(at: at)
    }

    func bytes(_ subtype: Int) -> [UInt8] { extensions.first { $0.subtype == subtype }?.data ?? [] }
    func text(_ subtype: Int) -> String { String(decoding: bytes(subtype), as: UTF8.self) }
}
