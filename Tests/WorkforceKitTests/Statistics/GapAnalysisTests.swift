import Foundation
import Testing
@testable import WorkforceKit

/// SPEC section 6 on a data set small enough to work by hand.
@Suite struct GapAnalysisTests {
    // Two roles: R1 needs {a, b, c, d}, R2 needs {c, d, e, f}; both in area AR, category C.
    static let r1 = RoleProfile(id: "R1", name: "Responder", specialtyArea: "AR", category: "C", ksas: ["a", "b", "c", "d"])
    static let r2 = RoleProfile(id: "R2", name: "Manager", specialtyArea: "AR", category: "C", ksas: ["c", "d", "e", "f"])
    static let r3 = RoleProfile(id: "R3", name: "Analyst", specialtyArea: "AN", category: "D", ksas: ["x", "y"])

    // P1 teaches {a, b, c} (R1 0.75, R2 0.25); P2 teaches {c, d} (R1 0.5, R2 0.5: two roles);
    // a programme P3 (row {e}) with courses {f} and {c}: union {c, e, f} (R1 0.25, R2 0.75).
    static let offerings = [
        Offering(id: 1, institution: "U1", code: "P1", title: "One", level: "certificate", deliveryMode: "online", completions: 10, ksas: ["a", "b", "c"]),
        Offering(id: 2, institution: "U2", code: "P2", title: "Two", level: "certificate", deliveryMode: "online", completions: 8, ksas: ["c", "d"]),
        Offering(id: 3, institution: "U1", code: "P3", title: "Prog", level: "bachelor", deliveryMode: "in_person", completions: 6, ksas: ["e"]),
        Offering(id: 4, institution: "U1", code: "C31", title: "Course", level: "bachelor", deliveryMode: "in_person", completions: 40, programme: "P3", ksas: ["f"]),
        Offering(id: 5, institution: "U1", code: "C32", title: "Course", level: "bachelor", deliveryMode: "in_person", completions: 30, programme: "P3", ksas: ["c"]),
    ]

    static func employers() -> [EmployerResponse] {
        [
            EmployerResponse(
                sector: "energy", sizeBand: "small", district: "cayo",
                roles: [
                    "R1": RoleReport(staff: 4, vacancies: 2, hardToFill: 1, expected: [.short: 1, .medium: 2, .long: 3], requiredLevel: 3, currentLevel: 1, lacking: ["a", "b"]),
                    "R2": RoleReport(staff: 1, vacancies: 0, hardToFill: 0, expected: [.short: 0, .medium: 1, .long: 1], requiredLevel: 2, currentLevel: 2),
                ],
                confident: ["basic": [true, false], "advanced": [true], "incident": [true]]),
            EmployerResponse(
                sector: "energy", sizeBand: "small", district: "belize",
                roles: ["R1": RoleReport(staff: 2, vacancies: 1, hardToFill: 1, expected: [.short: 0, .medium: 1], requiredLevel: 2, currentLevel: 2, lacking: ["a"])],
                confident: ["basic": [true, true], "advanced": [false]]),
            EmployerResponse(
                sector: "tourism", sizeBand: "micro", district: "belize",
                roles: ["R1": RoleReport(staff: 0, vacancies: 3, hardToFill: 0, expected: [:])],
                confident: ["basic": [false]]),
        ]
    }

    static func inputs(_ horizon: Horizon = .medium, weights: [Double]? = nil, theta: Double = 0.5) -> GapInputs {
        GapInputs(
            employers: employers(), weights: weights, roles: [r1, r2, r3], units: SupplyUnit.units(offerings), offerings: offerings,
            theta: theta, horizon: horizon)
    }

    @Test func programmesTeachTheUnionOfTheirCoursesAndCountCompletionsOnce() {
        let units = SupplyUnit.units(Self.offerings)
        #expect(units.map(\.code) == ["P1", "P2", "P3"])
        #expect(units[2].ksas == ["c", "e", "f"])
        #expect(units[2].completions == 6)
        #expect(units[2].offerings == [3, 4, 5])
        // Without its own row, a programme takes its smallest course's completions.
        let implicit = SupplyUnit.units(Array(Self.offerings.dropFirst(3)))
        #expect(implicit.count == 1 && implicit[0].completions == 30 && implicit[0].ksas == ["c", "f"])
    }

    @Test func coverageSharesAndThetaAtTheBoundary() {
        #expect(Coverage.coverage(["a", "b", "c"], Self.r1.ksas) == 0.75)
        // θ = 0.5 exactly: P2 covers both roles at 0.5, so it prepares for both, half each.
        #expect(Coverage.preparedRoles(["c", "d"], [Self.r1, Self.r2], theta: 0.5).map(\.role.id) == ["R1", "R2"])
        #expect(Coverage.shares(["c", "d"], [Self.r1, Self.r2], theta: 0.5) == ["R1": 0.5, "R2": 0.5])
        #expect(Coverage.preparedRoles(["c", "d"], [Self.r1, Self.r2], theta: 0.51).isEmpty)
        // P1: R1 0.75 is prepared for, R2 0.25 is not: all of P1 goes to R1.
        #expect(Coverage.shares(["a", "b", "c"], [Self.r1, Self.r2], theta: 0.5) == ["R1": 1])
        // With θ = 0.25, P1 prepares for both: 0.75 / 1.0 and 0.25 / 1.0.
        #expect(Coverage.shares(["a", "b", "c"], [Self.r1, Self.r2], theta: 0.25) == ["R1": 0.75, "R2": 0.25])
    }

    @Test(arguments: [(Horizon.short, 0.5), (.medium, 1.0), (.long, 2.0)])
    func roleFiguresForEachHorizon(_ horizon: Horizon, _ years: Double) throws {
        let gaps = GapAnalysis.roleGaps(Self.inputs(horizon))
        let r1 = try #require(gaps.first { $0.role.id == "R1" })
        let r2 = try #require(gaps.first { $0.role.id == "R2" })
        #expect(r1.employed == 6 && r1.vacancies == 6 && r1.hardToFill == 2)
        #expect(r1.hardToFillRate == 2.0 / 6)
        #expect(r1.respondents == 3)
        // Expected positions: short 1 + 0 (+ third unknown); medium 2 + 1; long 3 (second and third unknown).
        let expectedNew: [Horizon: Double] = [.short: 1, .medium: 3, .long: 3]
        let unknown: [Horizon: Int] = [.short: 1, .medium: 1, .long: 2]
        #expect(r1.newPositions == expectedNew[horizon])
        #expect(r1.unknownNewPositions == unknown[horizon])
        #expect(r1.demand == r1.vacancies + r1.newPositions)
        // Supply, θ 0.5: P1 10 × 1 to R1; P2 8 × ½ to each; P3 6 × (0.75 / 0.75) to R2 (R1 at 0.25 is below θ).
        #expect(abs(r1.supply - (10 + 4) * years) < 1e-12)
        #expect(abs(r2.supply - (4 + 6) * years) < 1e-12)
        #expect(r1.gap == r1.demand - r1.supply)
        #expect(r1.supplyPer100Openings == 100 * r1.supply / r1.demand)
        // Each completion counted once: the sum of supply over roles is every completion of a unit
        // that prepares for at least one role, times the years.
        #expect(abs(gaps.reduce(0) { $0 + $1.supply } - (10 + 8 + 6) * years) < 1e-12)
    }

    @Test func weightsMultiplyEveryFigure() throws {
        // A frame: energy x small has 10 organisations (2 respondents → 5 each), tourism x micro 3 (1 → 3).
        let frame = SamplingFrame(organisations: [
            .init(sector: "energy", sizeBand: "small"): 10, .init(sector: "tourism", sizeBand: "micro"): 3,
            .init(sector: "water", sizeBand: "large"): 2,
        ])
        let (weights, notes) = frame.weights(Self.employers())
        #expect(weights == [5, 5, 3])
        #expect(notes.first?.contains("water x large") == true)
        let gaps = GapAnalysis.roleGaps(Self.inputs(weights: weights))
        let r1 = try #require(gaps.first { $0.role.id == "R1" })
        let employed: Double = 5 * 4 + 5 * 2 + 3 * 0
        let vacancies: Double = 5 * 2 + 5 * 1 + 3 * 3
        let expected: Double = 5 * 2 + 5 * 1
        #expect(r1.employed == employed)
        #expect(r1.vacancies == vacancies)
        #expect(r1.newPositions == expected)
        #expect(r1.respondents == 3)
    }

    @Test func areaAndCategoryTotalsAreTheSumOfTheirRoles() throws {
        let gaps = GapAnalysis.roleGaps(Self.inputs())
        let areas = GapAnalysis.aggregate(gaps, by: \.specialtyArea)
        let ar = try #require(areas.first { $0.id == "AR" })
        let roles = gaps.filter { $0.role.specialtyArea == "AR" }
        #expect(ar.demand == roles.reduce(0) { $0 + $1.demand })
        #expect(ar.supply == roles.reduce(0) { $0 + $1.supply })
        #expect(ar.employers.count == 3)
    }

    @Test func ksaDemandAndSupply() throws {
        let inputs = Self.inputs()
        let ksas = GapAnalysis.ksaGaps(inputs, GapAnalysis.roleGaps(inputs))
        let c = try #require(ksas.first { $0.id == "c" })
        // c is needed by R1 (demand 6 + 3 = 9) and R2 (0 + 1 = 1); taught by P1, P2 and C32
        // (3 offerings); supplied by units P1, P2, P3: (10 + 8 + 6) × 1.
        #expect(c.demand == 10)
        #expect(c.taught == 3)
        #expect(c.supply == 24)
        #expect(c.roles == ["R1", "R2"])
        #expect(!ksas.contains { $0.id == "x" })  // R3 has no demand and nothing teaches x
    }

    @Test func proficiencyShortfallLackingAndCapability() throws {
        let inputs = Self.inputs()
        let r1 = try #require(GapAnalysis.shortfalls(inputs).first { $0.role.id == "R1" })
        // Employer 1: 4 staff, 3 - 1 = 2; employer 2: 2 staff, 0; employer 3 has no staff.
        #expect(r1.respondents == 2)
        let mean: Double = (4.0 * 2 + 2 * 0) / 6
        #expect(r1.meanShortfall == mean)
        #expect(r1.shareWithShortfall == 0.5)
        #expect(r1.staffBelowRequired == 4)
        let lacking = GapAnalysis.lacking(inputs).filter { $0.role == "R1" }
        #expect(lacking.map(\.ksa) == ["a", "b"])
        #expect(lacking[0].employers == 2)
        #expect(lacking[0].asked == 2)
        #expect(lacking[0].share == 1)
        let capability = GapAnalysis.capability(inputs, by: nil)
        let shares: [Double?] = [2.0 / 3, 1.0 / 2, 0.0]
        #expect(capability.map(\.share) == shares)
        #expect(capability[2].employers == 1)
    }

    @Test func smallCellsAreSuppressedInTheTable() throws {
        let context = GapContext(inputs: Self.inputs(), framework: FrameworkRef(id: 1, name: "t", edition: .nice2017), names: [:], texts: [:], notes: [])
        let table = GapReport.table(context, GapRequest())
        let r1 = try #require(table.rows.firstIndex { $0[0] == .text("R1") })
        #expect(table.cell(r1, "suppressed") == .bool(true))
        #expect(table.cell(r1, "demand") == .null)
        var open = GapRequest()
        open.suppress = false
        let unsuppressed = GapReport.table(context, open)
        #expect(unsuppressed.banner?.contains("NOT FOR PUBLICATION") == true)
        #expect(unsuppressed.rendered(as: .csv).hasPrefix("# NOT FOR PUBLICATION"))
        #expect(unsuppressed.cell(r1, "demand") == .double(9))
    }

    @Test(arguments: [
        ("University of Belize", "university of belize", true),
        ("Universidad Galén", "universidad galen", true),
    ])
    func institutionNamesMatchIgnoringCaseAndAccents(_ a: String, _ b: String, _ same: Bool) {
        #expect((InstitutionName.matchKey(a) == InstitutionName.matchKey(b)) == same)
    }

    @Test func lookalikeNamesAreToldApartButFlagged() {
        #expect(InstitutionName.looksAlike("Univ. of Belize", "University of Belize"))
        #expect(InstitutionName.looksAlike("UB", "University of Belize"))
        #expect(!InstitutionName.looksAlike("Galen University", "University of Belize"))
        #expect(!InstitutionName.looksAlike("Belize Cert Academy", "University of Belize"))
    }
}
