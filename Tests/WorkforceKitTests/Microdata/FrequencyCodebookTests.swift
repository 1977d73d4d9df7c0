import Testing

@testable import WorkforceKit
@testable import Domain

/// The frequency codebook's counts and suppression on a hand-made set.
@Suite struct FrequencyCodebookTests {
    /// 10 cases: district 1 seven times (weights 2), 2 three times (weights 10); a select_multiple
    /// answered by 9 (choice a by 6, b by 2); an integer answered by 4.
    static let set: MicrodataSet = {
        var cases: [[MicrodataValue]] = []
        for i in 0..<10 {
            cases.append([
                .number(i < 7 ? 1 : 2),
                i == 9 ? .missing : .number(i < 6 ? 1 : 0),
                i == 9 ? .missing : .number(i < 2 ? 1 : 0),
                i < 4 ? .number(Double(i)) : .missing,
                .number(i < 7 ? 2 : 10),
            ])
        }
        return MicrodataSet(
            variables: [
                MicrodataVariable(
                    name: "district", source: "district", label: "District", kind: .code,
                    valueLabels: [.init(code: 1, label: "Belize"), .init(code: 2, label: "Cayo"), .init(code: 3, label: "Toledo")],
                    categories: ["belize", "cayo", "toledo"], question: "district"),
                MicrodataVariable(name: "uses_a", source: "uses/a", label: "Uses: A", kind: .dummy, question: "uses"),
                MicrodataVariable(name: "uses_b", source: "uses/b", label: "Uses: B", kind: .dummy, question: "uses"),
                MicrodataVariable(name: "staff", source: "staff", label: "Staff", kind: .integer, question: "staff"),
                MicrodataVariable(name: "weight", source: "weight", label: "Weight", kind: .decimal),
            ],
            cases: cases, title: "workforce: test")
    }()

    @Test func countsAreExactAndCellsUnder5AreSuppressed() {
        let rules = QuestionRules(
            numbers: ["district": 3, "uses": 4, "staff": 5], asked: ["staff": ["Ask only if the answer to question 4 is “Yes”."]],
            allowed: ["staff": "at least 0"])
        let text = FrequencyCodebook(set: Self.set, rules: rules, language: "en").markdown()
        #expect(text.hasPrefix("# Codebook: test\n"))
        #expect(text.contains("| 1 | `belize` | Belize | 7 | 14.0 |"))
        #expect(text.contains("| 2 | `cayo` | Cayo | <5 | – |"))  // 3 respondents: count and weight withheld
        #expect(text.contains("| 3 | `toledo` | Toledo | 0 | 0.0 |"))
        #expect(text.contains("| . |  | System-missing | 0 |  |"))
        #expect(text.contains("## `uses`: Uses"))
        #expect(text.contains("| `uses_a` | A | 6 | 12.0 |"))
        #expect(text.contains("| `uses_b` | B | <5 | – |"))
        #expect(text.contains("|  | Answered (any choice) | 9 |  |"))
        #expect(text.contains("| . | System-missing | <5 |  |"))
        // 4 answers: the count and the mean are withheld.
        #expect(text.contains("| <5 | 6 | – | – |"))
        #expect(text.contains("- Question 5 (`staff`).\n- Ask only if the answer to question 4 is “Yes”.\n- Allowed: at least 0.\n"))
        // The design variable has no mean.
        #expect(text.contains("## `weight`: Weight\n\n- decimal.\n\n| Valid | Missing |\n| --- | --- |\n| 10 | 0 |"))
    }

    @Test func theHTMLPageEscapesTextAndMarksCode() {
        var set = Self.set
        set.variables[0].label = "District <b>&</b>"
        let html = FrequencyCodebook(set: set, rules: QuestionRules(), language: "en").html()
        #expect(html.contains("<h2><code>district</code>: District &lt;b&gt;&amp;&lt;/b&gt;</h2>"))
        #expect(html.contains("<td class=\"n\">&lt;5</td>"))
        #expect(html.hasSuffix("</html>\n"))
    }
}
