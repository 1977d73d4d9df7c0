import Foundation
import Testing
import WorkforceKit

/// `workforce survey` end to end through the real executable.
@Suite struct SurveyCommandTests {
    let database: TestDatabase
    var scratch: Scratch { database.scratch }
    var db: String { database.path }

    init() throws { database = try TestDatabase(surveys: []) }

    private func run(_ arguments: [String]) throws -> CommandResult { try database.run(arguments) }

    @Test func writesEveryFormatAndRecordsTheInstrument() throws {
        let out = scratch.path("forms")
        let result = try run(["survey", "employer", "--roles", "PR-CIR-001,OV-MGT-001", "--out", out])
        #expect(result.code == 0, "\(result.stderr)")
        #expect(result.stdout.contains("on 2 work roles"))
        let files = try FileManager.default.contentsOfDirectory(atPath: out).sorted()
        #expect(
            files == [
                "employer.codebook.json", "employer.en.html", "employer.en.md", "employer.es.html", "employer.es.md",
                "employer.responses.csv", "employer.xlsform.csv", "employer.xlsform.md", "employer.xlsx",
            ])
        let codebook = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/employer.codebook.json")))
        let version = (codebook as? [String: Any])?["version"] as? String
        #expect(version?.count == 64)
        let check = try runWorkforce(
            ["framework", "list", "frameworks", "--db", db], in: scratch.url)  // the database still opens
        #expect(check.code == 0)
        let again = try run(["survey", "employer", "--roles", "PR-CIR-001,OV-MGT-001", "--out", out])
        #expect(again.stdout.contains("already recorded"))
        let store = try WorkforceStore(path: db, create: false)
        let recorded = try store.db.rows("SELECT version, questions FROM instrument")
        #expect(recorded.count == 1)
        #expect(recorded.first?[0] == .text(version ?? ""))
        let positions = try store.db.scalar("SELECT count(*) FROM instrument_question WHERE instrument_id = 1")
        let questions = ((codebook as? [String: Any])?["questions"] as? [Any])?.count ?? -1
        #expect(positions.int == questions)
        let listed = try jsonRows(try run(["instruments", "--format", "json"]).stdout)
        #expect(listed.map { $0["form_id"] as? String } == ["employer"])
        #expect(listed.first?["version"] as? String == version)
        #expect(listed.first?["id"] as? Int == 1)
    }

    @Test func aRoleSetChoosesItsRolesAndPlaceholdersAreWarnedAbout() throws {
        let out = scratch.path("core")
        let result = try run(["survey", "employer", "--role-set", "belize-core", "--out", out])
        #expect(result.code == 0, "\(result.stderr)")
        #expect(result.stdout.contains("on 15 work roles"))
        #expect(result.stderr.contains("employer.csv:2: the text still holds the placeholder [[contact name, telephone and e-mail]]"))
        let markdown = try String(contentsOfFile: out + "/employer.en.md", encoding: .utf8)
        #expect(markdown.contains("- [ ] Cyber Crime Investigator (IN-INV-001): _Identifies, collects, examines, and preserves evidence"))
    }

    @Test func theDefaultFolderIsSurveysGenerated() throws {
        let result = try run(["survey", "awareness", "--wave", "followup-1", "--lang", "es"])
        #expect(result.code == 0, "\(result.stderr)")
        #expect(FileManager.default.fileExists(atPath: scratch.path("Surveys/generated/awareness_followup_1.es.html")))
        #expect(!FileManager.default.fileExists(atPath: scratch.path("Surveys/generated/awareness_followup_1.en.html")))
    }

    @Test(arguments: [
        (["survey", "employer", "--roles", "PR-CIR-001,XX-NOPE-001"], "unknown work role XX-NOPE-001"),
        (["survey", "employer", "--category", "ZZ"], "no work role of framework nice-2017 is in category ZZ"),
        (["survey", "awareness", "--wave", "final"], "unknown wave \"final\""),
        (["survey", "university", "--wave", "baseline"], "--wave goes with `survey awareness` or `survey employer`"),
        (["survey", "employer", "--wave", "2027!"], "unknown employer wave"),
        (["survey", "university", "--roles", "PR-CIR-001"], "--roles goes with `survey employer`"),
        (["survey", "awareness", "--lang", "fr"], "unknown language \"fr\""),
        (["survey", "census"], "\"census\" is not one of employer, university, awareness"),
        (["survey", "employer", "--role-set", "belize-all"], "unknown role set \"belize-all\"; role-sets.csv has belize-core"),
        (["survey", "employer", "--role-set", "belize-core", "--roles", "PR-CIR-001"], "give --role-set or --roles, not both"),
        (["survey", "awareness", "--role-set", "belize-core"], "--role-set goes with `survey employer`"),
    ])
    func badOptionsAreUsageErrors(_ arguments: [String], _ message: String) throws {
        let result = try run(arguments)
        #expect(result.code == 64)
        #expect(result.stderr.contains(message), "\(result.stderr)")
    }

    @Test func anUnwritableOutputFolderExitsSeventyThree() throws {
        let file = scratch.path("a-file")
        try Data("x".utf8).write(to: URL(fileURLWithPath: file))
        let result = try run(["survey", "university", "--out", file + "/forms"])
        #expect(result.code == 73)
        #expect(result.stderr.contains(file + "/forms"))
        #expect(result.stderr.contains("is a file, not a folder"))
        #expect(!result.stderr.contains("NSCocoaErrorDomain"))
        #expect(try run(["instruments", "--format", "json"]).stdout.contains("\"rows\": []"))
        #expect(try run(["survey", "university", "--out", ""]).code == 64)
    }

    @Test func aFailedWriteLeavesNoHalfQuestionnaire() throws {
        // A folder stands where one of the files should go: nothing is written, no temporary
        // folder stays, and the instrument is not recorded.
        let out = scratch.url.appendingPathComponent("forms-blocked")
        try FileManager.default.createDirectory(at: out.appendingPathComponent("university.en.html/inner"), withIntermediateDirectories: true)
        let result = try run(["survey", "university", "--out", out.path])
        #expect(result.code == 73)
        #expect(!result.stderr.contains("NSCocoaErrorDomain"))
        #expect(result.stderr.contains("a folder of that name is in the way"))
        let left = try FileManager.default.contentsOfDirectory(atPath: scratch.url.path)
        #expect(!left.contains { $0.contains(".partial-") })
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path) == ["university.en.html"])
        #expect(try run(["instruments", "--format", "json"]).stdout.contains("\"rows\": []"))
    }

    @Test func surveyingWithoutADatabaseSaysToInit() throws {
        let result = try runWorkforce(["survey", "awareness", "--db", scratch.path("none.sqlite")], in: scratch.url)
        #expect(result.code == 66)
    }
}
