import Testing
@testable import WorkforceCLI

@Suite struct ArgumentTests {
    /// Every command path in the tree, e.g. ["framework", "list"].
    static let allPaths: [[String]] = {
        var paths: [[String]] = [[]]
        func walk(_ spec: CommandSpec, _ prefix: [String]) {
            for sub in spec.subcommands {
                paths.append(prefix + [sub.name])
                walk(sub, prefix + [sub.name])
            }
        }
        walk(WorkforceCLI.root, [])
        return paths
    }()

    @Test(arguments: allPaths)
    func everyCommandHasHelp(_ path: [String]) {
        let result = runInProcess(path + ["--help"])
        #expect(result.code == 0)
        #expect(result.stdout.contains("OVERVIEW:"))
        #expect(result.stdout.contains("USAGE: " + (["workforce"] + path).joined(separator: " ")))
    }

    @Test(arguments: [
        (["frobnicate"], "unknown command \"frobnicate\""),
        (["framework", "list"], "needs <what>"),
        (["framework", "list", "widgets"], "\"widgets\" is not one of"),
        (["framework", "list", "roles", "--formt", "json"], "did you mean --format?"),
        (["framework", "list", "roles", "--format", "xml"], "\"xml\" is not one of table, csv, json, md"),
        (["framework", "list", "roles", "--db"], "--db needs a value"),
        (["framework", "show", "A", "B"], "unexpected argument \"B\""),
        (["init", "--replace"], "unknown option --replace"),
        // A value of the wrong type is a usage error named by the parser, before the database is opened.
        (["framework", "search", "x", "--limit", "0", "--db", "/nonexistent/none.sqlite"], "--limit \"0\" is not a whole number from 1"),
        (["framework", "search", "x", "--db", "/nonexistent/none.sqlite"], "no database here"),
    ])
    func usageErrorsSayWhatIsWrong(_ arguments: [String], _ message: String) {
        let result = runInProcess(arguments)
        #expect(result.code == (message == "no database here" ? 66 : 64))
        #expect(result.stderr.contains(message), "\(result.stderr)")
    }

    @Test func optionsMayComeBeforeTheSubcommandOrWithEquals() throws {
        let parsed = try ArgumentParser.parse(
            ["--db", "a.sqlite", "framework", "list", "--format=json", "roles"], root: WorkforceCLI.root)
        #expect(parsed.path.map(\.name) == ["workforce", "framework", "list"])
        #expect(parsed.values == ["db": "a.sqlite", "format": "json"])
        #expect(parsed.positionals == ["roles"])
    }

    @Test func doubleDashEndsOptions() throws {
        let parsed = try ArgumentParser.parse(["framework", "search", "--", "--weird"], root: WorkforceCLI.root)
        #expect(parsed.positionals == ["--weird"])
    }

    @Test func aGroupWithoutASubcommandPrintsHelpAndFails() {
        let result = runInProcess(["framework"])
        #expect(result.code == 64)
        #expect(result.stdout.contains("SUBCOMMANDS:") || result.stderr.contains("SUBCOMMANDS:"))
    }
}
