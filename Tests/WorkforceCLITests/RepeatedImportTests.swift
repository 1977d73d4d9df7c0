import Foundation
import Testing
import WorkforceKit

/// Importing what is stored already stores nothing: no empty batch, no new frame version; and
/// JSON notes read in words as a table's do.
@Suite struct RepeatedImportTests {
    @Test func aFileWhoseRowsAreAllStoredLeavesNoBatch() throws {
        let database = try TestDatabase(surveys: ["awareness"])
        let codebook = database.scratch.url.appendingPathComponent("forms/awareness_baseline.codebook.json")
        let file = database.scratch.url.appendingPathComponent("kobo.csv")
        try Data(try ResponsesCommandTests.koboExport(codebook: codebook, rows: 6).text.utf8).write(to: file)
        #expect(try database.run(["import", "awareness", file.path]).code == 0)
        let again = try database.run(["import", "awareness", file.path])
        #expect(again.code == 0, "\(again.stderr)")
        #expect(again.stdout.contains("Nothing new: every row is already in the database") && again.stdout.contains("no batch was created"), "\(again.stdout)")
        let batches = try jsonRows(try database.run(["imports", "--format", "json"]).stdout)
        #expect(batches.count == 1)
        // The JSON summary says so too: no batch id.
        let json = try database.run(["import", "awareness", file.path, "--format", "json"])
        #expect(json.stdout.contains("\"batch_id\": null"), "\(json.stdout.prefix(300))")
    }

    @Test func jsonNotesNameStrataInWords() throws {
        var table = ResultTable(columns: ["a"])
        table.notes = ["Collapsed: local_government x micro (no responding employer) merged into local_government x medium."]
        let json = table.rendered(as: .json)
        #expect(json.contains("Local government, micro"), "\(json)")
        #expect(!json.contains("local_government x micro"))
    }
}
