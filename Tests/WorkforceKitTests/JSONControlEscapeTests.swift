import Testing
@testable import WorkforceKit

/// JSON output escapes the bidirectional controls and C1 controls as `\uXXXX` (JSON allows
/// them raw, and a viewer would then show a name in another order than it is stored), and the
/// escaped text reads back the same.
@Suite struct JSONControlEscapeTests {
    static let controls: [(scalar: Unicode.Scalar, escaped: String)] = [
        ("\u{202A}", "\\u202a"), ("\u{202B}", "\\u202b"), ("\u{202C}", "\\u202c"), ("\u{202D}", "\\u202d"), ("\u{202E}", "\\u202e"),
        ("\u{2066}", "\\u2066"), ("\u{2067}", "\\u2067"), ("\u{2068}", "\\u2068"), ("\u{2069}", "\\u2069"),
        ("\u{200E}", "\\u200e"), ("\u{200F}", "\\u200f"), ("\u{061C}", "\\u061c"), ("\u{85}", "\\u0085"), ("\u{9B}", "\\u009b"),
    ]

    @Test func everyBidiAndC1ControlIsEscapedAndReadsBack() throws {
        for (scalar, escaped) in Self.controls {
            let text = "Safe " + String(Character(scalar)) + "lanif.exe"
            let json = JSONWriter(indent: nil).string(.object([(key: "name", value: .string(text))]))
            #expect(json == #"{"name":"Safe "# + escaped + #"lanif.exe"}"#)
            #expect(!json.unicodeScalars.contains(scalar))
            #expect(try JSONParser.parse(Array(json.utf8), name: "t.json")["name"] == .string(text))
        }
        // Letters of right-to-left scripts are text, not controls: they stay as they are.
        #expect(JSONWriter(indent: nil).string(.string("مرحبا é")) == "\"مرحبا é\"")
    }

    @Test func resultTablesInJSONCarryNoRawBidiControl() {
        var table = ResultTable(columns: ["institution"])
        table.append([.text("University \u{202E}fo\u{2066}")])
        let json = table.rendered(as: .json)
        #expect(json.contains(#"University \u202efo\u2066"#))
        #expect(!json.unicodeScalars.contains { $0 == "\u{202E}" || $0 == "\u{2066}" })
    }
}
