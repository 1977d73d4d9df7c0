import Foundation
import Testing
@testable import WorkforceKit
@testable import Domain
@testable import Formats
@testable import Storage

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

    static func inputs(_ horizon: Horizon = .medium, weighting: EmployerWeighting? = nil, theta: Double = 0.5, impute: Bool = false) -> GapInputs {
        GapInputs(
            employers: employers(), weighting: weighting, roles: [r1, r2, r3], surveyed: ["R1", "R2"], units: SupplyUnit.units(offerings),
            offerings: offerings, theta: theta, horizon: horizon, impute: impute)
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
        let e = EmployerEstimates(Self.inputs(horizon))
        let r1 = try #require(e.roles.first { $0.role.id == "R1" })
        let r2 = try #require(e.roles.first { $0.role.id == "R2" })
        let f = r1.figures
        #expect(f.employed.value == 6 && f.vacancies.value == 6 && f.hardToFill.value == 2)
        #expect(f.hardToFillRate?.value == 2.0 / 6)
        #expect(f.respondents == 3)
        // Unweighted: no sampling error to estimate.
        #expect(f.demand.se == nil && r1.quality == nil)
        // Expected positions (unknown left out: no imputation here): short 1 + 0; medium 2 + 1; long 3.
        let expectedNew: [Horizon: Double] = [.short: 1, .medium: 3, .long: 3]
        #expect(f.newPositions.value == expectedNew[horizon])
        #expect(f.demand.value == f.vacancies.value + f.newPositions.value + f.replacement.value)
        // Supply, θ 0.5: P1 10 × 1 to R1; P2 8 × ½ to each; P3 6 × (0.75 / 0.75) to R2 (R1 at 0.25 is below θ).
        #expect(abs(r1.supply - (10 + 4) * years) < 1e-12)
        #expect(abs(r2.supply - (4 + 6) * years) < 1e-12)
        #expect(r1.gap.value == f.demand.value - r1.supply)
        #expect(r1.completionsPer100Openings == 100 * r1.supply / f.demand.value)
        #expect(r1.employedPer100Openings == 100 * 6 / f.demand.value)
        // R3 is not surveyed: no figures, and its supply (none here) is outside the totals.
        #expect(e.roles.first { $0.role.id == "R3" }?.status == .notSurveyed)
        #expect(abs(e.roles.reduce(0) { $0 + $1.supply } - (10 + 8 + 6) * years) < 1e-12)
    }

    @Test func leaversAddReplacementDemandScaledByTheHorizon() throws {
        var employers = Self.employers()
        employers[0].roles["R1"]?.leavers = 2
        employers[1].roles["R1"]?.leavers = 1
        employers[2].roles["R1"]?.leavers = 0
        let inputs = GapInputs(employers: employers, roles: [Self.r1], units: [], horizon: .long, impute: false)
        let r1 = try #require(EmployerEstimates(inputs).roles.first)
        #expect(r1.figures.leavers.value == 3)
        #expect(r1.figures.replacement.value == 6)
        // long: vacancies 6 + new 3 + replacement 3 × 2.
        #expect(r1.figures.demand.value == 6 + 3 + 6)
    }

    @Test func unknownNewPositionsAndLeaversAreImputedFromTheSizeBand() throws {
        // Four employers with R1: two small answer (new 2 and 4; leavers 1 and 3), a small one does
        // not know (gets the small mean 3, leavers mean 2), a micro one does not know (no micro
        // employer answered: the mean of all who answered, 3; leavers 2).
        let employers = [
            EmployerResponse(sizeBand: "small", roles: ["R1": RoleReport(staff: 1, vacancies: 0, hardToFill: 0, leavers: 1, expected: [.medium: 2])]),
            EmployerResponse(sizeBand: "small", roles: ["R1": RoleReport(staff: 1, vacancies: 0, hardToFill: 0, leavers: 3, expected: [.medium: 4])]),
            EmployerResponse(sizeBand: "small", roles: ["R1": RoleReport(staff: 1, vacancies: 0, hardToFill: 0)]),
            EmployerResponse(sizeBand: "micro", roles: ["R1": RoleReport(staff: 1, vacancies: 0, hardToFill: 0, leavers: 0, expected: [:])]),
        ]
        let (imputed, counts) = ItemImputation.impute(employers, horizon: .medium)
        #expect(imputed[2].roles["R1"]?.expected[.medium] == 3)
        #expect(imputed[2].roles["R1"]?.leavers == 2)
        #expect(imputed[3].roles["R1"]?.expected[.medium] == 3)
        #expect(imputed[3].roles["R1"]?.leavers == 0)
        #expect(counts["R1"] == 2)
        let on = try #require(EmployerEstimates(GapInputs(employers: employers, roles: [Self.r1], units: [])).roles.first)
        let off = try #require(EmployerEstimates(GapInputs(employers: employers, roles: [Self.r1], units: [], impute: false)).roles.first)
        #expect(on.figures.newPositions.value == 12 && on.imputed == 2)
        #expect(off.figures.newPositions.value == 6 && off.imputed == 0)
    }

    @Test func weightsMultiplyEveryFigure() throws {
        // A frame: energy x small has 10 organisations (2 respondents → 5 each), tourism x micro 3 (1 → 3).
        let frame = SamplingFrame(organisations: [
            .init(sector: "energy", sizeBand: "small"): 10, .init(sector: "tourism", sizeBand: "micro"): 3,
        ])
        let weighting = try EmployerWeighting(employers: Self.employers(), frame: frame)
        #expect(weighting.weights == [5, 5, 3])
        let e = EmployerEstimates(Self.inputs(weighting: weighting))
        let r1 = try #require(e.roles.first { $0.role.id == "R1" })
        let employed: Double = 5 * 4 + 5 * 2 + 3 * 0
        let vacancies: Double = 5 * 2 + 5 * 1 + 3 * 3
        let expected: Double = 5 * 2 + 5 * 1
        #expect(r1.figures.employed.value == employed)
        #expect(r1.figures.vacancies.value == vacancies)
        #expect(r1.figures.newPositions.value == expected)
        #expect(r1.figures.respondents == 3)
    }

    @Test func areaAndCategoryTotalsAreTheSumOfTheirRoles() throws {
        let e = EmployerEstimates(Self.inputs())
        let ar = try #require(e.areas.first { $0.id == "AR" })
        let roles = e.roles.filter { $0.role.specialtyArea == "AR" }
        #expect(ar.figures.demand.value == roles.reduce(0) { $0 + $1.figures.demand.value })
        #expect(ar.supply == roles.reduce(0) { $0 + $1.supply })
        #expect(ar.figures.respondents == 3)
    }

    @Test func ksaDemandComesFromPublishedRolesOnly() throws {
        // Five copies of the employers so that R1 and R2 can be published (15 and 5 respondents).
        let employers = Array(repeating: Self.employers(), count: 5).flatMap { $0 }
        let inputs = GapInputs(
            employers: employers, roles: [Self.r1, Self.r2, Self.r3], surveyed: ["R1", "R2"], units: SupplyUnit.units(Self.offerings),
            offerings: Self.offerings, impute: false)
        let e = EmployerEstimates(inputs)
        #expect(e.roles.filter(\.isPublished).map(\.role.id) == ["R1", "R2"])
        let ksas = GapAnalysis.ksaGaps(e)
        let c = try #require(ksas.first { $0.id == "c" })
        // c is needed by R1 (demand 5 × (6 + 3)) and R2 (5 × 1); taught by P1, P2 and C32
        // (3 offerings); supplied by units P1, P2, P3: (10 + 8 + 6) × 1.
        #expect(c.demand.value == 50)
        #expect(c.taught == 3)
        #expect(c.supply == 24)
        #expect(c.roles == ["R1", "R2"])
        #expect(!ksas.contains { $0.id == "x" })  // R3 has no demand and nothing teaches x
        // With three employers, R2 (1 respondent) is withheld: its KSAs e and f lose its demand.
        let small = GapAnalysis.ksaGaps(EmployerEstimates(Self.inputs()))
        #expect(!small.contains { $0.id == "e" && $0.demand.value > 0 })
    }

    @Test func proficiencyShortfallLackingAndCapability() throws {
        var inputs = Self.inputs()
        inputs.employers[0].roles["R1"]?.lacking = ["a", "b", "NONE"]
        let r1 = try #require(GapAnalysis.shortfalls(inputs).first { $0.role.id == "R1" })
        // Employer 1: 4 staff, 3 - 1 = 2; employer 2: 2 staff, 0; employer 3 has no staff.
        #expect(r1.respondents == 2)
        let mean: Double = (4.0 * 2 + 2 * 0) / 6
        #expect(r1.meanShortfall?.value == mean)
        #expect(r1.shareWithShortfall?.value == 0.5)
        #expect(r1.staffBelowRequired.value == 4)
        // "NONE" (the exclusive answer) is not a KSA of the role and is never reported as lacking.
        let lacking = GapAnalysis.lacking(inputs).filter { $0.role == "R1" }
        #expect(lacking.map(\.ksa) == ["a", "b"])
        #expect(lacking[0].employers == 2)
        #expect(lacking[0].asked == 2)
        #expect(lacking[0].share.value == 1)
        // DSIT: employer 1 is not confident in a basic task and does its own cyber work; employer 3 too.
        inputs.employers[2].outsourcing = "all"
        let capability = GapAnalysis.capability(inputs, by: nil)
        #expect(capability.map { $0.share?.value } == [1.0 / 3, 1.0 / 2, 0.0])
        #expect(capability.map { $0.shareAllEmployers?.value } == [2.0 / 3, 1.0 / 2, 0.0])
        #expect(capability[2].employers == 1)
    }

    @Test func withheldRowsHaveNoFiguresInTheTable() throws {
        let context = GapContext(inputs: Self.inputs(), framework: FrameworkRef(id: 1, name: "t", edition: .nice2017), names: [:], texts: [:], notes: [])
        let table = GapReport.table(context, GapRequest())
        let r1 = try #require(table.rows.firstIndex { $0[0] == .text("R1") })
        #expect(table.cell(r1, "status") == .text("suppressed"))
        #expect(table.cell(r1, "demand") == .null)
        var open = GapRequest()
        open.suppress = false
        let unsuppressed = GapReport.table(context, open)
        #expect(unsuppressed.banner?.contains("NOT FOR PUBLICATION") == true)
        #expect(unsuppressed.rendered(as: .csv).hasPrefix("# NOT FOR PUBLICATION"))
        let row = try #require(unsuppressed.rows.firstIndex { $0[0] == .text("R1") })
        #expect(unsuppressed.cell(row, "demand") == .double(9))
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
