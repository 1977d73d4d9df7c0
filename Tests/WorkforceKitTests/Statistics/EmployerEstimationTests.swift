import Foundation
import Testing
@testable import WorkforceKit
@testable import Domain

/// The employer estimation layer on cases small enough to work by hand; R's survey package gives
/// the same figures (`.ci/r/employer.R` checks the demo-sized case in CI).
@Suite struct EmployerEstimationTests {
    /// Stratum 1: N = 10, y = 1, 2, 0; stratum 2: a single unit, N = 5, y = 3; stratum 3: N = 4, y = 5, 1.
    static let design = StratifiedDesign(stratum: [0, 0, 0, 1, 2, 2], populations: [10, 5, 4])
    static let y: [Double] = [1, 2, 0, 3, 5, 1]

    @Test func stratifiedTotalAndItsStandardErrorMatchTheFormula() throws {
        // w = 10/3, 5, 2: total 10/3 · 3 + 5 · 3 + 2 · 6 = 37.
        let total = Self.design.total(Self.y)
        #expect(abs(total.value - 37) < 1e-12)
        // V = 10² (1 - 3/10) · 1 / 3 + (1 - 1/5) (5 · 3)² + 4² (1 - 2/4) · 8 / 2 = 23.333 + 180 + 32.
        // R: svytotal(~y, svydesign(ids = ~1, strata = ~S, fpc = ~N, weights = ~w)), lonely.psu
        // "adjust": total 37, SE 15.341 (survey 4.1-1).
        let se = try #require(total.se)
        #expect(abs(se - (100 * 0.7 / 3 + 0.8 * 225 + 16 * 0.5 * 8 / 2).squareRoot()) < 1e-12)
        #expect(abs(se - 15.340577998671801) < 1e-9)
        #expect(abs((total.ciLow ?? 0) - max(0, 37 - Estimate.z95 * se)) < 1e-12)
        #expect(abs((total.cv ?? 0) - se / 37) < 1e-12)
    }

    @Test func aCensusStratumHasNoSamplingError() throws {
        // Every organisation of the stratum responded: the finite population correction is 0.
        let census = StratifiedDesign(stratum: [0, 0, 0], populations: [3])
        #expect(census.total([1, 5, 9]).se == 0)
        #expect(census.total([1, 5, 9]).value == 15)
    }

    @Test func aRatioIsLinearised() throws {
        // R = Y / X; its variance is that of the total of (y - R x) / X.
        let x: [Double] = [2, 2, 1, 4, 5, 2]
        let ratio = try #require(Self.design.ratio(Self.y, x))
        let X = Self.design.total(x).value, R = 37 / X
        #expect(abs(ratio.value - R) < 1e-12)
        let z = zip(Self.y, x).map { ($0 - R * $1) / X }
        #expect(abs((ratio.se ?? 0) - (Self.design.total(z).se ?? -1)) < 1e-15)
        #expect(Self.design.ratio(Self.y, Array(repeating: 0, count: 6)) == nil)
    }

    @Test func unweightedFiguresCarryNoStandardError() {
        let d = StratifiedDesign.unweighted(3)
        let total = d.total([1, 2, 3])
        #expect(total.value == 6 && total.se == nil && total.ciLow == nil && QualityGrade(total) == nil)
    }

    @Test(arguments: [
        (0.0, QualityGrade.a), (0.0499, .a), (0.05, .b), (0.0999, .b), (0.10, .c), (0.1499, .c), (0.15, .d), (0.2499, .d), (0.25, .e),
        (0.333, .e), (0.3331, .f), (0.97, .f),
    ])
    func qualityGradesFollowStatisticsCanadasTable(_ cv: Double, _ grade: QualityGrade) {
        #expect(QualityGrade(Estimate(100, se: 100 * cv)) == grade)
        #expect(QualityGrade(Estimate(100, se: 100 * cv), units: 10) == grade)
    }

    @Test func fewerThanTenContributingEmployersIsGradeFAndZeroIsNoCases() {
        #expect(QualityGrade(Estimate(100, se: 1), units: 9) == .f)
        #expect(QualityGrade(Estimate(100, se: 1), units: 10) == .a)
        #expect(QualityGrade(Estimate(0, se: 0), units: 40) == .noCases)
        #expect(QualityGrade(Estimate(0, se: 0))?.words == "no cases")
        #expect(QualityGrade(Estimate(0, se: 2)) == .f)
        #expect(QualityGrade.f.words == "too unreliable to be published" && QualityGrade.e.words == "use with caution")
        #expect(QualityGrade.reason(Estimate(100, se: 46), units: 12) == "coefficient of variation 46.0%, over 33.3%")
        #expect(QualityGrade.reason(Estimate(100, se: 1), units: 7) == "fewer than 10 contributing employers (7)")
    }

    @Test func kishDesignEffectOfTheWeights() {
        // Weights 10/3 (3 units), 5, 2 (2 units): n Σw² / (Σw)².
        let w: [Double] = [10.0 / 3, 10.0 / 3, 10.0 / 3, 5, 2, 2]
        let sum = w.reduce(0, +), squares = w.reduce(0) { $0 + $1 * $1 }
        #expect(abs(Self.design.kish.deff - 6 * squares / (sum * sum)) < 1e-12)
        #expect(abs(Self.design.kish.effective - sum * sum / squares) < 1e-12)
    }

    // MARK: Frames and weights

    static func employer(_ sector: String, _ band: String) -> EmployerResponse { EmployerResponse(sector: sector, sizeBand: band) }

    @Test func emptyStrataJoinTheNearestBandOfTheirSectorAndUnrepresentedSectorsAreNamed() throws {
        let frame = SamplingFrame(strata: [
            (.init(sector: "energy", sizeBand: "micro"), .init(organisations: 8)),
            (.init(sector: "energy", sizeBand: "small"), .init(organisations: 6)),
            (.init(sector: "energy", sizeBand: "medium"), .init(organisations: 3)),
            (.init(sector: "energy", sizeBand: "large"), .init(organisations: 2)),
            (.init(sector: "water", sizeBand: "small"), .init(organisations: 4)),
        ])
        // energy: respondents in micro and large; small (tie: micro 1 away, large 2 away) joins
        // micro; medium (tie at 1 each: small band first) joins large... medium is 1 from large and
        // 2 from micro, so large.
        let employers = [Self.employer("energy", "micro"), Self.employer("energy", "micro"), Self.employer("energy", "large")]
        let weighting = try EmployerWeighting(employers: employers, frame: frame)
        #expect(weighting.strata.map(\.name) == ["energy x micro + energy x small", "energy x large + energy x medium"])
        #expect(weighting.strata.map(\.eligible) == [14, 5])
        #expect(weighting.weights == [7, 7, 5])
        #expect(weighting.unrepresented.map(\.sector) == ["water"])
        let notes = weighting.notes.joined(separator: " ")
        #expect(notes.contains("Not represented (no responding employer in the sector): water (4 organisations), 4 of 23 organisations (17.4% of the frame)"))
        #expect(notes.contains("the response rate is unknown"))
    }

    @Test func aTieBetweenTwoBandsGoesToTheSmaller() throws {
        let frame = SamplingFrame(strata: [
            (.init(sector: "energy", sizeBand: "micro"), .init(organisations: 8)),
            (.init(sector: "energy", sizeBand: "small"), .init(organisations: 6)),
            (.init(sector: "energy", sizeBand: "medium"), .init(organisations: 3)),
        ])
        let weighting = try EmployerWeighting(employers: [Self.employer("energy", "micro"), Self.employer("energy", "medium")], frame: frame)
        #expect(weighting.strata.map(\.eligible) == [14, 3])
    }

    @Test func outOfScopeOrganisationsLeaveTheEligiblePopulationAndResponseRatesAreGiven() throws {
        let frame = SamplingFrame(strata: [(.init(sector: "energy", sizeBand: "small"), .init(organisations: 20, issued: 10, outOfScope: 2))])
        let weighting = try EmployerWeighting(employers: Array(repeating: Self.employer("energy", "small"), count: 4), frame: frame)
        // N* = 20 (1 - 2/10) = 16; w = 16 / 4; response rate 4 / (10 - 2).
        #expect(weighting.weights == [4, 4, 4, 4])
        #expect(weighting.responseRates.first?.rate == 0.5)
        #expect(weighting.overallResponseRate == 0.5)
    }

    @Test(arguments: [
        ("energy", "small", 1, nil, nil, "the frame and the survey count different units"),
        ("energy", "small", 5, 1, nil, "eligible issued organisations"),
        ("water", "small", 5, nil, nil, "which the frame does not have"),
        ("energy", "small", 0, nil, nil, "the frame and the survey count different units"),
    ] as [(String, String, Double, Double?, Double?, String)])
    func framesThatDoNotFitTheResponsesAreErrors(_ sector: String, _ band: String, _ organisations: Double, _ issued: Double?, _ out: Double?, _ message: String) {
        let frame = SamplingFrame(strata: [(.init(sector: "energy", sizeBand: "small"), .init(organisations: organisations, issued: issued, outOfScope: out))])
        let employers = [Self.employer(sector, band), Self.employer(sector, band)]
        #expect {
            _ = try EmployerWeighting(employers: employers, frame: frame)
        } throws: { error in
            guard case WorkforceError.badData(_, let text) = error else { return false }
            return text.contains(message) && text.contains("\(sector) x \(band)")
        }
    }

    // MARK: Disclosure

    @Test(arguments: [
        ([100.0, 1, 1, 1, 1], true),  // 103 - 100 - 1 = 2 < 10
        ([50.0, 40, 10, 10], false),  // 110 - 90 = 20 >= 5
        ([50.0, 49, 4.9], true),  // 4.9 < 5
        ([50.0, 45, 5], false),  // 5 >= 5 (not under)
        ([10.0], true),
        ([0.0, 0], false),
    ])
    func thePPercentRule(_ contributions: [Double], _ sensitive: Bool) {
        #expect(Disclosure.failsPPercent(contributions) == sensitive)
    }

    @Test func secondarySuppressionLeavesNoSingleWithheldChild() {
        // A parent (3) over children 0, 1, 2; child 1 is withheld: the smallest other (2) follows.
        var nodes = [
            Disclosure.Node(size: 10, suppressed: false), Disclosure.Node(size: 5, suppressed: true), Disclosure.Node(size: 3, suppressed: false),
            Disclosure.Node(children: [0, 1, 2], size: 18, suppressed: false),
        ]
        #expect(Disclosure.secondary(&nodes) == [2])
        // A parent with a single, withheld child is withheld itself.
        var single = [Disclosure.Node(size: 5, suppressed: true), Disclosure.Node(children: [0], size: 5, suppressed: false)]
        #expect(Disclosure.secondary(&single) == [1])
        // A withheld parent whose children are all published would be their sum: one child follows.
        var sum = [Disclosure.Node(size: 5, suppressed: false), Disclosure.Node(size: 2, suppressed: false), Disclosure.Node(children: [0, 1], size: 7, suppressed: true)]
        #expect(Disclosure.secondary(&sum) == [1])
    }

    @Test(arguments: [1, 2, 3, 4, 5, 6, 7, 8] as [UInt64])
    func noWithheldFigureIsTheDifferenceOfPublishedOnes(_ seed: UInt64) throws {
        // Seven roles in four areas and two categories; employers with random roles and sizes.
        let roles = [("R1", "A1", "C1"), ("R2", "A1", "C1"), ("R3", "A2", "C1"), ("R4", "A3", "C2"), ("R5", "A3", "C2"), ("R6", "A3", "C2"), ("R7", "A4", "C2")]
            .map { RoleProfile(id: $0.0, name: $0.0, specialtyArea: $0.1, category: $0.2, ksas: [$0.0.lowercased()]) }
        var random = SeededRandom(seed: seed)
        let employers = (0..<40).map { _ -> EmployerResponse in
            var e = EmployerResponse(sector: ["energy", "water", "health"][random.next(3)], sizeBand: ["micro", "small", "large"][random.next(3)], district: ["cayo", "toledo", "belize", "corozal"][random.next(4)])
            for role in roles where random.next(3) == 0 {
                let big = random.next(15) == 0 ? 40.0 : 1
                e.roles[role.id] = RoleReport(staff: Double(random.next(3)) * big, vacancies: Double(random.next(2)) * big, hardToFill: 0, leavers: 0, expected: [.medium: Double(random.next(2))])
            }
            return e
        }
        let frame = SamplingFrame(organisations: Dictionary(uniqueKeysWithValues: ["energy", "water", "health"].flatMap { s in ["micro", "small", "large"].map { (SamplingFrame.Stratum(sector: s, sizeBand: $0), 50.0) } }))
        let e = EmployerEstimates(GapInputs(employers: employers, weighting: try EmployerWeighting(employers: employers, frame: frame), roles: roles, units: []))
        // Walk every parent (disclosure control only: unreliable and dominated figures are kept in
        // machine output, so they protect nothing): a published one never has exactly one withheld child; a withheld one
        // never has only published children.
        func check(_ parent: String, _ published: Bool, _ children: [Bool]) {
            guard !children.isEmpty else { return }
            let withheld = children.filter { !$0 }.count
            if published { #expect(withheld != 1, "\(parent): one withheld child of a published parent") }
            else { #expect(withheld >= 1, "\(parent): a withheld parent is the sum of its published children") }
        }
        for area in e.areas { check(area.id, area.isDisclosed, e.roles.filter { $0.role.specialtyArea == area.id }.map(\.isDisclosed)) }
        for category in e.categories {
            let areas = Set(e.roles.filter { $0.role.category == category.id }.compactMap(\.role.specialtyArea))
            check(category.id, category.isDisclosed, e.areas.filter { areas.contains($0.id) }.map(\.isDisclosed))
        }
        check("national", e.national.isDisclosed, e.categories.map(\.isDisclosed))
        for (name, table) in [("sectors", e.sectors), ("districts", e.districts), ("sizes", e.sizes)] {
            check(name, e.national.isDisclosed, table.map(\.isDisclosed))
        }
        // The published parents add up: an area's demand is the sum of its roles'.
        for area in e.areas {
            let sum = e.roles.filter { $0.role.specialtyArea == area.id }.reduce(0) { $0 + $1.figures.demand.value }
            #expect(abs(area.figures.demand.value - sum) < 1e-9)
        }
    }

    // MARK: The next wave's sample

    @Test func neymanAllocationReachesTheTargetVariance() {
        // N = 100, 50; S = 2, 1; Y = 1000; CV 10%: V* = 10000, n = 250² / (10000 + 450).
        let n = EmployerSampleSize.neyman(populations: [100, 50], deviations: [2, 1], estimate: 1000, cv: 0.1)
        let total = 250.0 * 250 / 10450
        #expect(abs(n[0] - total * 200 / 250) < 1e-9 && abs(n[1] - total * 50 / 250) < 1e-9)
        let v = 100.0 * 100 * 4 / n[0] + 50.0 * 50 / n[1] - 450
        #expect(abs(v - 10000) < 1e-6)
    }

    @Test func aStratumNeymanWouldOverfillIsTakenWhole() {
        // Stratum 1 (3 organisations, S = 100) would get 11.6: it is taken whole and the rest
        // re-allocated: 1000² / (2500 + 1000) for stratum 2.
        let n = EmployerSampleSize.neyman(populations: [3, 1000], deviations: [100, 1], estimate: 1000, cv: 0.05)
        #expect(n[0] == 3)
        #expect(abs(n[1] - 1_000_000.0 / 3500) < 1e-9)
    }

    @Test func theNextWavesPlanKeepsItsBoundsAndMeetsTheTarget() throws {
        var random = SeededRandom(seed: 9)
        let employers = (0..<60).map { i in Self.employer(["energy", "water"][i % 2], ["micro", "small", "large"][i % 3]) }
        let values = employers.indices.map { _ in Double(random.next(5)) }
        let frame = SamplingFrame(organisations: Dictionary(uniqueKeysWithValues: ["energy", "water"].flatMap { s in
            ["micro", "small", "large"].map { (SamplingFrame.Stratum(sector: s, sizeBand: $0), $0 == "large" ? 12.0 : 300) } }))
        let weighting = try EmployerWeighting(employers: employers, frame: frame)
        let plan = EmployerSampleSize.plan(weighting: weighting, figures: [("national", values)], targets: 1, cv: 0.05)
        for s in plan.strata { #expect(s.allocation >= min(2, Int(s.population)) && Double(s.allocation) <= s.population, "\(s.name)") }
        #expect((plan.figures[0].expectedCV ?? 1) <= 0.05)
        #expect(plan.total == plan.strata.reduce(0) { $0 + $1.allocation })
    }
}

extension RoleEstimate {
    /// Not withheld by disclosure control (published, or withheld from readers for quality only).
    var isDisclosed: Bool { status != .suppressed }
}

extension GroupEstimate {
    var isDisclosed: Bool { status != .suppressed }
}
