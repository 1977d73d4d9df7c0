import Foundation
import Testing

@testable import Domain
@testable import WorkforceKit

/// The import's fast paths (issue 35) give what the general paths give: choice names matched
/// as packed integers, a `relevant` condition worked out once per row, response keys stored
/// without a string, answers encoded into raw memory.
@Suite struct ImportFastPathTests {
    /// The choice a name matches, found the plain way: the first name equal to the bytes.
    private static func reference(_ names: [String], _ cell: [UInt8]) -> Int? {
        names.firstIndex { Array($0.utf8) == cell }
    }

    @Test(arguments: [3, 16, 17, 70])
    func choiceNamesMatchAsTheyAreWritten(_ count: Int) {
        // Names of 1 to 20 bytes (around the 4, 8 and 16 that pack into integers), a repeated
        // one, a prefix of another, non-ASCII ones.
        let letters: [String] = ["a", "b", "_", "ç", "x"]
        var names: [String] = []
        for i in 0..<count {
            let stem = String(repeating: letters[i % 5], count: 1 + i % 20)
            names.append(i % 3 == 0 ? stem : stem + String(i))
        }
        names.append(names[0])
        names.append("yes")
        names.append("yesno")
        let matcher = ChoiceMatcher(names.map { Choice(name: $0, label: [:]) })
        var cells = names.map { Array($0.utf8) }
        cells += [[], Array("ye".utf8), Array("yes\0".utf8), Array("yes\0\0\0\0\0".utf8), [0], Array("yesnoyesno".utf8), Array("ç".utf8)]
        cells += [Array("yesnoyesnoyesnoy".utf8), Array("yesnoyesnoyesnoyesno".utf8), Array("yes".utf8) + [0, 0, 0, 0, 0, 0, 0, 0, 0, 0]]
        cells += names.map { Array(($0 + "x").utf8) } + names.map { Array($0.utf8.dropLast()) }
        for cell in cells {
            let found = cell.withUnsafeBufferPointer { matcher.exact($0) }
            #expect(found == Self.reference(names, cell), "\(String(decoding: cell, as: UTF8.self).debugDescription) among \(count + 3) names")
        }
    }

    /// FNV-1a of the kind, a NUL and the key, folded: the stored `key_hash`, written out here
    /// so that a change to it (which would make stored responses look new) fails.
    private static func storedHash(_ kind: String, _ key: String) -> Int64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in Array(kind.utf8) + [0] + Array(key.utf8) {
            h ^= UInt64(b)
            h = h &* 0x100_0000_01b3
        }
        return Int64(bitPattern: h ^ (h >> 33))
    }

    @Test func keysStoredInPlaceHashAndNormaliseAsBefore() {
        // Each key, and whether it is stored as it stands (ASCII, no space or control at either end).
        let keys: [(String, Bool)] = [
            ("uuid:0d6c3c57-7a3e-4f3b-9d8e-1b2c3d4e5f60", true), ("17", true), ("a b", true), ("~", true), ("!", true),
            ("17 ", false), (" 17", false), ("\t17", false), ("Peña", false), ("Pen\u{0303}a", false), ("17\u{A0}", false),
            ("x\u{7F}", false), ("\u{1F}a", false), ("", false),
        ]
        for kind in ["awareness", "employer\u{0}baseline_form\u{0}2026"] {
            let seed = ResponseWriter.seed(scopedKind: kind)
            for (key, asItStands) in keys {
                let bytes = Array(key.utf8)
                let fast = bytes.withUnsafeBufferPointer { ResponseWriter.isNormalised($0) }
                #expect(fast == asItStands, "\(key.debugDescription)")
                // Stored as it stands only when normalising would not change it.
                if fast { #expect(ResponseKey.normalised(key) == key, "\(key.debugDescription)") }
                let inPlace = bytes.withUnsafeBufferPointer { ResponseWriter.hash(seed: seed, key: $0) }
                #expect(inPlace == Self.storedHash(kind, key))
                #expect(ResponseWriter.hash(kind: kind, key: key) == Self.storedHash(kind, key))
            }
        }
    }

    @Test func answersEncodeAsBefore() throws {
        let elements: [AnswerCodec.Stored] = [
            .null, .choice(0), .choice(9), .choice(10), .choice(123), .choices([]), .choices([0, 12, 3]), .integer(0), .integer(-7),
            .integer(1_000_000_000), .integer(-1_000_000_000), .decimal(2.5), .decimal(-0.125), .text(""), .text("plain text"),
            .text("quote \" and \\ and\nline"), .text("ñ 😀"),
        ]
        let bytes = AnswerCodec.encode(elements)
        #expect(
            String(decoding: bytes, as: UTF8.self)
                == #"[null,0,9,10,123,[],[0,12,3],0,-7,1000000000,-1000000000,2.5,-0.125,"","plain text","quote \" and \\ and\nline","ñ 😀"]"#)
        let types: [QuestionType] = [.text] + Array(repeating: .selectOne, count: 4) + [.selectMultiple, .selectMultiple] + Array(repeating: .integer, count: 4)
            + [.decimal, .decimal] + Array(repeating: .text, count: 4)
        var decoded: [AnswerCodec.Stored] = []
        try bytes.withUnsafeBufferPointer { try AnswerCodec.decode($0, types: types, into: &decoded) }
        #expect(decoded == elements)
    }

    /// Two questions share a condition on `m`; `m` itself is not asked of this row, so its
    /// answer is dropped between them: the second must see that, as when each condition was
    /// worked out on its own.
    @Test func aSharedConditionIsWorkedOutAgainAfterAnAnswerItReadsIsDropped() throws {
        let text = """
            {"instrument": "t", "choices": {"yn": [{"name": "yes"}, {"name": "no"}]},
             "questions": [
              {"name": "m0", "type": "select_one", "list": "yn"},
              {"name": "p", "type": "select_one", "list": "yn", "relevant": "${m} = 'yes'"},
              {"name": "m", "type": "select_one", "list": "yn", "relevant": "${m0} = 'yes'"},
              {"name": "r", "type": "select_one", "list": "yn", "relevant": "${m} = 'yes'"},
              {"name": "s", "type": "select_one", "list": "yn", "relevant": "${m0} = 'yes'"}]}
            """
        let json = try JSONParser.parse(Array(text.utf8), name: "t.json")
        let codebook = try ParsedCodebook(json: json, source: "t")
        let reader = CSVReader(string: "m0,p,m,r,s\nno,yes,yes,yes,yes\nyes,yes,yes,no,no\n", name: "t.csv")
        let header = try #require(try reader.readRecord())
        let validator = RowValidator(codebook: codebook, plan: try ColumnPlan(header: header.fields, codebook: codebook, file: "t.csv"))
        #expect(try reader.nextRecord() && validator.validate(reader))
        #expect(String(decoding: validator.json, as: UTF8.self) == "[1,0,null,null,null]")
        #expect(try reader.nextRecord() && validator.validate(reader))
        #expect(String(decoding: validator.json, as: UTF8.self) == "[0,0,0,1,1]")
    }

    /// A batch entry keeps its ranges in 32 bits and gives back what it was given, a missing
    /// range as `nil` and an empty one as empty.
    @Test func aBatchEntryGivesBackItsRanges() {
        let entry = RowBatch.Entry(line: 7, identity: 0..<0, submitted: nil, answers: 40..<1 << 30, rejected: nil, status: .onHold)
        #expect(MemoryLayout<RowBatch.Entry>.size <= 48)
        #expect(entry.identity == 0..<0)
        #expect(entry.submitted == nil)
        #expect(entry.answers == 40..<1 << 30)
        #expect(entry.rejected == nil)
        #expect((entry.line, entry.status) == (7, .onHold))
        let rejected = RowBatch.Entry(line: 9, identity: nil, submitted: 3..<5, answers: 0..<0, rejected: 4095)
        #expect(rejected.identity == nil && rejected.submitted == 3..<5 && rejected.rejected == 4095)
    }
}
