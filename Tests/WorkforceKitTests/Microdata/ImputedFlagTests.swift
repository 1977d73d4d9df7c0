import Testing

@testable import Domain
@testable import Formats
@testable import Statistics
@testable import Storage
@testable import WorkforceKit

/// `--imputed`: imputed values in place of the blanks, each imputable question followed by its
/// `_imp` flag (issue 28, point 8).
@Suite struct ImputedFlagTests {
    @Test func imputedValuesReplaceTheBlanksAndCarryAFlag() {
        let variables = [
            MicrodataVariable(name: "", source: "response_id", label: "Response id", kind: .integer),
            MicrodataVariable(name: "", source: "r1_leavers_12m", label: "Leavers", kind: .integer, question: "r1_leavers_12m"),
            MicrodataVariable(name: "", source: "sector", label: "Sector", kind: .text),
            MicrodataVariable(name: "", source: "weight", label: "Weight", kind: .decimal),
        ]
        let cases: [[MicrodataValue]] = [
            [.number(1), .number(4), .text("a"), .number(2)],
            [.number(2), .missing, .text("b"), .number(2)],
            [.number(3), .missing, .text("c"), .missing],  // not a respondent
        ]
        let imputed = ImputedValues(questions: ["r1_leavers_12m"], values: [2: ["r1_leavers_12m": 2.5]], respondents: [1, 2])
        let (out, rows) = MicrodataSet.flagging(imputed, variables, cases, language: "en")
        #expect(out.map(\.source) == ["response_id", "r1_leavers_12m", "r1_leavers_12m_imp", "sector", "weight"])
        #expect(out[1].kind == .decimal && out[2].kind == .dummy)
        #expect(out[2].label == "Leavers: imputed (1) or as reported (0)")
        #expect(rows[0] == [.number(1), .number(4), .number(0), .text("a"), .number(2)])
        #expect(rows[1] == [.number(2), .number(2.5), .number(1), .text("b"), .number(2)])
        #expect(rows[2] == [.number(3), .missing, .missing, .text("c"), .missing])
        #expect(imputed.count == 1)
        let es = MicrodataSet.flagging(imputed, variables, cases, language: "es").0
        #expect(es[2].label == "Leavers: imputado (1) o declarado (0)")
    }
}
