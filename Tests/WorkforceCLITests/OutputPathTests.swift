import Foundation
import Testing
import WorkforceKit

/// Every `--out` is standardised, never replaces a device, FIFO or link, and never hangs; a
/// `--db` that is not a regular file is refused before SQLite opens it (issue 34).
@Suite struct OutputPathTests {
    /// A database with 12 awareness responses.
    static func awareness() throws -> TestDatabase {
        let database = try TestDatabase(surveys: ["awareness"])
        let codebook = database.scratch.url.appendingPathComponent("forms/awareness_baseline.codebook.json")
        let file = database.scratch.url.appendingPathComponent("kobo.csv")
        try Data(try ResponsesCommandTests.koboExport(codebook: codebook, rows: 12).text.utf8).write(to: file)
        let imported = try database.run(["import", "awareness", file.path])
        guard imported.code == 0 else { throw TestFailure(imported.stderr) }
        return database
    }

    /// Runs and fails the test when the command takes more than `seconds`.
    static func timed(_ database: TestDatabase, _ arguments: [String], seconds: Double = 20) throws -> CommandResult {
        let start = Date()
        let result = try database.run(arguments)
        #expect(Date().timeIntervalSince(start) < seconds, "\(arguments) took \(Date().timeIntervalSince(start)) s")
        return result
    }

    @Test func aMissingFolderFollowedByDotDotIsStandardisedNotWalkedForEver() throws {
        let database = try Self.awareness()
        let base = database.scratch.path("nodir")
        let sav = try Self.timed(database, ["responses", "awareness", "--format", "sav", "--out", base + "/../z.sav"])
        #expect(sav.code == 0, "\(sav.stderr)")
        #expect(FileManager.default.fileExists(atPath: database.scratch.path("z.sav")))
        #expect(!FileManager.default.fileExists(atPath: base))
        let book = try Self.timed(database, ["responses", "awareness", "--codebook", "--out", base + "/../deeper/../book.md"])
        #expect(book.code == 0, "\(book.stderr)")
        #expect(FileManager.default.fileExists(atPath: database.scratch.path("book.md")))
        let survey = try Self.timed(database, ["survey", "awareness", "--out", base + "/../forms2"])
        #expect(survey.code == 0, "\(survey.stderr)")
        #expect(FileManager.default.fileExists(atPath: database.scratch.path("forms2/awareness_baseline.xlsx")))
    }

    @Test func theStandardisedPathResolvesDotsInItsText() {
        #expect(OutputPath.standardised(URL(fileURLWithPath: "/x/nodir/../z.sav")).path == "/x/z.sav")
        #expect(OutputPath.standardised(URL(fileURLWithPath: "/../..")).path == "/")
        #expect(OutputPath.standardised(URL(fileURLWithPath: "/a/./b//c/..")).path == "/a/b")
    }

    @Test func aFIFOOrDeviceAtOutIsRefusedAndLeftAsItWas() throws {
        let database = try Self.awareness()
        let fifo = database.scratch.path("pipe")
        #expect(mkfifo(fifo, 0o644) == 0)
        for arguments in [
            ["responses", "awareness", "--format", "sav", "--out", fifo],
            ["responses", "awareness", "--codebook", "--out", fifo],
            ["responses", "awareness", "--format", "r", "--out", fifo],
            ["report", "--out", fifo],
        ] {
            let result = try Self.timed(database, arguments)
            #expect(result.code == 73, "\(arguments): \(result.stderr)")
            #expect(result.stderr.contains("FIFO"), "\(result.stderr)")
            var info = stat()
            #expect(lstat(fifo, &info) == 0 && info.st_mode & S_IFMT == S_IFIFO, "\(arguments) replaced the FIFO")
        }
        #expect(!FileManager.default.fileExists(atPath: database.scratch.path("pipe.csv")), "the R export's CSV was left")
        let device = try Self.timed(database, ["responses", "awareness", "--codebook", "--out", "/dev/null"])
        #expect(device.code == 73, "\(device.stderr)")
        #expect(device.stderr.contains("character device"))
        var info = stat()
        #expect(stat("/dev/null", &info) == 0 && info.st_mode & S_IFMT == S_IFCHR)
    }

    @Test func aSymlinkIsWrittenThroughNotReplaced() throws {
        let database = try Self.awareness()
        let real = database.scratch.url.appendingPathComponent("real-report")
        let link = database.scratch.path("report-link")
        #expect(try database.run(["report", "--out", real.path]).code == 0)
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "real-report")
        let before = try FileManager.default.attributesOfItem(atPath: real.appendingPathComponent("report.html").path)[.modificationDate] as? Date
        Thread.sleep(forTimeInterval: 1.1)
        let again = try database.run(["report", "--out", link])
        #expect(again.code == 0, "\(again.stderr)")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "real-report")
        let after = try FileManager.default.attributesOfItem(atPath: real.appendingPathComponent("report.html").path)[.modificationDate] as? Date
        #expect(before != nil && after != nil && after! > before!, "the link's target holds the new report")

        let fileLink = database.scratch.path("book-link.md")
        try Data("old\n".utf8).write(to: database.scratch.url.appendingPathComponent("book.md"))
        try FileManager.default.createSymbolicLink(atPath: fileLink, withDestinationPath: "book.md")
        #expect(try database.run(["responses", "awareness", "--codebook", "--out", fileLink]).code == 0)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: fileLink) == "book.md")
        #expect(try String(contentsOfFile: database.scratch.path("book.md"), encoding: .utf8).count > 100)
    }

    @Test func aFailedRExportRemovesWhatItWrote() throws {
        let database = try Self.awareness()
        let folder = database.scratch.path("afolder")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let result = try database.run(["responses", "awareness", "--format", "r", "--out", folder])
        #expect(result.code == 73, "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder + ".csv"), "the respondents' answers were left in afolder.csv")
    }

    @Test func aDatabaseThatIsNotARegularFileIsRefusedAtOpen() throws {
        let scratch = try Scratch()
        let fifo = scratch.path("db-pipe")
        #expect(mkfifo(fifo, 0o644) == 0)
        for arguments in [["gaps"], ["imports"], ["init"], ["responses", "awareness"]] {
            let start = Date()
            let result = try runWorkforce(arguments + ["--db", fifo], in: scratch.url)
            #expect(Date().timeIntervalSince(start) < 20)
            #expect(result.code == 66, "\(arguments): \(result.stderr)")
            #expect(result.stderr.contains("FIFO"), "\(result.stderr)")
        }
        let folder = try runWorkforce(["gaps", "--db", scratch.url.path], in: scratch.url)
        #expect(folder.code == 66 && folder.stderr.contains("a folder"), "\(folder.stderr)")
    }
}
