import Testing
@testable import WorkforceKit

@Suite struct JSONTests {
    private func parse(_ text: String) throws -> JSONValue {
        try JSONParser.parse(Array(text.utf8), name: "t.json")
    }

    @Test func parsesEveryKindOfValue() throws {
        let value = try parse(#"{"a": [1, -2.5, 3e2, true, false, null], "b": "x\"\u00e9\ud83d\ude00\n", "c": {}}"#)
        #expect(value["a"] == .array([.integer(1), .number(-2.5), .number(300), .bool(true), .bool(false), .null]))
        #expect(value["b"] == .string("x\"é😀\n"))
        #expect(value["c"] == .object([]))
    }

    @Test func keepsObjectKeyOrder() throws {
        let value = try parse(#"{"z": 1, "a": 2, "m": 3}"#)
        #expect(value.objectMembers?.map(\.key) == ["z", "a", "m"])
    }

    @Test(arguments: [
        ("{\n \"a\": [1,\n 2,, 3]\n}", 3, 4, "expected a value"),
        ("{\"a\" 1}", 1, 6, "expected ':'"),
        ("[1, 2", 1, 6, "']' is missing"),
        ("{\"é\": \"x\n\"}", 1, 9, "control character"),
        ("\"never closed", 1, 1, "never closed"),
        ("[01]", 1, 2, "may not start with 0"),
        ("[1] x", 1, 5, "after the end"),
        ("", 1, 1, "value is missing"),
        ("{\"a\": tru}", 1, 7, "expected a value"),
        ("[\"\\q\"]", 1, 3, "invalid escape"),
    ])
    func errorsAreLocated(_ text: String, _ line: Int, _ column: Int, _ words: String) {
        let error = #expect(throws: JSONParseError.self) { _ = try parse(text) }
        #expect(error?.location == SourceLocation(file: "t.json", line: line, column: column))
        #expect(error?.message.contains(words) == true, "\(error?.message ?? "")")
    }

    @Test func writesNumbersStringsAndOrderFaithfully() {
        let value = JSONValue.object([
            (key: "n", value: .integer(3)), (key: "d", value: .number(0.25)), (key: "w", value: .number(2)),
            (key: "s", value: .string("a\"b\\c\n\u{01}/")), (key: "e", value: .array([])), (key: "z", value: .null),
        ])
        #expect(
            JSONWriter(indent: nil).string(value)
                == #"{"n":3,"d":0.25,"w":2,"s":"a\"b\\c\n\u0001/","e":[],"z":null}"#)
    }

    @Test func writtenJSONParsesBack() throws {
        let value = JSONValue.object([
            (key: "rows", value: .array([.object([(key: "x", value: .string("é ✓")), (key: "y", value: .number(1.5))])]))
        ])
        #expect(try parse(JSONWriter().string(value)) == value)
    }
}
