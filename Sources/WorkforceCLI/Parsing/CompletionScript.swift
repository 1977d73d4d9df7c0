/// Shell completion scripts written from the command declarations: subcommands, options, the
/// choices of an option or positional, files where a value is a path.
///
/// Each script walks the words typed so far through the same tree (skipping option values) to
/// the command being completed, then offers that command's words.
struct CompletionScript {
    let root: CommandSpec

    /// One command of the tree: its key ("workforce framework list") and declaration.
    struct Node {
        var key: String
        var spec: CommandSpec
    }

    var nodes: [Node] {
        var result: [Node] = []
        func walk(_ spec: CommandSpec, _ key: String) {
            result.append(Node(key: key, spec: spec))
            for sub in spec.subcommands { walk(sub, key + " " + sub.name) }
        }
        walk(root, root.name)
        return result
    }

    /// The options of a node, as completion offers them (a group takes the global ones).
    func options(_ node: Node) -> [OptionSpec] {
        node.spec.subcommands.isEmpty ? node.spec.allOptions : Options.global
    }

    /// The words offered at a node: subcommands, positional choices, options.
    func words(_ node: Node) -> [String] {
        var words = node.spec.subcommands.map(\.name)
        for p in node.spec.positionals { words += p.choices ?? [] }
        words += options(node).map { "--" + $0.name } + ["--help"]
        if node.spec.name == root.name { words.append("--version") }
        return words
    }

    enum ValueKind { case none, choices([String]), files, folders }

    /// What completes the value of `option`: its choices, files (a file or path), folders.
    static func valueKind(_ option: OptionSpec) -> ValueKind {
        if let choices = option.choices { return .choices(choices) }
        switch option.valueName {
        case "file", "path", "name-or-path": return .files
        case "dir": return .folders
        default: return .none
        }
    }

    /// Whether a node's positional is a file.
    static func takesFiles(_ spec: CommandSpec) -> Bool {
        spec.positionals.contains { $0.name == "file" || $0.name == "path" }
    }

    // MARK: bash

    func bash() -> String {
        var walk = "", values = "", nodeWords = ""
        for node in nodes {
            for sub in node.spec.subcommands {
                walk += "            '\(node.key)|\(sub.name)') node='\(node.key) \(sub.name)' ;;\n"
            }
            for option in options(node) where option.valueName != nil {
                walk += "            '\(node.key)|--\(option.name)') ((i += \(option.valueCount))) ;;\n"
                let reply: String
                switch Self.valueKind(option) {
                case .choices(let choices): reply = "COMPREPLY=($(compgen -W '\(choices.joined(separator: " "))' -- \"$cur\"))"
                case .files: reply = "COMPREPLY=($(compgen -f -- \"$cur\"))"
                case .folders: reply = "COMPREPLY=($(compgen -d -- \"$cur\"))"
                case .none: reply = "COMPREPLY=()"
                }
                values += "        '\(node.key)|--\(option.name)') \(reply); return ;;\n"
            }
            nodeWords += "        '\(node.key)') words='\(words(node).joined(separator: " "))'"
            if Self.takesFiles(node.spec) { nodeWords += "; files=1" }
            nodeWords += " ;;\n"
        }
        return """
            # bash completion for workforce, written by `workforce completion bash`.
            # Use: source <(workforce completion bash)
            _workforce() {
                local cur="${COMP_WORDS[COMP_CWORD]}" prev="${COMP_WORDS[COMP_CWORD-1]}" node=workforce i words='' files=0
                for ((i = 1; i < COMP_CWORD; i++)); do
                    case "$node|${COMP_WORDS[i]}" in
            \(walk)        esac
                done
                case "$node|$prev" in
            \(values)    esac
                case "$node" in
            \(nodeWords)    esac
                COMPREPLY=($(compgen -W "$words" -- "$cur"))
                if [[ $files == 1 && $cur != -* ]]; then COMPREPLY+=($(compgen -f -- "$cur")); fi
            }
            complete -o filenames -F _workforce workforce

            """
    }

    // MARK: zsh

    func zsh() -> String {
        var walk = "", values = "", nodeWords = ""
        for node in nodes {
            for sub in node.spec.subcommands {
                walk += "            '\(node.key)|\(sub.name)') node='\(node.key) \(sub.name)' ;;\n"
            }
            for option in options(node) where option.valueName != nil {
                walk += "            '\(node.key)|--\(option.name)') (( i += \(option.valueCount) )) ;;\n"
                let reply: String
                switch Self.valueKind(option) {
                case .choices(let choices): reply = "compadd -- \(choices.joined(separator: " "))"
                case .files: reply = "_files"
                case .folders: reply = "_files -/"
                case .none: reply = ":"
                }
                values += "        '\(node.key)|--\(option.name)') \(reply); return ;;\n"
            }
            nodeWords += "        '\(node.key)') list=(\(words(node).joined(separator: " ")))"
            if Self.takesFiles(node.spec) { nodeWords += "; files=1" }
            nodeWords += " ;;\n"
        }
        return """
            #compdef workforce
            # zsh completion for workforce, written by `workforce completion zsh`.
            # Use: save as _workforce in a folder of $fpath, then run compinit.
            _workforce() {
                local node=workforce i files=0
                local -a list
                for (( i = 2; i < CURRENT; i++ )); do
                    case "$node|${words[i]}" in
            \(walk)        esac
                done
                case "$node|${words[CURRENT-1]}" in
            \(values)    esac
                case "$node" in
            \(nodeWords)    esac
                compadd -- $list
                if [[ $files == 1 && ${words[CURRENT]} != -* ]]; then _files; fi
            }
            if [[ $zsh_eval_context[-1] == loadautofunc ]]; then _workforce "$@"; else compdef _workforce workforce; fi

            """
    }

    // MARK: fish

    func fish() -> String {
        func quoted(_ text: String) -> String {
            "'" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'") + "'"
        }
        var walk = "", lines = ""
        for node in nodes {
            let condition = "-n \(quoted("__workforce_at '\(node.key)'"))"
            for sub in node.spec.subcommands {
                walk += "            case '\(node.key)|\(sub.name)'\n                set node '\(node.key) \(sub.name)'\n"
                lines += "complete -c workforce \(condition) -a \(sub.name) -d \(quoted(sub.abstract))\n"
            }
            for option in options(node) {
                if option.valueName != nil {
                    walk += "            case '\(node.key)|--\(option.name)'\n                set skip \(option.valueCount)\n"
                }
                var line = "complete -c workforce \(condition) -l \(option.name)"
                switch (option.valueName, Self.valueKind(option)) {
                case (nil, _): break
                case (_, .choices(let choices)): line += " -x -a \(quoted(choices.joined(separator: " ")))"
                case (_, .files), (_, .folders): line += " -r -F"
                case (_, .none): line += " -x"
                }
                lines += line + " -d \(quoted(option.help))\n"
            }
            for p in node.spec.positionals {
                if let choices = p.choices { lines += "complete -c workforce \(condition) -a \(quoted(choices.joined(separator: " "))) -d \(quoted(p.help))\n" }
            }
            if Self.takesFiles(node.spec) { lines += "complete -c workforce \(condition) -F\n" }
        }
        return """
            # fish completion for workforce, written by `workforce completion fish`.
            # Use: workforce completion fish > ~/.config/fish/completions/workforce.fish
            function __workforce_node
                set -l node workforce
                set -l skip 0
                for word in (commandline -opc)[2..-1]
                    if test $skip -gt 0
                        set skip (math $skip - 1)
                        continue
                    end
                    switch "$node|$word"
            \(walk)        end
                end
                echo $node
            end
            function __workforce_at
                test (__workforce_node) = $argv[1]
            end
            complete -c workforce -f
            complete -c workforce -n "__workforce_at workforce" -l version -d 'Show the version and the git revision it was built from.'
            \(lines)
            """
    }
}
