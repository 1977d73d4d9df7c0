import Foundation
import Testing
@testable import WorkforceKit

@Suite struct SurveyFormatTests {
    /// Re-record with `WORKFORCE_RECORD_GOLDEN=1 swift test --filter SurveyFormatTests`.
    @Test func codebookOfASmallInstrumentMatchesItsGoldenFile() throws {
        let instrument = try buildInstrument(.employer, roles: ["PR-CIR-001"])
        let text = JSONWriter().string(Codebook.json(instrument)) + "\n"
        #expect(try expectGolden(text, "employer-pr-cir-001.codebook.json"))
    }

    @Test func markdownOfASmallInstrumentMatchesItsGoldenFile() throws {
        let instrument = try buildInstrument(.employer, roles: ["PR-CIR-001"])
        let text = QuestionnaireMarkdown.document(instrument, language: "en", version: Codebook.version(instrument))
        #expect(try expectGolden(text, "employer-pr-cir-001.en.md"))
    }

    @Test func theCodebookHasTheContractFields() throws {
        let codebook = Codebook.json(try buildInstrument(.awareness, wave: "baseline"))
        #expect(codebook.objectMembers?.prefix(3).map(\.key) == ["instrument", "wave", "version"])
        #expect(codebook["instrument"] == .string("awareness"))
        #expect(codebook["wave"] == .string("baseline"))
        #expect(codebook["framework"] == .string("nice-2017"))
        #expect(codebook["languages"] == .array([.string("en"), .string("es")]))
        let questions = try #require(codebook["questions"]?.array)
        let district = try #require(questions.first { $0["name"] == .string("district") })
        #expect(district["type"] == .string("select_one"))
        #expect(district["list"] == .string("districts"))
        #expect(district["group"] == .string("profile"))
        #expect(district["required"] == .bool(true))
        #expect(district["scoring"] == .null)
        let uses2fa = try #require(questions.first { $0["name"] == .string("uses_2fa") })
        #expect(uses2fa["scoring"]?["indicator"] == .string("uses_2fa"))
        #expect(uses2fa["scoring"]?["ones"] == .array([.string("yes")]))
        let incidents = try #require(questions.first { $0["name"] == .string("incidents_12m") })
        #expect(incidents["scoring"]?.array?.count == 7)
        let cayo = codebook["choices"]?["districts"]?.array?.first { $0["name"] == .string("cayo") }
        #expect(cayo?["label"]?["es"] == .string("Cayo"))
    }

    @Test func theResponseTemplateHasTheCodebookNames() throws {
        let instrument = try buildInstrument(.awareness, wave: "baseline")
        let files = try SurveyFiles(instrument, bank: try bundledBank())
        let template = try #require(files.files.first { $0.name == "awareness_baseline.responses.csv" })
        let header = String(decoding: template.bytes, as: UTF8.self).trimmingCharacters(in: .newlines).split(separator: ",").map(String.init)
        let names = instrument.questions.filter { $0.type != .note }.map(\.name)
        #expect(header == ["questionnaire_no"] + names)
    }

    @Test func theUniversityInstrumentComesWithTheCatalogTemplate() throws {
        let files = try SurveyFiles(try buildInstrument(.university), bank: try bundledBank())
        let template = try #require(files.files.first { $0.name == "catalog_template.csv" })
        #expect(
            String(decoding: template.bytes, as: UTF8.self)
                == "institution,code,title,level,delivery_mode,hours,credits,annual_intake,annual_completions,duration_years,cost_per_completion,ksa_ids,role_ids,programme,last_updated\r\n")
        #expect(files.files.contains { $0.name == "catalog.codebook.json" })
    }

    @Test func xlsformSheetsAgreeAcrossLayouts() throws {
        let instrument = try buildInstrument(.employer, roles: ["PR-CIR-001"])
        let sheets = XLSForm.sheets(instrument, version: "v1")
        let csv = XLSForm.csv(sheets)
        let reader = CSVReader(string: csv, name: "form.csv")
        var sheetRows: [String: [[String]]] = [:]
        var current = ""
        while let record = try reader.readRecord() {
            if !record.fields[0].isEmpty {
                current = record.fields[0]
            } else {
                sheetRows[current, default: []].append(Array(record.fields.dropFirst()))
            }
        }
        for sheet in sheets { #expect(sheetRows[sheet.name] == sheet.rows, "\(sheet.name)") }
        let md = XLSForm.markdown(sheets)
        #expect(md.hasPrefix("| survey |\n| | type | name | label::English (en) |"))
        #expect(md.contains("| | select_multiple work_roles | roles |"))
    }

    @Test func skipInstructionsAreWrittenOut() throws {
        let instrument = try buildInstrument(.employer, roles: ["PR-CIR-001"])
        let en = PrintableHTML.page(instrument, language: "en", version: "v")
        #expect(en.contains("Ask only if the answer to question 3 is “Other”."))
        #expect(en.contains("Ask this section only if “Cyber Defense Incident Responder (PR-CIR-001)” was ticked at question 12."))
        #expect(en.contains("Ask only if the answer to question 25 is more than 0."))
        // The flow block's sum rule is said in words on the last item.
        #expect(en.contains("left Belize and left cybersecurity work together cannot be more than the people who left."))
        // The consent gate is said once, at the consent question, not at every section.
        #expect(en.contains("If the answer is “No”, thank the person: the questionnaire ends here."))
        #expect(!en.contains("question 1 is “Yes”"))
        let es = PrintableHTML.page(instrument, language: "es", version: "v")
        #expect(es.contains("Pregunte solo si la respuesta a la pregunta 3 es «Otro»."))
        #expect(es.contains("<html lang=\"es\">"))
    }

    @Test func printableHTMLEscapesBankText() throws {
        var instrument = try buildInstrument(.university, languages: [.english])
        if case .question(var q) = instrument.items[0] {
            q.label["en"] = "<b>bold</b> & \"quoted\""
            instrument.items[0] = .question(q)
        }
        let page = PrintableHTML.page(instrument, language: "en", version: "v")
        #expect(page.contains("&lt;b&gt;bold&lt;/b&gt; &amp; &quot;quoted&quot;"))
        #expect(!page.contains("<b>bold</b>"))
    }
}

/// The printable questionnaires committed under `Surveys/examples/` are exactly what the
/// generator writes. Re-record with `WORKFORCE_RECORD_EXAMPLES=1 swift test --filter CommittedExampleTests`.
@Suite struct CommittedExampleTests {
    static let examples: [(InstrumentKind, String?)] = [
        (.employer, nil), (.university, nil), (.awareness, "baseline"), (.awareness, "followup-1"),
    ]

    @Test(arguments: examples)
    func examplesAreWhatTheGeneratorWrites(_ kind: InstrumentKind, _ wave: String?) throws {
        let instrument = try buildInstrument(kind, wave: wave)
        let version = Codebook.version(instrument)
        let folder = repositoryRoot.appendingPathComponent("Surveys/examples")
        for language in instrument.languages {
            let page = PrintableHTML.page(instrument, language: language.code, version: version)
            let url = folder.appendingPathComponent("\(instrument.formID).\(language.code).html")
            if ProcessInfo.processInfo.environment["WORKFORCE_RECORD_EXAMPLES"] == "1" {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                try Data(page.utf8).write(to: url)
            }
            let committed = try String(contentsOf: url, encoding: .utf8)
            #expect(committed == page, "\(url.lastPathComponent) differs from the generator's output; re-record it")
        }
    }
}
