import Testing

@testable import WorkforceKit
@testable import Domain

/// JSONParser and AnswerCodec decode strings with one decoder, so they agree on every string.
@Suite struct JSONStringTests {
    func parsed(_ literal: String) -> String? {
        (try? JSONParser.parse(Array("[\(literal)]".utf8), name: "t"))?.array?.first?.string
    }

    func stored(_ literal: String) -> String? {
        var out: [AnswerCodec.Stored] = []
        let ok = Array("[\(literal)]".utf8).withUnsafeBufferPointer { bytes in
            (try? AnswerCodec.decode(bytes, types: [.text], into: &out)) != nil
        }
        guard ok, case .text(let s) = out.first else { return nil }
        return s
    }

    @Test(arguments: [
        (#""plain""#, "plain"), (#""a\"b\\c\/d""#, "a\"b\\c/d"), (#""\u00e9\n\t""#, "é\n\t"), (#""\ud83d\ude00""#, "😀"),
        ("\"caf\u{E9}\"", "café"),
    ])
    func bothDecodeValidStringsAlike(_ literal: String, _ value: String) {
        #expect(parsed(literal) == value)
        #expect(stored(literal) == value)
    }

    @Test(arguments: [
        #""\ud800""#, #""\ud800x""#, #""\ud800\u0041""#, #""\udc00\ud800""#, #""\x""#, "\"tab\there\"", #""never closed"#, #""\u12""#,
    ])
    func bothRefuseBrokenStrings(_ literal: String) {
        #expect(parsed(literal) == nil)
        #expect(stored(literal) == nil)
    }
}
