import Foundation
import Testing

/// End to end: the real `workforce` executable on real files and a real SQLite database.
@Suite struct FrameworkCommandTests {
    let database: TestDatabase
    var scratch: Scratch { database.scratch }
    var db: String { database.path }

    init() throws { database = try TestDatabase(surveys: []) }

    private func run(_ arguments: [String]) throws -> CommandResult { try database.run(arguments) }

    @Test func initLoadsTheFiftyTwoWorkRolesOfNICE2017() throws {
        let result = try run(["framework", "list", "roles", "--format", "json"])
        #expect(result.code == 0)
        let rows = try jsonRows(result.stdout)
        #expect(rows.count == 52)
        #expect(rows.first?["id"] as? String == "SP-RSK-001")
        #expect(rows.first?["category_id"] as? String == "SP")
        #expect(rows.first?["specialty_area_id"] as? String == "RSK")
    }

    @Test func ksasAreAllThereWithWithdrawnMarked() throws {
        let rows = try jsonRows(try run(["framework", "list", "ksas", "--format", "json"]).stdout)
        #expect(rows.count == 1180)
        #expect(rows.filter { $0["withdrawn"] as? Bool == true }.count == 51)
        #expect(Set(rows.compactMap { $0["kind"] as? String }) == ["K", "S", "A"])
    }

    @Test func roleKSAsMatchRoleKSACSV() throws {
        let rows = try jsonRows(try run(["framework", "list", "ksas", "--role", "PR-CIR-001", "--format", "json"]).stdout)
        let text = try String(contentsOf: repositoryRoot.appendingPathComponent("Frameworks/nice-2017/role_ksa.csv"), encoding: .utf8)
        var expected = Set<String>()
        for line in text.split(whereSeparator: \.isNewline) {
            let fields = line.split(separator: ",").map(String.init)
            if fields.count == 2, fields[0] == "PR-CIR-001" { expected.insert(fields[1]) }
        }
        #expect(Set(rows.compactMap { $0["id"] as? String }) == expected)
        #expect(rows.count == expected.count)
    }

    @Test func cprtImportsReportDanglingLinksAndListTheirRoles() throws {
        let v200 = repositoryRoot.appendingPathComponent("Frameworks/cprt/nf-components-v2.0.0.cprt.json").path
        let result = try run(["framework", "import", v200])
        #expect(result.code == 0, "\(result.stderr)")
        for id in ["PD-WRL-001 -> T1385", "PD-WRL-001 -> S0873", "PD-WRL-005 -> K1139", "IN-WRL-001 -> K1139"] {
            #expect(result.stderr.contains("warning: dangling link \(id)"))
        }
        let v210 = repositoryRoot.appendingPathComponent("Frameworks/cprt/nf-components-v2.1.0.cprt.json").path
        #expect(try run(["framework", "import", v210]).code == 0)

        let frameworks = try jsonRows(try run(["framework", "list", "frameworks", "--format", "json"]).stdout)
        #expect(frameworks.map { $0["name"] as? String } == ["nice-2017", "nice-components-v2.0.0", "nice-components-v2.1.0"])
        #expect(frameworks.map { $0["default"] as? Bool } == [true, false, false])
        #expect(frameworks[1]["roles"] as? Int == 41)
        let roles = try jsonRows(
            try run(["framework", "list", "roles", "--framework", "nice-components-v2.0.0", "--format", "json"]).stdout)
        #expect(roles.count == 41)
        #expect(roles.allSatisfy { $0["specialty_area_id"] is NSNull })

        let again = try run(["framework", "import", v200])
        #expect(again.code == 65)
        #expect(again.stderr.contains("--replace"))
    }

    @Test func searchRanksIncidentResponseFirst() throws {
        let rows = try jsonRows(try run(["framework", "search", "incident response", "--format", "json"]).stdout)
        #expect(rows.count >= 5)
        for row in rows.prefix(5) {
            #expect((row["text"] as? String)?.lowercased().contains("incident response") == true)
        }
    }

    @Test func showPrintsARecord() throws {
        let result = try run(["framework", "show", "PR-CIR-001", "--format", "table"])
        #expect(result.code == 0)
        // A record prints as `field: value` lines, each field in words.
        #expect(result.stdout.contains("Name                 Cyber Defense Incident Responder\n"))
        #expect(result.stdout.contains("Category code        PR\n"))
        #expect(try run(["framework", "show", "ZZ-999"]).code == 64)
    }

    @Test func aMissingFileExitsSixtySixNamingThePath() throws {
        let missing = scratch.path("nowhere/v9.json")
        let result = try run(["framework", "import", missing])
        #expect(result.code == 66)
        #expect(result.stderr.contains(missing))
    }

    @Test func malformedCSVExitsSixtyFiveWithLineAndColumnAndChangesNothing() throws {
        let before = try run(["framework", "list", "frameworks", "--format", "csv"]).stdout
        let folder = scratch.url.appendingPathComponent("broken-framework")
        try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("Frameworks/nice-2017"), to: folder)
        try FileManager.default.removeItem(at: folder.appendingPathComponent("framework.json"))
        let tasks = folder.appendingPathComponent("tasks.csv")
        try FileManager.default.removeItem(at: tasks)
        try Data("id,text,withdrawn\r\nT0001,ok,false\r\nT0002,bad\"quote,false\r\n".utf8).write(to: tasks)
        let result = try run(["framework", "import", folder.path])
        #expect(result.code == 65)
        #expect(result.stderr.contains("\(tasks.path):3:10: \" inside a field that is not quoted"))
        #expect(try run(["framework", "list", "frameworks", "--format", "csv"]).stdout == before)
    }

    @Test func malformedJSONExitsSixtyFiveWithLine() throws {
        let before = try run(["framework", "list", "frameworks", "--format", "csv"]).stdout
        let file = scratch.url.appendingPathComponent("bad.cprt.json")
        try Data("{\n  \"documents\": [],\n  \"elements\": [,]\n}\n".utf8).write(to: file)
        let result = try run(["framework", "import", file.path])
        #expect(result.code == 65)
        #expect(result.stderr.contains("\(file.path):3:16: malformed JSON"))
        #expect(try run(["framework", "list", "frameworks", "--format", "csv"]).stdout == before)
    }

    @Test func initAgainKeepsTheDatabase() throws {
        let result = try run(["init"])
        #expect(result.code == 0)
        #expect(result.stdout.contains("already loaded"))
        #expect(try jsonRows(try run(["framework", "list", "frameworks", "--format", "json"]).stdout).count == 1)
    }

    @Test func theDatabaseComesFromTheEnvironmentWhenNoOptionNamesIt() throws {
        let result = try runWorkforce(
            ["framework", "list", "categories", "--format", "json"], in: scratch.url, environment: ["WORKFORCE_DB": db])
        #expect(result.code == 0)
        #expect(try jsonRows(result.stdout).count == 7)
    }

    @Test func pipedOutputDefaultsToCSV() throws {
        let result = try run(["framework", "list", "categories"])
        #expect(result.stdout.hasPrefix("id,name,description,roles\r\n"))
    }
}

@Suite struct DatabaseErrorCommandTests {
    @Test func aMissingDatabaseSaysToRunInit() throws {
        let scratch = try Scratch()
        let result = try runWorkforce(["framework", "list", "roles", "--db", scratch.path("none.sqlite")], in: scratch.url)
        #expect(result.code == 66)
        #expect(result.stderr.contains("workforce init"))
        #expect(!FileManager.default.fileExists(atPath: scratch.path("none.sqlite")))
    }

    @Test func aFileThatIsNotADatabaseIsBadData() throws {
        let scratch = try Scratch()
        let junk = scratch.path("junk.sqlite")
        try Data(String(repeating: "not a database\n", count: 100).utf8).write(to: URL(fileURLWithPath: junk))
        let result = try runWorkforce(["framework", "list", "roles", "--db", junk], in: scratch.url)
        #expect(result.code == 65)
        #expect(result.stderr.contains("not a workforce database"))
    }

    @Test func anUnwritableDatabaseFolderCannotBeCreated() throws {
        let scratch = try Scratch()
        let result = try runWorkforce(["init", "--db", scratch.path("no/such/folder/w.sqlite")], in: scratch.url)
        #expect(result.code == 73)
    }

    @Test func initWithAMissingFrameworkPathIsNoInput() throws {
        let scratch = try Scratch()
        let result = try runWorkforce(["init", "--db", scratch.path("w.sqlite"), "--framework", "./nope"], in: scratch.url)
        #expect(result.code == 66)
        #expect(result.stderr.contains("./nope"))
    }
}
