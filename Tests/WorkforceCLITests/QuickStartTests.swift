import Foundation
import Testing

/// The README's quick start, run as a new user would: every command in order, in a folder of
/// its own, on a database it creates; once as from the checkout (the demo files at the paths the
/// README names) and once as the installed binary from an empty folder (the data under
/// `PREFIX/share/workforce/`, as `scripts/install.sh` lays it out).
@Suite(.serialized) struct QuickStartTests {
    /// The commands of the README's "Quick start" section, in order.
    static func commands() throws -> [ReadmeExample] {
        let readme = try String(contentsOf: repositoryRoot.appendingPathComponent("README.md"), encoding: .utf8)
        guard let start = readme.range(of: "\n## Quick start\n"), let end = readme.range(of: "\n## ", range: start.upperBound..<readme.endIndex)
        else { throw TestFailure("README.md has no Quick start section") }
        return try ReadmeExample.all(in: String(readme[start.lowerBound..<end.lowerBound]))
    }

    /// Runs every command in `folder` with `executable`; returns each one's result.
    static func run(in folder: URL, executable: URL) throws -> [(ReadmeExample, CommandResult)] {
        let commands = try commands()
        #expect(commands.count >= 15)
        #expect(commands.allSatisfy { $0.notRun == nil }, "the quick start runs whole")
        // No database named by the environment, no data folder but the one beside the binary.
        return try commands.map { example in
            let result = try runWorkforce(example.arguments, in: folder, environment: ["WORKFORCE_HOME": ""], executable: executable)
            #expect(result.code == example.expectedExit, "\(example) exited \(result.code): \(result.stderr.prefix(600))")
            return (example, result)
        }
    }

    /// What every quick start must have done, whichever binary ran it.
    static func checkOutcome(_ results: [(ReadmeExample, CommandResult)], folder: URL) throws {
        let byCommand = Dictionary(results.map { ($0.0.arguments.prefix(2).joined(separator: " "), $0.1) }, uniquingKeysWith: { $1 })
        // The analyst's gaps rest on imported employer data; every employer column is stored.
        for (example, result) in results where example.arguments.starts(with: ["import", "employer"]) {
            #expect(!(result.stdout + result.stderr).contains("not in the codebook"), "\(example): \(result.stdout.prefix(400))")
            #expect(result.stdout.contains("0 quarantined"), "\(example): \(result.stdout)")
        }
        #expect(results.contains { $0.0.arguments.starts(with: ["import", "catalog"]) && !$0.0.arguments.contains("--dry-run") })
        #expect(byCommand["courses uncovered"]?.stdout.contains("University of Belize") == false)
        #expect(byCommand["courses uncovered"]?.stdout.contains("K0") == true, "no uncovered KSA listed")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("workforce.sqlite").path))
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("report/report.html").path))
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("forms/catalog_template.csv").path))
    }

    @Test func theQuickStartRunsFromTheCheckout() throws {
        let scratch = try Scratch()
        let files = FileManager.default
        try files.createDirectory(at: scratch.url.appendingPathComponent("Surveys"), withIntermediateDirectories: true)
        for folder in ["Surveys/demo", "Surveys/margins", "Surveys/banks", "Frameworks"] {
            try files.createSymbolicLink(
                at: scratch.url.appendingPathComponent(folder), withDestinationURL: repositoryRoot.appendingPathComponent(folder))
        }
        let results = try Self.run(in: scratch.url, executable: workforceExecutable)
        try Self.checkOutcome(results, folder: scratch.url)
        // The files are where the README says: nothing is read from anywhere else.
        #expect(!results.contains { $0.1.stderr.contains("bundled copy") })
    }

    @Test func theQuickStartRunsWithTheInstalledBinaryFromAnEmptyFolder() throws {
        let scratch = try Scratch()
        let files = FileManager.default
        // PREFIX as scripts/install.sh lays it out: bin/workforce and share/workforce/.
        let prefix = scratch.url.appendingPathComponent("prefix")
        let share = prefix.appendingPathComponent("share/workforce")
        try files.createDirectory(at: prefix.appendingPathComponent("bin"), withIntermediateDirectories: true)
        try files.createDirectory(at: share.appendingPathComponent("Surveys"), withIntermediateDirectories: true)
        let binary = prefix.appendingPathComponent("bin/workforce")
        if link(workforceExecutable.path, binary.path) != 0 { try files.copyItem(at: workforceExecutable, to: binary) }
        for folder in ["Surveys/demo", "Surveys/margins", "Surveys/banks", "Frameworks"] {
            try files.createSymbolicLink(at: share.appendingPathComponent(folder), withDestinationURL: repositoryRoot.appendingPathComponent(folder))
        }
        let empty = scratch.url.appendingPathComponent("empty")
        try files.createDirectory(at: empty, withIntermediateDirectories: true)

        let results = try Self.run(in: empty, executable: binary)
        try Self.checkOutcome(results, folder: empty)
        // Each demo file was read from the bundled copy, and the command said so.
        for (example, result) in results where example.arguments.contains(where: { $0.hasPrefix("Surveys/") }) {
            #expect(result.stderr.contains("reading the bundled copy \(share.path)/Surveys/"), "\(example): \(result.stderr.prefix(300))")
        }
        // A demo file that does not exist: the error says where the bundled files are.
        let missing = try runWorkforce(
            ["import", "awareness", "Surveys/demo/no-such-file.csv"], in: empty, environment: ["WORKFORCE_HOME": ""], executable: binary)
        #expect(missing.code == 66)
        #expect(missing.stderr.contains("no such file") && missing.stderr.contains("\(share.path)/Surveys/"), "\(missing.stderr)")
    }
}
