import Foundation
import Testing

/// What `import` says about a header that is not quite the codebook's.
@Suite struct HeaderFaultCommandTests {
    let database: TestDatabase
    init() throws { database = try TestDatabase(surveys: ["awareness"]) }

    /// Every unknown column is named, however many: a typo must not hide in a cut list.
    @Test func everyUnknownColumnIsNamed() throws {
        let good = database.scratch.url.appendingPathComponent("good.csv")
        try writeAwarenessFile(good, rows: 3)
        let lines = try String(contentsOf: good, encoding: .utf8).split(separator: "\n").map(String.init)
        let extra = (1...16).map { "extra_\($0)" }
        let text = ([lines[0] + "," + extra.joined(separator: ",")] + lines.dropFirst().map { $0 + String(repeating: ",x", count: 16) })
            .joined(separator: "\n") + "\n"
        let url = database.scratch.url.appendingPathComponent("extra.csv")
        try Data(text.utf8).write(to: url)
        let result = try database.run(["import", "awareness", url.path])
        #expect(result.code == 0, "\(result.stderr)")
        #expect(result.stderr.contains("16 columns are not in the codebook and not stored: " + extra.joined(separator: ", ") + "\n"), "\(result.stderr)")
    }

    /// The typo, in the CLI's words: exit 65, and nothing in the database.
    @Test func aTypoIsRefusedWithExitSixtyFive() throws {
        let good = database.scratch.url.appendingPathComponent("good.csv")
        try writeAwarenessFile(good, rows: 3)
        let text = try String(contentsOf: good, encoding: .utf8).replacingOccurrences(of: ",k_updates,", with: ",k_update,")
        let url = database.scratch.url.appendingPathComponent("typo.csv")
        try Data(text.utf8).write(to: url)
        let result = try database.run(["import", "awareness", url.path])
        #expect(result.code == 65)
        #expect(result.stderr.contains("no column k_updates; did you mean k_update (column 11)?"), "\(result.stderr)")
        #expect(try database.run(["imports", "--format", "csv"]).stdout.split(separator: "\n").count == 1)
    }
}
