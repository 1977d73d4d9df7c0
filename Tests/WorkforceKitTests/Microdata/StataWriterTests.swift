import Foundation
import Testing

@testable import WorkforceKit
@testable import Domain

/// The Stata 118 dataset's bytes on small cases, against StataCorp's "Description of .dta file
/// format" by hand.
@Suite struct StataWriterTests {
    static let created = Date(timeIntervalSince1970: 1_772_368_496)  // 2026-03-01 12:34:56 UTC

    static let set = MicrodataSet(
        variables: [
            MicrodataVariable(
                name: "uses_2fa", source: "uses_2fa", label: "Uses two-step login", kind: .code,
                valueLabels: [.init(code: 1, label: "yes"), .init(code: 2, label: "no")], categories: ["yes", "no"]),
            MicrodataVariable(name: "comment", source: "comment", label: "", kind: .text),
            MicrodataVariable(name: "story", source: "story", label: "", kind: .text),
            MicrodataVariable(name: "when", source: "when", label: "", kind: .date),
            MicrodataVariable(name: "weight", source: "weight", label: "", kind: .decimal),
        ],
        cases: [
            [.number(1), .text("ab"), .text(String(repeating: "x", count: 2046)), .day(20513), .number(1.5)],
            [.missing, .missing, .missing, .missing, .missing],
        ],
        title: "Sample Data")

    @Test func theHeaderAndMapFollowTheSpecification() {
        let bytes = StataWriter(created: Self.created).write(Self.set)
        let r = Bytes(bytes)
        let header = "<stata_dta><header><release>118</release><byteorder>LSF</byteorder><K>"
        #expect(r.text(0, header.utf8.count) == header)
        var at = header.utf8.count
        #expect(r.uint16(at) == 5)
        at += 2
        #expect(r.text(at, 7) == "</K><N>")
        #expect(r.uint64(at + 7) == 2)
        at += 15
        #expect(r.text(at, 11) == "</N><label>")
        #expect(r.uint16(at + 11) == 11 && r.text(at + 13, 11) == "Sample Data")
        at += 24
        #expect(r.text(at, 19) == "</label><timestamp>")
        #expect(bytes[at + 19] == 17 && r.text(at + 20, 17) == "01 Mar 2026 12:34")
        at += 37
        #expect(r.text(at, 21) == "</timestamp></header>")
        // The map: 14 offsets; each names where its section's opening tag starts.
        let mapAt = at + 21
        #expect(r.text(mapAt, 5) == "<map>")
        let map = (0..<14).map { Int(r.uint64(mapAt + 5 + 8 * $0)) }
        #expect(map[0] == 0 && map[1] == mapAt)
        let tags = [
            "<variable_types>", "<varnames>", "<sortlist>", "<formats>", "<value_label_names>", "<variable_labels>",
            "<characteristics>", "<data>", "<strls>", "<value_labels>", "</stata_dta>",
        ]
        for (i, tag) in tags.enumerated() { #expect(r.text(map[i + 2], tag.utf8.count) == tag, "\(tag)") }
        #expect(map[13] == bytes.count)
        // Types: byte, str2, strL (over 2045 bytes), long (%td), double.
        #expect((0..<5).map { r.uint16(map[2] + 16 + 2 * $0) } == [65530, 2, 32768, 65528, 65526])
        // Names in 129-byte fields, formats in 57-byte fields, labels in 321-byte fields.
        #expect(r.text(map[3] + 10, 8) == "uses_2fa" && bytes[map[3] + 18] == 0)
        #expect(r.text(map[3] + 10 + 129, 7) == "comment")
        #expect(r.text(map[5] + 9 + 3 * 57, 3) == "%td")
        #expect(r.text(map[6] + 19, 8) == "uses_2fa" && bytes[map[6] + 19 + 129] == 0)
        #expect(r.text(map[7] + 17, 19) == "Uses two-step login")
        #expect(map[4] + 10 + 2 * 6 + 11 == map[5])  // K + 1 zeros in the sort list
    }

    @Test func observationsStrLsAndValueLabelsAreLaidOutAsDocumented() {
        let bytes = StataWriter(created: Self.created).write(Self.set)
        let r = Bytes(bytes)
        let mapAt = Array(bytes).firstRange(of: Array("<map>".utf8))?.lowerBound ?? 0
        let map = (0..<14).map { Int(r.uint64(mapAt + 5 + 8 * $0)) }
        var at = map[9] + 6  // after <data>
        // Observation 1: byte 1; "ab\0"; strL (v,o) = (3,1); 2026-03-01 = day 24166 since 1960; 1.5.
        #expect(bytes[at] == 1)
        #expect(Array(bytes[(at + 1)..<(at + 3)]) == Array("ab".utf8))
        #expect(r.uint64(at + 3) == 3 | 1 << 16)
        #expect(r.int32(at + 11) == 24166)
        #expect(r.double(at + 15) == 1.5)
        at += 23
        // Observation 2: every value missing: byte 101 (.), "\0\0", (0,0), long ., double .
        #expect(bytes[at] == 101)
        #expect(bytes[at + 1] == 0 && bytes[at + 2] == 0)
        #expect(r.uint64(at + 3) == 0)
        #expect(r.int32(at + 11) == 2_147_483_621)
        #expect(r.uint64(at + 15) == 0x7FE0_0000_0000_0000)
        #expect(r.text(at + 23, 7) == "</data>")
        // The GSO of (3, 1): type 130 (text), length with the trailing \0.
        let gso = map[10] + 7
        #expect(r.text(gso, 3) == "GSO" && r.int32(gso + 3) == 3 && r.uint64(gso + 7) == 1)
        #expect(bytes[gso + 15] == 130 && r.int32(gso + 16) == 2047)
        #expect(bytes[gso + 20 + 2045] == UInt8(ascii: "x") && bytes[gso + 20 + 2046] == 0)
        #expect(r.text(gso + 20 + 2047, 8) == "</strls>")
        // The value-label table of 1 yes, 2 no: n = 2, txtlen = 7, off 0 and 4, val 1 and 2, "yes\0no\0".
        let lbl = map[11] + 14
        #expect(r.text(lbl, 5) == "<lbl>")
        #expect(r.int32(lbl + 5) == 31)
        #expect(r.text(lbl + 9, 8) == "uses_2fa")
        let table = lbl + 9 + 129 + 3
        #expect((0..<6).map { r.int32(table + 4 * $0) } == [2, 7, 0, 4, 1, 2])
        #expect(Array(bytes[(table + 24)..<(table + 31)]) == Array("yes\0no\0".utf8))
        #expect(r.text(table + 31, 6) == "</lbl>")
    }

    @Test func aShortenedNameKeepsTheCodebookNameInANote() {
        let long = "a_very_long_question_name_that_goes_past_thirty_two"
        let set = MicrodataSet(
            variables: [MicrodataVariable(name: long, source: long, label: "", kind: .integer)], cases: [[.number(1)]], title: "")
        let bytes = StataWriter(created: Self.created).write(set)
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.contains("a_very_long_question_name_t_c389"))
        #expect(text.contains("codebook name: \(long)"))
        #expect(text.contains("note0"))
    }
}

@Suite struct MicrodataLabelTests {
    @Test func aLongChoiceLabelKeepsItsChoiceAndShortensTheQuestion() {
        let question = String(repeating: "Which of these does your organisation use ", count: 3).trimmingCharacters(in: .whitespaces)
        let v = MicrodataVariable(name: "q_a", source: "q/a", label: "\(question): Teacher", kind: .dummy, choiceLabel: "Teacher")
        let short = v.label(limit: 80)
        #expect(short.count <= 80)
        #expect(short.hasSuffix("…: Teacher"))
        #expect(short.hasPrefix("Which of these does your organisation use Which"))
        let plain = MicrodataVariable(name: "q", source: "q", label: String(repeating: "word ", count: 30), kind: .text)
        #expect(plain.label(limit: 80) == String(String(repeating: "word ", count: 16).dropLast()))
        #expect(MicrodataVariable(name: "s", source: "s", label: "Short", kind: .text).label(limit: 80) == "Short")
    }
}

@Suite struct MicrodataNamesTests {
    @Test(arguments: [
        ("target_groups/parent", "target_groups_parent"), ("in", "v_in"), ("1st", "v_1st"), ("with", "v_with"), ("str12", "v_str12"),
        ("año", "a_o"), ("district", "district"),
    ])
    func namesFollowTheRule(source: String, name: String) {
        #expect(MicrodataNames.names(for: [source]) == [name])
    }

    @Test func namesAreUniqueWithoutRegardToCase() {
        #expect(MicrodataNames.names(for: ["a/b", "a_b", "A_B"]) == ["a_b", "a_b_2", "A_B_3"])
    }

    @Test func stataNamesOver32CharactersKeep27AndAHashOfTheName() {
        #expect(MicrodataNames.fnv1a("a") == 0xE40C_292C)
        let long = "a_very_long_question_name_that_goes_past_thirty_two"
        #expect(MicrodataNames.stata([long, "short"]) == ["a_very_long_question_name_t_c389", "short"])
        // The same name always gets the same Stata name; a clash takes the next hash value.
        let clash = "a_very_long_question_name_t_c389"
        #expect(MicrodataNames.stata([clash, long]) == [clash, "a_very_long_question_name_t_c38a"])
    }

    @Test func datesCountDaysFrom1970() {
        #expect(CivilDate.days("1970-01-01") == 0)
        #expect(CivilDate.days("2026-03-01") == 20513)
        #expect(CivilDate.days("1582-10-14") == -141_428)
        #expect(CivilDate.days("2025-02-29") == nil)
        #expect(CivilDate.days("2024-02-29") == 19782)
        #expect(CivilDate.days("2026-3-1") == nil)
        #expect(RScriptWriter.isoDate(20513) == "2026-03-01")
        #expect(RScriptWriter.isoDate(-141_428) == "1582-10-14")
    }

    @Test func rLiteralsAreASCII() {
        #expect(RScriptWriter.literal("Sí \"no\"\\\n") == "\"S\\u{ed} \\\"no\\\"\\\\\\n\"")
    }
}
