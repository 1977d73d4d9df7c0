import Foundation
import Testing
@testable import WorkforceKit

@Suite struct LogisticRegressionTests {
    /// Two groups and nothing else (saturated): the fit is each group's weighted share, so by hand
    /// `β₀ = logit(0.4)`, `β₁ = logit(0.75) - logit(0.4) = log 4.5`, and
    /// `A = [[Σ w v, W₁ v₁], [W₁ v₁, W₁ v₁]] = [[1.95, 0.75], [0.75, 0.75]]` (v = p(1-p)),
    /// whose inverse is `[[0.75, -0.75], [-0.75, 1.95]] / 0.9`.
    static let x: [[Double]] = [[1, 0], [1, 0], [1, 0], [1, 0], [1, 1], [1, 1], [1, 1]]
    static let y: [Double] = [1, 0, 0, 1, 1, 1, 0]
    static let w: [Double] = [1, 2, 1, 1, 2, 1, 1]

    @Test func twoGroupsFitTheirWeightedSharesByHand() throws {
        let fit = try #require(LogisticRegression.fit(Self.x, Self.y, weights: Self.w))
        #expect(fit.converged)
        #expect(abs(fit.coefficients[0] - log(0.4 / 0.6)) < 1e-12)
        #expect(abs(fit.coefficients[1] - log(4.5)) < 1e-12)
        #expect(abs(fit.fitted[0] - 0.4) < 1e-12 && abs(fit.fitted[6] - 0.75) < 1e-12)
        let expected = [[0.75 / 0.9, -0.75 / 0.9], [-0.75 / 0.9, 1.95 / 0.9]]
        for j in 0..<2 { for k in 0..<2 { #expect(abs(fit.inverseInformation[j][k] - expected[j][k]) < 1e-12) } }
    }

    /// With no covariate the predictive margins are the groups' shares, the mean of the fits does
    /// not vary (its part is 0), and the coefficients' part is, row by row, the linearised
    /// difference of two means: `(y - p₁)/W₁` in group 1, `-(y - p₀)/W₀` in group 0 (by hand:
    /// `A⁻¹ a = (-1/W₀, 1/W₀ + 1/W₁)` for `a = (v₁ - v₀, v₁)`).
    @Test func withoutCovariatesTheAdjustedDifferenceIsTheRawOne() throws {
        let m = try #require(PredictiveMargins(Self.x, Self.y, weights: Self.w, group: 1))
        #expect(abs(m.margins.0 - 0.4) < 1e-12 && abs(m.margins.1 - 0.75) < 1e-12)
        #expect(m.fittedInfluence.allSatisfy { abs($0) < 1e-15 })
        let raw = Self.x.indices.map { i in Self.x[i][1] == 1 ? (Self.y[i] - 0.75) / 4 : -(Self.y[i] - 0.4) / 5 }
        for i in raw.indices { #expect(abs(m.coefficientInfluence[i] - raw[i]) < 1e-12) }
    }

    /// Against R 4.2 with survey 4.1.1 (twelve rows, a group and a covariate):
    /// `glm(y ~ g + c, quasibinomial(), weights = w)` gives `(log 2, log 2, -log 2)` and
    /// `summary(m)$cov.unscaled`; on `svydesign(ids = ~1, weights = ~w)`,
    /// `svypredmeans(svyglm(y ~ c, family = quasibinomial()), ~factor(g))` and `svycontrast` (glm's
    /// `epsilon = 1e-15`).
    @Test func predictiveMarginsEqualRsSvypredmeans() throws {
        let y: [Double] = [1, 0, 0, 1, 1, 0, 1, 1, 0, 1, 0, 1]
        let g: [Double] = [0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1]
        let c: [Double] = [0, 1, 0, 1, 1, 0, 0, 1, 1, 0, 1, 0]
        let w: [Double] = [1, 2, 1, 1, 3, 1, 2, 1, 1, 2, 1, 1]
        let x = y.indices.map { [1, g[$0], c[$0]] }
        let fit = try #require(LogisticRegression.fit(x, y, weights: w))
        for (b, r) in zip(fit.coefficients, [0.69314718055994506, 0.69314718055994584, -0.69314718055994518]) { #expect(abs(b - r) < 1e-12) }
        let cov = [
            [1.04237288133823980, -0.66101694915234455, -0.83898305082797919], [-0.66101694915234455, 1.21186440675641749, 0.28813559322390708],
            [-0.83898305082797919, 0.28813559322390708, 1.21186440675641682],
        ]
        for j in 0..<3 { for k in 0..<3 { #expect(abs(fit.inverseInformation[j][k] - cov[j][k]) < 1e-10) } }
        let m = try #require(PredictiveMargins(x, y, weights: w, group: 1))
        #expect(abs(m.margins.0 - 0.57843137254901955) < 1e-10 && abs(m.margins.1 - 0.72941176470588232) < 1e-10)
        let variance = LinearizedVariance(design: SampleDesign(count: 12), weights: w)
        let coefficientPart = variance.variance(influence: m.coefficientInfluence)
        let fittedPart = variance.variance(influence: m.fittedInfluence)
        #expect(abs(coefficientPart - 9.2902023667054329e-02) < 1e-12)
        #expect(abs(fittedPart - 2.9896309873800515e-05) < 1e-14)
        #expect(abs((coefficientPart + fittedPart).squareRoot() - 0.30484737160902031) < 1e-10)
    }

    /// A level no weighted row has is aliased: its coefficient is 0 and the rest fit as without it.
    @Test func anEmptyLevelIsAliasedAsRDropsIt() throws {
        let x = Self.x.map { $0 + [0] }
        let fit = try #require(LogisticRegression.fit(x, Self.y, weights: Self.w))
        #expect(fit.aliased == [false, false, true])
        #expect(fit.coefficients[2] == 0 && abs(fit.coefficients[1] - log(4.5)) < 1e-12)
    }

    /// Every row of a level answering alike: no maximum, so the fit is marked as not converged.
    @Test func separationIsNotAConvergedFit() throws {
        let fit = try #require(LogisticRegression.fit(Self.x, [1, 0, 0, 1, 1, 1, 1], weights: Self.w))
        #expect(!fit.converged)
    }

    /// The variance of influence values is the domain mean's, on a raked design (the example of
    /// `rakingReplacesInfluenceValuesByTheirResidualsOnTheMargins`: V = 0.06).
    @Test func theVarianceOfInfluenceValuesIsTheDomainMeans() {
        let variable = Raking.Variable(name: "sex", categories: ["female", "male"], population: [60, 40], category: [0, 0, 1, 1])
        let raking = Raking.rake(count: 4, variables: [variable])
        let variance = LinearizedVariance(design: SampleDesign(count: 4), weights: raking.weights, raking: [variable])
        let u = [1.0, 0, 1, 1].map { ($0 - 0.7) / 100 }
        #expect(abs(variance.variance(influence: u) - 0.06) < 1e-14)
    }
}
