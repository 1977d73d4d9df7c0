import Foundation
import Testing
@testable import WorkforceKit
@testable import Domain

/// A source that hands out one byte at a time: every chunk boundary gets exercised.
struct OneByteSource: ByteSource {
    var bytes: [UInt8]
    var offset = 0
    mutating func read(into buffer: UnsafeMutableBufferPointer<UInt8>) throws(WorkforceError) -> Int {
        guard offset < bytes.count, buffer.count > 0 else { return 0 }
        buffer[0] = bytes[offset]
        offset += 1
        return 1
    }
}

private func decode(_ bytes: [UInt8], _ encoding: TextEncoding) throws -> String {
    var source = TranscodingByteSource(OneByteSource(bytes: bytes), encoding: encoding, name: "t")
    var out: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 7)
    while true {
        let n = try buffer.withUnsafeMutableBufferPointer { b throws(WorkforceError) in try source.read(into: b) }
        if n == 0 { break }
        out += buffer[0..<n]
    }
    return String(decoding: out, as: UTF8.self)
}

@Suite struct TranscodingTests {
    @Test func utf16LittleAndBigEndianWithSurrogatePairs() throws {
        let text = "Q'eqchi' ñ €  😀,x\r\n"
        #expect(try decode(text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }, .utf16LE) == text)
        #expect(try decode(text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }, .utf16BE) == text)
    }

    @Test func windows1252MapsTheEuroQuotesAndAccents() throws {
        #expect(try decode([0x80, 0x20, 0xF1, 0x93, 0x94, 0xBF, 0x81], .windows1252) == "€ ñ“”¿\u{FFFD}")
    }

    @Test func aLoneSurrogateBecomesAReplacementCharacter() throws {
        #expect(try decode([0x00, 0xD8, 0x41, 0x00], .utf16LE) == "\u{FFFD}A")
    }

    @Test func aTruncatedUTF16FileIsAnError() {
        #expect(throws: WorkforceError.self) { _ = try decode([0x41, 0x00, 0x42], .utf16LE) }
    }

    @Test(arguments: [
        ("a;b;c\r\n1;2;3", UInt8(0x3B)), ("a,b;c,d", UInt8(0x2C)), ("a\tb\tc", UInt8(0x09)), ("\"a;b;c\",d", UInt8(0x2C)),
        ("single", UInt8(0x2C)), ("a;b\n1,2,3,4,5", UInt8(0x3B)),
    ])
    func theSeparatorIsTheCommonestOneOnTheHeaderLine(_ text: String, _ separator: UInt8) {
        #expect(InputSniffer.detectDelimiter(Array(text.utf8)) == separator)
    }

    @Test func utf16WithoutAByteOrderMarkIsRecognised() {
        let le = Array("district,sex".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        #expect(InputSniffer.utf16WithoutMark(le) == .utf16LE)
        let be = Array("district,sex".utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] })
        #expect(InputSniffer.utf16WithoutMark(be) == .utf16BE)
        #expect(InputSniffer.utf16WithoutMark(Array("district,sex".utf8)) == nil)
    }

    @Test func guessingTellsUTF8FromWindows1252() {
        #expect(TextEncoding.guess(sample: Array("José,Ñ".utf8)) == .utf8)
        #expect(TextEncoding.guess(sample: [0x4A, 0x6F, 0x73, 0xE9, 0x2C]) == .windows1252)
        #expect(TextEncoding.guess(sample: Array("ab".utf8) + [0xC3]) == .utf8, "a sequence cut by the sample's end")
    }
}

@Suite struct ExpressionTests {
    private func eval(_ text: String, current: String = "", _ values: [String: String] = [:]) throws -> XLSFormExpression.Value {
        try XLSFormExpression.parse(text).evaluate(current: current) { values[$0] ?? "" }
    }

    @Test func selectedAndComparisons() throws {
        let answers = ["roles": "pr_cir_001 ov_mgt_001", "n": "3", "s": "yes"]
        #expect(try eval("selected(${roles}, 'ov_mgt_001')", answers).asBool)
        #expect(try !eval("selected(${roles}, 'ov_mgt')", answers).asBool)
        #expect(try eval("${n} > 0 and ${s} = 'yes'", answers).asBool)
        #expect(try eval("not(selected(${roles}, 'x')) or ${n} > 10", answers).asBool)
        #expect(try eval("count-selected(${roles}) = 2", answers).asBool)
        #expect(try eval("${n} * 2 + 1 = 7", answers).asBool)
        #expect(try eval("(${n} - 1) div 2 = 1", answers).asBool)
    }

    @Test func unansweredQuestionsAreEmptyStringsAndNaN() throws {
        #expect(try !eval("${n} > 0").asBool, "an empty answer is not above 0")
        #expect(try !eval("${n} <= 0").asBool, "nor at or below it")
        #expect(try eval("${s} != 'yes'").asBool)
        #expect(try !eval("${s} = 'yes'").asBool)
    }

    @Test func theCurrentAnswerIsTheDot() throws {
        #expect(try eval(". >= 0 and . <= ${v}", current: "4", ["v": "5"]).asBool)
        #expect(try !eval(". >= 0 and . <= ${v}", current: "6", ["v": "5"]).asBool)
        #expect(try eval("string-length(.) < 5", current: "abc").asBool)
    }

    @Test func referencesAreListed() throws {
        #expect(try XLSFormExpression.parse(". >= ${a} and selected(${b}, 'x')").references == ["a", "b"])
    }

    @Test(arguments: ["${a} = ", "selected(${a}, 'x'", "${a", "'open", "${a} # 1", "foo"])
    func malformedExpressionsAreErrors(_ text: String) {
        #expect(throws: XLSFormExpressionError.self) { _ = try XLSFormExpression.parse(text) }
    }
}

@Suite struct ValueParsingTests {
    @Test(arguments: [("12", Int64(12)), ("-3", -3), ("+4", 4), (" 7 ", 7), ("5.0", 5), ("5.00", 5)])
    func wholeNumbers(_ text: String, _ value: Int64) {
        let bytes = Array(text.utf8)
        #expect(bytes.withUnsafeBufferPointer { RowValidator.integer($0) } == value)
    }

    @Test(arguments: ["", "-", "2.5", "1e3", "three", "99999999999999999999", "1 2"])
    func notWholeNumbers(_ text: String) {
        let bytes = Array(text.utf8)
        #expect(bytes.withUnsafeBufferPointer { RowValidator.integer($0) } == nil)
    }

    @Test(arguments: [("2026-02-28", true), ("2024-02-29", true), ("2026-02-29", false), ("2026-13-01", false), ("26-01-01", false)])
    func dates(_ text: String, _ valid: Bool) {
        #expect(RowValidator.isDate(text) == valid)
    }

    @Test func googleFormsCheckboxLabelsAreSplitEvenWithCommasInside() {
        let matcher = ChoiceMatcher([
            Choice(name: "a", label: ["en": "Private, Belizean-owned"]), Choice(name: "b", label: ["en": "Public"]),
            Choice(name: "c", label: ["en": "Private"]),
        ])
        #expect(matcher.labelSequence("Private, Belizean-owned, Public") == [0, 1])
        #expect(matcher.labelSequence("Private;Public") == [2, 1])
        #expect(matcher.labelSequence("Private, Martian") == nil)
    }

    @Test func responseKeysHashDifferentlyPerKind() {
        #expect(ResponseWriter.hash(kind: "awareness", key: "u1") != ResponseWriter.hash(kind: "employer", key: "u1"))
        #expect(ResponseWriter.hash(kind: "awareness", key: "u1") == ResponseWriter.hash(kind: "awareness", key: "u1"))
    }
}
