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

/// How responses are told apart, with and without an id column.
@Suite struct ImportIdentityTests {
    let scratch: TemporaryFolder
    let store: WorkforceStore

    init() throws { (scratch, store) = try storeWithInstruments([(.awareness, "baseline")]) }

    private func template(_ numbers: [String]) throws -> String {
        let text = try String(contentsOf: responseFixture("template.csv"), encoding: .utf8)
        let lines = text.split(separator: "\n").map(String.init)
        let row = lines[1]
        return (["questionnaire_no," + lines[0]] + numbers.map { "\($0),\(row)" }).joined(separator: "\n") + "\n"
    }

    @Test func questionnaireNumbersIdentifyPaperResponses() throws {
        let first = try importFile(store, try scratch.write("a.csv", try template(["Q-001", "Q-002"])), .awareness)
        #expect(first.imported == 2, "identical answers, two questionnaires")
        let second = try importFile(store, try scratch.write("b.csv", try template(["Q-002", "Q-003"])), .awareness)
        #expect(second.imported == 1)
        #expect(second.duplicates == 1)
    }

    @Test func aLaterGoogleFormsExportImportsOnlyTheNewRows() throws {
        let text = try String(contentsOf: responseFixture("google-forms.csv"), encoding: .utf8)
        let lines = text.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        let firstExport = lines.prefix(3).joined(separator: "\r\n") + "\r\n"
        #expect(try importFile(store, try scratch.write("g1.csv", firstExport), .awareness).imported == 2)
        // The next download holds the same two rows, the third, and someone who answered like
        // the first respondent a minute later.
        let sameAnswers = lines[1].replacingOccurrences(of: "9:14:07 AM", with: "9:15:07 AM")
        let secondExport = (lines + [sameAnswers]).joined(separator: "\r\n") + "\r\n"
        let second = try importFile(store, try scratch.write("g2.csv", secondExport), .awareness)
        #expect(second.rowsRead == 4)
        #expect(second.duplicates == 2)
        #expect(second.imported == 2)
    }
}
