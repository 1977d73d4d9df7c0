import WorkforceKit

/// `workforce help [COMMAND...]`, `workforce completion bash|zsh|fish` and `workforce man`:
/// each written from the same command declarations as the parser reads.
enum HelpCommands {
    static let helpSpec: CommandSpec = CommandSpec(
        name: "help",
        abstract: "Show help for a command: `workforce help framework list` is `workforce framework list --help`.",
        positionals: [PositionalSpec(name: "command", help: "The command, with its subcommands.", optional: true, variadic: true)],
        usesDatabase: false,
        run: { invocation in
            var path = [WorkforceCLI.root]
            for word in (invocation.positional(0) ?? "").split(separator: " ").map(String.init) {
                guard let sub = path[path.count - 1].subcommands.first(where: { $0.name == word }) else {
                    let names = path[path.count - 1].subcommands.map(\.name).joined(separator: ", ")
                    throw WorkforceError.usage(
                        "no command \"\(word)\" in `\(ArgumentParser.commandName(path))`" + (names.isEmpty ? "" : "; expected one of \(names)"))
                }
                path.append(sub)
            }
            invocation.io.out(HelpFormatter.help(for: path))
        })

    enum Shell: String, CaseIterable, Sendable {
        case bash, zsh, fish
    }
    static let shell = TypedPositional<Shell>("shell", "The shell to write the completion script for.")

    static let completionSpec: CommandSpec = CommandSpec(
        name: "completion",
        abstract: "Write the shell completion script for bash, zsh or fish.",
        discussion: """
            bash: `source <(workforce completion bash)`, or save it as
            ~/.local/share/bash-completion/completions/workforce.
            zsh: save it as _workforce in a folder of $fpath (e.g. ~/.zfunc, with fpath+=~/.zfunc
            before compinit in ~/.zshrc).
            fish: `workforce completion fish > ~/.config/fish/completions/workforce.fish`.
            """,
        positionals: [shell.spec],
        usesDatabase: false,
        run: { invocation in
            let script = CompletionScript(root: WorkforceCLI.root)
            switch invocation[shell] ?? .bash {
            case .bash: invocation.io.out(script.bash())
            case .zsh: invocation.io.out(script.zsh())
            case .fish: invocation.io.out(script.fish())
            }
        })

    static let manSpec: CommandSpec = CommandSpec(
        name: "man",
        abstract: "Write the manual page workforce(1) in roff: `workforce man | man -l -`.",
        discussion: "scripts/install.sh installs it as PREFIX/share/man/man1/workforce.1.",
        usesDatabase: false,
        run: { invocation in invocation.io.out(ManualPage(root: WorkforceCLI.root).roff()) })
}
