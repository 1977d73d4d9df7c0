import Foundation
import Testing
@testable import WorkforceKit
@testable import Domain

/// How many rows of a wave are quarantined and not counted, and the duplicate check that runs
/// before the quarantine check.
@Suite struct QuarantineCountTests {
    let scratch: TemporaryFolder
    let store: WorkforceStore
    let awareness: Instrument

    init() throws {
        (scratch, store) = try storeWithInstruments([(.awareness, "baseline"), (.employer, nil)])
        awareness = try buildInstrument(.awareness, wave: "baseline")
    }

    /// Three rows with ids `u1`...`u3`; rows `bad` get an age band that is not a choice.
    private func file(_ name: String, bad: Set<Int>) throws -> URL {
        let base = ResponseFile(awareness, rows: 3)
        let writer = CSVWriter(neutralizeFormulas: false)
        var text = writer.record(["_uuid"] + base.names)
        for (i, row) in base.rows.enumerated() {
            var row = row
            if bad.contains(i) { row["age_band"] = "ancient" }
            text += writer.record(["u\(i + 1)"] + base.names.map { row[$0] ?? "" })
        }
        return try scratch.write(name, text)
    }

    @Test func quarantinedRowsAreCountedUntilTheyAreImported() throws {
        #expect(try store.quarantineCount(kind: .awareness, wave: "baseline") == nil)
        let first = try importFile(store, try file("a.csv", bad: [0, 2]), .awareness)
        #expect((first.imported, first.quarantined) == (1, 2))
        let count = try #require(try store.quarantineCount(kind: .awareness, wave: nil))
        let firstBatch = try #require(first.batchID)
        #expect(count == QuarantineCount(kind: "awareness", wave: "baseline", quarantined: 2, rows: 3, batches: [firstBatch]))
        #expect(count.isLarge)
        #expect(
            count.sentence
                == "2 awareness rows of wave baseline (66.7% of its 3 rows) are quarantined and not counted: see `workforce imports --rejected \(firstBatch)`; fix them and import them again.")
        #expect(try store.quarantineCount(kind: .employer, wave: nil) == nil)
        #expect(try store.quarantineCount(kind: .awareness, wave: "followup-1") == nil)

        // The same file again: every id is quarantined again, or stored; none counts twice.
        let again = try importFile(store, try file("b.csv", bad: [0]), .awareness)
        #expect((again.imported, again.duplicates, again.quarantined) == (1, 1, 1))
        let after = try #require(try store.quarantineCount(kind: .awareness, wave: "baseline"))
        let againBatch = try #require(again.batchID)
        #expect(after.quarantined == 1 && after.rows == 3 && after.batches == [againBatch])

        // Fixed: nothing is left out.
        _ = try importFile(store, try file("c.csv", bad: []), .awareness)
        #expect(try store.quarantineCount(kind: .awareness, wave: "baseline") == nil)
    }

    /// A response already stored is a duplicate, even when this copy fails a check (a labels
    /// export of rows imported before, a later edit): never quarantined next to its stored self.
    @Test func theDuplicateCheckRunsBeforeTheQuarantineCheck() throws {
        let first = try importFile(store, try file("a.csv", bad: []), .awareness)
        #expect(first.imported == 3)
        let again = try importFile(store, try file("b.csv", bad: [0, 1, 2]), .awareness)
        #expect((again.imported, again.duplicates, again.quarantined) == (0, 3, 0))
        let firstBatch = try #require(first.batchID)
        #expect(again.duplicatesHeldBy.map(\.batch) == [firstBatch])
        #expect(try store.quarantineCount(kind: .awareness, wave: "baseline") == nil)
    }

    /// The report puts each wave's sentence at the top of the section its figures are in.
    @Test func theReportNotesTheSectionWhoseFiguresLeaveRowsOut() throws {
        let first = try importFile(store, try file("a.csv", bad: [1]), .awareness)
        var options = ReportOptions()
        options.wave = nil
        let found = try WorkforceReport.quarantine(store, options)
        #expect(found.map(\.section) == ["awareness"])
        #expect(found.first?.count.batches == [try #require(first.batchID)])
        let sections = [
            WorkforceReport.Section(id: "gaps", title: "Workforce gaps", html: "<p>g</p>", markdown: "g\n"),
            WorkforceReport.Section(id: "awareness", title: "Awareness", html: "<p>a</p>", markdown: "a\n"),
        ]
        let noted = WorkforceReport.noting(found, in: sections, .en)
        #expect(noted[0].html == "<p>g</p>")
        #expect(noted[1].html.hasPrefix("<p class=\"note\">1 awareness row of wave baseline (33.3% of its 3 rows) is quarantined and not counted"))
        #expect(noted[1].markdown.hasPrefix("_1 awareness row of wave baseline"))
    }
}
