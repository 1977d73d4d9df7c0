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
                out += row("<\(p.name)>", p.help + choices)
            }
        }
        if command.subcommands.isEmpty {
            out += "\nOPTIONS:\n"
            for o in command.allOptions {
                out += row("--\(o.name)" + (o.valueName.map { " <\($0)>" } ?? ""), o.help)
            }
            out += row("-h, --help", "Show help information.")
        } else {
            out += "\nOPTIONS:\n" + row("-h, --help", "Show help information.")
            out += "\nSUBCOMMANDS:\n"
            for sub in command.subcommands { out += row(sub.name, sub.abstract) }
            out += "\n  See '\(name) <subcommand> --help' for detailed help.\n"
        }
        return out
    }

    static func usage(for path: [CommandSpec]) -> String {
        let command = path[path.count - 1]
        var parts = [ArgumentParser.commandName(path)]
        if !command.subcommands.isEmpty {
            parts.append("<subcommand>")
            return parts.joined(separator: " ")
        }
        for p in command.positionals {
            let text = p.choices.map { $0.joined(separator: "|") } ?? "<\(p.name)>"
            parts.append(p.optional ? "[\(text)]" : text)
        }
        for o in command.allOptions {
            parts.append("[--\(o.name)" + (o.valueName.map { " <\($0)>" } ?? "") + "]")
        }
        return parts.joined(separator: " ")
    }

    private static func row(_ left: String, _ right: String) -> String {
        let pad = 26
        if left.count + 2 >= pad { return "  \(left)\n" + String(repeating: " ", count: pad) + right + "\n" }
        return "  " + left.padding(toLength: pad - 2, withPad: " ", startingAt: 0) + right + "\n"
    }
}
