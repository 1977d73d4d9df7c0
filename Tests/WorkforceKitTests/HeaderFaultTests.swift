import Foundation
import Testing
@testable import WorkforceKit
@testable import Domain

/// A header fault (a typo, another case or separator, a plural) is a refusal naming the absent
/// column and its near miss, never rows stored without that answer; notes are notes.
@Suite struct HeaderFaultTests {
    let scratch: TemporaryFolder
    let store: WorkforceStore
    let awareness: Instrument
    let employer: Instrument

    init() throws {
        (scratch, store) = try storeWithInstruments([(.awareness, "baseline"), (.employer, nil)])
        awareness = try buildInstrument(.awareness, wave: "baseline")
        employer = try buildInstrument(.employer, roles: ["PR-CIR-001", "OV-MGT-001"])
    }

    private func counts() throws -> [DatabaseValue] {
        try ["SELECT count(*) FROM response", "SELECT count(*) FROM import_batch", "SELECT count(*) FROM rejected_row"].map { try store.db.scalar($0) }
    }

    /// (a, b, near miss?)
    static let pairs: [(String, String, Bool)] = [
        ("om_net_001_vacancy", "om_net_001_vacancies", true),  // y / ies
        ("k_update", "k_updates", true),  // s
        ("District", "district", true),  // case
        ("home-language", "home_language", true),  // separator
        ("homelanguage", "home_language", true),
        ("distrcit", "district", true),  // two neighbours swapped
        ("distric", "district", true),  // one deletion
        ("pr_cir_001_stuff", "pr_cir_001_staff", true),  // one substitution
        ("sex", "sexes", true),
        ("sex", "age", false),  // short names: one edit at most
        ("district", "district", false),  // the same name is not a miss
        ("comments", "consent", false),
        ("k_phishing", "k_privacy", false),
        ("pr_cir_001_staff", "pr_cir_001_vacancies", false),
    ]

    @Test(arguments: pairs)
    func nearMisses(_ a: String, _ b: String, _ expected: Bool) {
        #expect(NameDistance.isNearMiss(a, b) == expected, "\(a) ~ \(b)")
        #expect(NameDistance.isNearMiss(b, a) == expected, "\(b) ~ \(a)")
    }

    @Test func distanceIsHandComputed() {
        func d(_ a: String, _ b: String) -> Int { NameDistance.distance(Array(a), Array(b), limit: 9) }
        #expect(d("kitten", "sitting") == 3)
        #expect(d("ab", "ba") == 1)
        #expect(d("", "abc") == 3)
        #expect(d("abc", "abc") == 0)
        #expect(NameDistance.distance(Array("kitten"), Array("sitting"), limit: 1) == 2)  // stops past the limit
    }

    /// The typo: a count column of a role renamed, in a file that is otherwise right.
    @Test func aTypoInACountColumnIsRefusedAndNothingIsStored() throws {
        var file = ResponseFile(employer)
        let names = file.names.map { $0 == "pr_cir_001_vacancies" ? "role_pr_cir_001/pr_cir_001_vacancy" : $0 }
        let column = try #require(names.firstIndex(of: "role_pr_cir_001/pr_cir_001_vacancy")) + 1
        for i in file.rows.indices { file.rows[i]["role_pr_cir_001/pr_cir_001_vacancy"] = file.rows[i]["pr_cir_001_vacancies"] }
        let writer = CSVWriter(neutralizeFormulas: false)
        let text = writer.record(names) + file.rows.map { row in writer.record(names.map { row[$0] ?? "" }) }.joined()
        let url = try scratch.write("typo.csv", text)
        let before = try counts()
        let error = try #require(throws: WorkforceError.self) { try importFile(store, url, .employer) }
        #expect(error.exitCode == .dataError)
        #expect(
            error.description.contains("no column pr_cir_001_vacancies; did you mean role_pr_cir_001/pr_cir_001_vacancy (column \(column))?"),
            "\(error.description)")
        #expect(!error.description.contains("required but empty"))
        #expect(try counts() == before)
    }

    @Test func aTypoInAChoiceColumnIsRefused() throws {
        let text = try String(contentsOf: responseFixture("kobotoolbox-semicolon.csv"), encoding: .utf8)
            .replacingOccurrences(of: "\"profile/target_groups/teacher\"", with: "\"profile/target_groups/teachers\"")
        let url = try scratch.write("choice.csv", text)
        let error = try #require(throws: WorkforceError.self) { try importFile(store, url, .awareness) }
        #expect(error.description.contains("no column profile/target_groups/teacher; did you mean profile/target_groups/teachers (column 13)?"), "\(error)")
    }

    /// A required question asked of some rows only, with no column: the reason says the column
    /// is absent, not that the answer is empty.
    @Test func anAbsentColumnIsNotAnEmptyAnswer() throws {
        var file = ResponseFile(awareness)
        let dropped = "reported_incident"
        let names = file.names.filter { $0 != dropped }
        for i in file.rows.indices { file.rows[i]["incidents_12m"] = "phishing" }
        let writer = CSVWriter(neutralizeFormulas: false)
        let url = try scratch.write(
            "absent.csv", writer.record(names) + file.rows.map { row in writer.record(names.map { row[$0] ?? "" }) }.joined())
        let summary = try importFile(store, url, .awareness)
        #expect(summary.quarantined == 2)
        let reasons = try store.db.scalar("SELECT group_concat(reasons, '|') FROM rejected_row").string ?? ""
        #expect(reasons.contains("reported_incident is required and was asked of this row, but the file has no column for it"), "\(reasons)")
        #expect(!reasons.contains("required but empty"))
    }

    @Test func noteColumnsAreNotes() throws {
        var file = ResponseFile(awareness)
        let names = ["intro_awareness"] + file.names + ["incidents/image_referral"]
        for i in file.rows.indices { file.rows[i]["intro_awareness"] = "OK" }
        let writer = CSVWriter(neutralizeFormulas: false)
        let url = try scratch.write(
            "notes.csv", writer.record(names) + file.rows.map { row in writer.record(names.map { row[$0] ?? "" }) }.joined())
        let summary = try importFile(store, url, .awareness)
        #expect(summary.noteColumns == ["intro_awareness", "incidents/image_referral"])
        #expect(summary.unknownColumns.isEmpty)
        #expect(summary.imported == 2)
    }
}
