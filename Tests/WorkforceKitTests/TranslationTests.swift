import Foundation
import Testing
@testable import WorkforceKit

/// Translation tables: the template, the checks on a completed one, and a third language in
/// every format (the fixture `Fixtures/translations/university.kek.csv` is test data, not
/// Q'eqchi': each text is the English with `KEK ` in front).
@Suite struct TranslationTests {
    static let fixture = repositoryRoot.appendingPathComponent("Tests/WorkforceKitTests/Fixtures/translations/university.kek.csv")
    static let kek = Language.known.first { $0.code == "kek" }!

    func table(_ url: URL = fixture) throws -> TranslationTable { try TranslationTable(url: url, bank: try bundledBank(), roles: [:]) }

    /// A broken copy of the fixture: `edit` changes its rows (header first).
    func broken(_ scratch: TemporaryFolder, _ edit: (inout [[String]]) -> Void) throws -> URL {
        let (table, records) = try CSVTable.readAll(url: Self.fixture, required: [])
        var rows = [table.header] + records.map(\.fields)
        edit(&rows)
        let url = scratch.url.appendingPathComponent("broken.csv")
        try Data(rows.map { CSVWriter(neutralizeFormulas: false).record($0) }.joined().utf8).write(to: url)
        return url
    }

    @Test func theTemplateHasEveryTextOnceWithItsEnglishAndSpanish() throws {
        let bank = try bundledBank()
        let (_, store) = try storeWithNICE2017()
        let roles = try store.surveyRoles(try store.framework(named: nil), ids: ["PR-CIR-001"], category: nil)
        let template = try TranslationTemplate(kind: .employer, language: Self.kek, bank: bank, roles: roles, framework: "nice-2017")
        let keys = template.rows.map(\.key)
        #expect(Set(keys).count == keys.count)
        #expect(keys.contains("employer.csv/consent/label"))
        #expect(keys.contains("employer-role.csv/{id}_staff/label"))
        #expect(keys.contains("choices.csv/districts/toledo/label"))
        #expect(keys.contains("ui.csv/tick_one/text"))
        #expect(keys.contains("instruments.csv/employer/title"))
        let role = try #require(template.rows.first { $0.key == "roles/nice-2017/PR-CIR-001/name" })
        #expect(role.english == "Cyber Defense Incident Responder" && role.spanish == "Respondedor a incidentes de ciberdefensa")
        #expect(template.rows.allSatisfy { !$0.english.isEmpty && !$0.spanish.isEmpty }, "\(template.rows.filter { $0.spanish.isEmpty }.map(\.key))")
        #expect(template.csv.hasPrefix("key,where,en,es,kek,status\r\n"))
        #expect(throws: WorkforceError.self) { try TranslationTemplate(kind: .employer, language: .spanish, bank: bank, roles: [], framework: "x") }
    }

    @Test func theShippedEmptyTemplatesAreWhatTheGeneratorWrites() throws {
        let (_, store) = try storeWithNICE2017()
        let roles = try store.surveyRoles(try store.framework(named: nil), ids: nil, category: nil)
        let folder = repositoryRoot.appendingPathComponent("Surveys/translations")
        for language in Language.known where language.isTranslated {
            for kind in InstrumentKind.allCases {
                let template = try TranslationTemplate(
                    kind: kind, language: language, bank: try bundledBank(), roles: kind == .employer ? roles : [], framework: "nice-2017")
                let url = folder.appendingPathComponent(TranslationTemplate.fileName(kind, language))
                if ProcessInfo.processInfo.environment["WORKFORCE_RECORD_TEMPLATES"] == "1" { try Data(template.csv.utf8).write(to: url) }
                #expect(try String(contentsOf: url, encoding: .utf8) == template.csv, "\(url.lastPathComponent)")
            }
        }
    }

    @Test func aCompletedTableIsReadWithItsMarkedRows() throws {
        let table = try table()
        #expect(table.language.code == "kek")
        #expect(table.entries.count == 105)
        #expect(table.stale.isEmpty)
        let kept = try #require(table.entries.first { $0.key == "ui.csv/version/text" })
        #expect(kept.text == "Version")
        #expect(table.entries.first { $0.key == "university.csv/consent/label" }?.text.hasPrefix("KEK ") == true)
    }

    @Test func everyProblemIsLocatedAndNothingIsAccepted() throws {
        let scratch = try TemporaryFolder()
        let url = try broken(scratch) { rows in
            let text = rows[0].firstIndex(of: "kek")!
            rows[1][text] = rows[1][text].replacingOccurrences(of: "[[contact: contact name, telephone and e-mail]]", with: "the office")
            rows[2][text] = ""
            rows[3][text] = rows[3][text] + " ${consent}"
            rows.remove(at: 5)
        }
        do {
            _ = try table(url)
            Issue.record("a broken table was accepted")
        } catch let error as WorkforceError {
            let text = error.description
            #expect(text.contains("broken.csv:2:"), "\(text)")
            #expect(text.contains("must keep the placeholders"))
            #expect(text.contains("broken.csv:3:") && text.contains("is empty; translate it, or write same"))
            #expect(text.contains("broken.csv:4:") && text.contains("must keep the question references"))
            #expect(text.contains("is missing; every row of the template must be there"))
            #expect(text.contains("4 problems; nothing was stored"))
        }
    }

    @Test func aSlotLostOrAKeyUnknownIsRefused() throws {
        let scratch = try TemporaryFolder()
        let url = try broken(scratch) { rows in
            let text = rows[0].firstIndex(of: "kek")!
            let i = rows.firstIndex { $0[0] == "ui.csv/question_n/text" }!
            rows[i][text] = "KEK question"
            rows.append(["university.csv/no_such_question/label", "", "x", "x", "y", ""])
        }
        #expect {
            _ = try table(url)
        } throws: { error in
            let text = (error as? WorkforceError)?.description ?? ""
            return text.contains("must keep the slots of the English text exactly ({n})") && text.contains("unknown key \"university.csv/no_such_question/label\"")
        }
    }

    @Test func aThirdLanguageReachesEveryFormatAndTheImporterAcceptsItsChoiceLabels() throws {
        let (scratch, store) = try storeWithNICE2017()
        try store.storeTranslations(try table(), file: "university.kek.csv")
        let translations = try store.translations([Self.kek])
        #expect(translations.count("kek") == 105)
        let bank = try bundledBank().adding(translations)
        let request = SurveyRequest(kind: .university, languages: [.english, .spanish, Self.kek])
        let instrument = try InstrumentBuilder.build(bank: bank, request: request, framework: "nice-2017", roles: [])
        let files = try SurveyFiles(instrument, bank: bank)
        let names = files.files.map(\.name)
        #expect(names.contains("university.kek.html") && names.contains("university.kek.md"))
        let csv = String(decoding: try #require(files.files.first { $0.name == "university.xlsform.csv" }).bytes, as: UTF8.self)
        #expect(csv.contains("label::Q'eqchi' (kek)") && csv.contains("KEK Do you agree"))
        let html = String(decoding: try #require(files.files.first { $0.name == "university.kek.html" }).bytes, as: UTF8.self)
        #expect(html.contains("<html lang=\"kek\">") && html.contains("KEK Interviewer"))
        #expect(files.codebook["languages"]?.array?.count == 3)
        try store.recordInstrument(instrument, codebook: files.codebook)
        // An answer given as its Q'eqchi' label is the choice.
        var file = ResponseFile(instrument)
        let yes = try #require(instrument.choiceList("yes_no")?.choices.first { $0.name == "yes" }?.label["kek"])
        #expect(yes == "KEK Yes")
        file.rows[0]["consent"] = yes
        let url = scratch.url.appendingPathComponent("kek.csv")
        try Data(file.csv().utf8).write(to: url)
        let summary = try importFile(store, url, .university)
        #expect(summary.quarantined == 0, "\(summary.problems.map(\.message))")
        #expect(summary.imported == 2)
    }

    @Test func aLanguageWithoutItsTextsIsRefusedWithWhatToDo() throws {
        let request = SurveyRequest(kind: .university, languages: [.english, Self.kek])
        #expect {
            _ = try InstrumentBuilder.build(bank: try bundledBank(), request: request, framework: "nice-2017", roles: [])
        } throws: { error in
            ((error as? WorkforceError)?.description ?? "").contains("--translation-template kek")
        }
    }
}
