import Foundation
import Testing
@testable import WorkforceKit

/// An id the codebook marks local (a question whose topic is `local_id`, such as a household
/// number written on the form) identifies a response within its form and wave only, as the
/// typing template's `questionnaire_no` does (issue 34).
@Suite struct LocalIDTests {
    /// The awareness bank with a `household_no` text question marked `local_id` after the
    /// enumeration area.
    static func bank(_ folder: TemporaryFolder) throws -> ItemBank {
        try bankCopy(in: folder) { name, text in
            guard name == "awareness.csv" else { return text }
            let row = (["text", "household_no", "Household number", "Número de hogar"] + Array(repeating: "", count: 12) + [Question.localIDTopic, ""])
                .joined(separator: ",")
            let lines = text.components(separatedBy: "\n")
            let at = (lines.firstIndex { $0.hasPrefix("text,enumeration_area,") } ?? 0) + 1
            return (lines[..<at] + [row] + lines[at...]).joined(separator: "\n")
        }
    }

    /// A file of `count` respondents numbered `H1`, `H2`, ... (no `_uuid`, no `questionnaire_no`).
    static func file(_ instrument: Instrument, _ folder: TemporaryFolder, _ name: String, count: Int) throws -> URL {
        var base = ResponseFile(instrument, rows: count)
        for i in base.rows.indices { base.rows[i]["household_no"] = "H\(i + 1)" }
        return try folder.write(name, base.csv())
    }

    @Test func aMarkedQuestionKeysTheResponseWithinItsFormAndWave() throws {
        let folder = try TemporaryFolder()
        let bank = try Self.bank(folder)
        let (_, store) = try storeWithNICE2017()
        var instruments: [Instrument] = []
        for wave in [Wave.baseline, try Wave("followup-1")] {
            let instrument = try InstrumentBuilder.build(bank: bank, request: SurveyRequest(kind: .awareness, wave: wave), framework: "nice-2017", roles: [])
            let codebook = Codebook.json(instrument)
            #expect(try ParsedCodebook(json: codebook, source: "x").items.first { $0.name == "household_no" }?.topic == Question.localIDTopic)
            try store.recordInstrument(instrument, codebook: codebook)
            instruments.append(instrument)
        }
        let baseline = try Self.file(instruments[0], folder, "baseline.csv", count: 3)
        let followup = try Self.file(instruments[1], folder, "followup.csv", count: 3)
        func run(_ url: URL, _ wave: String) throws -> ImportSummary {
            try ResponseImporter.run(store: store, url: url, name: url.lastPathComponent, options: ImportOptions(kind: .awareness, wave: wave))
        }
        let first = try run(baseline, "baseline")
        #expect((first.imported, first.duplicates) == (3, 0))
        // Household H1 of the follow-up is another respondent than H1 of the baseline.
        let second = try run(followup, "followup-1")
        #expect((second.imported, second.duplicates) == (3, 0))
        // The same file again in its own wave: three duplicates.
        let again = try run(baseline, "baseline")
        #expect((again.imported, again.duplicates) == (0, 3))
        let keys = try store.read { db in try db.rows("SELECT response_key FROM response ORDER BY id").compactMap { $0[0].string } }
        #expect(keys == ["H1", "H2", "H3", "H1", "H2", "H3"])
        // The number is still an answer of the form.
        let answers = try store.read { db in try db.scalar("SELECT answers FROM response ORDER BY id LIMIT 1").string } ?? ""
        #expect(answers.contains("H1"), "\(answers)")

        // A purge of H1 names two respondents: refused unless scoped to one form and wave.
        #expect(throws: WorkforceError.self) { try store.purge(batch: nil, responseKey: "H1", vacuum: false) }
        let purged = try store.purge(batch: nil, responseKey: "H1 ", scope: ResponseScope(form: "awareness", wave: "baseline"), vacuum: false)
        #expect(purged.responses == 1)
        let left = try store.read { db in try db.rows("SELECT response_key FROM response ORDER BY id").compactMap { $0[0].string } }
        #expect(left == ["H2", "H3", "H1", "H2", "H3"])
    }

    @Test func aToolWideIdStillComesFirstAndTheTemplateNumberLast() {
        #expect(ColumnPlan.identityColumn(in: ["household_no", "_uuid"], dialect: .koboToolbox, localIDs: ["household_no"]) == 1)
        #expect(ColumnPlan.identityColumn(in: ["questionnaire_no", "hh/household_no"], dialect: .template, localIDs: ["household_no"]) == 1)
        #expect(ColumnPlan.identityColumn(in: ["questionnaire_no", "household"], dialect: .template, localIDs: ["household_no"]) == 0)
        #expect(ColumnPlan.identityColumn(in: ["id", "x"], dialect: .limeSurvey) == 0)
        #expect(ColumnPlan.identityColumn(in: ["id", "x"], dialect: .template) == nil)
    }
}
