import Foundation
import Testing
@testable import WorkforceKit
@testable import Domain

/// A valid response file for an instrument, built from its questions, that cases then break.
struct ResponseFile {
    let names: [String]
    var rows: [[String: String]]

    init(_ instrument: Instrument, rows count: Int = 2) {
        let questions = instrument.questions.filter { $0.type != .note }
        names = questions.map(\.name)
        var row: [String: String] = [:]
        for q in questions {
            let choices = instrument.choiceList(q.listName ?? "")?.choices.map(\.name) ?? []
            switch q.type {
            case .selectOne, .selectMultiple: row[q.name] = choices.first ?? ""
            // A part of a flow block (leavers by destination, hires by source) is 0: the parts stay within their total.
            case .integer, .decimal: row[q.name] = FlowAnswers.sumRule(q.name) == nil ? Question.number(max(q.min ?? 1, 1)) : "0"
            case .date: row[q.name] = "2026-01-31"
            default: row[q.name] = "text"
            }
        }
        rows = Array(repeating: row, count: count)
    }

    func csv(separator: String = ",") -> String {
        let writer = CSVWriter(delimiter: Character(separator), neutralizeFormulas: false)
        return writer.record(names) + rows.map { row in writer.record(names.map { row[$0] ?? "" }) }.joined()
    }
}

@Suite struct ImportErrorTests {
    let scratch: TemporaryFolder
    let store: WorkforceStore
    let awareness: Instrument
    let employer: Instrument
    let university: Instrument

    init() throws {
        (scratch, store) = try storeWithInstruments([(.awareness, "baseline"), (.employer, nil), (.university, nil)])
        awareness = try buildInstrument(.awareness, wave: "baseline")
        employer = try buildInstrument(.employer, roles: ["PR-CIR-001", "OV-MGT-001"])
        university = try buildInstrument(.university)
        // Data that must survive every failed import.
        try importFile(store, responseFixture("template.csv"), .awareness)
    }

    private func write(_ name: String, _ text: String) throws -> URL { try scratch.write(name, text) }

    private func snapshot() throws -> [DatabaseValue] {
        try ["SELECT count(*) FROM response", "SELECT count(*) FROM import_batch", "SELECT count(*) FROM rejected_row",
             "SELECT group_concat(answers, '|') FROM response"].map { try store.db.scalar($0) }
    }

    // MARK: Files that cannot be read at all: a located error, nothing written.

    /// (case, file bytes, kind, expected message start after "name:", exit code).
    static let fatal: [(String, [UInt8], InstrumentKind, String, ExitCode)] = {
        let header = "district,urban_rural,age_band,sex,home_language,target_groups,k_phishing,k_password_reuse,k_two_factor,k_updates,k_public_wifi,k_grooming,k_privacy,uses_2fa,reuses_passwords,installs_updates,banks_on_public_wifi,checked_privacy,backs_up,incidents_12m,reported_incident,would_report_to,trust_egov,trust_ecommerce,consent,age_check,education,internet_use,campaign_seen\n"
        let good = "cayo,urban,25_34,female,spanish,parent,c,no,a,a,b,b,c,yes,never,always,rarely,yes,no,none,,bank,somewhat,a_lot,yes,yes,secondary,daily,none\n"
        return [
            ("unterminated quote", Array((header + good + "\"cayo,urban\n").utf8), .awareness, "3:1: quoted field is never closed", .dataError),
            ("quote inside a field", Array((header + "ca\"yo,urban\n").utf8), .awareness, "2:3: \" inside a field that is not quoted", .dataError),
            ("text after a closing quote", Array((header + "\"cayo\"x,urban\n").utf8), .awareness, "2:7: unexpected \"x\" after a closing quote", .dataError),
            ("bare carriage return", Array((header + "cayo\rurban\n").utf8), .awareness, "2:5: carriage return without a line feed", .dataError),
            ("NUL byte", Array((header + "cay").utf8) + [0] + Array("o\n".utf8), .awareness, "2:4: NUL byte", .dataError),
            ("empty file", [], .awareness, "1:1: the file is empty", .dataError),
            ("header only", Array(header.utf8), .awareness, "2: the file has a header but no rows", .dataError),
            ("blank lines only after the header", Array((header + "\n\n").utf8), .awareness, "2: the file has a header but no rows", .dataError),
            ("duplicate column names", Array(("district,district\n" + "cayo,cayo\n").utf8), .awareness, "1:10: column name \"district\" appears twice", .dataError),
            ("empty column name", Array(("district,,sex\ncayo,x,male\n").utf8), .awareness, "1:10: empty column name", .dataError),
            ("a wrong instrument's file", Array("sector,size_band,district\nenergy,micro,cayo\n".utf8), .awareness, "1: the header has no column for the required questions", .dataError),
            ("no question at all", Array("name,phone\nAna,555\n".utf8), .awareness, "1: no column is a question of awareness_baseline", .dataError),
            ("a question in two columns", Array((header.dropLast() + ",profile/district\n" + good.dropLast() + ",cayo\n").utf8), .awareness, "1:", .dataError),
            ("UTF-16 cut in the middle of a character", [0xFF, 0xFE] + Array("d".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }) + [0x69], .awareness, "1:1: the file ends in the middle of a UTF-16 character", .dataError),
            ("a record over the size limit: an unclosed quote over a huge file", Array((header + "\"" + String(repeating: "x", count: 1000) + "\n").utf8), .awareness, "2:1: quoted field is never closed", .dataError),
        ]
    }()

    @Test(arguments: fatal)
    func unreadableFilesChangeNothing(_ name: String, _ bytes: [UInt8], _ kind: InstrumentKind, _ message: String, _ code: ExitCode) throws {
        let before = try snapshot()
        let url = try scratch.write("bad.csv", bytes: bytes)
        let error = try #require(throws: WorkforceError.self, "\(name)") { try importFile(store, url, kind) }
        #expect(error.exitCode == code, "\(name)")
        #expect(error.description.hasPrefix("bad.csv:" + message), "\(name): \(error.description)")
        #expect(try snapshot() == before, "\(name) left data behind")
    }

    @Test func invalidUTF8IsAnErrorWhenTheFileSaysUTF8() throws {
        let before = try snapshot()
        let header = ResponseFile(awareness).names.joined(separator: ",")
        let url = try scratch.write("bad.csv", bytes: Array((header + "\n").utf8) + [0x63, 0x61, 0xFF, 0x0A])
        let error = try #require(throws: WorkforceError.self) { try importFile(store, url, .awareness, encoding: .utf8) }
        #expect(error.description.hasPrefix("bad.csv:2:3: bytes that are not valid UTF-8"))
        #expect(try snapshot() == before)
    }

    @Test func missingFilesAndFoldersAreNoInput() throws {
        let before = try snapshot()
        for url in [scratch.url.appendingPathComponent("none.csv"), scratch.url] {
            let error = try #require(throws: WorkforceError.self) { try importFile(store, url, .awareness) }
            #expect(error.exitCode == .noInput)
        }
        #expect(try snapshot() == before)
    }

    @Test func anInstrumentThatWasNeverGeneratedIsNoInput() throws {
        let url = try write("r.csv", ResponseFile(awareness).csv())
        let error = try #require(throws: WorkforceError.self) {
            try ResponseImporter.run(store: store, url: url, name: "r.csv", options: ImportOptions(kind: .awareness, wave: "followup-3"))
        }
        #expect(error.exitCode == .noInput)
        #expect(error.description.contains("workforce survey awareness --wave followup-3"))
    }

    // MARK: Rows that fail a check: quarantined with their reasons; the rest imported.

    /// (case, instrument, column to change, new value, expected reason, expected column offset).
    static let rowCases: [(String, InstrumentKind, String, String, String)] = [
        ("unknown choice", .awareness, "uses_2fa", "maybe", "value \"maybe\" is not a choice of uses_2fa (yes, no, dont_know, not_used; or the code printed beside the option, 1 to 4)"),
        ("prefer not to say ticked with an incident type", .awareness, "incidents_12m", "phishing prefer_not",
         "value phishing prefer_not of incidents_12m: “None of these” or “Prefer not to say” cannot be ticked with another answer. (its rule: `(not(selected(., 'none') and count-selected(.) > 1)) and (not(selected(., 'prefer_not') and count-selected(.) > 1))`)"),
        ("no role ticked with a role", .employer, "roles", "pr_cir_001 none", "value pr_cir_001 none of roles: "),
        ("unknown choice in a list", .awareness, "target_groups", "parent martian", "\"parent martian\" is not a list of choices of target_groups"),
        ("required answer empty", .awareness, "district", "", "district is required but empty"),
        ("negative count", .employer, "pr_cir_001_staff", "-1", "value -1 of pr_cir_001_staff is below its minimum 0"),
        ("count above the maximum", .employer, "pr_cir_001_vacancies", "250000", "value 250000 of pr_cir_001_vacancies is above its maximum 100000"),
        ("a count in words", .employer, "pr_cir_001_staff", "three", "value \"three\" of pr_cir_001_staff is not a whole number"),
        ("a fractional count", .employer, "pr_cir_001_staff", "2.5", "value \"2.5\" of pr_cir_001_staff is not a whole number"),
        ("a count beyond 10^9", .employer, "cyber_people", "9223372036854775807", "value \"9223372036854775807\" of cyber_people is larger than 1000000000"),
        ("hard-to-fill above vacancies", .employer, "pr_cir_001_hard_to_fill", "5", "value 5 of pr_cir_001_hard_to_fill: Cannot be more than the vacancies. (its rule: `(. >= 0) and (. <= ${pr_cir_001_vacancies})`)"),
        ("expected positions decreasing", .employer, "pr_cir_001_new_1y", "0", "value 0 of pr_cir_001_new_1y: "),
        ("a year before the minimum", .university, "last_review_year", "1800", "value 1800 of last_review_year is below its minimum 1990"),
        ("a 10 MB field", .university, "institution_name", String(repeating: "x", count: 10 << 20), "row is longer than 1 MiB or has more than 20000 fields: only its first 1024 bytes are kept"),
        ("a text over 10,000 characters", .university, "institution_name", String(repeating: "x", count: 10_001), "text of institution_name is 10001 characters long; at most 10000 are accepted"),
        ("a 10 MB field in a choice column", .awareness, "district", String(repeating: "y", count: 10 << 20), "row is longer than 1 MiB or has more than 20000 fields: only its first 1024 bytes are kept"),
        ("a long value in a choice column", .awareness, "district", String(repeating: "y", count: 5000), "value \"yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy…\" is not a choice of district"),
    ]

    /// Text that looks like a formula is an answer like any other: stored as written (every
    /// output neutralises it), never refused (SPEC section 7; OWASP's advice on CSV injection).
    @Test(arguments: ["=HYPERLINK(\"http://evil.example\",\"click\")", "@SUM(1+1)*cmd|' /C calc'!A0", "-2+3+cmd|' /C calc'!A0", "=)", "-- no idea"])
    func formulaLikeTextIsStoredAsWritten(_ value: String) throws {
        var file = ResponseFile(university)
        file.rows[1]["respondent_position"] = value
        let url = try write("formula.csv", file.csv())
        let summary = try importFile(store, url, .university)
        #expect(summary.quarantined == 0, "\(summary.problems.map(\.message))")
        let reader = try ResponseReader(store: store, kind: .university)
        var stored: [AnswerValue] = []
        try reader.forEach { stored.append($0.values[reader.index(of: "respondent_position") ?? 0]) }
        #expect(stored.contains(.text(value)))
    }

    /// A quarantined row keeps only the columns the codebook declares: personal data in an
    /// export's other columns never reaches the database.
    @Test func quarantinedRowsKeepNoUndeclaredColumn() throws {
        var file = ResponseFile(awareness)
        file.rows[1]["uses_2fa"] = "maybe"
        let planted = ["_submitted_by": "maria.planted", "username": "jdoe-planted", "phonenumber": "+501-600-4242", "email": "planted@example.bz", "_geolocation": "17.25 -88.77"]
        var text = file.csv()
        var lines = text.components(separatedBy: "\r\n")
        lines[0] += "," + planted.keys.sorted().joined(separator: ",")
        for i in 1..<lines.count where !lines[i].isEmpty { lines[i] += "," + planted.keys.sorted().map { planted[$0] ?? "" }.joined(separator: ",") }
        text = lines.joined(separator: "\r\n")
        let url = try write("planted.csv", text)
        let summary = try importFile(store, url, .awareness)
        #expect(summary.quarantined == 1, "\(summary.problems.map(\.description))")
        let raw = try store.db.rows("SELECT raw FROM rejected_row").compactMap { $0[0].string }.joined()
        #expect(raw.contains("maybe"))
        for value in planted.values { #expect(!raw.contains(value), "\(value)") }
        let bytes = try Data(contentsOf: URL(fileURLWithPath: store.path))
        for value in planted.values { #expect(bytes.range(of: Data(value.utf8)) == nil, "\(value) is in the database file") }
    }

    @Test(arguments: rowCases)
    func badRowsAreQuarantinedWithTheirReasonAndPlace(_ name: String, _ kind: InstrumentKind, _ column: String, _ value: String, _ reason: String) throws {
        let instrument = kind == .awareness ? awareness : kind == .employer ? employer : university
        var file = ResponseFile(instrument)
        file.rows[1][column] = value
        let text = file.csv()
        let url = try write("rows.csv", text)
        let before = try store.db.scalar("SELECT count(*) FROM response").int ?? 0
        let summary = try importFile(store, url, kind)
        #expect(summary.rowsRead == 2)
        #expect(summary.imported + summary.duplicates == 1, "\(name): \(summary.problems.map(\.message))")
        #expect(summary.quarantined == 1, "\(name)")
        let problem = try #require(summary.problems.first, "\(name)")
        #expect(problem.message.hasPrefix(reason), "\(name): \(problem.message)")
        let columnIndex = try #require(file.names.firstIndex(of: column))
        #expect(problem.location.line == 3, "\(name)")
        let rowText = text.components(separatedBy: "\r\n")[2]
        let fields = try #require(try CSVReader(string: String(rowText), name: "r").readRecord())
        #expect(problem.location.column == fields.fieldColumns[columnIndex], "\(name)")
        let stored = try store.db.rows("SELECT line, raw, reasons FROM rejected_row ORDER BY id DESC LIMIT 1")
        #expect(stored.first?[0] == .integer(3))
        #expect(stored.first?[2].string?.contains(String(reason.prefix(30)).replacingOccurrences(of: "\"", with: "\\\"")) == true, "\(name)")
        #expect(try store.db.scalar("SELECT count(*) FROM response").int ?? 0 <= before + 1)
        #expect(try store.db.scalar("SELECT count(*) FROM import_batch WHERE rows_read <> imported + duplicates + quarantined") == .integer(0))
    }

    @Test(arguments: [("too few fields", "cayo,urban\n", 1), ("too many fields", nil as String?, 30)])
    func raggedRowsAreQuarantined(_ name: String, _ short: String?, _ column: Int) throws {
        var text = ResponseFile(awareness, rows: 1).csv()
        if let short {
            text += short
        } else {
            text += String(text.split(separator: "\r\n")[1]) + ",extra\r\n"
        }
        let summary = try importFile(store, try write("ragged.csv", text), .awareness)
        #expect(summary.quarantined == 1, "\(name)")
        #expect(summary.problems.first?.message.contains("but the header has \(ResponseFile(awareness).names.count)") == true, "\(name)")
        #expect(summary.problems.first?.location.line == 3)
    }

    @Test func aSplitChoiceColumnWithAnotherValueIsQuarantined() throws {
        var text = try String(contentsOf: responseFixture("kobotoolbox-semicolon.csv"), encoding: .utf8)
        text = text.replacingOccurrences(of: "\"0\";\"0\";\"0\";\"0\";\"0\";\"0\";\"1\";\"0\"", with: "\"0\";\"0\";\"0\";\"0\";\"0\";\"0\";\"2\";\"0\"")
        let summary = try importFile(store, try write("kobo.csv", text), .awareness)
        #expect(summary.quarantined == 1)
        #expect(summary.problems.first?.message.contains("value \"2\" in a choice column of target_groups") == true)
    }

    @Test func theSameFileTwiceImportsNothingTheSecondTime() throws {
        let url = try write("twice.csv", ResponseFile(awareness, rows: 3).csv())
        let first = try importFile(store, url, .awareness)
        #expect(first.imported == 3, "identical rows in one file are three responses")
        let second = try importFile(store, url, .awareness)
        #expect(second.imported == 0)
        #expect(second.duplicates == 3)
        let kobo = try importFile(store, responseFixture("kobotoolbox-semicolon.csv"), .awareness)
        #expect(kobo.imported == 3)
        #expect(try importFile(store, responseFixture("kobotoolbox-semicolon.csv"), .awareness).duplicates == 3)
    }

    @Test func theSameUUIDTwiceInOneFileIsStoredOnce() throws {
        var text = try String(contentsOf: responseFixture("kobotoolbox-semicolon.csv"), encoding: .utf8)
        text = text.replacingOccurrences(of: "7d8e9f0a-2b3c-4d5e-9f0a-1b2c3d4e5f6a", with: "0c6a3f8e-1b2d-4e5f-8a9b-0c1d2e3f4a5b")
        let summary = try importFile(store, try write("dup.csv", text), .awareness)
        #expect(summary.imported == 2)
        #expect(summary.duplicates == 1)
    }

    @Test func aDryRunWritesNothing() throws {
        let before = try snapshot()
        let summary = try importFile(store, try write("dry.csv", ResponseFile(awareness, rows: 4).csv()), .awareness, dryRun: true)
        #expect(summary.imported == 4)
        #expect(summary.batchID == nil)
        #expect(try snapshot() == before)
    }

    @Test func unknownColumnsAreReportedAndNotStored() throws {
        var file = ResponseFile(awareness, rows: 1)
        let text = file.csv().replacingOccurrences(of: "district,", with: "respondent_email,district,", options: [], range: nil)
        file.rows = []
        let lines = text.split(separator: "\r\n").map(String.init)
        let url = try write("extra.csv", lines[0] + "\r\n" + "ana@example.org," + lines[1] + "\r\n")
        let summary = try importFile(store, url, .awareness)
        #expect(summary.unknownColumns == ["respondent_email"])
        #expect(try store.db.scalar("SELECT count(*) FROM response WHERE answers LIKE '%example.org%'") == .integer(0))
        #expect(try store.db.scalar("SELECT unknown_columns FROM import_batch ORDER BY id DESC LIMIT 1") == .text("[\"respondent_email\"]"))
    }
}
