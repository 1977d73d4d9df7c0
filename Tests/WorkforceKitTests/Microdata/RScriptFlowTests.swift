import Foundation
import Testing

@testable import WorkforceKit

/// The employer microdata's R script computes the national shortfall with `svycontrast` and prints
/// it beside the tool's value (CI runs it: `.ci/check_flows.py`).
@Suite struct RScriptFlowTests {
    static func set(flows: Bool) -> MicrodataSet {
        let names = ["weight", "stratum", "fpc", "size_band"] + (flows ? FlowAnswers.names : [])
        return MicrodataSet(variables: names.map { MicrodataVariable(name: $0, source: $0, label: $0, kind: .decimal) }, cases: [], title: "employers")
    }

    @Test func theScriptPrintsTheShortfallBesideTheTools() {
        let script = RScriptWriter().script(Self.set(flows: true), csv: "e.csv", headline: FlowHeadline(shortfall: 78.5, completions: 93))
        #expect(script.contains("survey::svycontrast(t, bquote(nj + .(exits) - (.(entering))))"))
        #expect(script.contains("C <- 93; given <- NA"))
        #expect(script.contains("workforce %.6f\\n\", coef(k)[[1]], survey::SE(k)[[1]], 78.5))"))
        let given = RScriptWriter().script(Self.set(flows: true), csv: "e.csv", headline: FlowHeadline(shortfall: 1, completions: 93, entryRate: 0.5))
        #expect(given.contains("given <- 0.5"))
    }

    @Test func withoutTheFlowQuestionsOrAHeadlineThereIsNoShortfall() {
        #expect(!RScriptWriter().script(Self.set(flows: false), csv: "e.csv", headline: FlowHeadline(shortfall: 1, completions: 2)).contains("svycontrast"))
        #expect(!RScriptWriter().script(Self.set(flows: true), csv: "e.csv").contains("svycontrast"))
    }
}
