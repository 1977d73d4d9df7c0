import Foundation
import Testing

/// A command either stores its work and succeeds, or stores nothing: a killed demo leaves no
/// database, a frame the responses cannot use is not stored, a framework in use is not replaced
/// (issue 34).
@Suite struct CommitMeansSuccessTests {
    @Test func aKilledDemoLeavesNoDatabase() throws {
        let scratch = try Scratch()
        let database = scratch.path("demo.sqlite")
        for delay in [0.5, 2.0, 4.0] {
            let process = workforceProcess(["demo", "--db", database, "--out", scratch.path("demo-out")], in: scratch.url)
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            Thread.sleep(forTimeInterval: delay)
            guard process.isRunning else { break }  // finished already: nothing to test at this delay
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            #expect(!FileManager.default.fileExists(atPath: database), "a demo killed after \(delay) s left \(database)")
            let gaps = try runWorkforce(["gaps", "--db", database], in: scratch.url)
            #expect(gaps.code == 66, "\(gaps.stderr)")
        }
        // A whole run still leaves its database, under the name given.
        let whole = try runWorkforce(["demo", "--db", database, "--out", scratch.path("demo-out")], in: scratch.url)
        #expect(whole.code == 0, "\(whole.stderr)")
        #expect(FileManager.default.fileExists(atPath: database))
        #expect(try runWorkforce(["imports", "--db", database], in: scratch.url).code == 0)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: scratch.url.path).filter { $0.contains(".partial-") }
        #expect(leftovers.isEmpty, "\(leftovers)")
    }

    @Test func aFrameTheStoredEmployersCannotUseIsRefusedAndTheCurrentOneStays() throws {
        let db = try OutputFailureTests.database()
        let frame = StoredFrameCommandTests.demo.appendingPathComponent("frame.csv").path
        #expect(try db.run(["frame", "import", frame]).code == 0)
        let zeros = db.scratch.url.appendingPathComponent("zeros.csv")
        try Data("sector,size_band,organisations,issued,out_of_scope\nbanking_finance,small,0,0,0\n".utf8).write(to: zeros)
        let refused = try db.run(["frame", "import", zeros.path])
        #expect(refused.code == 65, "\(refused.stdout)\(refused.stderr)")
        #expect(refused.stderr.contains("in stratum "), "\(refused.stderr)")
        #expect(refused.stderr.contains("it was not stored; the current frame stays in use"))
        let listed = try jsonRows(try db.run(["frames", "--format", "json"]).stdout).filter { ($0["kind"] as? String) == "frame" }
        #expect(listed.count == 1)
        #expect(try db.run(["gaps", "--by", "total"]).code == 0)
    }

    @Test func replacingAFrameworkInUseIsAClearRefusal() throws {
        let db = try OutputFailureTests.database()
        let replaced = try db.run(["framework", "import", "nice-2017", "--replace"])
        #expect(replaced.code == 65, "\(replaced.stderr)")
        #expect(replaced.stderr.contains("cannot be replaced: it is used by catalog import batch 3"), "\(replaced.stderr)")
        #expect(!replaced.stderr.contains("SQLite error"))
        #expect(try db.run(["courses", "uncovered"]).code == 0)
    }
}
