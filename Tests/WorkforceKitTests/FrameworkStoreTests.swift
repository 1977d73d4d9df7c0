import Foundation
import Testing
@testable import WorkforceKit
@testable import Domain

@Suite struct FrameworkStoreTests {
    @Test func theFirstFrameworkBecomesTheDefault() throws {
        let (_, store) = try storeWithNICE2017()
        let f = try store.framework(named: nil)
        #expect(f.name == "nice-2017")
        let list = try store.frameworkList()
        #expect(list.cell(0, "default") == .bool(true))
        #expect(list.cell(0, "roles") == .int(52))
        #expect(list.cell(0, "statements") == .int(2186))
    }

    @Test func roleKSAsAreExactlyThoseOfRoleKSACSV() throws {
        let (_, store) = try storeWithNICE2017()
        let f = try store.framework(named: nil)
        let table = try store.statements(f, tasks: false, role: "PR-CIR-001")
        let stored = Set(table.rows.map { $0[0].plainText })
        let text = try String(contentsOf: frameworksFolder("nice-2017/role_ksa.csv"), encoding: .utf8)
        var expected = Set<String>()
        for line in text.split(whereSeparator: \.isNewline) {
            let fields = line.split(separator: ",").map(String.init)
            if fields.count == 2, fields[0] == "PR-CIR-001" { expected.insert(fields[1]) }
        }
        #expect(stored == expected)
        #expect(stored.count == 40)
    }

    @Test func aSecondLoadOfTheSameNameFailsAndLeavesTheDatabaseAsItWas() throws {
        let (_, store) = try storeWithNICE2017()
        let before = try store.db.scalar("SELECT count(*) FROM statement")
        let data = try FrameworkCSVLoader.load(folder: frameworksFolder("nice-2017"))
        let error = try #require(throws: WorkforceError.self) { try store.saveFramework(data) }
        #expect(error.description.contains("already in the database"))
        #expect(try store.db.scalar("SELECT count(*) FROM statement") == before)
        let summary = try store.saveFramework(data, replace: true)
        #expect(summary.replaced)
        #expect(try store.db.scalar("SELECT count(*) FROM statement") == before)
        #expect(try store.framework(named: nil).name == "nice-2017")
    }

    @Test func aFrameworkThatBreaksTheRulesIsRolledBackWhole() throws {
        let (_, store) = try storeWithNICE2017()
        var data = FrameworkData(
            info: FrameworkInfo(name: "broken", title: "Broken", version: "1", edition: .components, source: "broken.json"))
        data.categories = [FrameworkCategory(id: "C", name: "C", description: "")]
        data.workRoles = [
            WorkRole(id: "R1", name: "One", categoryID: "C", specialtyAreaID: nil, opmCode: nil, description: ""),
            WorkRole(id: "R1", name: "Again", categoryID: "C", specialtyAreaID: nil, opmCode: nil, description: ""),
        ]
        let error = try #require(throws: WorkforceError.self) { try store.saveFramework(data) }
        #expect(error.exitCode == .dataError)
        #expect(error.description.contains("work role R1"))
        #expect(try store.db.scalar("SELECT count(*) FROM framework") == .integer(1))
        #expect(try store.db.scalar("SELECT count(*) FROM category WHERE id = 'C'") == .integer(0))
    }

    @Test func makingAnotherFrameworkTheDefaultMovesTheFlag() throws {
        let (_, store) = try storeWithNICE2017()
        try store.saveFramework(try CPRTLoader.load(url: frameworksFolder("cprt/nf-components-v2.1.0.cprt.json")), makeDefault: true)
        #expect(try store.framework(named: nil).name == "nice-components-v2.1.0")
        #expect(try store.db.scalar("SELECT count(*) FROM framework WHERE is_default = 1") == .integer(1))
        #expect(try store.workRoles(store.framework(named: "nice-2017")).rows.count == 52)
    }

    @Test func unknownNamesAndRolesAreUsageErrors() throws {
        let (_, store) = try storeWithNICE2017()
        let error = try #require(throws: WorkforceError.self) { _ = try store.framework(named: "nice-1999") }
        #expect(error.exitCode == .usage)
        #expect(error.description.contains("nice-2017"))
        let f = try store.framework(named: nil)
        #expect(throws: WorkforceError.self) { _ = try store.statements(f, tasks: false, role: "XX-YYY-001") }
    }

    @Test func searchRanksIncidentResponseStatementsFirst() throws {
        let (_, store) = try storeWithNICE2017()
        let result = try store.search("incident response", in: try store.framework(named: nil), limit: 5)
        #expect(result.rows.count == 5)
        for i in 0..<5 {
            let text = result.cell(i, "text").plainText.lowercased()
            #expect(text.contains("incident response"), "\(text)")
        }
        #expect(result.cell(0, "rank") == .int(1))
    }

    @Test func searchStemsWordsAndNeedsEveryWord() throws {
        let (_, store) = try storeWithNICE2017()
        let f = try store.framework(named: nil)
        let result = try store.search("encryption algorithms", in: f)
        #expect(result.rows.contains { $0[2] == .text("K0018") })
        #expect(try store.search("zzzqqq", in: f).rows.isEmpty)
        #expect(throws: WorkforceError.self) { _ = try store.search("  --  ", in: f) }
    }

    @Test func showDescribesRolesStatementsAndPointsToOtherFrameworks() throws {
        let (_, store) = try storeWithNICE2017()
        try store.saveFramework(try CPRTLoader.load(url: frameworksFolder("cprt/nf-components-v2.1.0.cprt.json")))
        let f = try store.framework(named: nil)
        let role = try store.show("PR-CIR-001", in: f)
        #expect(role.isRecord)
        #expect(role.cell(0, "name") == .text("Cyber Defense Incident Responder"))
        #expect(role.cell(0, "ksas") == .int(40))
        let withdrawn = try store.show("K0010", in: f)
        #expect(withdrawn.cell(0, "type") == .text("statement"))
        let error = try #require(throws: WorkforceError.self) { _ = try store.show("OG-WRL-001", in: f) }
        #expect(error.description.contains("nice-components-v2.1.0"))
    }

    @Test func analystViewsJoinNames() throws {
        let (_, store) = try storeWithNICE2017()
        let row = try #require(try store.db.rows("SELECT * FROM v_work_role WHERE role_id = 'PR-CIR-001'").first)
        #expect(row["category"] == .text("Protect and Defend"))
        #expect(row["specialty_area"] == .text("Incident Response"))
        let count = try store.db.scalar("SELECT count(*) FROM v_role_statement WHERE role_id = 'PR-CIR-001' AND kind <> 'T'")
        #expect(count == .integer(40))
    }
}
