import Foundation
import Testing

@testable import WorkforceKit
@testable import Domain

/// The edit rules run at import (issue 28): each rule on a record built answer by answer.
@Suite struct EditRuleTests {
    let rules: EditRules
    let index: [String: Int]

    init() throws {
        let instrument = try buildInstrument(.employer, roles: ["OM-NET-001", "OM-ADM-001"])
        let codebook = try ParsedCodebook(json: Codebook.json(instrument), source: "test")
        rules = try #require(EditRules(codebook))
        index = codebook.indexByName
    }

    /// The findings on a record with these numeric and choice answers.
    func check(_ numbers: [String: Double], _ choices: [String: String] = [:]) -> [EditRules.Finding] {
        let names = Dictionary(uniqueKeysWithValues: index.map { ($1, $0) })
        return rules.check(number: { names[$0].flatMap { numbers[$0] } }, text: { names[$0].flatMap { choices[$0] } ?? "" })
    }

    @Test func staffAboveTheEmployeesIsAHardRuleAtTheStaffQuestion() throws {
        let findings = check(["total_employees": 9, "om_net_001_staff": 20])
        #expect(findings.count == 1)
        let f = try #require(findings.first)
        #expect(f.hard && f.rule == "staff_above_employees" && f.question == index["om_net_001_staff"])
        #expect(f.message == "om_net_001_staff is 20, above the organisation's 9 employees (total_employees); fix the figure and import the row again")
        #expect(check(["total_employees": 9, "om_net_001_staff": 9]).isEmpty)
    }

    @Test func openingsAboveHalfTheEmployeesAreAQueryAndTheBandIsNamed() throws {
        // 9 employees: 4 openings pass, 5 are above half, 60 above all of them and the micro band.
        #expect(check(["total_employees": 9, "om_net_001_vacancies": 2, "om_net_001_new_1y": 2]).isEmpty)
        let half = try #require(check(["total_employees": 9, "om_net_001_vacancies": 3, "om_net_001_new_1y": 2]).first)
        #expect(!half.hard && half.rule == "role_openings_above_employees" && half.question == index["om_net_001_vacancies"])
        #expect(half.message.contains("5 is above half the organisation's 9 employees"))
        let planted = try #require(check(["total_employees": 9, "om_net_001_staff": 2, "om_net_001_vacancies": 60], ["size_band": "micro"]).first)
        #expect(planted.message == "om_net_001 openings (vacancies + new positions within 1 year) 60 is above the organisation's 9 employees (total_employees) and above the micro size band's 9; check the figure with the organisation")
    }

    @Test func staffReportedWhileTheWorkIsOutsourcedOrNotDoneIsAQuery() throws {
        let all = check(["total_employees": 40, "om_adm_001_staff": 1], ["cyber_work": "yes", "cyber_outsourced": "all"])
        #expect(all.map(\.rule) == ["staff_while_outsourced"] && all.first?.question == index["cyber_outsourced"] && all.first?.hard == false)
        let none = check(["total_employees": 40, "om_adm_001_staff": 1], ["cyber_work": "no"])
        #expect(none.first?.question == index["cyber_work"] && none.first?.message.contains("no cybersecurity work is done") == true)
        #expect(check(["total_employees": 40, "om_adm_001_staff": 1], ["cyber_work": "yes", "cyber_outsourced": "some"]).isEmpty)
        #expect(check(["total_employees": 40, "om_adm_001_staff": 0], ["cyber_work": "yes", "cyber_outsourced": "all"]).isEmpty)
    }

    @Test func theFlowBlocksPartsAboveTheirTotalAreAHardRuleAtTheLastPart() throws {
        let leavers = check(["total_employees": 40, "leavers_people_12m": 3, "left_to_employer_bz": 2, "left_abroad": 1, "left_cyber_work": 1])
        #expect(leavers.count == 1)
        let f = try #require(leavers.first)
        #expect(f.hard && f.rule == "flow_parts_above_total" && f.question == index["left_cyber_work"])
        #expect(f.message == "left_to_employer_bz + left_abroad + left_cyber_work is 4, above leavers_people_12m (3); fix the figures and import the row again")
        #expect(check(["total_employees": 40, "leavers_people_12m": 3, "left_to_employer_bz": 2, "left_abroad": 1, "left_cyber_work": 0]).isEmpty)
        let hires = check(["total_employees": 40, "hires_12m": 2, "hired_from_education": 1, "hired_from_employer_bz": 0, "hired_from_abroad": 2])
        #expect(hires.map(\.rule) == ["flow_parts_above_total"] && hires.first?.question == index["hired_from_abroad"])
        let hard = check(["total_employees": 40, "vacant_jobs": 1, "hard_to_fill_jobs": 2])
        #expect(hard.first?.question == index["hard_to_fill_jobs"] && hard.first?.message.contains("above vacant_jobs (1)") == true)
        // Not asked (no total): nothing to check.
        #expect(check(["total_employees": 40, "left_abroad": 5]).isEmpty)
    }

    @Test func withoutTotalEmployeesThereIsNothingToCheck() throws {
        #expect(check(["om_net_001_staff": 500, "om_net_001_vacancies": 400]).isEmpty)
        let awareness = try ParsedCodebook(json: Codebook.json(try buildInstrument(.awareness)), source: "test")
        #expect(EditRules(awareness) == nil)
    }
}
