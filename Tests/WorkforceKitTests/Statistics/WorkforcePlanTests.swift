import Foundation
import Testing

@testable import WorkforceKit
@testable import Domain

/// The plan on hand-computed inputs: every lever, its bounds, the cases and robust marks.
@Suite struct WorkforcePlanTests {
    typealias Role = PlanInput.Role
    typealias Offering = PlanInput.Offering

    /// R1 an entrant role: shortfall 20 [14, 26] a year, 6 vacancies (2 a year over 3 years),
    /// 10 exits (retention up to 2), 50 role-holdings. R2 an Oversee and Govern role (an
    /// experience role): shortfall 5 [3, 7], sharing KSAs c and d with R1 (its feeder).
    static let r1 = Role(
        id: "PR-R1", name: "Responder", ksas: ["a", "b", "c", "d"], shortfall: .init(20, ciLow: 14, ciHigh: 26), backlog: 6, exits: 10, employed: 50,
        requiredLevel: 2)
    static let r2 = Role(id: "OV-R2", name: "Manager", category: "OV", ksas: ["c", "d", "x", "y"], shortfall: .init(5, ciLow: 3, ciHigh: 7), employed: 10)
    /// P1 a short course for R1 (cap 4); P2 a bachelor (4 years: beyond a 3-year horizon); P3
    /// a short course split between R1 and R2 (R2's half counts for nothing: experience roles
    /// are not entered from courses), cap 2.
    static let offerings = [
        Offering(code: "P1", institution: "U1", title: "One", level: "short_course", lengthYears: 0.25, completions: 8, shares: ["PR-R1": 1], ksas: ["a", "b", "c"]),
        Offering(code: "P2", institution: "U2", title: "Two", level: "bachelor", lengthYears: 4, completions: 5, shares: ["PR-R1": 1], ksas: ["c", "d", "x"]),
        Offering(code: "P3", institution: "U2", title: "Three", level: "short_course", lengthYears: 0.25, completions: 4, shares: ["PR-R1": 0.5, "OV-R2": 0.5], ksas: ["c", "d"]),
    ]

    static func input(_ roles: [Role] = [r1, r2], _ change: (inout PlanOptions) -> Void = { _ in }) -> PlanInput {
        var options = PlanOptions()
        change(&options)
        return PlanInput(roles: roles, offerings: offerings, options: options, entryRate: 1, statements: ["a": "Knowledge of a"])
    }

    static func close(_ a: Double?, _ b: Double, _ tolerance: Double = 1e-6) -> Bool { a.map { abs($0 - b) < tolerance } ?? false }

    /// Central, by hand: R2 needs 5, only upskilling from R1 serves it (at most 10% of 50 = 5):
    /// 5, which adds 5 to R1's need, 20 + 6/3 + 5 = 27. R1: retention 2 (no seats), P1 at its
    /// cap 4, then one new course (fewest courses), the rest at 1 person a seat: 27 - 2 - 4 =
    /// 21 seats of P1 or the course (P3 gives half a person a seat: never cheaper). Seats 5 +
    /// 25 = 30; nothing open.
    @Test func theCentralCaseByHand() throws {
        let plan = try WorkforcePlan.build(Self.input())
        let c = plan.central
        #expect(Self.close(c.values[0], 0) && c.values[1] == 1 && Self.close(c.values[2], 30))
        #expect(Self.close(c.seats, 30))
        let r1 = try #require(c.roles.first { $0.role.id == "PR-R1" }), r2 = try #require(c.roles.first { $0.role.id == "OV-R2" })
        #expect(Self.close(r1.need, 27) && Self.close(r1.drawn, 5) && Self.close(r1.backlogPerYear, 2) && Self.close(r1.open, 0))
        #expect(Self.close(r1.byLever[.retain], 2) && Self.close((r1.byLever[.scale] ?? 0) + (r1.byLever[.create] ?? 0), 25))
        #expect(Self.close(r2.need, 5) && Self.close(r2.byLever[.upskill], 5) && r2.feeders == ["PR-R1"])
        for r in c.roles { #expect(Self.close(r.closed + r.open, r.need) && Self.close(r.closed, min(r.need, r.contributed))) }
        // The bachelor (beyond the horizon) never grows; no course is created for R2.
        #expect(!c.actions.contains { $0.kind == .scale && $0.offering == "P2" })
        #expect(!c.actions.contains { $0.kind == .create && $0.role == "OV-R2" })
        let create = try #require(c.actions.first { $0.kind == .create })
        #expect(create.seats >= 12 - 1e-6 && create.seats <= 30 + 1e-6 && create.firstCompletionsYear == 1)
        let upskill = try #require(c.actions.first { $0.kind == .upskill })
        #expect(upskill.feeder == "PR-R1" && upskill.ksas.sorted() == ["x", "y"] && plan.what(upskill).contains("from Responder into Manager"))
    }

    /// Low: R2 needs 3 (upskilled from R1), R1 14 + 2 + 3 = 19: retention 2 leaves 17 beyond
    /// what P1 and P3 can give (5), so one course; at 1 person a seat for P1 and the course,
    /// 17 seats (P3, half a person a seat, is never cheaper); seats 3 + 17 = 20.
    /// High: R2 needs 7, upskilling stops at 5 (2 open, said why); R1 26 + 2 + 5 = 33.
    /// Retention of R1 and the upskilling are in all three cases: robust.
    @Test func theLowAndHighCasesAndTheRobustMark() throws {
        let plan = try WorkforcePlan.build(Self.input())
        let low = plan.cases[0], high = plan.cases[2]
        #expect(plan.cases.map(\.kind) == [.low, .central, .high])
        #expect(Self.close(low.need, 19 + 3) && Self.close(low.open, 0) && Self.close(low.values[2], 20))
        let r2 = try #require(high.roles.first { $0.role.id == "OV-R2" })
        #expect(Self.close(r2.open, 2) && r2.openReasons == [.experienceRole, .feederLimit] && plan.why(r2).contains("experience role") && plan.why(r2).contains("10%"))
        #expect(Self.close(high.roles.first { $0.role.id == "PR-R1" }?.need, 33))
        for a in plan.actions where a.kind == .retain || a.kind == .upskill { #expect(a.robust, "\(a.key)") }
        #expect(plan.casesTable.rows.count >= plan.actions.count)
    }

    /// A need of 5 and nothing else: no course of 5 exists, so one of the minimum cohort, 12.
    /// A need of 70 with two hosts of at most 30: 10 stay open, and the reason names the cohort.
    @Test func aNewCourseIsBetweenTheMinimumAndMaximumCohort() throws {
        var small = Self.r1
        small.shortfall = .init(5)
        small.backlog = 0
        small.exits = 0
        let plan = try WorkforcePlan.build(Self.input([small]) { $0.maxGrowth = 0 })
        let create = try #require(plan.actions.first { $0.kind == .create })
        #expect(Self.close(create.seats, 12) && plan.actions.count == 1)
        #expect(Self.close(plan.roles[0].closed, 5) && Self.close(plan.roles[0].contributed, 12))
        var big = small
        big.shortfall = .init(70)
        let bigPlan = try WorkforcePlan.build(Self.input([big]) { $0.maxGrowth = 0 })
        #expect(Self.close(bigPlan.central.open, 10))
        #expect(bigPlan.roles[0].openReasons.contains(.maxCohort(hosts: 2)) && bigPlan.why(bigPlan.roles[0]).contains("maximum cohort of 30"))
    }

    /// Institution growth binds below the offering's own cap: U1 at 25% of 8 = 2.
    @Test func anInstitutionGrowsByAtMostItsShare() throws {
        let plan = try WorkforcePlan.build(Self.input([Self.r1]) { $0.institutionGrowth = 0.25 })
        for c in plan.cases {
            let u1 = c.actions.filter { $0.kind == .scale && $0.institution == "U1" }.reduce(0) { $0 + $1.seats }
            #expect(u1 <= 2 + 1e-9)
        }
    }

    /// With a 4-year horizon the bachelor delivers and can grow; with a budget of 0 and costs
    /// known, no seat is bought and only retention acts.
    @Test func theHorizonAndTheBudget() throws {
        let program = PlanProgram(Self.input([Self.r1]) { $0.years = 4 }, needs: ["PR-R1": 40])
        #expect(program.variables.contains { $0.offering == 1 })
        var costly = Self.input([Self.r1]) { $0.budget = 0 }
        costly.offerings = costly.offerings.map { var o = $0; o.costPerCompletion = 1000; return o }
        let plan = try WorkforcePlan.build(costly)
        #expect(plan.actions.allSatisfy { $0.kind == .retain })
        #expect(Self.close(plan.central.open, 22 - 2) && plan.roles[0].openReasons.last == .budgetSpent && plan.why(plan.roles[0]).contains("budget"))
    }

    /// An experience role no entrant role shares KSAs with stays open, and says why.
    @Test func anExperienceRoleWithoutFeedersStaysOpen() throws {
        var lone = Self.r2
        lone.ksas = ["z"]
        let plan = try WorkforcePlan.build(Self.input([Self.r1, lone]))
        let r = try #require(plan.roles.first { $0.role.id == "OV-R2" })
        #expect(Self.close(r.open, 5) && r.openReasons == [.experienceRole, .noFeeder] && plan.why(r).contains("shares its KSAs"))
    }

    /// With the flow questions, each role's need comes from the flow model's role allocation
    /// (people a year, with its interval), its backlog from the vacant jobs allocated to it,
    /// its exits from its share of the national exits; conversion from today's career changers.
    @Test func theInputComesFromTheFlowModelsRoleAllocation() throws {
        let estimates = try WorkforceFlowsTests.estimates()
        let flows = try #require(estimates.flows)
        let input = PlanInput(estimates)
        #expect(input.entryRate == flows.entryRate && input.fromOtherWork == flows.fromOtherWork.value)
        #expect(Self.close(input.conversionRoom, flows.fromOtherWork.value, 1e-12))
        for r in flows.roles {
            let role = try #require(input.roles.first { $0.id == r.role.id })
            #expect(role.shortfall == r.shortfall)
            #expect(role.backlog == r.vacantJobs.value)
            #expect(Self.close(role.exits, flows.exits.value * r.share.value, 1e-12))
        }
        let needs = WorkforcePlan.needs(input, .central)
        let r1 = try #require(flows.roles.first { $0.role.id == "R1" })
        #expect(Self.close(needs["R1"], r1.shortfall.value + r1.vacantJobs.value / 3, 1e-12))
    }

    @Test func theWeightedMedianOfRequiredProficiency() {
        #expect(PlanInput.weightedMedian([(1, 1), (3, 1), (4, 1)]) == 3)
        #expect(PlanInput.weightedMedian([(1, 3), (4, 1)]) == 1)
        #expect(PlanInput.weightedMedian([(2, 1), (3, 1)]) == 2)
        #expect(PlanInput.weightedMedian([]) == nil)
    }
}
