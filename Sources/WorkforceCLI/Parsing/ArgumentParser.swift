import WorkforceKit

/// The command line after parsing: which command, its option values, flags and positionals.
struct ParsedCommandLine {
    var path: [CommandSpec]
    var values: [String: String] = [:]
    var flags: Set<String> = []
    var positionals: [String] = []
    var helpRequested = false
    var versionRequested = false

    var command: CommandSpec { path[path.count - 1] }
}

/// A small parser in the manner of swift-argument-parser: subcommands first, then options
/// (`--name value` or `--name=value`) and positionals in any order; `--` ends options.
enum ArgumentParser {
    /// Parses `arguments` (without the program name) against `root`.
    ///
    /// - Throws: ``WorkforceError/usage(_:)`` naming the wrong argument and what was expected.
    static func parse(_ arguments: [String], root: CommandSpec) throws(WorkforceError) -> ParsedCommandLine {
        var parsed = ParsedCommandLine(path: [root])
        var index = 0
        var onlyPositionals = false
        // Options given before the subcommand (e.g. `workforce --db x framework list roles`).
        var early: [(String, String?)] = []
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if !onlyPositionals, argument == "--" {
                onlyPositionals = true
                continue
            }
            if !onlyPositionals, argument == "--help" || argument == "-h" {
                parsed.helpRequested = true
                continue
            }
            if !onlyPositionals, argument == "--version" {
                parsed.versionRequested = true
                continue
            }
            if !onlyPositionals, argument.hasPrefix("--") {
                let body = argument.dropFirst(2)
                let name = String(body.prefix { $0 != "=" })
                let inline = body.contains("=") ? String(body.drop { $0 != "=" }.dropFirst()) : nil
                let known = parsed.command.allOptions.first { $0.name == name }
                    ?? Options.global.first { $0.name == name && !parsed.command.subcommands.isEmpty }
                guard let option = known else {
                    throw .usage("unknown option --\(name) for `\(commandName(parsed.path))`" + suggestion(name, parsed.command))
                }
                if option.valueName == nil {
                    guard inline == nil else { throw .usage("--\(name) takes no value") }
                    if parsed.command.subcommands.isEmpty { parsed.flags.insert(name) } else { early.append((name, nil)) }
                    continue
                }
                var values: [String] = inline.map { [$0] } ?? []
                while values.count < option.valueCount {
                    guard index < arguments.count, !(values.count > 0 && arguments[index].hasPrefix("--")) else {
                        throw .usage("--\(name) needs \(option.valueCount == 1 ? "a value" : "\(option.valueCount) values") <\(option.valueName ?? "value")>")
                    }
                    values.append(arguments[index])
                    index += 1
                }
                let value = values.joined(separator: "\n")
                if let choices = option.choices, !choices.contains(value) {
                    throw .usage("--\(name) \"\(value)\" is not one of \(choices.joined(separator: ", "))")
                }
                if let expected = option.check?(value) {
                    throw .usage("--\(name) \"\(value)\" is not \(expected)")
                }
                if parsed.command.subcommands.isEmpty {
                    if option.repeatable, let earlier = parsed.values[name] {
                        parsed.values[name] = earlier + OptionSpec.repeatSeparator + value
                    } else {
                        parsed.values[name] = value
                    }
                } else {
                    early.append((name, value))
                }
                continue
            }
            if parsed.positionals.isEmpty, !onlyPositionals,
                let sub = parsed.command.subcommands.first(where: { $0.name == argument })
            {
                parsed.path.append(sub)
                continue
            }
            if !parsed.command.subcommands.isEmpty {
                if parsed.helpRequested { continue }
                let names = parsed.command.subcommands.map(\.name).joined(separator: ", ")
                throw .usage("unknown command \"\(argument)\" for `\(commandName(parsed.path))`; expected one of \(names)")
            }
            parsed.positionals.append(argument)
        }
        for (name, value) in early {
            guard parsed.command.allOptions.contains(where: { $0.name == name }) else {
                throw .usage("`\(commandName(parsed.path))` does not take --\(name)")
            }
            if let value { parsed.values[name] = parsed.values[name] ?? value } else { parsed.flags.insert(name) }
        }
        if parsed.helpRequested || parsed.versionRequested || parsed.command.run == nil { return parsed }
        try checkPositionals(&parsed)
        return parsed
    }

    private static func checkPositionals(_ parsed: inout ParsedCommandLine) throws(WorkforceError) {
        let specs = parsed.command.positionals
        let name = commandName(parsed.path)
        if let last = specs.last, last.variadic, parsed.positionals.count > specs.count {
            // The remaining words are the last argument's: `framework search incident response`.
            let words = parsed.positionals[(specs.count - 1)...].joined(separator: " ")
            parsed.positionals = Array(parsed.positionals.prefix(specs.count - 1)) + [words]
        }
        if parsed.positionals.count > specs.count {
            throw .usage("unexpected argument \"\(parsed.positionals[specs.count])\" for `\(name)`")
        }
        for (i, spec) in specs.enumerated() {
            guard i < parsed.positionals.count else {
                if spec.optional { continue }
                let hint = spec.choices.map { ": one of \($0.joined(separator: ", "))" } ?? ""
                throw .usage("`\(name)` needs <\(spec.name)>\(hint)")
            }
            if let choices = spec.choices, !choices.contains(parsed.positionals[i]) {
                throw .usage("<\(spec.name)> \"\(parsed.positionals[i])\" is not one of \(choices.joined(separator: ", "))")
            }
        }
    }

    static func commandName(_ path: [CommandSpec]) -> String {
        path.map(\.name).joined(separator: " ")
    }

    private static func suggestion(_ name: String, _ command: CommandSpec) -> String {
        let names = command.allOptions.map(\.name)
        guard let close = names.min(by: { editDistance($0, name) < editDistance($1, name) }),
            editDistance(close, name) <= 2
        else { return "; see --help" }
        return "; did you mean --\(close)?"
    }

    private static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        var row = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var previous = row[0]
            row[0] = i
            for j in 1...max(b.count, 1) where !b.isEmpty {
                let current = row[j]
                row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
                previous = current
            }
        }
        return row[b.count]
    }
}
