import Foundation
import Testing

@testable import WorkforceKit
@testable import Domain
@testable import Storage

/// The main points of the flow model (issue 27): the two headline figures in their units, the
/// largest assumption, then the roles; no sentence adds figures of different units.
@Suite struct MainPointsFlowTests {
    static func flows(shortfall: Double) -> MainPoints.Flows {
        let low = ShortfallScenarios.Row(assumption: "new_jobs_realised", side: "low", value: 0.5, shortfall: shortfall - 40, change: -40)
        let high = ShortfallScenarios.Row(assumption: "new_jobs_realised", side: "high", value: 1, shortfall: shortfall, change: 0)
        return MainPoints.Flows(
            shortfall: Estimate(shortfall, se: 25, isCount: false), vacantJobs: Estimate(34, se: 5), hardToFillJobs: Estimate(22, se: 4),
            largest: (low, high), roles: [MainPoints.Role(name: "System Administrator", gap: Estimate(19, se: 5, isCount: false))],
            people: Estimate(448, se: 30), roleHoldings: Estimate(1103, se: 50), holdingsPerPerson: Estimate(2.46, se: 0.2, isCount: false))
    }

    static func points(_ flows: MainPoints.Flows) -> [String] {
        var employers = MainPointsTests.employers()
        employers.flows = flows
        return MainPoints(employers: employers).sentences
    }

    @Test func theHeadlinesComeFirstEachInItsUnit() {
        let s = Self.points(Self.flows(shortfall: 80))
        #expect(s[0] == "Belize needs about 80 more people a year to enter cybersecurity work than now enter it (95% CI 31 to 129); this is a projection from last year's hires and leavers, not a count.")
        #expect(s[1] == "About 34 cybersecurity jobs are vacant now, 22 of them hard to fill (95% CI 24 to 44); jobs now are a stock, not part of the yearly figure.")
        #expect(s[2] == "The assumption that moves the figure most is whether employers create the new jobs they expect: if half of them are created, it would be 40 people a year; if all of them are, 80.")
        #expect(s[3].hasPrefix("Allocated to work roles by their share of vacancies, new positions and leavers, the largest shortfalls are for System Administrator (19; 95% CI 9 to 29 people a year)"))
        // The role-mention openings and completers are not on page 1 beside the people.
        #expect(!s.contains { $0.contains("openings") && $0.contains("completers") })
        #expect(s.contains { $0.contains("they hold 1,103 role-holdings, 2.5 roles a person (95% CI 2.1 to 2.9)") })
    }

    @Test func aNegativeShortfallIsSaidInWords() {
        let s = Self.points(Self.flows(shortfall: -30))
        #expect(s[0].hasPrefix("About 30 more people a year enter cybersecurity work in Belize than employers need (95% CI -79 to 19"))
        #expect(s[0].contains("the interval includes no shortfall"))
    }
}
