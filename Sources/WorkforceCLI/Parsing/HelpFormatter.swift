import Foundation

/// Writes `--help` text in the layout of swift-argument-parser.
enum HelpFormatter {
    static func help(for path: [CommandSpec]) -> String {
        let command = path[path.count - 1]
        let name = ArgumentParser.commandName(path)
        var out = "OVERVIEW: \(command.abstract)\n"
        if let discussion = command.discussion { out += "\n\(discussion)\n" }
        out += "\nUSAGE: \(usage(for: path))\n"
        if !command.positionals.isEmpty {
            out += "\nARGUMENTS:\n"
            for p in command.positionals {
                let choices = p.choices.map { " (\($0.joined(separator: "|")))" } ?? ""
                out += row("<\(p.name)>" + (p.variadic ? " ..." : ""), p.help + choices)
            }
        }
        if command.subcommands.isEmpty {
            out += "\nOPTIONS:\n"
            for o in command.options + command.tableOptions { out += row(optionLabel(o), o.helpWithDefault) }
            out += row("-h, --help", "Show help information.")
            out += "\nGLOBAL OPTIONS:\n"
            for o in Options.global where !command.options.contains(where: { $0.name == o.name }) {
                out += row(optionLabel(o), o.helpWithDefault)
            }
        } else {
            out += "\nOPTIONS:\n"
            if path.count == 1 {
                for o in Options.global { out += row(optionLabel(o), o.helpWithDefault) }
                out += row("--version", "Show the version and the git revision it was built from.")
            }
            out += row("-h, --help", "Show help information.")
            out += "\nSUBCOMMANDS:\n"
            for sub in command.subcommands { out += row(sub.name, sub.abstract) }
            out += "\n  See '\(name) <subcommand> --help' or 'workforce help \(path.dropFirst().map(\.name).joined(separator: " "))\(path.count > 1 ? " " : "")<subcommand>' for detailed help.\n"
        }
        return out
    }

    /// `--name <value>`, or `--name` for a flag.
    static func optionLabel(_ o: OptionSpec) -> String {
        "--\(o.name)" + (o.valueName.map { " <\($0)>" } ?? "")
    }

    static func usage(for path: [CommandSpec]) -> String {
        let command = path[path.count - 1]
        var parts = [ArgumentParser.commandName(path)]
        if !command.subcommands.isEmpty {
            parts.append("<subcommand>")
            return parts.joined(separator: " ")
        }
        for p in command.positionals {
            var text = p.choices.map { $0.joined(separator: "|") } ?? "<\(p.name)>"
            if p.variadic { text += " ..." }
            parts.append(p.optional ? "[\(text)]" : text)
        }
        for o in command.allOptions {
            parts.append("[\(optionLabel(o))]")
        }
        return parts.joined(separator: " ")
    }

    private static func row(_ left: String, _ right: String) -> String {
        let pad = 26
        if left.count + 2 >= pad { return "  \(left)\n" + String(repeating: " ", count: pad) + right + "\n" }
        return "  " + left.padding(toLength: pad - 2, withPad: " ", startingAt: 0) + right + "\n"
    }
}
