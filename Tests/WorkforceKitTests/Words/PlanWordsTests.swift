import Foundation
import Testing

@testable import WorkforceKit

/// The plan's sentences come from `Surveys/banks/words/plan.csv`, written when shown: the same
/// plan reads in English and in Spanish, with no key left unread and no English left in Spanish.
@Suite struct PlanWordsTests {
    /// Every sentence the plan shows, in `language`: headline, what to do, each action, why each
    /// role stays open, every table's notes.
    static func sentences(_ plan: WorkforcePlan, _ language: ReaderLanguage) -> [String] {
        plan.headline(language) + [plan.whatToDo(language)] + plan.cases.flatMap { $0.actions.map { plan.what($0, language) } }
            + plan.cases.flatMap { $0.roles.map { plan.why($0, language) } } + WorkforcePlan.Breakdown.allCases.flatMap { plan.table($0, language).notes }
    }

    /// Plans that reach every lever and every reason a need stays open.
    static func plans() throws -> [WorkforcePlan] {
        typealias Tests = WorkforcePlanTests
        var lone = Tests.r2
        lone.ksas = ["z"]
        var big = Tests.r1
        big.shortfall = .init(70)
        var withheld = Tests.r2
        withheld.id = "OV-R3"
        withheld.status = .unreliable
        var costly = Tests.input([Tests.r1]) { $0.budget = 0 }
        costly.offerings = costly.offerings.map { var o = $0; o.costPerCompletion = 1000; return o }
        var converting = Tests.input([Tests.r1, withheld])
        converting.fromOtherWork = 3
        return try [
            Tests.input(), Tests.input([Tests.r1, lone]), Tests.input([big]) { $0.maxGrowth = 0 }, costly, converting,
            Tests.input([Tests.r1, Tests.r2]) { $0.maxUpskill = 0.01 },
        ].map(WorkforcePlan.build)
    }

    @Test func theSpanishPlanHasNoEnglishAndNoKeyLeft() throws {
        let english = Words.bundled.fragments(.en)
        #expect(english.contains("more of those who leave"))
        for plan in try Self.plans() {
            for sentence in Self.sentences(plan, .es) where !sentence.isEmpty {
                #expect(!sentence.contains("plan."), "a key left unread: \(sentence)")
                for fragment in english where sentence.contains(fragment) { Issue.record("English \"\(fragment)\" in: \(sentence)") }
            }
            for sentence in Self.sentences(plan, .en) { #expect(!sentence.contains("plan."), "a key left unread: \(sentence)") }
        }
    }

    /// Hand-written: the retention of the central case by hand (2 of R1's 10 exits, at most 20%),
    /// in both languages; why R2 stays open in the high case, its limit from the options.
    @Test func aSentenceByHandInBothLanguages() throws {
        let plan = try WorkforcePlan.build(WorkforcePlanTests.input())
        let retain = try #require(plan.actions.first { $0.kind == .retain })
        #expect(plan.what(retain) == "Keep 2 people a year more of those who leave Responder (at most 20% of its exits); no seats.")
        #expect(plan.what(retain, .es) == "Retener 2 personas al año más de quienes dejan Responder (como máximo el 20% de sus salidas); sin plazas.")
        let r2 = try #require(plan.cases[2].roles.first { $0.role.id == "OV-R2" })
        #expect(
            plan.why(r2) == "It is an experience role, filled by upskilling, never by a new entrant course; its feeder roles can send at most 10% of their role-holdings a year (--max-upskill).")
        #expect(plan.why(r2, .es).hasPrefix("Es un rol de experiencia") && plan.why(r2, .es).contains("el 10% de sus titulares"))
    }

    /// JSON and CSV keep machine names and English: `open_reasons` holds codes, `why_open` the
    /// English sentence, whatever language the readers' table is in.
    @Test func theRoleTableCarriesTheReasonsCodes() throws {
        var lone = WorkforcePlanTests.r2
        lone.ksas = ["z"]
        let plan = try WorkforcePlan.build(WorkforcePlanTests.input([WorkforcePlanTests.r1, lone]))
        let table = plan.roleTable(.es)
        let row = try #require(table.rows.indices.first { table.cell($0, "role_id") == .text("OV-R2") })
        #expect(table.cell(row, "open_reasons") == .text("experience_role no_feeder"))
        #expect(plan.roleTable.cell(row, "why_open").plainText.hasPrefix("It is an experience role"))
    }
}
