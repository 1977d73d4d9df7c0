import Foundation
import Testing

@testable import Domain
@testable import Formats
@testable import Statistics
@testable import Storage
@testable import WorkforceKit

/// The public-use employer file collapses strata with fewer than 3 organisations in the frame
/// (issue 28, point 9); hand-worked cases.
@Suite struct PublicUseStrataTests {
    static func stratum(_ sector: String, _ band: String, merged: [String] = [], eligible: Double) -> EmployerWeighting.Stratum {
        EmployerWeighting.Stratum(sector: sector, sizeBand: band, merged: merged, eligible: eligible, respondents: 1)
    }

    static let frame = SamplingFrame(organisations: [
        .init(sector: "water", sizeBand: "micro"): 1, .init(sector: "water", sizeBand: "small"): 1,
        .init(sector: "water", sizeBand: "medium"): 1, .init(sector: "water", sizeBand: "large"): 1,
        .init(sector: "tourism", sizeBand: "micro"): 78, .init(sector: "tourism", sizeBand: "small"): 33,
        .init(sector: "tourism", sizeBand: "medium"): 0, .init(sector: "tourism", sizeBand: "large"): 1,
        .init(sector: "energy", sizeBand: "small"): 1, .init(sector: "energy", sizeBand: "large"): 1,
    ])

    @Test func smallStrataJoinTheirSmallerNeighbourUntilEachHasThree() throws {
        // water: micro (1) joins small, its only neighbour (2); medium (1, before large on the tie)
        // joins large, the smaller neighbour (2); then micro+small (2, first on the tie) joins
        // medium+large: one stratum of 4 organisations, fpc 0.5 + 1 + 1 + 1.
        // tourism: large (1) joins small (33 + 1 = 34); micro (78) stays alone.
        let strata = [
            Self.stratum("water", "micro", eligible: 0.5), Self.stratum("water", "small", eligible: 1),
            Self.stratum("water", "medium", eligible: 1), Self.stratum("water", "large", eligible: 1),
            Self.stratum("tourism", "micro", eligible: 70), Self.stratum("tourism", "small", eligible: 30),
            Self.stratum("tourism", "large", eligible: 1),
        ]
        let groups = try PublicUseStrata(strata: strata, frame: Self.frame)
        #expect(groups.groups.map(\.name) == ["water x micro + water x small + water x medium + water x large", "tourism x micro", "tourism x small + tourism x large"])
        #expect(groups.groups.map(\.organisations) == [4, 78, 34])
        #expect(groups.groups.map(\.eligible) == [3.5, 70, 31])
        #expect(groups.group == [0, 0, 0, 0, 1, 2, 2])
        #expect(groups.collapsed.map(\.name) == ["water x micro + water x small + water x medium + water x large", "tourism x small + tourism x large"])
        #expect(PublicUseStrata.small(strata, frame: Self.frame) == 5)
    }

    @Test func mergedEmptyBandsCountTheirOrganisations() throws {
        // tourism x small with the empty medium and large merged into it: 33 + 0 + 1 = 34, kept.
        let strata = [Self.stratum("tourism", "small", merged: ["medium", "large"], eligible: 34)]
        let groups = try PublicUseStrata(strata: strata, frame: Self.frame)
        #expect(groups.groups.map(\.organisations) == [34])
        #expect(groups.collapsed.isEmpty)
    }

    @Test func aSectorWithFewerThanThreeOrganisationsIsRefused() {
        let strata = [Self.stratum("tourism", "micro", eligible: 78), Self.stratum("energy", "small", eligible: 1), Self.stratum("energy", "large", eligible: 1)]
        #expect(throws: PublicUseStrata.Refusal(sector: "energy", organisations: 2)) { try PublicUseStrata(strata: strata, frame: Self.frame) }
    }

    @Test func notesAreWrittenInEveryFormat() throws {
        var set = MicrodataSet(variables: [MicrodataVariable(name: "x", source: "x", label: "x", kind: .decimal)], cases: [[.number(1)]], title: "t")
        set.notes = ["Public-use file: " + String(repeating: "water x micro + ", count: 8) + "end.", "Second note."]
        let lines = set.noteLines(width: 80)
        #expect(lines.allSatisfy { $0.utf8.count <= 80 })
        #expect(lines.joined(separator: " ") == set.notes.joined(separator: " "))
        #expect(lines.last == "Second note.")
        let sav = SPSSWriter(created: Date(timeIntervalSince1970: 0)).write(set)
        let documents = BinaryBuffer.search(sav, Array("Public-use file: water".utf8))
        #expect(documents != nil)
        let dta = StataWriter(created: Date(timeIntervalSince1970: 0)).write(set)
        #expect(BinaryBuffer.search(dta, Array("note2".utf8)) != nil && BinaryBuffer.search(dta, Array("Second note.".utf8)) != nil)
        let script = RScriptWriter().script(set, csv: "x.csv")
        #expect(script.contains("#   Second note.") && script.contains("attr(responses, \"notes\") <- c(\"Public-use file: "))
        set.notes = []
        #expect(BinaryBuffer.search(SPSSWriter(created: Date(timeIntervalSince1970: 0)).write(set), Array("Public-use".utf8)) == nil)
    }
}

extension BinaryBuffer {
    /// The first offset of `needle` in `bytes`.
    static func search(_ bytes: [UInt8], _ needle: [UInt8]) -> Int? {
        guard needle.count <= bytes.count else { return nil }
        return (0...(bytes.count - needle.count)).first { bytes[$0..<($0 + needle.count)].elementsEqual(needle) }
    }
}
