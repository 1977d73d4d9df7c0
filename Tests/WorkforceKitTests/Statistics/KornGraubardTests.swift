import Foundation
import Testing
@testable import WorkforceKit

/// The beta and t distributions and the Korn-Graubard intervals, against values printed by R 4.2
/// (`qbeta`, `pbeta`, `qt`, `pt`, survey 4.1's `svyciprop(method = "beta")`) to 17 digits, and
/// Newcombe's published Clopper-Pearson intervals.
@Suite struct KornGraubardTests {
    func close(_ x: Double, _ y: Double, _ tolerance: Double = 1e-10) -> Bool {
        abs(x - y) <= tolerance * max(abs(y), 1e-300)
    }

    /// (p, a, b, qbeta(p, a, b), pbeta(0.3, a, b)).
    @Test(arguments: [
        (0.025, 2.0, 5.0, 0.043271868292741683, 0.57982500000000015),
        (0.975, 3.0, 8.0, 0.5560954623076414, 0.61721721360000026),
        (0.5, 0.5, 0.5, 0.49999999999999989, 0.36901011956554525),
        (0.001, 0.3, 7.0, 1.0476309301387125e-11, 0.98623974086216581),
        (0.999, 40.0, 2.0, 0.99887950401431491, 3.5257229831265057e-20),
        (0.025, 1234.5, 876.25, 0.56377325985870641, 1.2046028200830217e-161),
        (0.975, 50000.0, 30000.0, 0.62835174839537777, 0.0),
        (0.025, 0.5, 150.0, 3.2790188249905148e-06, 1.0),
        (0.95, 0.5, 3.0, 0.4994735131761161, 0.8400694725735488),
    ])
    func betaQuantileAndDistributionMatchR(_ p: Double, _ a: Double, _ b: Double, _ q: Double, _ cdf: Double) {
        #expect(close(BetaDistribution.quantile(p, a: a, b: b), q, 1e-9))
        let computed = BetaDistribution.cdf(0.3, a: a, b: b)
        #expect(cdf == 0 ? computed < 1e-300 : close(computed, cdf, 1e-9))
        #expect(close(BetaDistribution.cdf(BetaDistribution.quantile(p, a: a, b: b), a: a, b: b), p, 1e-9))
    }

    /// (df, qt(0.975, df), pt(-1.7, df)).
    @Test(arguments: [
        (1.0, 12.706204736174694, 0.16925302733033265),
        (2.0, 4.3026527297494619, 0.11561671310078558),
        (3.0, 3.1824463052837078, 0.09384532077670496),
        (7.0, 2.3646242515927844, 0.066464448391277506),
        (11.0, 2.2009851600916388, 0.058598209323438649),
        (30.0, 2.0422724563012378, 0.049738937794258434),
        (99.0, 1.9842169515864172, 0.046135354873244459),
        (1000.0, 1.9623390808264076, 0.044720943479620058),
        (123456.0, 1.959983200245186, 0.044566722207981899),
    ])
    func studentTMatchesR(_ df: Double, _ q: Double, _ cdf: Double) {
        #expect(close(StudentT.quantile(0.975, df: df), q))
        #expect(close(StudentT.quantile(0.025, df: df), -q))
        #expect(close(StudentT.cdf(-1.7, df: df), cdf, 1e-9))
        #expect(close(StudentT.cdf(1.7, df: df), 1 - cdf, 1e-9))
    }

    /// Newcombe (1998), "Two-sided confidence intervals for the single proportion", table I, method 5.
    @Test(arguments: [(81.0, 263.0, 0.2527, 0.3676), (15, 148, 0.0578, 0.1617), (0, 20, 0.0, 0.1684), (1, 29, 0.0009, 0.1776)])
    func clopperPearsonMatchesNewcombe(_ x: Double, _ n: Double, _ low: Double, _ high: Double) {
        let interval = KornGraubard.clopperPearson(successes: x, trials: n)
        #expect((interval.lowerBound * 10_000).rounded() / 10_000 == low)
        #expect((interval.upperBound * 10_000).rounded() / 10_000 == high)
    }

    /// svyciprop(~y, design, method = "beta") on twelve units in three strata and nine PSUs, and on
    /// the subset g == 1 (R's subset keeps 7 rows and 3 degrees of freedom); p and se as R printed them.
    @Test(arguments: [
        (0.50306748466257667, 0.15922244233149929, 12, 6.0, 0.15860878529420191, 0.84531051805341639),
        (0.5135135135135136, 0.2232186425737149, 7, 3.0, 0.041199087415396518, 0.96561191233060839),
    ])
    func svycipropMatchesR(_ p: Double, _ se: Double, _ n: Int, _ df: Double, _ low: Double, _ high: Double) throws {
        let interval = try #require(KornGraubard.svyciprop(p: p, se: se, sampleSize: n, df: df))
        #expect(close(interval.low, low, 1e-9))
        #expect(close(interval.high, high, 1e-9))
    }

    /// NCHS 2017's form, computed in R from its formula: (p, se, n, df, n_df, low, high). The third
    /// case caps the effective size at n; the last two are p = 0 and p = 1 with se = 0.
    @Test(arguments: [
        (0.558, 0.058, 60, 8.0, 45.177610611083487, 0.40264556136569296, 0.70547031807851324),
        (0.112, 0.04, 45, 10.0, 36.815995184343876, 0.032191115720170194, 0.25957017098076862),
        (0.3, 0.01, 50, 40.0, 49.432607282740854, 0.17797901794793966, 0.44700801311442362),
        (0.0, 0.0, 30, 20.0, 28.839785356928878, 0.0, 0.12006689682184857),
        (1.0, 0.0, 30, 20.0, 28.839785356928878, 0.87993310317815132, 1.0),
    ])
    func nchsFormMatchesItsFormula(_ p: Double, _ se: Double, _ n: Int, _ df: Double, _ nDF: Double, _ low: Double, _ high: Double) throws {
        let interval = try #require(KornGraubard.nchs(p: p, se: se, n: n, df: df))
        #expect(close(interval.adjustedSize, nDF))
        #expect(low == 0 ? interval.low == 0 : close(interval.low, low, 1e-9))
        #expect(high == 1 ? interval.high == 1 : close(interval.high, high, 1e-9))
    }

    @Test func undefinedIntervalsAreNil() {
        #expect(KornGraubard.svyciprop(p: 0.5, se: 0, sampleSize: 10, df: 3) == nil)
        #expect(KornGraubard.svyciprop(p: 0.5, se: 0.1, sampleSize: 10, df: 0) == nil)
        #expect(KornGraubard.nchs(p: 0.5, se: 0.1, n: 1, df: 3) == nil)
    }
}
