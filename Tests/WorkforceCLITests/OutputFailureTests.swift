import Foundation
import Testing

/// Standard output that cannot be written: a reader that went away ends a command quietly
/// (exit 141, as `yes | head -1` in a shell), a full disk is exit 74 naming the output; never
/// a signal (FileHandle.write used to trap: SIGILL, exit 132).
@Suite struct OutputFailureTests {
    /// How a run ended: its exit code, whether a signal killed it, and its standard error.
    struct Ending {
        var code: Int32
        var signalled: Bool
        var stderr: String
    }

    /// Runs the executable with standard output on `stdout`.
    static func run(_ arguments: [String], stdout: FileHandle, in directory: URL) throws -> Ending {
        let process = workforceProcess(arguments, in: directory)
        let errURL = directory.appendingPathComponent("stderr-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let err = try FileHandle(forWritingTo: errURL)
        process.standardOutput = stdout
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try err.close()
        let text = try String(contentsOf: errURL, encoding: .utf8)
        try? FileManager.default.removeItem(at: errURL)
        return Ending(code: process.terminationStatus, signalled: process.terminationReason == .uncaughtSignal, stderr: text)
    }

    /// A pipe whose reading end is already closed: every write gets EPIPE.
    static func closedPipe() throws -> FileHandle {
        let pipe = Pipe()
        try pipe.fileHandleForReading.close()
        return pipe.fileHandleForWriting
    }

    /// One database for all the commands below: the framework, the questionnaires and the
    /// demo's employer responses.
    static func database() throws -> TestDatabase {
        let database = try TestDatabase(surveys: ["employer", "awareness"])
        let demo = repositoryRoot.appendingPathComponent("Surveys/demo")
        for (kind, file) in [("employer", "employers-kobotoolbox.csv"), ("awareness", "awareness-baseline.csv"), ("catalog", "catalog.csv")] {
            let imported = try database.run(["import", kind, demo.appendingPathComponent(file).path])
            guard imported.code == 0 else { throw TestFailure("import failed: \(imported.stderr)") }
        }
        return database
    }

    /// Every command that writes to standard output, each with what it needs.
    static func commands(_ db: TestDatabase) -> [[String]] {
        let out = db.scratch.path("forms-again")
        return [
            ["framework", "list", "ksas"], ["framework", "list", "roles", "--format", "json"], ["framework", "show", "PR-CIR-001"],
            ["framework", "search", "incident", "response"], ["instruments"], ["imports"], ["imports", "--rejected", "1", "--format", "csv"],
            ["responses", "employer", "--format", "csv"], ["responses", "employer", "--format", "json"], ["catalog"],
            ["courses", "uncovered"], ["courses", "matrix"], ["courses", "suggest", "--title", "Incident response"],
            ["gaps", "--no-suppress"], ["gaps", "--by", "ksa", "--no-suppress", "--format", "md"], ["plan"],
            ["awareness"], ["sample-size", "--margin", "0.05"], ["survey", "employer", "--out", out], ["init"],
            ["import", "employer", repositoryRoot.appendingPathComponent("Surveys/demo/employers-kobotoolbox.csv").path, "--dry-run"],
            ["report", "--out", db.scratch.path("report")], ["framework", "import", "nice-components-v1.0.0", "--replace"],
            ["--help"], ["help", "gaps"], ["--version"], ["completion", "bash"], ["man"],
        ].map { $0 + ["--db", db.path] } + [["demo", "--out", db.scratch.path("demo")]]
    }

    @Test func aClosedPipeEndsEveryCommandQuietly() throws {
        let db = try Self.database()
        for arguments in Self.commands(db) {
            let ending = try Self.run(arguments, stdout: try Self.closedPipe(), in: db.scratch.url)
            #expect(!ending.signalled, "\(arguments)")
            // A command that failed for its own reason keeps its code; one that stored its data
            // succeeded (0); otherwise 141.
            let stores = Self.storing(arguments)
            #expect(stores ? ending.code == 0 : ending.code == 141 || (ending.code != 0 && !ending.stderr.isEmpty), "\(arguments): \(ending.code)")
            #expect(!ending.stderr.contains("cannot write standard output"), "\(arguments): \(ending.stderr)")
        }
    }

    @Test func aFullDiskIsAnIOErrorNamingTheOutput() throws {
        let db = try Self.database()
        for arguments in Self.commands(db) {
            let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))
            let ending = try Self.run(arguments, stdout: full, in: db.scratch.url)
            #expect(!ending.signalled, "\(arguments)")
            // A command that stored its data succeeded: a warning, exit 0 (a rerun would store it again).
            #expect(ending.code == (Self.storing(arguments) ? 0 : 74), "\(arguments): \(ending.code) \(ending.stderr)")
            #expect(ending.stderr.contains("cannot write standard output (/dev/full): No space left on device"), "\(arguments): \(ending.stderr)")
            if Self.storing(arguments) { #expect(ending.stderr.contains("warning: ") && ending.stderr.contains("the data was stored")) }
        }
    }

    /// The commands of ``commands(_:)`` that store something in the database.
    static func storing(_ arguments: [String]) -> Bool { arguments.starts(with: ["framework", "import"]) }

    @Test func anOutputErrorAfterACommitIsAWarningNotAFailureThatInvitesARerun() throws {
        let db = try TestDatabase(surveys: ["employer"])
        let frame = repositoryRoot.appendingPathComponent("Surveys/demo/frame.csv").path
        let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))
        let ending = try Self.run(["frame", "import", frame, "--db", db.path], stdout: full, in: db.scratch.url)
        #expect(ending.code == 0, "\(ending.stderr)")
        #expect(ending.stderr.contains("warning: cannot write standard output (/dev/full)"), "\(ending.stderr)")
        #expect(ending.stderr.contains("do not run the command again"))
        let frames = try jsonRows(try db.run(["frames", "--format", "json"]).stdout)
        #expect(frames.count == 1, "\(frames)")
        // A command that stores nothing still fails on a full disk.
        let dry = try Self.run(
            ["import", "employer", repositoryRoot.appendingPathComponent("Surveys/demo/employers-kobotoolbox.csv").path, "--dry-run", "--db", db.path],
            stdout: try #require(FileHandle(forWritingAtPath: "/dev/full")), in: db.scratch.url)
        #expect(dry.code == 74, "\(dry.stderr)")
    }

    @Test func aReaderThatStopsAfterOneLineStopsTheListing() throws {
        // `workforce framework list ksas | head -1`: more than a pipe's buffer holds.
        let db = try Self.database()
        let pipe = Pipe()
        let process = Process()
        process.executableURL = workforceExecutable
        process.arguments = ["framework", "list", "ksas", "--db", db.path]
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        try pipe.fileHandleForWriting.close()
        let first = try pipe.fileHandleForReading.read(upToCount: 200) ?? Data()
        try pipe.fileHandleForReading.close()
        process.waitUntilExit()
        #expect(String(decoding: first, as: UTF8.self).hasPrefix("id,"))
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 141)
    }
}
