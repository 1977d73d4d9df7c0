import Foundation
import Testing

/// Writes an awareness response file of `rows` valid rows in KoboToolbox's layout; ids start at `first`.
func writeAwarenessFile(_ url: URL, rows: Int, first: Int = 0) throws {
    let header =
        "_uuid,district,urban_rural,age_band,sex,home_language,target_groups,k_phishing,k_password_reuse,k_two_factor,k_updates,k_public_wifi,k_grooming,k_privacy,uses_2fa,reuses_passwords,installs_updates,banks_on_public_wifi,checked_privacy,backs_up,incidents_12m,reported_incident,would_report_to,trust_egov,trust_ecommerce,consent,age_check,education,internet_use,campaign_seen\n"
    let districts = ["belize", "cayo", "corozal", "orange_walk", "stann_creek", "toledo"]
    var text = header
    text.reserveCapacity(rows * 180)
    for i in first..<(first + rows) {
        text += "uuid-\(i),\(districts[i % 6]),urban,25_34,female,english,parent teacher,c,no,a,a,b,b,c,yes,never,always,rarely,yes,no,phishing,yes,bank,somewhat,a_lot,yes,yes,secondary,daily,none\n"
    }
    try Data(text.utf8).write(to: url)
}

@Suite struct ImportCommandTests {
    let database: TestDatabase
    var scratch: Scratch { database.scratch }
    var db: String { database.path }

    init() throws { database = try TestDatabase(surveys: ["awareness"]) }

    private func run(_ arguments: [String]) throws -> CommandResult { try database.run(arguments) }

    private var fixtures: URL { repositoryRoot.appendingPathComponent("Tests/WorkforceKitTests/Fixtures/responses") }

    @Test func importsReportsAndSaysNothingNewTheSecondTime() throws {
        let file = fixtures.appendingPathComponent("kobotoolbox-semicolon.csv").path
        let first = try run(["import", "awareness", file])
        #expect(first.code == 0, "\(first.stderr)")
        #expect(first.stdout.contains("as batch 1 (awareness_baseline, kobotoolbox, utf-8, separator ';')"))
        #expect(first.stdout.contains("read 3 rows: 3 imported, 0 duplicates skipped, 0 quarantined."))
        let second = try run(["import", "awareness", file])
        #expect(second.code == 0)
        #expect(second.stdout.contains("Nothing new: every row is already in the database, in batch 1 (wave baseline)"))
        #expect(second.stdout.contains("no batch was created"))
        // No empty batch is left behind.
        let batches = try jsonRows(try run(["imports", "--format", "json"]).stdout)
        #expect(batches.count == 1)
        #expect(batches.map { $0["imported"] as? Int } == [3])
        #expect(batches.map { $0["duplicates"] as? Int } == [0])
    }

    @Test func quarantinedRowsCanBeExportedFixedAndImportedAgain() throws {
        let bad = scratch.url.appendingPathComponent("bad.csv")
        var text = try String(contentsOf: fixtures.appendingPathComponent("template.csv"), encoding: .utf8)
        text = text.replacingOccurrences(of: "toledo,rural", with: "toledo,maybe")
        try Data(text.utf8).write(to: bad)
        let result = try run(["import", "awareness", bad.path])
        #expect(result.code == 0)
        #expect(result.stdout.contains("2 imported, 0 duplicates skipped, 1 quarantined"))
        #expect(result.stderr.contains("bad.csv:3:16: value \"maybe\" is not a choice of urban_rural (urban, rural; or the code printed beside the option, 1 to 2)"))
        #expect(result.stderr.contains("workforce imports --rejected 1"))

        let rejected = try jsonRows(try run(["imports", "--rejected", "1", "--format", "json"]).stdout)
        #expect(rejected.count == 1)
        #expect(rejected.first?["line"] as? Int == 3)
        let csv = try run(["imports", "--rejected", "1", "--format", "csv"]).stdout
        #expect(csv.hasPrefix("consent,age_check,district,urban_rural,"))
        #expect(csv.contains(",_line,_reasons\r\n"))
        let fixed = scratch.url.appendingPathComponent("fixed.csv")
        try Data(csv.replacingOccurrences(of: "toledo,maybe", with: "toledo,rural").utf8).write(to: fixed)
        let again = try run(["import", "awareness", fixed.path])
        #expect(again.code == 0, "\(again.stderr)")
        #expect(again.stdout.contains("1 imported, 0 duplicates skipped, 0 quarantined"))
    }

    @Test(arguments: [
        (["import", "census", "x.csv"], 64, "\"census\" is not one of"),
        (["import", "university", "x.csv", "--wave", "baseline"], 64, "--wave goes with `import awareness` or `import employer`"),
        (["import", "employer", "x.csv", "--wave", "Wave 2"], 64, "unknown employer wave"),
        (["import", "awareness", "x.csv", "--delimiter", "|"], 64, "--delimiter \"|\" is not , ; or tab"),
        (["import", "awareness", "x.csv", "--encoding", "latin-9"], 64, "is not one of"),
        (["import", "awareness", "missing.csv"], 66, "missing.csv: no such file"),
        (["import", "employer", "x.csv"], 66, "no employer instrument is recorded"),
        (["imports", "--rejected", "42"], 64, "no import batch 42"),
    ])
    func badCommandsSayWhy(_ arguments: [String], _ code: Int32, _ message: String) throws {
        try Data("district\ncayo\n".utf8).write(to: scratch.url.appendingPathComponent("x.csv"))
        let result = try run(arguments)
        #expect(result.code == code, "\(result.stderr)")
        #expect(result.stderr.contains(message), "\(result.stderr)")
    }

    @Test func aMalformedFileExitsSixtyFiveWithItsPlaceAndWritesNothing() throws {
        let bad = scratch.url.appendingPathComponent("broken.csv")
        let template = try String(contentsOf: fixtures.appendingPathComponent("template.csv"), encoding: .utf8)
        let header = template.split(separator: "\n")[0]
        try Data((header + "\ncayo,\"urban\n").utf8).write(to: bad)
        let result = try run(["import", "awareness", bad.path])
        #expect(result.code == 65)
        #expect(result.stderr.contains("broken.csv:2:6: quoted field is never closed"))
        #expect(try jsonRows(try run(["imports", "--format", "json"]).stdout).isEmpty)
    }

    @Test func aKilledImportLeavesNoTraceAndTheRerunImportsEverything() throws {
        let file = scratch.url.appendingPathComponent("big.csv")
        try writeAwarenessFile(file, rows: 120_000)
        let process = try database.start(["import", "awareness", file.path])
        Thread.sleep(forTimeInterval: 0.8)
        #expect(process.isRunning, "the import finished before it could be killed; use a bigger file")
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)

        let check = try runWorkforce(["imports", "--format", "json", "--db", db], in: scratch.url)
        #expect(check.code == 0)
        #expect(try jsonRows(check.stdout).isEmpty, "no partial batch")
        let integrity = Process()
        integrity.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        integrity.arguments = ["python3", "-c", "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); print(c.execute('PRAGMA integrity_check').fetchone()[0], c.execute('SELECT count(*) FROM response').fetchone()[0])", db]
        let pipe = Pipe()
        integrity.standardOutput = pipe
        try integrity.run()
        integrity.waitUntilExit()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(output.trimmingCharacters(in: .whitespacesAndNewlines) == "ok 0")

        let rerun = try run(["import", "awareness", file.path])
        #expect(rerun.code == 0, "\(rerun.stderr)")
        #expect(rerun.stdout.contains("read 120000 rows: 120000 imported"))
    }

    @Test func twoImportsAtOnceBothComplete() throws {
        let a = scratch.url.appendingPathComponent("a.csv")
        let b = scratch.url.appendingPathComponent("b.csv")
        try writeAwarenessFile(a, rows: 15_000, first: 0)
        try writeAwarenessFile(b, rows: 15_000, first: 15_000)
        let processes = try [a, b].map { try database.start(["import", "awareness", $0.path]) }
        for process in processes {
            process.waitUntilExit()
            #expect(process.terminationStatus == 0)
        }
        let batches = try jsonRows(try run(["imports", "--format", "json"]).stdout)
        #expect(batches.count == 2)
        #expect(batches.compactMap { $0["imported"] as? Int }.reduce(0, +) == 30_000)
    }
}
