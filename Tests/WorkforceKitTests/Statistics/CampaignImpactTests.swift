import Testing
@testable import Domain
@testable import Formats
@testable import Statistics
@testable import Storage
@testable import WorkforceKit

@Suite struct CampaignImpactTests {
    /// Eight respondents, each five times: r0-r2 recognise a real slogan (exposed), r3-r5 none
    /// (unexposed), r6 recognises one and claims the decoy, r7 claims the decoy only (both left
    /// out); `uses_2fa` 1, 1, 0 among the exposed, 1, 0, 0 among the unexposed.
    static func data() -> AwarenessData {
        func rep<T>(_ a: [T]) -> [T] { (0..<5).flatMap { _ in a } }
        var data = AwarenessData(
            wave: "followup-1", indicators: ["uses_2fa", AwarenessData.recognises, AwarenessData.claimsDecoy],
            values: [rep([1, 1, 0, 1, 0, 0, 1, 1]), rep([1, 1, 1, 0, 0, 0, 1, 0]), rep([0, 0, 0, 0, 0, 0, 1, 1])],
            knowledge: rep([1, 0, 1, 0, 1, 0, 1, 0]), categories: [.sex: ["female", "male"]],
            category: [.sex: rep([0, 1, 0, 1, 0, 1, 0, 1])], groups: rep([0, 0, 0, 0, 0, 0, 0, 0]))
        data.topics = ["uses_2fa": "behaviour", AwarenessData.recognises: "campaigns", AwarenessData.claimsDecoy: "campaigns"]
        return data
    }

    static func result(_ data: AwarenessData, minimumCell: Int = 10) throws -> CampaignImpactResult {
        let request = AwarenessRequest(wave: "followup-1", minimumCell: minimumCell)
        return try AwarenessImpact.analyse(AwarenessWave(data: data, request: request, raking: nil), request)
    }

    /// p = 2/3 against 1/3 on 15 and 15 respondents; the 10 decoy claimers are units of the design
    /// with no value. Σ z = 0 and Σ z² = 2 · 15 · (2/9) / 15² = 4/135, so V = 40/39 · 4/135.
    @Test func theRawDifferenceLeavesDecoyClaimersOutByHand() throws {
        let result = try Self.result(Self.data())
        #expect(result.decoyClaimers == 10)
        #expect(result.covariates == ["sex"])
        let row = try #require(result.rows.first { $0.indicator == "uses_2fa" })
        #expect(row.nExposed == 15 && row.nUnexposed == 15)
        #expect(abs((row.rawDifference ?? 0) - 1.0 / 3) < 1e-15)
        #expect(abs((row.rawSE ?? 0) - (40.0 / 39 * 4 / 135).squareRoot()) < 1e-15)
        #expect(row.isPublished && row.adjustedDifference != nil && row.qValue != nil)
        // Every sentence says "associated", says recall is self-reported, and names the decoy check.
        let notes = result.notes().joined(separator: " ")
        #expect(notes.contains("associated with") && notes.contains("self-reported") && notes.contains("decoy check"))
        #expect(notes.contains("education, internet_use"))
    }

    /// The dose-response counts the channels seen; this wave asks none, so there is none.
    @Test func aWaveWithoutChannelsHasNoDoseResponse() throws {
        #expect(try Self.result(Self.data()).doses.isEmpty)
    }

    @Test func tooFewOnOneSideIsSuppressed() throws {
        let row = try #require(try Self.result(Self.data(), minimumCell: 16).rows.first { $0.indicator == "uses_2fa" })
        #expect(row.reliability.status == "suppressed" && row.reliability.reason == "fewer than 16 exposed or unexposed respondents")
        #expect(row.rawDifference == nil && row.adjustedDifference == nil)
        let table = AwarenessImpact.table(CampaignImpactResult(
            wave: "followup-1", rows: [row], covariates: [], decoyClaimers: 0, weighting: WaveWeighting(wave: "followup-1", respondents: 40),
            design: AwarenessDesign(strata: [], cluster: nil, source: .given), phrases: [], banners: []))
        #expect(table.cell(0, "status") == .text("suppressed") && table.cell(0, "p_exposed") == .null && table.cell(0, "n_exposed") == .int(15))
    }

    /// The sentence follows the adjusted interval: higher, lower or no clear difference, in whole
    /// points, always "associated"; in Spanish from the same table.
    @Test func theFindingSaysAssociatedAndFollowsTheInterval() throws {
        var row = CampaignImpact(indicator: "uses_2fa", label: "2FA", nExposed: 100, nUnexposed: 100, reliability: .published)
        row.adjustedDifference = 0.081
        row.interval = 0.021...0.141
        let higher = try #require(row.finding())
        #expect(higher.hasPrefix("Uses two-step verification: 8 points higher among people who recall the campaign"))
        #expect(higher.contains("(95% CI 2 to 14)") && higher.contains("associated with recall"))
        #expect(try #require(row.finding(.es)).contains("8 puntos más"))
        row.adjustedDifference = -0.02
        row.interval = -0.07...0.03
        #expect(try #require(row.finding()).contains("no clear difference") && row.finding()?.contains("(-2 points, 95% CI -7 to 3)") == true)
        row.reliability = AwarenessImpact.unreliable("impact.no_fit")
        #expect(row.finding() == nil)
    }

    @Test func aWaveWithoutTheSlogansIsAUsageError() throws {
        var data = Self.data()
        data.indicators = ["uses_2fa"]
        data.values = [data.values[0]]
        #expect(throws: WorkforceError.self) { try Self.result(data) }
    }
}
