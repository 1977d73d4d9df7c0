import Foundation
import Testing
@testable import WorkforceKit

@Suite struct WorkforcePlanTests {
    typealias Role = PlanInput.Role
    typealias Offering = PlanInput.Offering

    static let r1 = Role(
        id: "R1", name: "Responder", ksas: ["a", "b", "c", "d"], status: .published, gap: .init(10, ciLow: 6, ciHigh: 14), demand: 30,
        quality: "B", criticalShare: 0.5, employed: 8, belowRequired: 4, meanShortfall: 1.5, lacking: ["d"])
    static let r2 = Role(id: "R2", name: "Manager", ksas: ["c", "d", "x", "y"], status: .published, gap: .init(4, ciLow: 1, ciHigh: 7), demand: 9)
    /// P1 a short course for R1 only; P3 a short course split evenly between R1 and R2; P2 a
    /// certificate (1 year) for R2, which delivers nothing within a year.
    static let offerings = [
        Offering(code: "P1", institution: "U1", title: "One", level: "short_course", lengthYears: 0.25, completions: 8, shares: ["R1": 1], ksas: ["a", "b", "c"]),
        Offering(code: "P2", institution: "U2", title: "Two", level: "certificate", lengthYears: 1, completions: 5, shares: ["R2": 1], ksas: ["c", "d", "x"]),
        Offering(code: "P3", institution: "U2", title: "Three", level: "short_course", lengthYears: 0.25, completions: 4, shares: ["R1": 0.5, "R2": 0.5], ksas: ["c", "d"]),
    ]

    static func input(_ roles: [Role] = [r1, r2], horizon: Double = 1, words: String = "medium term (1 year)", maxGrowth: Double = 1) -> PlanInput {
        PlanInput(roles: roles, offerings: offerings, horizonYears: horizon, horizonWords: words, maxGrowth: maxGrowth)
    }

    static func close(_ a: Double?, _ b: Double) -> Bool { a.map { abs($0 - b) < 1e-9 } ?? false }

    /// By hand, medium term: avail 0.75 for the short courses and a new course, 0 for P2.
    /// R1: 0.75 x1 + 0.375 x3 + 0.75 y1 >= 10; R2: 0.375 x3 + 0.75 y2 >= 4; x1 <= 8, x3 <= 4.
    /// Every unit of x1 saves one of y1, of x3 half of y1 and half of y2: both at their caps,
    /// y1 = (10 - 6 - 1.5) / 0.75 = 10/3, y2 = (4 - 1.5) / 0.75 = 10/3; then Σ x = 12.
    @Test func seatsAreTheTwoProgramsOptimaAndEveryRoleAddsUp() throws {
        let plan = try WorkforcePlan.build(Self.input())
        #expect(Self.close(plan.createdSeats, 20.0 / 3))
        #expect(Self.close(plan.scaledSeats, 12))
        #expect(Self.close(plan.seats, 12 + 20.0 / 3))
        let scale = plan.actions.filter { $0.kind == .scale }
        #expect(scale.map(\.offering) == ["P1", "P3"])
        #expect(Self.close(scale[0].target, 8) && Self.close(scale[1].target, 4))
        #expect(scale[1].contributions.map(\.role).sorted() == ["R1", "R2"])
        #expect(scale[1].contributions.allSatisfy { Self.close($0.people, 1.5) })
        let create = plan.actions.filter { $0.kind == .create }
        #expect(create.map(\.roles) == [["R1"], ["R2"]])
        #expect(create.allSatisfy { Self.close($0.target, 10.0 / 3) && Self.close($0.contributions.first?.people, 2.5) })
        // Closed + open = gap; the contributions reach each gap exactly.
        for account in plan.roles {
            #expect(Self.close(account.closed + account.open, account.role.gap.value))
            #expect(Self.close(account.contributed, account.role.gap.value))
            #expect(Self.close(account.open, 0))
        }
        // P2 takes a year: listed beyond the horizon, contributing nothing.
        let beyond = try #require(plan.actions.first { $0.kind == .beyondHorizon })
        #expect(beyond.offering == "P2" && beyond.contributions.isEmpty && beyond.target == nil && beyond.firstCompletionsInYears == 1)
        #expect(beyond.what.contains("beyond the medium term (1 year)"))
    }

    @Test func withoutGrowthEverySeatIsANewCourse() throws {
        let plan = try WorkforcePlan.build(Self.input(maxGrowth: 0))
        #expect(Self.close(plan.scaledSeats, 0))
        #expect(Self.close(plan.createdSeats, 14 / 0.75))
        #expect(plan.actions.filter { $0.kind == .scale }.isEmpty)
    }

    /// A small gap: existing growth closes it, no course is created, and the cheaper way in
    /// seats is chosen (P1 adds 0.75 to R1 per seat, P3 0.375).
    @Test func aGapExistingGrowthClosesCreatesNothing() throws {
        var small = Self.r1
        small.gap = .init(3)
        let plan = try WorkforcePlan.build(Self.input([small]))
        #expect(plan.createdSeats == 0)
        #expect(plan.actions.filter { $0.kind == .scale }.map(\.offering) == ["P1"])
        #expect(Self.close(plan.scaledSeats, 4))
        #expect(plan.actions.allSatisfy { $0.kind != .create })
    }

    /// Over two years P2 delivers (avail 1) and is scaled instead of a new course for R2
    /// (avail 1.75): 0.375·4 + 1·x2 = 4 needs x2 = 2.5 within its cap of 5.
    @Test func aLongerHorizonBringsTheCertificateIn() throws {
        let plan = try WorkforcePlan.build(Self.input(horizon: 2, words: "long term (2 years)"))
        #expect(plan.actions.allSatisfy { $0.kind != .beyondHorizon })
        #expect(Self.close(plan.createdSeats, 0))
        let p2 = try #require(plan.actions.first { $0.offering == "P2" && $0.kind == .scale })
        #expect(p2.target.map { $0 <= 5 + 1e-12 } == true)
        for account in plan.roles { #expect(account.open < 1e-9) }
    }

    @Test func ranksByWeightedGapWithIntervalsMarkingTies() throws {
        let plan = try WorkforcePlan.build(Self.input())
        // R1: 10 × 1.5 = 15 [9, 21]; R2: 4 [1, 7]: the intervals do not overlap.
        #expect(plan.roles.map(\.role.id) == ["R1", "R2"])
        #expect(Self.close(plan.roles[0].priority.value, 15) && Self.close(plan.roles[0].priority.ciLow, 9))
        #expect(plan.roles[0].distinguishableFromNext == true)
        #expect(plan.roles[1].distinguishableFromNext == nil)
        var wide = Self.r2
        wide.gap = .init(4, ciLow: 1, ciHigh: 12)
        #expect(try WorkforcePlan.build(Self.input([Self.r1, wide])).roles[0].distinguishableFromNext == false)
        var noInterval = Self.r2
        noInterval.gap = .init(4)
        #expect(try WorkforcePlan.build(Self.input([Self.r1, noInterval])).roles[0].distinguishableFromNext == nil)
    }

    @Test func onlyPublishedRolesEnterAndUpskillNamesWhatTeachesTheLackingKSAs() throws {
        var suppressed = Self.r2
        suppressed.status = .suppressed
        let plan = try WorkforcePlan.build(Self.input([Self.r1, suppressed]))
        #expect(plan.roles.map(\.role.id) == ["R1"])
        #expect(plan.actions.allSatisfy { !$0.contributions.contains { $0.role == "R2" } || $0.kind == .scale })
        let upskill = try #require(plan.actions.first { $0.kind == .upskill })
        #expect(upskill.target == 4 && upskill.unit == "role-holdings" && upskill.ksas == ["d"])
        // d is taught by P2 and P3; P3 has fewer completions, so P2 first.
        #expect(upskill.offering == "P2")
        #expect(upskill.what.contains("Responder [R1]"))
        #expect(plan.notes.contains { $0.contains("R2") })
    }

    @Test func createNamesTheUntaughtKSAsByDemandAndTheClosestHost() throws {
        // R3 needs y and z (untaught; y also needed by R2 with its demand 9) and c (taught).
        let r3 = Role(id: "R3", name: "Analyst", ksas: ["c", "y", "z"], status: .published, gap: .init(2), demand: 3)
        let plan = try WorkforcePlan.build(Self.input([Self.r2, r3]))
        let create = try #require(plan.actions.first { $0.kind == .create && $0.roles == ["R3"] })
        #expect(create.ksas == ["y", "z"])
        // U1 teaches c (1 of 3), U2 teaches c too: a tie on coverage goes to the first name.
        #expect(create.institution == "U1")
        #expect(create.what.contains("Analyst [R3]") && create.what.contains("y, z"))
    }

    @Test func defaultLengthsByLevel() {
        #expect(PlanInput.defaultLength(level: "short_course") == 0.25)
        #expect(PlanInput.defaultLength(level: "certification_prep") == 0.25)
        #expect(PlanInput.defaultLength(level: "certificate") == 1)
        #expect(PlanInput.defaultLength(level: "associate") == 2)
        #expect(PlanInput.defaultLength(level: "master") == 2)
        #expect(PlanInput.defaultLength(level: "bachelor") == 4)
        #expect(Self.input().available(afterLength: 4) == 0)
        #expect(Self.input(horizon: 0.5).available(afterLength: 0.25) == 0.25)
    }

    /// The adapter from the employer estimates: status, gap = demand - entry rate × supply,
    /// critical share, lacking KSAs without "none", lengths from level or duration.
    @Test func theInputFromTheGapAnalysis() throws {
        let roles = [
            RoleProfile(id: "R1", name: "Responder", ksas: ["A", "B", "C", "D"]), RoleProfile(id: "R2", name: "Manager", ksas: ["C", "D", "X", "Y"]),
            RoleProfile(id: "R3", name: "Other", ksas: ["Q"]),
        ]
        let employers = (0..<6).map { n in
            EmployerResponse(
                sector: n < 3 ? "energy" : "retail_commerce",
                roles: [
                    "R1": RoleReport(
                        staff: 2, vacancies: 2, leavers: 0, expected: [.medium: 1], requiredLevel: 3, currentLevel: n < 2 ? 1 : 3, lacking: ["D", "NONE"])
                ].merging(["R2": RoleReport(staff: 1, vacancies: 1, leavers: 0, expected: [.medium: 0])]) { a, _ in a })
        }
        let catalog = [
            WorkforceKit.Offering(id: 1, institution: "U1", code: "P1", title: "One", level: "bachelor", deliveryMode: "online", completions: 4, ksas: ["A", "B", "C"]),
            WorkforceKit.Offering(id: 2, institution: "U1", code: "P2", title: "Two", level: "certificate", deliveryMode: "online", completions: 2, ksas: ["X", "Y", "C"]),
        ]
        let inputs = GapInputs(
            employers: employers, roles: roles, units: SupplyUnit.units(catalog), offerings: catalog, theta: 0.5, horizon: .medium, entryRate: 0.5)
        let input = PlanInput(EmployerEstimates(inputs), lengths: [2: 0.5], maxGrowth: 2)
        let r1 = try #require(input.roles.first { $0.id == "R1" })
        // Demand 6 × 3 = 18; supply 4 (P1 prepares for R1 only) × 0.5: gap 16.
        #expect(r1.status == .published)
        #expect(r1.gap.value == 16)
        #expect(r1.demand == 18)
        #expect(Self.close(r1.criticalShare, 0.5))
        #expect(r1.belowRequired == 4 && r1.lacking == ["D"])
        // R2: demand 6, supply 2 × 0.5.
        #expect(input.roles.first { $0.id == "R2" }.map { $0.status == .published && $0.gap.value == 5 } == true)
        #expect(input.roles.first { $0.id == "R3" }?.status == .notSurveyed)
        #expect(input.offerings.map(\.lengthYears) == [4, 0.5])
        #expect(input.offerings[1].shares == ["R2": 1])
        #expect(input.maxGrowth == 2 && input.entryRate == 0.5)
    }
}
