import Foundation
import Testing
import WorkforceKit

/// `survey --translation-template`, `translations import`, `survey --lang ...,kek` and `--fill`,
/// end to end through the real executable.
@Suite struct TranslationCommandTests {
    let database: TestDatabase
    var scratch: Scratch { database.scratch }

    init() throws { database = try TestDatabase(surveys: []) }

    private func run(_ arguments: [String]) throws -> CommandResult { try database.run(arguments) }

    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("WorkforceKitTests/Fixtures/translations/university.kek.csv").path

    @Test func aTemplateIsWrittenThenACompletedTableGivesAFormInThatLanguage() throws {
        let out = scratch.path("tables")
        let template = try run(["survey", "university", "--translation-template", "kek", "--out", out])
        #expect(template.code == 0, "\(template.stderr)")
        #expect(FileManager.default.fileExists(atPath: out + "/university.kek.csv"))
        #expect(template.stdout.contains("workforce translations import"))

        let refused = try run(["survey", "university", "--lang", "en,kek", "--out", scratch.path("none")])
        #expect(refused.code == 64 && refused.stderr.contains("--translation-template kek"))
        let empty = try run(["translations", "import", out + "/university.kek.csv"])
        #expect(empty.code == 65 && empty.stderr.contains("is empty; translate it"), "\(empty.stderr)")

        let stored = try run(["translations", "import", Self.fixture])
        #expect(stored.code == 0, "\(stored.stderr)")
        #expect(stored.stdout.contains("Stored 105 Q'eqchi' (kek) texts"))
        let list = try run(["translations", "--format", "csv"])
        #expect(list.stdout.contains("kek,105,university.kek.csv"))

        let forms = scratch.path("kek")
        let result = try run(["survey", "university", "--lang", "en,kek", "--out", forms])
        #expect(result.code == 0, "\(result.stderr)")
        let xlsform = try String(contentsOfFile: forms + "/university.xlsform.csv", encoding: .utf8)
        #expect(xlsform.contains("label::Q'eqchi' (kek)"))
        #expect(FileManager.default.fileExists(atPath: forms + "/university.kek.html"))
        let unknown = try run(["survey", "university", "--lang", "en,xx", "--out", scratch.path("x")])
        #expect(unknown.code == 64 && unknown.stderr.contains("kek (Q'eqchi'), mop (Mopan), cab (Garifuna), bzj (Belize Kriol)"))
    }

    @Test func fillIsRepeatableAndNamesWhatItFills() throws {
        let out = scratch.path("filled")
        let result = try run([
            "survey", "awareness", "--out", out, "--fill", "contact=Ministry of Education, 822-0000",
            "--fill", "referral=Police cyber unit, 911", "--fill", "nothing=x",
        ])
        #expect(result.code == 0, "\(result.stderr)")
        #expect(!result.stderr.contains("still holds the placeholder"))
        #expect(result.stderr.contains("--fill nothing: the awareness_baseline form has no [[nothing: ...]] placeholder"))
        for name in ["awareness_baseline.en.html", "awareness_baseline.es.md", "awareness_baseline.xlsform.csv", "awareness_baseline.codebook.json"] {
            let text = try String(contentsOfFile: out + "/" + name, encoding: .utf8)
            #expect(text.contains("Ministry of Education, 822-0000") && text.contains("Police cyber unit, 911"), "\(name)")
        }
        let bad = try run(["survey", "awareness", "--out", scratch.path("bad"), "--fill", "contact"])
        #expect(bad.code == 64 && bad.stderr.contains("must read NAME=TEXT"))
    }
}
