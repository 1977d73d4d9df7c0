import Testing
@testable import WorkforceKit
@testable import Statistics
@testable import Domain

@Suite struct AwarenessAnalysisTests {
    /// Twelve respondents: indicator `uses_2fa` (1, 0 or missing), two districts, target groups.
    static func data(wave: String = "baseline", ones: Int = 6) -> AwarenessData {
        var values: [Int8] = Array(repeating: 1, count: ones) + Array(repeating: 0, count: 11 - ones) + [-1]
        values = Array(values.prefix(12))
        return AwarenessData(
            wave: wave, indicators: ["uses_2fa"], values: [values],
            knowledge: [1, 0.5, 0, 1, 1, 0.5, 0, 0, 1, 1, .nan, 0.5],
            categories: [.district: ["cayo", "toledo"], .group: ["parent", "teacher"]],
            category: [.district: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1]],
            groups: [1, 1, 3, 3, 2, 0, 1, 1, 1, 1, 1, 2])
    }

    /// `data` with every respondent repeated `times` times (enough for published figures).
    static func replicated(_ data: AwarenessData, _ times: Int) -> AwarenessData {
        func rep<T>(_ a: [T]) -> [T] { (0..<times).flatMap { _ in a } }
        return AwarenessData(
            wave: data.wave, indicators: data.indicators, values: data.values.map(rep), knowledge: rep(data.knowledge),
            categories: data.categories, category: data.category.mapValues(rep), groups: rep(data.groups))
    }

    static func figures(_ data: AwarenessData, _ request: AwarenessRequest, raking: Raking.Result? = nil) throws -> [AwarenessEstimate] {
        let wave = AwarenessWave(data: data, request: request, raking: raking)
        return AwarenessAnalysis.estimate(wave, try AwarenessAnalysis.measures(data, request), request).estimates[0].rows
    }

    static func estimates(_ data: AwarenessData, _ request: AwarenessRequest, raking: Raking.Result? = nil) throws -> ResultTable {
        AwarenessTables.estimates(try figures(data, request, raking: raking))
    }

    @Test func withoutADesignTheStandardErrorIsTheWithReplacementOne() throws {
        let e = try #require(try Self.figures(Self.data(), AwarenessRequest(indicator: "uses_2fa", minimumCell: 5)).first)
        // p = 6/11 over 11 valid answers; each of the 12 respondents is its own unit (the one
        // without an answer too, as R's subset keeps the design's units): se² = 12/11 Σ z²,
        // z = (y - p)/11, so se² = 12/11 · p(1-p)/11.
        let p = 6.0 / 11
        #expect(e.n == 11)
        #expect(e.value == p)
        #expect(abs(e.se - (12.0 / 11 * p * (1 - p) / 11).squareRoot()) < 1e-15)
        #expect(abs((e.deff ?? 0) - 12.0 / 11) < 1e-12)
        // n_eff = min(n, p(1-p)/se²) = 11 · 11/12; 10 degrees of freedom = n - 1, so n_df = n_eff
        // and x = 5.5: R's qbeta(0.025, 5.5, 121/12 - 5.5 + 1), qbeta(0.975, 6.5, 121/12 - 5.5).
        #expect(abs(e.effectiveSize - 121.0 / 12) < 1e-12)
        #expect(e.degreesOfFreedom == 10)
        #expect(abs((e.interval?.lowerBound ?? 0) - 0.22131879396821466) < 1e-9)
        #expect(abs((e.interval?.upperBound ?? 0) - 0.84294190287807269) < 1e-9)
        // Under 30 effective respondents: unreliable, and withheld in the table.
        #expect(e.reliability.status == "unreliable" && e.reliability.reason == "effective sample size under 30")
        let table = AwarenessTables.estimates([e])
        #expect(table.cell(0, "status") == .text("unreliable"))
        #expect(table.cell(0, "p") == .null && table.cell(0, "ci_low") == .null && table.cell(0, "n") == .int(11))
        #expect(table.cell(0, "reason") == .text("effective sample size under 30"))
    }

    @Test func smallCellsAreSuppressedWithEveryFigureWithheld() throws {
        let table = try Self.estimates(Self.data(), AwarenessRequest(breakdowns: [.district], indicator: "uses_2fa"))
        #expect(table.rows.map { $0[3] } == [.text("all"), .text("cayo"), .text("toledo")])
        #expect(table.cell(1, "n") == .int(10))
        #expect(table.cell(2, "status") == .text("suppressed"))
        #expect(table.cell(2, "p") == .null)
        #expect(table.cell(2, "n") == .null)
        #expect(table.cell(2, "reason") == .text("fewer than 10 respondents"))
    }

    /// Two strata, clusters {1,1} {0,1} in the first and {0} {0,0} in the second: p = 3/7,
    /// Z = (8, 1, -3, -6)/49, V = 2 (3.5² + 3.5²)/49² + 2 (1.5² + 1.5²)/49² = 58/2401.
    @Test func clustersWithinStrataByHand() throws {
        let data = AwarenessData(
            wave: "baseline", indicators: ["y"], values: [[1, 1, 0, 1, 0, 0, 0]], knowledge: Array(repeating: .nan, count: 7),
            categories: [.district: ["a", "b"]], category: [.district: [0, 0, 0, 0, 1, 1, 1]], groups: Array(repeating: 0, count: 7),
            cluster: [0, 0, 1, 1, 2, 3, 3])
        let e = try #require(try Self.figures(data, AwarenessRequest(indicator: "y", strata: [.district], cluster: "ea", minimumCell: 1)).first)
        #expect(abs(e.se - 58.0.squareRoot() / 49) < 1e-15)
        #expect(e.degreesOfFreedom == 2)
    }

    /// A third stratum with a single cluster {1,1}: p = 5/9, it adds Z² = (8/81)² ("adjust",
    /// centred on 0): V = (81 + 25 + 64) / 6561.
    @Test func aLonelyStratumAddsItsTotalSquared() throws {
        let data = AwarenessData(
            wave: "baseline", indicators: ["y"], values: [[1, 1, 0, 1, 0, 0, 0, 1, 1]], knowledge: Array(repeating: .nan, count: 9),
            categories: [.district: ["a", "b", "c"]], category: [.district: [0, 0, 0, 0, 1, 1, 1, 2, 2]], groups: Array(repeating: 0, count: 9),
            cluster: [0, 0, 1, 1, 2, 3, 3, 4, 4])
        let wave = AwarenessWave(data: data, request: AwarenessRequest(strata: [.district], cluster: "ea"), raking: nil)
        #expect(wave.design.lonelyStrata == 1)
        #expect(wave.design.degreesOfFreedom == 2)
        let e = try #require(try Self.figures(data, AwarenessRequest(indicator: "y", strata: [.district], cluster: "ea", minimumCell: 1)).first)
        #expect(abs(e.se - 170.0.squareRoot() / 81) < 1e-15)
        #expect(Reliability.review(degreesOfFreedom: e.degreesOfFreedom)?.text() == "fewer than 8 degrees of freedom (2): review before publishing")
        #expect(Reliability.review(degreesOfFreedom: e.degreesOfFreedom)?.text(.es) == "menos de 8 grados de libertad (2): revisar antes de publicar")
    }

    /// Post-stratified to sex 60/40: weights 30, 30, 20, 20; y = 1, 0, 1, 1; p = 0.7. The
    /// influence values (0.3, -0.7, 0.3, 0.3)/100 less their sex means (-0.2, 0.3)/100 give
    /// residuals (0.5, -0.5, 0, 0)/100, z = w e = (0.15, -0.15, 0, 0): V = 4/3 · 0.045 = 0.06.
    @Test func rakingReplacesInfluenceValuesByTheirResidualsOnTheMargins() throws {
        let data = AwarenessData(
            wave: "baseline", indicators: ["y"], values: [[1, 0, 1, 1]], knowledge: Array(repeating: .nan, count: 4),
            categories: [.sex: ["female", "male"]], category: [.sex: [0, 0, 1, 1]], groups: [0, 0, 0, 0])
        let variable = Raking.Variable(name: "sex", categories: ["female", "male"], population: [60, 40], category: [0, 0, 1, 1])
        let raking = Raking.rake(count: 4, variables: [variable])
        #expect(raking.weights == [30, 30, 20, 20])
        let e = try #require(try Self.figures(data, AwarenessRequest(indicator: "y", minimumCell: 1), raking: raking).first)
        #expect(abs((e.value ?? 0) - 0.7) < 1e-15)
        #expect(abs(e.se - 0.06.squareRoot()) < 1e-14)
    }

    @Test func eachTargetGroupIsItsOwnDomainAndRespondentsCountInSeveral() throws {
        let table = try Self.estimates(Self.data(), AwarenessRequest(breakdowns: [.group], indicator: "uses_2fa", minimumCell: 1))
        // parent (bit 0): respondents 0, 1, 2, 3, 6, 7, 8, 9, 10, all with a valid answer → 9;
        // teacher (bit 1): respondents 2, 3, 4, 11; 11's answer is missing → 3.
        #expect(table.rows.map { $0[4] } == [.int(11), .int(9), .int(3)])
    }

    @Test func theKnowledgeScoreIsAMeanWithANormalInterval() throws {
        let e = try #require(try Self.figures(Self.data(), AwarenessRequest(indicator: "knowledge_score", minimumCell: 5)).first)
        // (1 + .5 + 0 + 1 + 1 + .5 + 0 + 0 + 1 + 1 + .5) / 11 = 6.5 / 11.
        let m = 6.5 / 11
        let x: [Double] = [1, 0.5, 0, 1, 1, 0.5, 0, 0, 1, 1, 0.5]
        let se = (12.0 / 11 * x.map { ($0 - m) * ($0 - m) }.reduce(0, +) / 121).squareRoot()
        #expect(e.value == m)
        #expect(abs(e.se - se) < 1e-15)
        #expect(abs((e.interval?.upperBound ?? 0) - (m + Normal.z95 * se)) < 1e-15)
    }

    @Test func comparingWavesUsesBothStandardErrorsAndNewcombe() throws {
        let request = AwarenessRequest(indicator: "uses_2fa", minimumCell: 1)
        let base = AwarenessWave(data: Self.replicated(Self.data(ones: 4), 10), request: request, raking: nil)
        let followup = AwarenessWave(data: Self.replicated(Self.data(wave: "followup-1", ones: 9), 10), request: request, raking: nil)
        let results = AwarenessAnalysis.compare(base, followup, try AwarenessAnalysis.measures(base.data, request), request)
        let row = try #require(results.comparisons.first)
        let p1 = 4.0 / 11, p2 = 9.0 / 11
        // 120 units, 110 answers: se² = 120/119 · p(1-p)/110 in each wave.
        let v1 = 120.0 / 119 * p1 * (1 - p1) / 110, v2 = 120.0 / 119 * p2 * (1 - p2) / 110
        let se = (v1 + v2).squareRoot()
        #expect(abs((row.difference ?? 0) - (p2 - p1)) < 1e-15)
        #expect(abs((row.se ?? 0) - se) < 1e-15)
        #expect(abs((row.z ?? 0) - (p2 - p1) / se) < 1e-12)
        // Newcombe's square-and-add on the two waves' Korn-Graubard intervals (n - 1 = df, so
        // Clopper-Pearson on n_eff).
        let n1 = p1 * (1 - p1) / v1, n2 = p2 * (1 - p2) / v2
        let i1 = KornGraubard.clopperPearson(successes: p1 * n1, trials: n1), i2 = KornGraubard.clopperPearson(successes: p2 * n2, trials: n2)
        let low = (p2 - p1) - ((p2 - i2.lowerBound) * (p2 - i2.lowerBound) + (i1.upperBound - p1) * (i1.upperBound - p1)).squareRoot()
        #expect(abs((row.interval?.lowerBound ?? 0) - low) < 1e-12)
        // One test in its family: q = p.
        #expect(row.qValue == row.pValue)
        let table = AwarenessTables.differences(results.comparisons)
        #expect(table.columns == ["indicator", "breakdown", "group", "p_base", "p_followup", "diff", "se_diff", "diff_ci_low", "diff_ci_high", "z", "p_value", "q_value", "status", "reason"])
    }

    @Test func aGroupAgainstTheRestWithoutClustersHasIndependentErrors() throws {
        var request = AwarenessRequest(indicator: "uses_2fa", minimumCell: 1)
        request.contrast = .group
        let wave = AwarenessWave(data: Self.replicated(Self.data(), 10), request: request, raking: nil)
        let results = AwarenessAnalysis.estimate(wave, try AwarenessAnalysis.measures(wave.data, request), request)
        let teacher = try #require(results.contrasts.last)
        // teacher: respondents 2, 3, 4 (all 1; 11 has no answer) → 30 answers, p = 1; the rest:
        // 0, 1, 5-10 → 80 answers, 30 ones, p = 3/8.
        #expect(teacher.to == 1)
        #expect(abs((teacher.from ?? 0) - 3.0 / 8) < 1e-15)
        // Without clusters the two domains share no unit, so the variance is the sum of the two;
        // the group's is 0: 120/119 Σ ((y - 3/8)/80)² over the rest.
        #expect(abs((teacher.se ?? 0) - (120.0 / 119 * 18.75 / 6400).squareRoot()) < 1e-15)
        #expect(abs((teacher.difference ?? 0) - 5.0 / 8) < 1e-15)
        #expect(results.contrasts.map(\.group) == ["parent", "teacher"])
        // The group's 100% is for review (NCHS 2017), and so is the difference; it is still tested.
        #expect(teacher.qValue != nil && teacher.reliability.status == "review")
    }
}

@Suite struct DesignStatisticsTests {
    @Test func benjaminiHochbergAsPAdjust() {
        // p.adjust(c(0.01, 0.04, 0.03, 0.20), "BH") = 0.04, 0.0533, 0.0533, 0.20.
        let q = MultipleComparisons.benjaminiHochberg([0.01, 0.04, nil, 0.03, 0.20])
        #expect(abs((q[0] ?? 0) - 0.04) < 1e-15)
        #expect(abs((q[1] ?? 0) - 0.16 / 3) < 1e-15)
        #expect(q[2] == nil)
        #expect(abs((q[3] ?? 0) - 0.16 / 3) < 1e-15)
        #expect(abs((q[4] ?? 0) - 0.20) < 1e-15)
    }

    @Test(arguments: [
        (9, 0.5, 9.0, 0.3...0.7, "suppressed"),
        (100, 0.5, 29.0, 0.45...0.55, "unreliable"),
        (100, 0.5, 40.0, 0.35...0.65, "unreliable"),
        (100, 0.03, 40.0, 0.0...0.06, "unreliable"),
        (100, 0.03, 400.0, 0.02...0.045, "published"),
        (100, 0.5, 400.0, 0.45...0.55, "published"),
        // 0% and 100% are never published as a certainty; the relative rule needs p > 0.
        (200, 0.0, 200.0, 0.0...0.018275340355136227, "review"),
        (200, 1.0, 200.0, 0.981724659644863773...1.0, "review"),
    ])
    func nchsProportionStandards(_ n: Int, _ p: Double, _ nEff: Double, _ ci: ClosedRange<Double>, _ status: String) {
        #expect(Reliability.proportion(n: n, p: p, effectiveSize: nEff, interval: ci, minimumCell: 10).status == status)
    }

    @Test func withoutDegreesOfFreedomThereIsNoIntervalAndNothingIsPublished() {
        #expect(Reliability.proportion(n: 40, p: 0.4, effectiveSize: 40, interval: nil, minimumCell: 10).reason == "no degrees of freedom for an interval")
    }

    /// p = 0.9, se² = 0.09/50 (n_eff 50 of 60) on 5 degrees of freedom: n_df = 50 (t_{0.975,59} /
    /// t_{0.975,5})² = 30.2970, and R's qbeta on x = 0.9 n_df gives 0.73579 to 0.97865: published
    /// (width 0.243 is under 130% of 0.9), reviewed twice: 5 degrees of freedom, and the complement
    /// 0.1 whose interval would be 243% of it.
    @Test func fewDegreesOfFreedomWidenTheIntervalAndTheComplementIsReviewed() {
        let mean = DesignMean(n: 60, mean: 0.9, se: (0.09 / 50).squareRoot(), spread: 0.09, degreesOfFreedom: 5)
        let e = AwarenessEstimate(indicator: "x", label: "x", breakdown: "district", group: "toledo", isProportion: true, mean: mean, minimumCell: 10)
        #expect(abs(e.effectiveSize - 50) < 1e-9)
        #expect(abs((e.interval?.lowerBound ?? 0) - 0.73579288337679660) < 1e-9)
        #expect(abs((e.interval?.upperBound ?? 0) - 0.97865460152085137) < 1e-9)
        #expect(e.reliability == .published)
        #expect(e.reason?.contains("fewer than 8 degrees of freedom (5)") == true)
        #expect(e.reason?.contains("the complement") == true)
        // Knowing where to report at 100% with no variance: shown for review, not published.
        let certain = AwarenessEstimate(
            indicator: "x", label: "x", breakdown: "all", group: "all", isProportion: true,
            mean: DesignMean(n: 200, mean: 1, se: 0, spread: 0, degreesOfFreedom: 80), minimumCell: 10)
        #expect(certain.reliability.status == "review" && !certain.isPublished && certain.isShown)
        #expect(certain.interval?.upperBound == 1 && (certain.interval?.lowerBound ?? 1) < 1)
    }

    @Test func clustersAreNestedInStrataAndSingleRespondentsAreTheirOwnUnits() {
        // Code 7 in strata 0 and 1 is two clusters; code 9 has one respondent; -1 is blank.
        let design = SampleDesign(strata: [0, 0, 1, 1, 1, 0, 0], clusters: [7, 7, 7, 7, 9, -1, -1])
        #expect(design.clusterCount == 2)
        #expect(design.unitsPerStratum == [3, 2])
        #expect(design.degreesOfFreedom == 3)
    }
}
