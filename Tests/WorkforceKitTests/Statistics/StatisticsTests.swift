import Foundation
import Testing
@testable import WorkforceKit

/// Every formula against a published value or a case worked by hand.
@Suite struct StatisticsTests {
    func round4(_ x: Double) -> Double { (x * 10_000).rounded() / 10_000 }

    @Test func normalQuantilesAndTails() {
        #expect(abs(Normal.quantile(0.975) - 1.959963984540054) < 1e-12)
        #expect(abs(Normal.quantile(0.8) - 0.8416212335729143) < 1e-12)
        #expect(abs(Normal.quantile(0.001) + 3.090232306167813) < 1e-12)
        #expect(abs(Normal.cdf(1.959963984540054) - 0.975) < 1e-12)
        #expect(abs(Normal.twoSidedPValue(-1.959963984540054) - 0.05) < 1e-12)
    }

    /// Newcombe (1998), "Two-sided confidence intervals for the single proportion", table I, method 3.
    @Test(arguments: [(81, 263, 0.2553, 0.3662), (0, 20, 0.0, 0.1611), (15, 148, 0.0624, 0.1605), (1, 29, 0.0061, 0.1718)])
    func wilsonIntervalMatchesNewcombe(_ x: Int, _ n: Int, _ low: Double, _ high: Double) throws {
        let interval = try #require(ProportionEstimate.counts(x, of: n).wilson)
        #expect(round4(interval.lowerBound) == low)
        #expect(round4(interval.upperBound) == high)
    }

    /// Newcombe (1998), "Interval estimation for the difference between independent proportions",
    /// example (a), method 10: 56/70 against 48/80.
    @Test func hybridScoreDifferenceMatchesNewcombe() {
        let d = ProportionDifference(base: 48.0 / 80, n2: 80, followup: 56.0 / 70, n1: 70)
        #expect(round4(d.difference) == 0.2)
        #expect(round4(d.interval.lowerBound) == 0.0524)
        #expect(round4(d.interval.upperBound) == 0.3339)
        // R: prop.test(c(56, 48), c(70, 80), correct = FALSE): X-squared = 7.0234, p-value = 0.008045.
        #expect(abs(d.z * d.z - 7.0234) < 1e-4)
        #expect(round4(d.pValue) == 0.0080)
        #expect(abs(d.pValue - 0.008045) < 1e-6)
    }

    @Test func weightedProportionAndEffectiveSize() throws {
        var e = ProportionEstimate()
        for (y, w) in [(true, 1.0), (false, 1.0), (true, 2.0), (false, 4.0)] { e.add(y, weight: w) }
        // p = (1 + 2) / 8; n_eff = 8² / (1 + 1 + 4 + 16) = 64 / 22.
        #expect(e.p == 3.0 / 8)
        #expect(abs(e.effectiveSize - 64.0 / 22) < 1e-12)
        #expect(e.n == 4)
        let interval = try #require(e.wilson)
        let expected = Wilson.interval(p: 3.0 / 8, n: 64.0 / 22)
        #expect(interval == expected)
        var equal = ProportionEstimate()
        for y in [true, false, true] { equal.add(y, weight: 2.5) }
        #expect(abs(equal.effectiveSize - 3) < 1e-12)
    }

    @Test func weightedMeanWithInterval() throws {
        var m = MeanEstimate()
        for (x, w) in [(0.0, 1.0), (0.5, 1.0), (1.0, 2.0)] { m.add(x, weight: w) }
        // mean = (0 + 0.5 + 2) / 4 = 0.625; s² = (1·0.625² + 1·0.125² + 2·0.375²)/4 = 0.171875; n_eff = 16/6.
        #expect(m.mean == 0.625)
        let half = 1.959963984540054 * (0.171875 / (16.0 / 6)).squareRoot()
        let interval = try #require(m.interval)
        #expect(abs(interval.lowerBound - (0.625 - half)) < 1e-12)
        #expect(abs(interval.upperBound - min(1, 0.625 + half)) < 1e-12)
    }

    @Test func textbookSampleSizes() {
        #expect(SampleSize.forMargin(0.05) == 385)
        #expect(SampleSize.forMargin(0.05, population: 1000) == 278)
        #expect(SampleSize.forMargin(0.03) == 1068)
        #expect(SampleSize.forMargin(0.05, designEffect: 2) == 769)
        // Fleiss without continuity correction, 0.5 against 0.6, alpha 0.05, power 0.8:
        // (1.95996·√(2·0.55·0.45) + 0.84162·√(0.25 + 0.24))² / 0.01 = 387.4 → 388.
        #expect(SampleSize.toDetect(0.1, baseline: 0.5) == 388)
    }

    @Test func rakingReproducesEveryMargin() throws {
        // Eight respondents, two variables; unequal sample shares.
        let sex: [Int16] = [0, 0, 0, 0, 0, 1, 1, 1]
        let area: [Int16] = [0, 0, 1, 1, 1, 0, 1, 1]
        let variables = [
            Raking.Variable(name: "sex", categories: ["female", "male"], population: [510, 490], category: sex),
            Raking.Variable(name: "urban_rural", categories: ["urban", "rural"], population: [420, 580], category: area),
        ]
        let result = Raking.rake(count: 8, variables: variables)
        #expect(result.converged)
        #expect(result.iterations > 1 && result.iterations <= 100)
        for variable in variables {
            let sums = Raking.categorySums(result.weights, variable)
            for (sum, target) in zip(sums, variable.population) { #expect(abs(sum - target) / target <= 1e-6) }
        }
        #expect(result.designEffect > 1)
        #expect(result.smallestWeight > 0)
    }

    @Test func respondentsWhoDidNotSayKeepTheirWeightForThatVariable() {
        let sex: [Int16] = [0, 1, -1, 1]
        let result = Raking.rake(
            count: 4, variables: [Raking.Variable(name: "sex", categories: ["female", "male"], population: [500, 500], category: sex)])
        #expect(result.converged)
        // Known: one female, two males, total 3 → female 1.5, males 0.75 each; unknown 1; then scaled to 1000.
        let scale = 1000.0 / 4
        #expect(abs(result.weights[0] - 1.5 * scale) < 1e-9)
        #expect(abs(result.weights[1] - 0.75 * scale) < 1e-9)
        #expect(abs(result.weights[2] - 1.0 * scale) < 1e-9)
    }

    @Test func rakingThatCannotConvergeSaysSo() {
        // Sex and area are the same split in the sample, but the margins disagree: no weights fit both.
        let split: [Int16] = [0, 0, 1, 1]
        let result = Raking.rake(
            count: 4,
            variables: [
                Raking.Variable(name: "sex", categories: ["female", "male"], population: [500, 500], category: split),
                Raking.Variable(name: "urban_rural", categories: ["urban", "rural"], population: [800, 200], category: split),
            ])
        #expect(!result.converged)
        #expect(result.iterations == 1000)
        #expect(result.largestRelativeError > 1e-10)
    }
}
