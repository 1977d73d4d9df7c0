import Foundation
import Testing

/// Without --wave or --instrument, the header chooses the instrument, and says so.
@Suite struct InstrumentChoiceTests {
    /// A database with the baseline and follow-up awareness instruments, and an export of each.
    static func setUp(extraWave: String? = nil) throws -> (TestDatabase, baseline: URL, followup: URL) {
        let database = try TestDatabase(surveys: ["awareness"])
        for wave in ["followup-1"] + (extraWave.map { [$0] } ?? []) {
            let survey = try database.run(["survey", "awareness", "--wave", wave, "--out", database.scratch.path("forms-\(wave)")])
            guard survey.code == 0 else { throw TestFailure(survey.stderr) }
        }
        let baseline = database.scratch.url.appendingPathComponent("baseline.csv")
        let followup = database.scratch.url.appendingPathComponent("followup.csv")
        let base = database.scratch.url.appendingPathComponent("forms/awareness_baseline.codebook.json")
        let follow = database.scratch.url.appendingPathComponent("forms-followup-1/awareness_followup_1.codebook.json")
        try Data(try ResponsesCommandTests.koboExport(codebook: base, rows: 20).text.utf8).write(to: baseline)
        try Data(try ResponsesCommandTests.koboExport(codebook: follow, rows: 20).text.replacingOccurrences(of: "uuid-", with: "f-").utf8)
            .write(to: followup)
        return (database, baseline, followup)
    }

    @Test func aFollowUpExportGoesToTheFollowUpInstrumentAndABaselineOneToTheBaseline() throws {
        let (database, baseline, followup) = try Self.setUp()
        let second = try database.run(["import", "awareness", followup.path])
        #expect(second.code == 0, "\(second.stderr)")
        #expect(second.stdout.contains("chose instrument") && second.stdout.contains("wave followup-1"), "\(second.stdout)")
        #expect(!second.stderr.contains("not in the codebook"), "\(second.stderr)")
        let first = try database.run(["import", "awareness", baseline.path])
        #expect(first.code == 0, "\(first.stderr)")
        #expect(first.stdout.contains("wave baseline):"), "\(first.stdout)")
        // The follow-up form does not fit a baseline export at all: said with why, not "matches 0".
        #expect(first.stdout.contains("the header does not fit instrument") && first.stdout.contains("has no column for the required question"), "\(first.stdout)")
        #expect(!first.stdout.contains("matches 0"), "\(first.stdout)")
        let batches = try jsonRows(try database.run(["imports", "--format", "json"]).stdout)
        #expect(batches.map { $0["wave"] as? String } == ["followup-1", "baseline"])
    }

    @Test func equalMatchesAcrossWavesAskWhichOne() throws {
        let (database, _, followup) = try Self.setUp(extraWave: "followup-2")
        let result = try database.run(["import", "awareness", followup.path])
        #expect(result.code == 64, "\(result.stdout) \(result.stderr)")
        #expect(result.stderr.contains("equally well") && result.stderr.contains("--wave") && result.stderr.contains("--instrument"), "\(result.stderr)")
        #expect(result.stderr.contains("followup-1") && result.stderr.contains("followup-2"))
        #expect(try database.run(["import", "awareness", followup.path, "--wave", "followup-2"]).code == 0)
    }

    @Test func nothingNewNamesTheBatchAndWaveThatHoldTheRows() throws {
        let (database, _, followup) = try Self.setUp()
        let wrong = try database.run(["import", "awareness", followup.path, "--wave", "baseline"])
        #expect(wrong.code == 0, "\(wrong.stderr)")
        let again = try database.run(["import", "awareness", followup.path, "--wave", "followup-1"])
        #expect(again.code == 0, "\(again.stderr)")
        #expect(again.stdout.contains("Nothing new") && again.stdout.contains("in batch 1 (wave baseline)"), "\(again.stdout)")
        #expect(again.stdout.contains("purge"))
    }
}
