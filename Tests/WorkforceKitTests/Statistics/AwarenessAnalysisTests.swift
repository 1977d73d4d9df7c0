import Testing
@testable import WorkforceKit

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

    @Test func equalWeightsGiveTheOrdinaryWilsonIntervalAndNEffEqualToN() throws {
        let table = AwarenessAnalysis.estimate(Self.data(), nil, AwarenessRequest(indicator: "uses_2fa"))
        #expect(table.cell(0, "n") == .int(11))
        #expect(table.cell(0, "n_eff") == .double(11))
        #expect(table.cell(0, "p") == .double(6.0 / 11))
        let wilson = Wilson.interval(p: 6.0 / 11, n: 11)
        #expect(table.cell(0, "ci_low") == .double(wilson.lowerBound))
        #expect(table.cell(0, "suppressed") == .bool(false))
    }

    @Test func smallCellsAreSuppressedWithFiguresWithheld() {
        let table = AwarenessAnalysis.estimate(Self.data(), nil, AwarenessRequest(breakdowns: [.district], indicator: "uses_2fa"))
        #expect(table.rows.map { $0[2] } == [.text("all"), .text("cayo"), .text("toledo")])
        // cayo: respondents 0-9 all answered: 10, not suppressed; toledo: one valid answer.
        #expect(table.cell(1, "n") == .int(10))
        #expect(table.cell(2, "suppressed") == .bool(true))
        #expect(table.cell(2, "p") == .null)
        #expect(table.cell(2, "n") == .null)
    }

    @Test func eachTargetGroupIsItsOwnBreakdownAndRespondentsCountInSeveral() {
        let sums = AwarenessAnalysis.accumulate(Self.data(), nil, 0, .group)
        // parent (bit 0): respondents 0, 1, 2, 3, 6, 7, 8, 9, 10, all with a valid answer → 9.
        #expect(sums[1].n == 9)
        // teacher (bit 1): respondents 2, 3, 4, 11; 11's answer is missing → 3.
        #expect(sums[2].n == 3)
        #expect(sums[0].n == 11)
    }

    @Test func knowledgeScoreIsAWeightedMean() throws {
        let table = AwarenessAnalysis.estimate(Self.data(), nil, AwarenessRequest(indicator: "knowledge_score"))
        // (1 + .5 + 0 + 1 + 1 + .5 + 0 + 0 + 1 + 1 + .5) / 11 = 6.5 / 11.
        #expect(table.cell(0, "p") == .double(6.5 / 11))
        #expect(table.cell(0, "n") == .int(11))
    }

    @Test func comparingWavesGivesTheDifferenceWithNewcombeAndZ() throws {
        let base = Self.data(ones: 4)
        let followup = Self.data(wave: "followup-1", ones: 9)
        let table = AwarenessAnalysis.compare(base, nil, followup, nil, AwarenessRequest(indicator: "uses_2fa"))
        let expected = ProportionDifference(base: 4.0 / 11, n2: 11, followup: 9.0 / 11, n1: 11)
        #expect(table.cell(0, "diff") == .double(expected.difference))
        #expect(table.cell(0, "diff_ci_low") == .double(expected.interval.lowerBound))
        #expect(table.cell(0, "p_value") == .double(expected.pValue))
        #expect(table.cell(0, "n_eff_followup") == .double(11))
    }

    @Test func weightsWidenTheIntervalThroughNEff() throws {
        let data = Self.data()
        let weights: [Double] = [3, 1, 1, 1, 1, 1, 3, 1, 1, 1, 1, 1]
        let table = AwarenessAnalysis.estimate(data, weights, AwarenessRequest(indicator: "uses_2fa"))
        guard case .double(let nEff) = table.cell(0, "n_eff"), case .double(let low) = table.cell(0, "ci_low"),
            case .double(let high) = table.cell(0, "ci_high")
        else { Issue.record("missing figures"); return }
        // Σw = 15 over the 11 valid, Σw² = 9 + 9 + 9 = 27 → n_eff = 225 / 27.
        #expect(abs(nEff - 225.0 / 27) < 1e-12)
        let plain = Wilson.interval(p: 6.0 / 11, n: 11)
        #expect(high - low > plain.upperBound - plain.lowerBound)
    }
}
