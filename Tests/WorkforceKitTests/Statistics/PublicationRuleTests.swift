import Testing

@testable import WorkforceKit
@testable import Domain

/// The publication rules of issue 28: employer shares with Korn-Graubard intervals, counts
/// floored at 0, differences that may be negative, quality statuses.
@Suite struct PublicationRuleTests {
    // Strata of 4 and 3 employers (N = 40 and 9), a domain of 5 of them (3 and 2).
    static let design = StratifiedDesign(stratum: [0, 0, 0, 0, 1, 1, 1], populations: [40, 9])
    static let domain: [Double] = [1, 1, 1, 0, 1, 1, 0]

    @Test func aShareTakesTheKornGraubardIntervalOfItsDomain() throws {
        let y: [Double] = [1, 0, 0, 0, 1, 0, 0]
        let share = try #require(Self.design.proportion(y, in: Self.domain))
        let ratio = try #require(Self.design.ratio(y, Self.domain))
        // p = (10 + 3) / (30 + 6): the weights are 10 and 3.
        #expect(abs(share.value - 13.0 / 36) < 1e-12 && share.se == ratio.se)
        // R's subset(design, x == 1): 5 rows, 2 strata, so degf = 3.
        #expect(Self.design.domainSizes(Self.domain) == (units: 5, df: 3))
        let se = try #require(ratio.se)
        let kg = try #require(KornGraubard.svyciprop(p: share.value, se: se, sampleSize: 5, df: 3))
        #expect(share.ciLow == kg.low && share.ciHigh == kg.high)
        // Never outside [0, 1], where the Wald interval of the same share is.
        let low = try #require(share.ciLow), high = try #require(share.ciHigh)
        #expect(low >= 0 && high <= 1 && low < share.value && share.value < high)
        #expect(share.value - Estimate.z95 * se < 0)
    }

    @Test func aShareOfZeroOrOneIsForReviewWithNoInterval() throws {
        for y in [[Double](repeating: 0, count: 7), Self.domain] {
            let share = try #require(Self.design.proportion(y, in: Self.domain))
            #expect(share.forReview && share.ciLow == nil && share.ciHigh == nil)
            #expect(GapReport.status(.published, share) == "review")
        }
    }

    @Test func countsAreFlooredAtZeroAndDifferencesMayBeNegative() {
        let count = Estimate(10, se: 8)
        #expect(count.ciLow == 0 && count.ciHigh == 10 + Estimate.z95 * 8)
        let difference = count.minus(known: 12)
        #expect(difference.ciLow == -2 - Estimate.z95 * 8 && difference.value == -2)
    }

    @Test func gradeFIsUnreliableAndAnEmployerOverHalfDominates() {
        var f = RowFigures.empty
        f.demand = Estimate(100, se: 20)
        f.respondents = 12
        f.largestShare = 0.3
        #expect(f.quality == .d && f.qualityStatus(.published) == .published)
        f.respondents = 9
        #expect(f.quality == .f && f.qualityStatus(.published) == .unreliable)
        #expect(f.withheldReason(.unreliable) == "grade F: fewer than 10 contributing employers (9)")
        f.respondents = 12
        f.largestShare = 0.51
        #expect(f.qualityStatus(.published) == .dominated)
        #expect(f.withheldReason(.dominated) == "one employer gives 51.0% of the demand, over 50%")
        // Disclosure control comes first: a suppressed row stays suppressed.
        #expect(f.qualityStatus(.suppressed) == .suppressed)
        f.largestShare = 0.5
        #expect(f.qualityStatus(.published) == .published)
    }

    @Test func kokicBellWinsorisationByHand() {
        // Stratum 0: N = 10, n = 2 (w = 5), y = 1 and 21, mean 11; stratum 1 taken whole (w = 1).
        // L = 4 (21 - 11 - L/4)+ = 40 - L, so L = 20 and K = 11 + 20/4 = 16; 21 becomes
        // 16 + (21 - 16)/5 = 17. The total falls from 213 to 193: by L. The census stratum's 100 stays.
        let design = StratifiedDesign(stratum: [0, 0, 1, 1], populations: [10, 2])
        let (values, moved) = Winsorisation.apply([1, 21, 3, 100], design)
        #expect(abs(values[1] - 17) < 1e-9 && values[0] == 1 && values[2] == 3 && values[3] == 100)
        #expect(abs(moved - 20) < 1e-9)
        #expect(abs(design.total(values).value - 193) < 1e-9)
        // Nothing above the mean by more than it stands for: nothing moves.
        #expect(Winsorisation.apply([5, 5, 3, 100], design).moved == 0)
    }

    @Test func winsorisedDemandKeepsItsPartsAddingUp() {
        let design = StratifiedDesign(stratum: [0, 0, 1, 1], populations: [10, 2])
        var v = EmployerValues(count: 4)
        for (e, d) in [1.0, 21, 3, 100].enumerated() {
            v.reporting[e] = true
            v.vacancies[e] = d / 2
            v.hardToFill[e] = d / 4
            v.newPositions[e] = d / 2
            v.staff[e] = 2
        }
        let (w, moved) = v.winsorised(design, years: 1)
        #expect(abs(moved - 20) < 1e-9)
        #expect(abs(w.demand(years: 1)[1] - 17) < 1e-9 && abs(w.vacancies[1] - 8.5) < 1e-9 && abs(w.hardToFill[1] - 4.25) < 1e-9)
        #expect(w.staff == v.staff)
    }

    @Test func theImputedShareIsThatOfTheWeightedDemandAndOverHalfCapsTheGradeAtE() {
        // Unweighted, one size band: A's leavers are imputed from B's 4. Demand 1 + 1 + 4 each:
        // 12 in all, 4 of it imputed.
        let role = RoleProfile(id: "R", name: "R", ksas: [])
        let a = EmployerResponse(sizeBand: "small", roles: ["R": RoleReport(staff: 1, vacancies: 1, hardToFill: 0, leavers: nil, expected: [.medium: 1])])
        let b = EmployerResponse(sizeBand: "small", roles: ["R": RoleReport(staff: 1, vacancies: 1, hardToFill: 0, leavers: 4, expected: [.medium: 1])])
        let e = EmployerEstimates(GapInputs(employers: [a, b], roles: [role], units: []))
        #expect(e.roles[0].imputed == 1)
        #expect(abs((e.roles[0].figures.imputedShare ?? 0) - 4.0 / 12) < 1e-12)
        // The cap: a CV of 2% is A, but E when more than half is imputed.
        var f = RowFigures.empty
        f.demand = Estimate(100, se: 2)
        f.respondents = 40
        f.imputedShare = 0.5
        #expect(f.quality == .a)
        f.imputedShare = 0.51
        #expect(f.quality == .e)
    }
}
