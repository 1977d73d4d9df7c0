import Foundation
import Testing

@Suite struct PurgeCommandTests {
    func fileContains(_ database: TestDatabase, _ text: String) throws -> Bool {
        var found = false
        for suffix in ["", "-wal"] {
            let path = database.path + suffix
            guard FileManager.default.fileExists(atPath: path) else { continue }
            if try Data(contentsOf: URL(fileURLWithPath: path)).range(of: Data(text.utf8)) != nil { found = true }
        }
        return found
    }

    @Test func purgingAResponseAndThenItsBatchLeavesNoTraceAfterVacuum() throws {
        let database = try TestDatabase(surveys: ["awareness"])
        let codebook = database.scratch.url.appendingPathComponent("forms/awareness_baseline.codebook.json")
        let text = try ResponsesCommandTests.koboExport(codebook: codebook, rows: 40).text
            .replacingOccurrences(of: "uuid-000007", with: "withdrawn-consent-7f3a")
            .replacingOccurrences(of: "uuid-000011", with: "planted-respondent-91c2")
        let file = database.scratch.url.appendingPathComponent("kobo.csv")
        try Data(text.utf8).write(to: file)
        #expect(try database.run(["import", "awareness", file.path]).code == 0)
        #expect(try fileContains(database, "withdrawn-consent-7f3a"))

        let one = try database.run(["purge", "--response", "withdrawn-consent-7f3a"])
        #expect(one.code == 0, "\(one.stderr)")
        let keys = try jsonRows(try database.run(["responses", "awareness", "--format", "json"]).stdout).compactMap { $0["response_key"] as? String }
        #expect(keys.count == 39 && !keys.contains("withdrawn-consent-7f3a"))
        let batches = try jsonRows(try database.run(["imports", "--format", "json"]).stdout)
        #expect(batches.first?["rows_read"] as? Double == 39)
        #expect(batches.first?["imported"] as? Double == 39)

        let all = try database.run(["purge", "--batch", "1", "--vacuum"])
        #expect(all.code == 0, "\(all.stderr)")
        #expect(all.stdout.contains("Purged 39 responses and batch 1"))
        #expect(try jsonRows(try database.run(["imports", "--format", "json"]).stdout).isEmpty)
        #expect(try !fileContains(database, "withdrawn-consent-7f3a"))
        #expect(try !fileContains(database, "planted-respondent-91c2"))
    }

    @Test func withdrawalRemovesTheKeyFromStoredAndQuarantinedRows() throws {
        let database = try TestDatabase(surveys: ["awareness"])
        let codebook = database.scratch.url.appendingPathComponent("forms/awareness_baseline.codebook.json")
        let base = try ResponsesCommandTests.koboExport(codebook: codebook, rows: 30).text
        // First export: respondents 7 and 11 quarantined (a row one field too long).
        var first = base.replacingOccurrences(of: "uuid-000007", with: "withdrawn-both-7f3a")
            .replacingOccurrences(of: "uuid-000011", with: "quarantined-only-4b1d").components(separatedBy: "\n")
        let only = try #require(first.firstIndex { $0.hasPrefix("quarantined-only-4b1d,") })
        first[only] += ",extra"
        let both = try #require(first.firstIndex { $0.hasPrefix("withdrawn-both-7f3a,") })
        first[both] += ",extra"
        // A later export stores respondent 7, fixed (the rows stored before are skipped as duplicates).
        let second = base.replacingOccurrences(of: "uuid-000007", with: "withdrawn-both-7f3a").components(separatedBy: "\n")
        let one = database.scratch.url.appendingPathComponent("one.csv"), two = database.scratch.url.appendingPathComponent("two.csv")
        try Data(first.joined(separator: "\n").utf8).write(to: one)
        try Data(second.joined(separator: "\n").utf8).write(to: two)
        #expect(try database.run(["import", "awareness", one.path]).code == 0)
        #expect(try database.run(["import", "awareness", two.path]).code == 0)
        #expect(try fileContains(database, "withdrawn-both-7f3a") && fileContains(database, "quarantined-only-4b1d"))

        let quarantinedOnly = try database.run(["purge", "--response", "quarantined-only-4b1d"])
        #expect(quarantinedOnly.code == 0, "\(quarantinedOnly.stderr)")
        #expect(quarantinedOnly.stdout.contains("Purged 0 responses, 1 quarantined row"), "\(quarantinedOnly.stdout)")
        let bothPurged = try database.run(["purge", "--response", "withdrawn-both-7f3a", "--vacuum"])
        #expect(bothPurged.code == 0, "\(bothPurged.stderr)")
        #expect(bothPurged.stdout.contains("Purged 1 response, 1 quarantined row"), "\(bothPurged.stdout)")
        #expect(try !fileContains(database, "withdrawn-both-7f3a"))
        #expect(try !fileContains(database, "quarantined-only-4b1d"))
        // The batches' counts stay true.
        let batches = try jsonRows(try database.run(["imports", "--format", "json"]).stdout)
        // Batch 1: 30 rows less the two quarantined respondents; batch 2: 28 duplicates, uuid-000011 and respondent 7, less respondent 7.
        #expect(batches.map { $0["rows_read"] as? Double } == [28, 29])
        #expect(batches.map { $0["quarantined"] as? Double } == [0, 0])
        #expect(batches.map { $0["imported"] as? Double } == [28, 1])
        #expect(try database.run(["purge", "--response", "withdrawn-both-7f3a"]).code == 66)
    }

    @Test func vacuumAloneRewritesTheFileAfterAnEarlierPurge() throws {
        let database = try TestDatabase(surveys: ["awareness"])
        let codebook = database.scratch.url.appendingPathComponent("forms/awareness_baseline.codebook.json")
        let file = database.scratch.url.appendingPathComponent("kobo.csv")
        try Data(try ResponsesCommandTests.koboExport(codebook: codebook, rows: 10).text.replacingOccurrences(of: "uuid-000003", with: "later-vacuumed-22e9").utf8)
            .write(to: file)
        #expect(try database.run(["import", "awareness", file.path]).code == 0)
        #expect(try database.run(["purge", "--response", "later-vacuumed-22e9"]).code == 0)
        let vacuumed = try database.run(["purge", "--vacuum"])
        #expect(vacuumed.code == 0, "\(vacuumed.stderr)")
        #expect(vacuumed.stdout.contains("VACUUM"))
        #expect(try !fileContains(database, "later-vacuumed-22e9"))
    }

    @Test func purgingTheNewestCatalogBatchRestoresWhatItReplaced() throws {
        let database = try TestDatabase()
        let catalog = CatalogAndGapsCommandTests.fixture
        #expect(try database.run(["import", "catalog", catalog.path]).code == 0)
        let before = try database.run(["catalog", "--format", "csv"]).stdout
        let again = try database.run(["import", "catalog", catalog.path])
        #expect(again.code == 0, "\(again.stderr)")
        let refused = try database.run(["purge", "--batch", "1"])
        #expect(refused.code == 64)
        #expect(refused.stderr.contains("replaced by batch 2"), "\(refused.stderr)")
        let purged = try database.run(["purge", "--batch", "2"])
        #expect(purged.code == 0, "\(purged.stderr)")
        #expect(purged.stdout.contains("current again"), "\(purged.stdout)")
        #expect(try database.run(["catalog", "--format", "csv"]).stdout == before)
    }

    @Test func purgeNeedsSomethingToPurge() throws {
        let database = try TestDatabase()
        #expect(try database.run(["purge"]).code == 64)
        let unknown = try database.run(["purge", "--batch", "9"])
        #expect(unknown.code == 66)
        #expect(unknown.stderr.contains("no import batch 9"))
    }
}

@Suite struct TerminalSafetyTests {
    @Test func controlCharactersInValuesAreNeverPrintedRaw() throws {
        let database = try TestDatabase(surveys: ["awareness"])
        let codebook = database.scratch.url.appendingPathComponent("forms/awareness_baseline.codebook.json")
        var lines = try ResponsesCommandTests.koboExport(codebook: codebook, rows: 3).text.components(separatedBy: "\n")
        // A district that rewrites the screen: ESC [2J, and a bell.
        lines[2] = lines[2].replacingOccurrences(of: ",belize,", with: ",\u{1B}[2Jcayo\u{07},")
            .replacingOccurrences(of: ",cayo,", with: ",\u{1B}[2Jcayo\u{07},")
            .replacingOccurrences(of: ",toledo,", with: ",\u{1B}[2Jcayo\u{07},")
            .replacingOccurrences(of: ",corozal,", with: ",\u{1B}[2Jcayo\u{07},")
            .replacingOccurrences(of: ",orange_walk,", with: ",\u{1B}[2Jcayo\u{07},")
            .replacingOccurrences(of: ",stann_creek,", with: ",\u{1B}[2Jcayo\u{07},")
        let file = database.scratch.url.appendingPathComponent("escape.csv")
        try Data(lines.joined(separator: "\n").utf8).write(to: file)
        let result = try database.run(["import", "awareness", file.path])
        #expect(result.code == 0)
        #expect(result.stdout.contains("1 quarantined"))
        #expect(!result.stderr.contains("\u{1B}") && !result.stderr.contains("\u{07}"))
        #expect(result.stderr.contains("\\u{1B}[2J"))
        let table = try database.run(["imports", "--rejected", "1", "--format", "table"])
        #expect(table.code == 0)
        #expect(!table.stdout.contains("\u{1B}"))
    }
}

@Suite struct SpecialInputTests {
    @Test func standardInputImportsAndSpecialFilesAreRefusedWithoutHanging() throws {
        let database = try TestDatabase(surveys: ["awareness"])
        let codebook = database.scratch.url.appendingPathComponent("forms/awareness_baseline.codebook.json")
        let file = database.scratch.url.appendingPathComponent("kobo.csv")
        try Data(try ResponsesCommandTests.koboExport(codebook: codebook, rows: 5).text.utf8).write(to: file)
        // `cat file | workforce import awareness -` (a pipe: the file given as standard input).
        let piped = try runWorkforce(["import", "awareness", "-", "--db", database.path], in: database.scratch.url, input: file)
        #expect(piped.code == 0, "\(piped.stderr)")
        #expect(piped.stdout.contains("Imported standard input") && piped.stdout.contains("5 imported"))

        let fifo = database.scratch.path("pipe.csv")
        #expect(mkfifo(fifo, 0o600) == 0)
        let pipe = try database.run(["import", "awareness", fifo])
        #expect(pipe.code == 66)
        #expect(pipe.stderr.contains("is a named pipe"))
        let framework = try database.run(["framework", "import", fifo])
        #expect(framework.code == 66)
        #expect(framework.stderr.contains("is a named pipe"))

        let loop = database.scratch.path("loop-a")
        try FileManager.default.createSymbolicLink(atPath: loop, withDestinationPath: database.scratch.path("loop-b"))
        try FileManager.default.createSymbolicLink(atPath: database.scratch.path("loop-b"), withDestinationPath: loop)
        let looped = try database.run(["import", "awareness", loop])
        #expect(looped.code == 66)
        #expect(looped.stderr.contains("symbolic link loop"))
        #expect(try database.run(["import", "awareness", ""]).code == 64)
    }
}

@Suite struct WrongSeparatorTests {
    @Test func aFileWhoseEveryRowHasTheWrongWidthIsRefusedWithTheSeparatorHint() throws {
        let database = try TestDatabase(surveys: ["awareness"])
        let codebook = database.scratch.url.appendingPathComponent("forms/awareness_baseline.codebook.json")
        // A semicolon file: forcing , makes every row one field wide... and the header too, so
        // keep a comma header and semicolon rows.
        let lines = try ResponsesCommandTests.koboExport(codebook: codebook, rows: 4).text.split(separator: "\n").map(String.init)
        let text = ([lines[0]] + lines.dropFirst().map { $0.replacingOccurrences(of: ",", with: ";") }).joined(separator: "\n") + "\n"
        let file = database.scratch.url.appendingPathComponent("mixed.csv")
        try Data(text.utf8).write(to: file)
        let result = try database.run(["import", "awareness", file.path])
        #expect(result.code == 65)
        #expect(result.stderr.contains("check the separator"))
        #expect(try jsonRows(try database.run(["imports", "--format", "json"]).stdout).isEmpty)
    }
}

/// Personal data planted in an export reaches no file and no output.
@Suite struct PlantedPersonalDataTests {
    /// Issue 13: a KoboToolbox export with planted personal columns, some rows valid and some
    /// quarantined: no planted value in the database file, nor in any output.
    @Test func plantedPersonalDataReachesNoFileAndNoOutput() throws {
        let database = try TestDatabase(surveys: ["awareness"])
        let codebook = database.scratch.url.appendingPathComponent("forms/awareness_baseline.codebook.json")
        var lines = try ResponsesCommandTests.koboExport(codebook: codebook, rows: 30).text.split(separator: "\n").map(String.init)
        let planted = ["username", "phonenumber", "email", "national_id", "imei", "_geolocation", "name", "deviceid", "_submitted_by"]
        lines[0] += "," + planted.joined(separator: ",")
        for i in 1..<lines.count {
            lines[i] += "," + planted.map { "planted-\($0)-\(i)-x9q" }.joined(separator: ",")
            // Every third row breaks a rule (an unknown district), so it is quarantined.
            if i % 3 == 0 {
                let fields = lines[i].split(separator: ",", omittingEmptySubsequences: false)
                let header = lines[0].split(separator: ",")
                if let d = header.firstIndex(of: "profile/district") {
                    var edited = fields.map(String.init)
                    edited[d] = "atlantis"
                    lines[i] = edited.joined(separator: ",")
                }
            }
        }
        let file = database.scratch.url.appendingPathComponent("planted.csv")
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: file)
        let imported = try database.run(["import", "awareness", file.path])
        #expect(imported.code == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("20 imported, 0 duplicates skipped, 10 quarantined"), "\(imported.stdout)")

        var outputs = [imported.stdout + imported.stderr]
        for arguments in [
            ["imports", "--rejected", "1", "--format", "csv"], ["imports", "--rejected", "1", "--format", "json"],
            ["imports", "--rejected", "1", "--format", "md"], ["imports", "--format", "json"],
            ["responses", "awareness", "--format", "csv"], ["responses", "awareness", "--format", "json", "--labels", "en"],
            ["awareness", "--format", "json"],
        ] {
            let result = try database.run(arguments)
            #expect(result.code == 0, "\(arguments): \(result.stderr)")
            outputs.append(result.stdout + result.stderr)
        }
        let report = database.scratch.url.appendingPathComponent("report")
        #expect(try database.run(["report", "--out", report.path]).code == 0)
        for name in try FileManager.default.subpathsOfDirectory(atPath: report.path) {
            let url = report.appendingPathComponent(name)
            var directory: ObjCBool = false
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &directory), !directory.boolValue {
                outputs.append(String(decoding: try Data(contentsOf: url), as: UTF8.self))
            }
        }
        #expect(outputs.allSatisfy { !$0.contains("x9q") }, "a planted value is in an output")
        #expect(try !PurgeCommandTests().fileContains(database, "x9q"), "a planted value is in the database file")
        #expect(try !PurgeCommandTests().fileContains(database, "planted-"), "a planted value is in the database file")
    }
}
