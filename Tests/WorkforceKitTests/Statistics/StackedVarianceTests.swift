import Testing

@testable import WorkforceKit

/// The change between two waves that visit the same clusters, on the stacked design (issue 30).
@Suite struct StackedVarianceTests {
    static func side(_ y: [Double], clusters: [Int], names: [String], coefficient: Double, stratum: String = "s") throws -> StackedVariance.Side {
        let design = SampleDesign(strata: y.map { _ in 0 }, clusters: clusters)
        let variance = LinearizedVariance(design: design, weights: nil)
        let sums = variance.sums(domains: 1)
        for (i, value) in y.enumerated() { variance.add(value, respondent: i, domain: 0, to: sums) }
        let totals = try #require(variance.unitTotals([.init(sums, 0, coefficient)]))
        return StackedVariance.Side(variance: variance, totals: totals, strata: [stratum], clusters: names)
    }

    /// Baseline: area E1 (1, 0), E2 (1, 1): mean 3/4 of weight 4; follow-up: E1 (1, 1), E2 (0, 1),
    /// E3 (1, 1): mean 5/6 of weight 6. Each area's linearised total, follow-up minus baseline:
    /// E1 = 1/8 + 1/18, E2 = -1/8 - 1/9, E3 = 1/18; one stratum of 3 units, their mean 0:
    /// V = 3/2 Σ Z², on 3 - 1 = 2 degrees of freedom. Independent waves would add the two
    /// variances: 2 (2 · (1/8)²) + 3/2 ((1/18)² + (1/9)² + (1/18)²).
    @Test func sharedAreasAreOneUnitOfBothWaves() throws {
        let base = try Self.side([1, 0, 1, 1], clusters: [1, 1, 2, 2], names: ["s|E1", "s|E2"], coefficient: -1)
        let followup = try Self.side([1, 1, 0, 1, 1, 1], clusters: [1, 1, 2, 2, 3, 3], names: ["s|E1", "s|E2", "s|E3"], coefficient: 1)
        let (variance, df) = StackedVariance.variance([base, followup])
        let z1 = 1.0 / 8 + 1.0 / 18, z2 = -1.0 / 8 - 1.0 / 9, z3 = 1.0 / 18
        #expect(abs(variance - 1.5 * (z1 * z1 + z2 * z2 + z3 * z3)) < 1e-15)
        #expect(df == 2)
        // Areas not shared: the stacked variance is the independent one.
        let apart = try Self.side([1, 0, 1, 1], clusters: [1, 1, 2, 2], names: ["s|A1", "s|A2"], coefficient: -1)
        let other = try Self.side([1, 1, 0, 1, 1, 1], clusters: [1, 1, 2, 2, 3, 3], names: ["t|E1", "t|E2", "t|E3"], coefficient: 1, stratum: "t")
        let independent = 2 * (2 * (1.0 / 64)) + 1.5 * (1.0 / 324 + 1.0 / 81 + 1.0 / 324)
        #expect(abs(StackedVariance.variance([apart, other]).variance - independent) < 1e-15)
    }
}
