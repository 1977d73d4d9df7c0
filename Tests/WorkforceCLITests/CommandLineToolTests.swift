import Foundation
import Testing
@testable import WorkforceCLI

/// What people expect of a command-line tool: --version with the commit it was built from,
/// `help COMMAND`, shell completion, a manual page, global options everywhere, words without
/// quotes, a JSON import summary.
@Suite struct CommandLineToolTests {
    /// Standard output is written in pieces of at most 64 KiB, every byte once and in order,
    /// whatever the sizes handed to it.
    @Test func theOutputIsWrittenWholeInPieces() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("pieces-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: url) }
        let descriptor = open(url.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        #expect(descriptor >= 0)
        let output = DescriptorOutput(descriptor: descriptor)
        var expected: [UInt8] = []
        for size in [0, 1, DescriptorOutput.pieceBytes - 1, DescriptorOutput.pieceBytes, 3 * DescriptorOutput.pieceBytes + 17] {
            let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ size) }
            output.write(bytes)
            expected += bytes
        }
        close(descriptor)
        #expect(output.failure == nil)
        #expect(Array(try Data(contentsOf: url)) == expected)
    }

    /// Runs a program and returns its standard output.
    static func output(_ executable: String, _ arguments: [String], in directory: URL = repositoryRoot) throws -> (code: Int32, text: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test func versionNamesTheCommitItWasBuiltFrom() throws {
        let head = try Self.output("/usr/bin/git", ["rev-parse", "HEAD"]).text.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(head.count == 40)
        let result = try runWorkforce(["--version"], in: repositoryRoot)
        #expect(result.code == 0)
        #expect(result.stdout.hasPrefix("workforce \(Version.number) (git \(head)"), "\(result.stdout)")
        // Anywhere on the line, as --help.
        #expect(runInProcess(["framework", "list", "--version"]).stdout == Version.line + "\n")
    }

    @Test(arguments: [["framework", "list"], ["gaps"], ["completion"], []])
    func helpCommandIsTheCommandsHelp(_ path: [String]) {
        let help = runInProcess(["help"] + path)
        #expect(help.code == 0)
        #expect(help.stdout == runInProcess(path + ["--help"]).stdout)
    }

    @Test func helpForAnUnknownCommandSaysWhich() {
        let result = runInProcess(["help", "framework", "lisst"])
        #expect(result.code == 64)
        #expect(result.stderr.contains("no command \"lisst\" in `workforce framework`; expected one of list, show, search, import"))
    }

    @Test func defaultsAreShownInHelpFromTheirDeclaration() {
        #expect(runInProcess(["courses", "suggest", "--help"]).stdout.contains("At most this many results (default: 25)."))
        #expect(runInProcess(["report", "--help"]).stdout.contains("(default: Reports/latest)."))
        let gaps = runInProcess(["gaps", "--help"]).stdout
        #expect(gaps.contains("Coverage an offering needs to prepare for a role, 0 to 1 (default: 0.5)."))
        #expect(gaps.contains("(default: medium)."))
        #expect(runInProcess(["sample-size", "--help"]).stdout.contains("The chance of detecting the effect (default: 0.8)."))
        // No default is written twice (once by hand in the help text, once from the declaration).
        for path in ArgumentTests.allPaths {
            let help = runInProcess(path + ["--help"]).stdout
            for line in help.split(separator: "\n") {
                #expect(line.components(separatedBy: "(default").count <= 2, "\(path): \(line)")
            }
        }
    }

    /// Completes `line` (the last word being typed) with the bash script.
    static func bashComplete(_ words: [String]) throws -> [String] {
        let scratch = try Scratch()
        let script = scratch.path("workforce.bash")
        try Data(runInProcess(["completion", "bash"]).stdout.utf8).write(to: URL(fileURLWithPath: script))
        let array = words.map { "'\($0)'" }.joined(separator: " ")
        let command = "source '\(script)'; COMP_WORDS=(\(array)); COMP_CWORD=\(words.count - 1); _workforce; printf '%s\\n' \"${COMPREPLY[@]}\""
        let result = try output("/bin/bash", ["-c", command], in: scratch.url)
        #expect(result.code == 0)
        return result.text.split(separator: "\n").map(String.init)
    }

    @Test func bashCompletesSubcommandsOptionsAndChoices() throws {
        #expect(try Self.bashComplete(["workforce", "fra"]) == ["framework", "frame", "frames"])
        #expect(try Self.bashComplete(["workforce", "framew"]) == ["framework"])
        #expect(try Self.bashComplete(["workforce", "framework", "l"]) == ["list"])
        #expect(try Self.bashComplete(["workforce", "framework", "list", "k"]) == ["ksas"])
        #expect(try Self.bashComplete(["workforce", "--db", "x.sqlite", "gaps", "--hor"]) == ["--horizon"])
        #expect(try Self.bashComplete(["workforce", "gaps", "--by", "ro"]) == ["role"])
        #expect(try Self.bashComplete(["workforce", "gaps", "--format", "j"]) == ["json"])
        // The two values of --compare are skipped.
        #expect(try Self.bashComplete(["workforce", "awareness", "--compare", "baseline", "followup-1", "--ind"]) == ["--indicator"])
        #expect(try Self.bashComplete(["workforce", "completion", "f"]) == ["fish"])
    }

    @Test(arguments: ["zsh", "fish"])
    func otherShellsGetAScriptOfTheSameTree(_ shell: String) {
        let script = runInProcess(["completion", shell]).stdout
        for name in ["framework list", "courses covering", "sample-size"] { #expect(script.contains("workforce \(name)"), "\(name)") }
        #expect(script.contains("table csv json md"))
    }

    @Test func theManualPageHasEveryCommandAndOption() {
        let page = runInProcess(["man"]).stdout
        #expect(page.hasPrefix(".\\\" workforce(1)"))
        #expect(page.contains(".TH WORKFORCE 1"))
        for (path, spec) in ManualPage(root: WorkforceCLI.root).leaves() {
            #expect(page.contains(".SS \"\(path.joined(separator: " ").replacingOccurrences(of: "-", with: "\\-"))\""), "\(path)")
            for option in spec.options { #expect(page.contains(".B \\-\\-\(option.name.replacingOccurrences(of: "-", with: "\\-"))"), "\(option.name)") }
        }
        // No text line is taken for a request.
        for line in page.split(separator: "\n") where line.hasPrefix("'") { Issue.record("line starts with ': \(line)") }
    }

    @Test func everyCommandAcceptsTheGlobalOptions() throws {
        for path in ArgumentTests.allPaths {
            var spec = WorkforceCLI.root
            for name in path { spec = try #require(spec.subcommands.first { $0.name == name }) }
            guard spec.subcommands.isEmpty else { continue }
            for option in ["--db", "--format"] {
                #expect(spec.allOptions.contains { "--" + $0.name == option }, "\(path) \(option)")
            }
        }
        let result = runInProcess(["sample-size", "--margin", "0.05", "--db", "/nonexistent.sqlite", "--format", "json"])
        #expect(result.code == 0, "\(result.stderr)")
        #expect(try jsonRows(result.stdout).first?["respondents"] as? Int == 385)
    }

    @Test func searchTakesWordsWithoutQuotes() throws {
        let database = try TestDatabase()
        let unquoted = try database.run(["framework", "search", "incident", "response", "--format", "json"])
        let quoted = try database.run(["framework", "search", "incident response", "--format", "json"])
        #expect(unquoted.code == 0, "\(unquoted.stderr)")
        #expect(unquoted.stdout == quoted.stdout)
        #expect(try jsonRows(unquoted.stdout).count > 3)
    }

    @Test func importPrintsItsSummaryAsJSON() throws {
        let database = try TestDatabase(surveys: ["employer"])
        let file = repositoryRoot.appendingPathComponent("Surveys/demo/employers-kobotoolbox.csv").path
        let result = try database.run(["import", "employer", file, "--format", "json"])
        #expect(result.code == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["batch_id"] as? Int == 1)
        #expect(object["dialect"] as? String == "kobotoolbox")
        let read = try #require(object["rows_read"] as? Int)
        #expect(read > 0 && object["imported"] as? Int == read - (object["quarantined"] as? Int ?? 0))
        #expect(object["problems"] is [Any])
    }
}
