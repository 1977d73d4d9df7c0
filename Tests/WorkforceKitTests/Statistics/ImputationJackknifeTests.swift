import Testing

@testable import WorkforceKit

/// The Rao-Shao jackknife that imputes again in every replicate (`--imputation-variance`),
/// against hand-computed cases.
@Suite struct ImputationJackknifeTests {
    static func employer(_ newPositions: Double?, leavers: Double = 0, band: String = "small") -> EmployerResponse {
        var report = RoleReport(staff: 1, vacancies: 0, hardToFill: 0, leavers: leavers)
        report.expected[.medium] = newPositions
        return EmployerResponse(sizeBand: band, roles: ["R": report])
    }

    @Test func reImputingInEachReplicateByHand() {
        // One stratum, N = 10, n = 3; new positions 2, 4 and "don't know" (imputed 3).
        // Full: 10/3 (2 + 4 + 3) = 30. Replicates (weights 5): without the first, the blank takes
        // 4: 5 (4 + 4) = 40; without the second, 2: 5 (2 + 2) = 20; without the third, 5 (2 + 4) = 30.
        // v = (1 - 3/10) (2/3) ((40-30)² + (20-30)² + 0) = 0.7 · 2/3 · 200 = 93.333...
        let employers = [Self.employer(2), Self.employer(4), Self.employer(nil)]
        let design = StratifiedDesign(stratum: [0, 0, 0], populations: [10])
        let jackknife = ImputationJackknife(employers: employers, design: design, horizon: .medium)
        #expect(abs(jackknife.variance(roles: ["R"]) - 0.7 * 2 / 3 * 200) < 1e-9)
        // Treated as observed (2, 4, 3; s² = 1): 10² · 0.7 · 1/3 = 23.33, well below.
        let naive = design.total([2, 4, 3]).se ?? 0
        #expect(abs(naive * naive - 70.0 / 3) < 1e-9)
        #expect(jackknife.standardError(roles: ["R"]) > 1.9 * naive)
        #expect(jackknife.variance(roles: ["other"]) == 0)
    }

    @Test func withoutImputedValuesItIsTheLinearisedVariance() {
        // Two strata (N 10 and 4) and a stratum of one (N 3): the jackknife with the finite
        // population correction equals the linearised variance exactly.
        let employers = [
            Self.employer(2, leavers: 1), Self.employer(5), Self.employer(0, leavers: 3), Self.employer(7, band: "large"),
            Self.employer(1, band: "large"), Self.employer(6, band: "medium"),
        ]
        let design = StratifiedDesign(stratum: [0, 0, 0, 1, 1, 2], populations: [10, 4, 3])
        let jackknife = ImputationJackknife(employers: employers, design: design, horizon: .medium)
        let linearised = design.total([3, 5, 3, 7, 1, 6]).se ?? 0
        #expect(abs(jackknife.standardError(roles: ["R"]) - linearised) < 1e-9)
    }
}
