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

    /// The figures of a wave say how many of its rows are quarantined and not counted.
    @Test func awarenessNamesTheQuarantinedRowsOfItsWave() throws {
        let url = database.scratch.url.appendingPathComponent("some-bad.csv")
        try writeAwarenessFile(url, rows: 40)
        let text = try String(contentsOf: url, encoding: .utf8).replacingOccurrences(of: "uuid-2,corozal,urban,25_34", with: "uuid-2,corozal,urban,ancient")
        try Data(text.utf8).write(to: url)
        #expect(try database.run(["import", "awareness", url.path]).code == 0)
        let result = try database.run(["awareness", "--format", "json"])
        #expect(result.code == 0, "\(result.stderr)")
        #expect(result.stdout.contains("1 awareness row of wave baseline (2.5% of its 40 rows) is quarantined and not counted: see `workforce imports --rejected 1`"), "\(result.stdout.prefix(2000))")
    }
}
