import Foundation
import WorkforceKit

/// The `workforce` command line: parses arguments, runs the command, maps errors to sysexits codes.
public enum WorkforceCLI {
    /// The tree of commands.
    static let root: CommandSpec = CommandSpec(
        name: "workforce",
        abstract: "Measure a national cybersecurity workforce against the NICE Framework and close the gaps.",
        discussion: """
            Generates workforce and awareness questionnaires, imports their answers into one SQLite
            database, and reports skill gaps. Exit codes follow sysexits: 0 ok, 64 usage,
            65 bad data, 66 missing input, 70 internal error (a figure that is not a finite
            number, never written), 73/74 cannot write or I/O error (a full disk), 141 the
            reader of the output went away (`| head`), 1 other. `workforce help COMMAND` shows a
            command's help; `workforce completion bash|zsh|fish` and `workforce man` write the
            shell completion and the manual page.
            """,
        subcommands: [
            InitCommand.spec, FrameworkCommands.spec, SurveyCommand.spec, SurveyCommand.instrumentsSpec, ImportCommands.importSpec,
            ImportCommands.importsSpec, ResponsesCommand.spec, AwarenessCommands.awarenessSpec,
            AwarenessCommands.sampleSizeSpec, DesignCommands.spec, CampaignCommands.spec, WeightingCommands.frameSpec, WeightingCommands.marginsSpec, WeightingCommands.framesSpec,
            CatalogCommands.catalogSpec, CatalogCommands.coursesSpec, GapsCommand.spec,
            PlanCommand.spec, ReportCommands.reportSpec, ReportCommands.demoSpec, PurgeCommand.spec,
            TranslationsCommand.spec,
            HelpCommands.helpSpec, HelpCommands.completionSpec, HelpCommands.manSpec,
        ],
        usesDatabase: false)

    /// Runs the command line `arguments` (without the program name) and returns the exit code.
    public static func run(
        _ arguments: [String], environment: [String: String] = ProcessInfo.processInfo.environment,
        io: CommandIO = .standard
    ) -> Int32 {
        let (code, committed) = runCommand(arguments, environment: environment, io: io)
        guard let failure = io.outFailure() else { return code }
        // A command that stored its data succeeded: an output error after the commit is a
        // warning with exit 0, never a failure that invites a rerun (which would store it twice).
        if committed && code == ExitCode.ok.rawValue {
            if !failure.isClosedPipe {
                io.err("warning: \(terminalSafe(failure.message)); the data was stored (the change is committed), do not run the command again\n")
            }
            return ExitCode.ok.rawValue
        }
        // A reader that went away (`| head -1`) ends the command quietly, as coreutils do; any
        // other write error (a full disk) is an I/O error naming where the output went.
        if failure.isClosedPipe { return code == ExitCode.ok.rawValue ? failure.exitCode : code }
        io.err("error: \(terminalSafe(failure.message))\n")
        return failure.exitCode
    }

    private static func runCommand(_ arguments: [String], environment: [String: String], io: CommandIO) -> (Int32, committed: Bool) {
        var record: RunRecord?
        let code = runCommand(arguments, environment: environment, io: io, record: &record)
        return (code, record?.committed ?? false)
    }

    private static func runCommand(_ arguments: [String], environment: [String: String], io: CommandIO, record: inout RunRecord?) -> Int32 {
        let parsed: ParsedCommandLine
        do {
            parsed = try ArgumentParser.parse(arguments, root: root)
        } catch {
            io.err("error: \(terminalSafe(error.description))\n")
            io.err("usage: \(HelpFormatter.usage(for: pathFor(arguments)))\n")
            return ExitCode.usage.rawValue
        }
        if parsed.versionRequested && !parsed.helpRequested {
            io.out(Version.line + "\n")
            return ExitCode.ok.rawValue
        }
        if parsed.helpRequested {
            io.out(HelpFormatter.help(for: parsed.path))
            return ExitCode.ok.rawValue
        }
        guard let run = parsed.command.run else {
            // A group named without a subcommand: its help, on standard error, as a usage error.
            io.err(HelpFormatter.help(for: parsed.path))
            return ExitCode.usage.rawValue
        }
        let invocation = Invocation(parsed: parsed, environment: environment, io: io)
        record = invocation.record
        do {
            try run(invocation)
            return ExitCode.ok.rawValue
        } catch let error as WorkforceError {
            io.err("error: \(terminalSafe(error.description))\n")
            if case .usage = error { io.err("usage: \(HelpFormatter.usage(for: parsed.path))\n") }
            return error.exitCode.rawValue
        } catch {
            io.err("error: \(terminalSafe("\(error)"))\n")
            return ExitCode.failure.rawValue
        }
    }

    /// The deepest command that `arguments` names, for a usage line after a parse error.
    private static func pathFor(_ arguments: [String]) -> [CommandSpec] {
        var path = [root]
        for argument in arguments {
            guard let sub = path[path.count - 1].subcommands.first(where: { $0.name == argument }) else { break }
            path.append(sub)
        }
        return path
    }

    /// Entry point for the executable.
    public static func main() -> Never {
        signal(SIGPIPE, SIG_IGN)
        exit(run(Array(CommandLine.arguments.dropFirst())))
    }
}
