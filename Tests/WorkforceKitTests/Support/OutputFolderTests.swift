import Foundation
import Testing

@testable import WorkforceKit

@Suite struct OutputFolderTests {
    /// A run killed while writing leaves `.NAME.partial-PID` (a whole report, perhaps about
    /// respondents purged since): the next write removes it, and leaves a live process's alone.
    @Test func temporaryFoldersOfKilledRunsAreRemovedByTheNextWrite() throws {
        let scratch = try TemporaryFolder()
        let out = scratch.url.appendingPathComponent("rep")
        let dead = Int32.max - 7  // above any pid Linux hands out
        try scratch.write(".rep.partial-\(dead)/tables/awareness_baseline.csv", "about a purged respondent\n")
        try scratch.write(".rep.old-\(dead)/report.html", "old\n")
        try scratch.write(".rep.partial-1/report.html", "init is alive\n")
        try scratch.write(".report.partial-\(dead)/report.html", "another folder's\n")
        try OutputFolder.write(out) { folder in
            try Data("new\n".utf8).write(to: folder.appendingPathComponent("report.html"))
        }
        let left = try FileManager.default.contentsOfDirectory(atPath: scratch.url.path).sorted()
        #expect(left == [".rep.partial-1", ".report.partial-\(dead)", "rep"])
        #expect(try String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8) == "new\n")
    }
}
