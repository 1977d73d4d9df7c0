import Foundation
import Testing

/// Outputs people and programs read: names from files never reach a terminal raw, Markdown
/// keeps HTML as text, and the report folder is written whole.
@Suite struct OutputSafetyTests {
    static let escape = "\u{1B}[2J\u{202E}"
    static let hostileTitle = "Intro\u{1B}]0;owned\u{7} <script>alert(1)</script> \u{202E}fdp.exe"

    static func noRawControls(_ text: String, _ what: String) {
        for scalar in text.unicodeScalars where scalar.value == 0x1B || scalar.value == 0x202E || scalar.value == 0x07 {
            Issue.record("\(what) holds a raw U+\(String(scalar.value, radix: 16, uppercase: true))")
            return
        }
    }

    /// A database with a catalog whose file name and title carry terminal and markup payloads.
    static func hostileCatalog() throws -> (TestDatabase, CommandResult) {
        let database = try TestDatabase()
        let catalog = "institution,code,title,level,delivery_mode,annual_completions,ksa_ids,last_updated\n"
            + "Galen University,C1,\"\(hostileTitle)\",certificate,online,5,K0001 K0002,2026-01-01\n"
            + "Galen University,C2,\"=HYPERLINK(\"\"http://x\"\",\"\"click\"\")\",certificate,online,5,K0003,2026-01-01\n"
        let file = database.scratch.url.appendingPathComponent("catalog\(escape).csv")
        try Data(catalog.utf8).write(to: file)
        return (database, try database.run(["import", "catalog", file.path]))
    }

    @Test func namesFromTheFileSystemAndFilesAreEscapedOnTheTerminal() throws {
        let (database, imported) = try Self.hostileCatalog()
        #expect(imported.code == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("catalog\\u{1B}[2J\\u{202E}.csv"))
        Self.noRawControls(imported.stdout, "Imported <file>")
        let report = try database.run(["report", "--out", database.scratch.path("out\(Self.escape)")])
        #expect(report.code == 0, "\(report.stderr)")
        #expect(report.stdout.contains("Wrote the report: "))
        Self.noRawControls(report.stdout, "Wrote the report")
        let survey = try database.run(["survey", "awareness", "--out", database.scratch.path("forms\(Self.escape)")])
        #expect(survey.code == 0, "\(survey.stderr)")
        Self.noRawControls(survey.stdout, "the survey's file list")
        for format in ["md", "csv", "table"] {
            // --wide: the title whole, not cut to fit the width.
            let listed = try database.run(["catalog", "--format", format] + (format == "table" ? ["--wide"] : []))
            #expect(listed.code == 0)
            #expect(listed.stdout.contains("\\u{1B}]0;owned\\u{7}"), "\(format)")
            Self.noRawControls(listed.stdout, "catalog --format \(format)")
        }
    }

    @Test func theReportsMarkdownAndTablesCarryNoRawHTMLOrControls() throws {
        let (database, imported) = try Self.hostileCatalog()
        #expect(imported.code == 0)
        let out = database.scratch.url.appendingPathComponent("report")
        #expect(try database.run(["report", "--out", out.path]).code == 0)
        let md = try String(contentsOf: out.appendingPathComponent("report.md"), encoding: .utf8)
        #expect(!md.contains("<script>"))
        #expect(md.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(md.contains("'=HYPERLINK("))
        Self.noRawControls(md, "report.md")
        let csv = try String(contentsOf: out.appendingPathComponent("tables/catalog.csv"), encoding: .utf8)
        #expect(csv.contains("'=HYPERLINK("))
        Self.noRawControls(csv, "tables/catalog.csv")
    }

    // MARK: the report folder, whole

    @Test func aNewReportReplacesTheFolderWhole() throws {
        let database = try TestDatabase()
        let out = database.scratch.url.appendingPathComponent("report")
        #expect(try database.run(["report", "--out", out.path]).code == 0)
        let stale = out.appendingPathComponent("tables/gaps_of_a_purged_respondent.csv")
        try Data("stale".utf8).write(to: stale)
        let again = try database.run(["report", "--out", out.path])
        #expect(again.code == 0, "\(again.stderr)")
        #expect(!FileManager.default.fileExists(atPath: stale.path))
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("report.html").path))
        // Nothing is left beside it.
        let beside = try FileManager.default.contentsOfDirectory(atPath: database.scratch.url.path)
        #expect(!beside.contains { $0.contains(".partial") || $0.contains(".old") }, "\(beside)")
    }

    @Test func aFolderWithOtherFilesIsRefusedNotEmptied() throws {
        let database = try TestDatabase()
        let documents = database.scratch.url.appendingPathComponent("documents")
        try FileManager.default.createDirectory(at: documents, withIntermediateDirectories: true)
        try Data("mine".utf8).write(to: documents.appendingPathComponent("thesis.docx"))
        let result = try database.run(["report", "--out", documents.path])
        #expect(result.code == 73)
        #expect(result.stderr.contains("it holds files the tool did not write (thesis.docx)"), "\(result.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: documents.path) == ["thesis.docx"])
    }

    @Test func aKilledReportLeavesTheOldOneOrTheNewOneNeverAMix() throws {
        let database = try TestDatabase()
        let out = database.scratch.url.appendingPathComponent("report")
        let old = try runWorkforce(["report", "--out", out.path, "--db", database.path], in: database.scratch.url, environment: ["SOURCE_DATE_EPOCH": "1000000000"])
        #expect(old.code == 0)
        let marker = out.appendingPathComponent("tables/only_in_the_old_report.csv")
        try Data("old".utf8).write(to: marker)
        var oldHTML = try Data(contentsOf: out.appendingPathComponent("report.html"))
        let start = Date()
        #expect(try database.run(["report", "--out", database.scratch.path("timing")]).code == 0)
        let duration = Date().timeIntervalSince(start)
        for step in 1...8 {
            let process = Process()
            process.executableURL = workforceExecutable
            process.arguments = ["report", "--out", out.path, "--db", database.path]
            process.environment = ["SOURCE_DATE_EPOCH": String(1_700_000_000 + step * 86_400), "PATH": "/usr/bin:/bin"]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            usleep(useconds_t(duration * Double(step) / 8 * 1_000_000))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let html = try Data(contentsOf: out.appendingPathComponent("report.html"))
            if FileManager.default.fileExists(atPath: marker.path) {
                #expect(html == oldHTML, "kill \(step): the old tables beside a new report.html")
            } else {
                #expect(html != oldHTML, "kill \(step): the old report.html without its tables")
                // The next kill starts from a marked folder again, this new report being the old one.
                try Data("old".utf8).write(to: marker)
                oldHTML = html
            }
        }
    }

    @Test func aFailedDemoLeavesNothingThatBlocksTheNextRun() throws {
        // The bundled data with a broken sampling frame: the demo fails after the imports.
        let scratch = try Scratch()
        let home = scratch.url.appendingPathComponent("home")
        try FileManager.default.createDirectory(at: home.appendingPathComponent("Surveys"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("Frameworks"), to: home.appendingPathComponent("Frameworks"))
        for folder in ["banks", "margins", "demo"] {
            try FileManager.default.copyItem(
                at: repositoryRoot.appendingPathComponent("Surveys/\(folder)"), to: home.appendingPathComponent("Surveys/\(folder)"))
        }
        try Data("sector,size_band,organisations\nfinance,small,many\n".utf8).write(to: home.appendingPathComponent("Surveys/demo/frame.csv"))
        let database = scratch.path("demo.sqlite")
        let out = scratch.url.appendingPathComponent("demo")
        let failed = try runWorkforce(["demo", "--db", database, "--out", out.path], in: scratch.url, environment: ["WORKFORCE_HOME": home.path])
        #expect(failed.code == 65, "\(failed.stderr)")
        #expect(!FileManager.default.fileExists(atPath: database))
        #expect(!FileManager.default.fileExists(atPath: out.path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.url.path).sorted() == ["home"])
        let again = try runWorkforce(["demo", "--db", database, "--out", out.path], in: scratch.url)
        #expect(again.code == 0, "\(again.stderr)")
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("report.html").path))
    }

    @Test func aFileThatCannotBeWrittenIsNamedInWords() throws {
        let database = try TestDatabase(surveys: ["employer"])
        let employers = repositoryRoot.appendingPathComponent("Surveys/demo/employers-kobotoolbox.csv").path
        #expect(try database.run(["import", "employer", employers]).code == 0)
        let out = database.scratch.url.appendingPathComponent("plan")
        try FileManager.default.createDirectory(at: out.appendingPathComponent("plan.md"), withIntermediateDirectories: true)
        try Data("x".utf8).write(to: out.appendingPathComponent("plan.md/keep"))
        let result = try database.run(["plan", "--out", out.path])
        #expect(result.code == 73, "\(result.stderr)")
        #expect(result.stderr.contains("cannot write \(out.path)/plan.md: "), "\(result.stderr)")
        #expect(!result.stderr.contains("NSCocoaErrorDomain"))
    }
}
