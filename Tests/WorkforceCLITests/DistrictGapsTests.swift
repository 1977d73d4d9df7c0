import Foundation
import Testing

/// `gaps --by district` names each district and says why it has no supply of its own;
/// `gaps --district NAME` gives one district's row, and an unknown name lists the districts
/// (issue 33).
@Suite struct DistrictGapsTests {
    @Test func oneDistrictByNameOrLabelAndAnUnknownOneListsThem() throws {
        let database = try CatalogAndGapsCommandTests.database(employers: 12)
        let all = try database.run(["gaps", "--by", "district", "--format", "json", "--no-suppress"])
        #expect(all.code == 0, "\(all.stderr)")
        let rows = try jsonRows(all.stdout)
        #expect(!rows.isEmpty)
        // Every row is named by the form's label of its district.
        let labels = ["belize": "Belize", "cayo": "Cayo", "corozal": "Corozal", "orange_walk": "Orange Walk", "stann_creek": "Stann Creek", "toledo": "Toledo"]
        for row in rows {
            let id = try #require(row["district"] as? String)
            #expect(row["name"] as? String == labels[id], "\(row)")
        }
        #expect(all.stdout.contains("Supply and gap are national only: the training catalog's completions are not located by district"))

        let id = try #require(rows.first?["district"] as? String)
        for given in [id, labels[id] ?? id, (labels[id] ?? id).uppercased()] {
            let one = try database.run(["gaps", "--district", given, "--format", "json", "--no-suppress"])
            #expect(one.code == 0, "\(one.stderr)")
            let picked = try jsonRows(one.stdout)
            #expect(picked.count == 1 && picked.first?["district"] as? String == id, "\(given): \(one.stdout)")
            #expect(picked.first?["demand"] as? Double == rows.first?["demand"] as? Double)
        }

        let unknown = try database.run(["gaps", "--district", "Atlantis"])
        #expect(unknown.code == 64)
        #expect(unknown.stderr.contains("--district Atlantis: the employer form has no such district; give one of belize (Belize), cayo (Cayo)"), "\(unknown.stderr)")
        let other = try database.run(["gaps", "--by", "role", "--district", "cayo"])
        #expect(other.code == 64 && other.stderr.contains("--district goes with --by district"), "\(other.stderr)")
    }
}
