import Foundation
import Testing
@testable import WorkforceKit

/// The same three awareness responses, exported by each tool, import to the same stored answers.
@Suite struct ImportDialectTests {
    static let fixtures: [(String, ImportDialect, TextEncoding, UInt8)] = [
        ("kobotoolbox-semicolon.csv", .koboToolbox, .utf8, 0x3B),
        ("odk-central.csv", .odkCentral, .utf8, 0x2C),
        ("limesurvey-full-answers.csv", .limeSurvey, .utf8, 0x2C),
        ("google-forms.csv", .googleForms, .utf8, 0x2C),
        ("google-forms-spanish-windows-1252.csv", .googleForms, .windows1252, 0x3B),
        ("excel-unicode-text-utf16.txt", .template, .utf16LE, 0x09),
    ]

    private func templateAnswers() throws -> [String] {
        let (_, store) = try storeWithInstruments([(.awareness, "baseline")])
        let summary = try importFile(store, responseFixture("template.csv"), .awareness)
        #expect(summary.dialect == .template)
        #expect(summary.imported == 3)
        return try storedAnswers(store)
    }

    @Test(arguments: fixtures)
    func everyExportStoresTheSameAnswersAsTheTemplate(_ file: String, _ dialect: ImportDialect, _ encoding: TextEncoding, _ separator: UInt8) throws {
        let expected = try templateAnswers()
        let (_, store) = try storeWithInstruments([(.awareness, "baseline")])
        let summary = try importFile(store, responseFixture(file), .awareness)
        #expect(summary.dialect == dialect)
        #expect(summary.encoding == encoding)
        #expect(summary.delimiter == separator)
        #expect(summary.rowsRead == 3)
        #expect(summary.imported == 3, "\(summary.problems.map(\.message))")
        #expect(summary.unknownColumns.isEmpty, "\(summary.unknownColumns)")
        #expect(try storedAnswers(store) == expected)
    }

    @Test func exportMetadataIsNeverStored() throws {
        let (_, store) = try storeWithInstruments([(.awareness, "baseline")])
        let summary = try importFile(store, responseFixture("kobotoolbox-semicolon.csv"), .awareness)
        #expect(summary.metaColumns.contains("_submitted_by"))
        let stored = try store.db.rows("SELECT response_key, submitted_at, answers FROM response ORDER BY line")
        #expect(stored.first?[0] == .text("0c6a3f8e-1b2d-4e5f-8a9b-0c1d2e3f4a5b"))
        #expect(stored.first?[1] == .text("2026-03-02T09:14:07"))
        for row in stored { #expect(!(row[2].string ?? "").contains("enumerator")) }
    }

    @Test func theAnswerViewDecodesChoicesByName() throws {
        let (_, store) = try storeWithInstruments([(.awareness, "baseline")])
        try importFile(store, responseFixture("template.csv"), .awareness)
        let rows = try store.db.rows(
            "SELECT question, value FROM v_answer WHERE response_id = 1 AND question IN ('district', 'target_groups', 'incidents_12m') ORDER BY question")
        #expect(rows.map { $0[1] } == [.text("cayo"), .text("phishing fraud"), .text("parent teacher")])
        let skipped = try store.db.scalar("SELECT count(*) FROM v_answer WHERE response_id = 2 AND question = 'reported_incident'")
        #expect(skipped == .integer(0), "not asked when no incident")
        let withKind = try store.db.scalar("SELECT form_id FROM v_response WHERE response_id = 3")
        #expect(withKind == .text("awareness_baseline"))
    }
}
