import Foundation
import Testing
@testable import WorkforceKit
@testable import Domain
@testable import Formats
@testable import Storage

/// The Spanish forms are Spanish throughout, and placeholders are filled or never shown raw.
@Suite struct FormLanguageTests {
    /// Every file of `instrument`, as text.
    static func files(_ instrument: Instrument) throws -> [String: String] {
        let files = try SurveyFiles(instrument, bank: try bundledBank())
        return Dictionary(uniqueKeysWithValues: files.files.filter { !$0.name.hasSuffix(".xlsx") }.map { ($0.name, String(decoding: $0.bytes, as: UTF8.self)) })
    }

    /// No English text of the bank, of the forms' words or of the work roles (where it differs
    /// from the Spanish) appears in the Spanish printed form, Markdown or the codebook's `es`
    /// labels of the belize-core employer form; NIST ids stay.
    @Test func theSpanishBelizeCoreEmployerFormHasNoEnglishText() throws {
        let (_, store) = try storeWithNICE2017()
        let bank = try bundledBank()
        let ids = try bank.roleSet("belize-core", framework: "nice-2017")
        let roles = try store.surveyRoles(try store.framework(named: nil), ids: ids, category: nil)
        let instrument = try InstrumentBuilder.build(
            bank: bank, request: SurveyRequest(kind: .employer), framework: "nice-2017", roles: roles)
        let files = try Self.files(instrument)
        var english: [String] = []
        for row in try TranslationTemplate.rows(kind: .employer, bank: bank, roles: roles, framework: "nice-2017") where row.english != row.spanish {
            // Whole texts and their sentences: a sentence left in English is found too.
            let text = row.english.replacingOccurrences(of: "{role} ({role_id})", with: "")
            english.append(contentsOf: text.components(separatedBy: ". ").map { $0.trimmingCharacters(in: .whitespaces) }.filter { $0.count >= 12 && !$0.contains("{") && !$0.contains("[[") })
        }
        #expect(english.count > 100)
        for name in ["employer.es.html", "employer.es.md"] {
            let text = try #require(files[name]).replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&amp;", with: "&")
            for sentence in english where text.contains(Markup.escape(sentence)) || text.contains(sentence) {
                Issue.record("\(name) holds the English \"\(sentence)\"")
            }
            #expect(!text.contains("Form employer") && !text.contains("Formulario employer"))
        }
        let codebook = Codebook.json(instrument)["choices"]?["work_roles"]?.array ?? []
        #expect(codebook.first?["label"]?["es"]?.string == "Gerente de seguridad de sistemas de información (OV-MGT-001)")
        #expect(codebook.first?["hint"]?["es"]?.string?.hasPrefix("Responsable de la ciberseguridad") == true)
    }

    @Test func everyRoleOfBothFrameworksHasSpanishTexts() throws {
        let texts = try RoleTexts.bundledSpanish()
        #expect(texts.count(framework: "nice-2017") == 52)
        #expect(texts.count(framework: "nice-components-v2.2.0") == 42)
        #expect(texts.text(framework: "nice-2017", roleID: "PR-CIR-001")?.name == "Respondedor a incidentes de ciberdefensa")
    }

    @Test(arguments: [InstrumentKind.employer, .university, .awareness])
    func noFormShowsARawPlaceholder(_ kind: InstrumentKind) throws {
        let instrument = try buildInstrument(kind, roles: kind == .employer ? ["PR-CIR-001"] : nil, wave: kind == .awareness ? "baseline" : nil)
        #expect(!instrument.placeholders.isEmpty)
        for (name, text) in try Self.files(instrument) {
            #expect(!text.contains("[["), "\(name)")
            if name.hasSuffix(".en.html") { #expect(text.contains("contact name, telephone and e-mail: ____")) }
            if name.hasSuffix(".es.html") { #expect(text.contains("nombre, teléfono y correo electrónico de contacto: ____")) }
            if name.hasSuffix(".xlsform.csv") || name == "\(instrument.formID).codebook.json" {
                #expect(text.contains("ask the person who gave you this questionnaire"), "\(name)")
                #expect(text.contains("pregunte a la persona que le entregó este cuestionario"), "\(name)")
            }
        }
    }

    @Test func fillReplacesAPlaceholderInEveryFormatAndLanguage() throws {
        let (_, store) = try storeWithNICE2017()
        let roles = try store.surveyRoles(try store.framework(named: nil), ids: ["PR-CIR-001"], category: nil)
        let contact = "Ministry of Education, 822-0000, cyber@moe.example.bz"
        let instrument = try InstrumentBuilder.build(
            bank: try bundledBank(), request: SurveyRequest(kind: .employer, fills: ["contact": contact]), framework: "nice-2017", roles: roles)
        #expect(instrument.placeholders.isEmpty)
        #expect(instrument.usesPlaceholder("contact") && !instrument.usesPlaceholder("referral"))
        for (name, text) in try Self.files(instrument) where !name.hasSuffix(".responses.csv") {
            #expect(text.contains(contact) || text.contains(Markup.escape(contact)), "\(name)")
            #expect(!text.contains("ask the person who gave you") && !text.contains("[["), "\(name)")
        }
    }

    @Test func aPlaceholderWithoutANameIsABankError() throws {
        let scratch = try TemporaryFolder()
        let bank = try bankCopy(in: scratch) { name, text in
            name == "university.csv" ? text.replacingOccurrences(of: "[[contact: contact name", with: "[[contact name") : text
        }
        #expect {
            _ = try InstrumentBuilder.build(bank: bank, request: SurveyRequest(kind: .university), framework: "nice-2017", roles: [])
        } throws: { error in
            let text = (error as? WorkforceError)?.description ?? ""
            return text.contains("university.csv:2") && text.contains("has no name; write it [[name: description]]")
        }
    }
}
