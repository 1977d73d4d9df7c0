import Foundation
import Testing
@testable import Domain
@testable import Formats
@testable import Statistics
@testable import Storage
@testable import WorkforceKit

@Suite struct CampaignDifferenceTests {
    static func wave(_ name: String, _ y: [Int8]) -> AwarenessWave {
        var data = AwarenessData(
            wave: name, indicators: ["uses_2fa"], values: [y], knowledge: Array(repeating: .nan, count: 8), categories: [.district: ["cayo", "toledo"]],
            category: [.district: [0, 0, 0, 0, 1, 1, 1, 1]], groups: Array(repeating: 0, count: 8))
        data.topics = ["uses_2fa": "behaviour"]
        return AwarenessWave(data: data, request: AwarenessRequest(minimumCell: 1), raking: nil)
    }

    /// Cayo ran the campaign: 1/4 then 3/4; Toledo 1/2 both times: did = 0.5. Independent waves,
    /// each respondent its own unit: in each wave z = ∓(y - p)/4 by district, Σ z = 0 and
    /// Σ z² = (0.75 + 1)/16 = 7/64, so V = 8/7 · 7/64 = 1/8 per wave and se = sqrt(1/4).
    @Test func theDifferenceInDifferencesByHand() throws {
        let a = Self.wave("baseline", [1, 0, 0, 0, 1, 1, 0, 0]), b = Self.wave("followup-1", [1, 1, 1, 0, 1, 1, 0, 0])
        let measure = AwarenessMeasure(name: "uses_2fa", label: "2FA", isProportion: true)
        let row = AwarenessImpact.did(measure, a, b, ["cayo"], nil, 1)
        #expect(row.figures.map(\.value) == [0.25, 0.5, 0.75, 0.5])
        #expect(abs((row.difference ?? 0) - 0.5) < 1e-15)
        #expect(abs((row.se ?? 0) - 0.5) < 1e-15)
        // Four respondents a side: computed, but unreliable (NCHS: effective size under 30).
        #expect(row.reliability.status == "unreliable")
    }

    static func file(_ text: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("campaigns-\(UUID().uuidString).csv")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    @Test func aCampaignsFileIsCheckedWithItsLineAndColumn() throws {
        let districts = ["belize", "cayo", "stann_creek", "toledo"]
        let good = try CampaignSchedule(
            url: try Self.file("district,campaign,start,end\nCayo,STOP. THINK.,2026-06-01,2026-12-31\nstann creek,Old,2025-01-01,2025-03-31\n"), districts: districts)
        #expect(good.entries.map(\.district) == ["cayo", "stann_creek"])
        #expect(good.districts(from: "2026-09-10", to: "2026-09-27") == ["cayo"])
        #expect(good.districts(from: nil, to: nil) == ["cayo", "stann_creek"])
        let cases: [(String, String)] = [
            ("district,campaign,start,end\nnowhere,X,2026-01-01,2026-02-01\n", ":2:1: unknown district"),
            ("district,campaign,start,end\ncayo,X,2026-02-30,2026-03-01\n", ":2:8: start \"2026-02-30\" is not a date"),
            ("district,campaign,start,end\ncayo,X,2026-03-01,2026-02-01\n", "ends (2026-02-01) before it starts"),
            ("district,campaign,start,end\ncayo,,2026-03-01,2026-04-01\n", "give the campaign's name"),
            ("district,campaign,start,end\ncayo,X,2026-03-01,2026-04-01\ncayo,X,2026-03-01,2026-04-01\n", "already given for cayo on line 2"),
        ]
        for (text, message) in cases {
            do {
                _ = try CampaignSchedule(url: try Self.file(text), districts: districts)
                Issue.record("accepted: \(text)")
            } catch {
                #expect(String(describing: error).contains(message), "\(error)")
            }
        }
        #expect(CampaignSchedule.isDate("2024-02-29") && !CampaignSchedule.isDate("2023-02-29") && !CampaignSchedule.isDate("2026-1-01"))
    }
}
