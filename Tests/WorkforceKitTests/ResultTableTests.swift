import Testing
@testable import WorkforceKit

@Suite struct ResultTableTests {
    private let table = ResultTable(
        columns: ["id", "n", "share", "ok", "note"],
        rows: [[.text("A|1"), .int(3), .double(0.5), .bool(true), .null], [.text("=cmd()"), .int(-2), .double(2), .bool(false), .text("x")]])

    @Test func jsonHasRowsWithTypedValues() throws {
        let json = try JSONParser.parse(Array(table.rendered(as: .json).utf8), name: "out")
        let rows = try #require(json["rows"]?.array)
        #expect(rows.count == 2)
        #expect(rows[0]["n"] == .integer(3))
        #expect(rows[0]["share"] == .number(0.5))
        #expect(rows[0]["ok"] == .bool(true))
        #expect(rows[0]["note"] == .null)
        #expect(rows[1]["share"] == .integer(2))
    }

    @Test func csvNeutralisesFormulasButNotNegativeNumbers() {
        #expect(table.rendered(as: .csv) == "id,n,share,ok,note\r\nA|1,3,0.5,true,\r\n'=cmd(),-2,2,false,x\r\n")
    }

    @Test func markdownEscapesPipes() {
        #expect(table.rendered(as: .md).contains("| A\\|1 | 3 | 0.5 | true |  |"))
    }

    @Test func textTableAlignsAndCounts() {
        let text = table.rendered(as: .table)
        #expect(text.hasPrefix("id      n   share  ok     note\n"))
        #expect(text.hasSuffix("(2 rows)\n"))
    }
}
