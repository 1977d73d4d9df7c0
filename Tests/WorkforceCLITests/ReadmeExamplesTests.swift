import Foundation
import Testing

/// Every `workforce ...` example in the README's code blocks runs, in README order, on the
/// demo's database, from a folder that has the bundled `Surveys/demo`, `Surveys/margins`,
/// `Surveys/banks` and `Frameworks` (so the examples name the files a user of a checkout has),
/// and ends with the exit code its comment gives (`(exit N)`, else 0). A failure names the
/// README line. `(not run: REASON)` in an example's comment skips it; such marks stay rare.
@Suite struct ReadmeExamplesTests {
    static let readme = repositoryRoot.appendingPathComponent("README.md")

    @Test func theParserSplitsAsAShellWould() throws {
        let example = try ReadmeExample.parse(
            #"workforce courses suggest --title "Incident handling" --x 'a b' c\ d > out.csv   # note (exit 65)"#, line: 7)
        #expect(example.arguments == ["courses", "suggest", "--title", "Incident handling", "--x", "a b", "c d"])
        #expect(example.stdoutFile == "out.csv")
        #expect(example.expectedExit == 65)
        #expect(example.notRun == nil)
        let hash = try ReadmeExample.parse(#"workforce framework search "a # b" x#y   # (not run: needs a file)"#, line: 1)
        #expect(hash.arguments == ["framework", "search", "a # b", "x#y"])
        #expect(hash.notRun == "needs a file")
        #expect(throws: ReadmeExample.ParseError.self) { try ReadmeExample.parse("workforce gaps | head -1", line: 1) }
        #expect(throws: ReadmeExample.ParseError.self) { try ReadmeExample.parse(#"workforce gaps "open"#, line: 1) }
        let joined = try ReadmeExample.all(in: "text\nworkforce not-in-a-fence\n```sh\n$ workforce gaps \\\n    --by total\nls\n```\n")
        #expect(joined.map(\.arguments) == [["gaps", "--by", "total"]])
        #expect(joined.map(\.line) == [4])
    }

    @Test func everyExampleRunsOnTheDemoDatabase() throws {
        let examples = try ReadmeExample.all(in: String(contentsOf: Self.readme, encoding: .utf8))
        // Most of the README's examples run; the few that need a user's own file say why.
        #expect(examples.count >= 50)
        let skipped = examples.filter { $0.notRun != nil }
        #expect(skipped.count <= 5, "keep (not run: ...) marks rare: \(skipped.map(\.description))")

        let scratch = try Scratch()
        let database = scratch.path("demo.sqlite")
        let demo = try runWorkforce(["demo", "--db", database, "--out", scratch.path("demo-report")], in: scratch.url)
        try #require(demo.code == 0, "the demo failed: \(demo.stderr)")
        // The examples' folder: the bundled data at the paths the README names, nothing else.
        let work = scratch.url.appendingPathComponent("work")
        let files = FileManager.default
        try files.createDirectory(at: work.appendingPathComponent("Surveys"), withIntermediateDirectories: true)
        for folder in ["Surveys/demo", "Surveys/margins", "Surveys/banks", "Frameworks"] {
            try files.createSymbolicLink(
                at: work.appendingPathComponent(folder), withDestinationURL: repositoryRoot.appendingPathComponent(folder))
        }

        for example in examples where example.notRun == nil {
            let result = try runWorkforce(example.arguments, in: work, environment: ["WORKFORCE_DB": database])
            if let file = example.stdoutFile {
                try Data(result.stdout.utf8).write(to: URL(fileURLWithPath: file, relativeTo: work))
            }
            #expect(
                result.code == example.expectedExit,
                "\(example) exited \(result.code), not \(example.expectedExit): \(result.stderr.prefix(400))")
        }
    }
}
