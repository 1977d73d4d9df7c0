/// The manual page workforce(1), in roff (the `man` macros), written from the command
/// declarations: every command with its arguments and options, then the global options, the
/// environment, the exit status and the files the tool reads.
struct ManualPage {
    let root: CommandSpec

    func roff() -> String {
        var out = ".\\\" workforce(1), written by `workforce man` from the command declarations.\n"
        out += ".TH WORKFORCE 1 \"\" \"\(Self.escape(Version.line))\" \"User Commands\"\n"
        out += ".SH NAME\nworkforce \\- \(Self.escape(lowercasedFirst(root.abstract)))\n"
        out += ".SH SYNOPSIS\n.B workforce\n.RI [ global-options ] \" command \" [ arguments \"] [\" options ]\n"
        out += ".br\n.B workforce\n.B \\-\\-version\n"
        out += ".SH DESCRIPTION\n" + paragraphs(root.discussion ?? "")
        out += ".SH COMMANDS\n"
        for (path, spec) in leaves() {
            out += ".SS \"\(Self.escape(path.joined(separator: " ")))\"\n"
            out += ".B \(Self.escape(HelpFormatter.usage(for: specs(path))))\n.PP\n"
            out += Self.escape(spec.abstract) + "\n"
            if let discussion = spec.discussion { out += ".PP\n" + paragraphs(discussion) }
            for p in spec.positionals {
                out += ".TP\n.I \(p.name)\(p.variadic ? " ..." : "")\n" + Self.escape(p.help + (p.choices.map { " One of: \($0.joined(separator: ", "))." } ?? "")) + "\n"
            }
            for o in spec.options { out += option(o) }
        }
        out += ".SH GLOBAL OPTIONS\nEvery command takes these, before or after its name.\n"
        for o in Options.global { out += option(o) }
        out += ".TP\n.B \\-h, \\-\\-help\nShow help for the command.\n"
        out += ".TP\n.B \\-\\-version\nShow the version and the git revision the binary was built from.\n"
        out += """
            .SH ENVIRONMENT
            .TP
            .B WORKFORCE_DB
            The database file when \\fB\\-\\-db\\fR is not given (else \\fIworkforce.sqlite\\fR in the current folder).
            .TP
            .B WORKFORCE_HOME
            The folder holding the bundled data (\\fIFrameworks/\\fR, \\fISurveys/\\fR), when it is neither
            \\fI../share/workforce\\fR beside the binary nor a folder above it.
            .TP
            .B SOURCE_DATE_EPOCH
            The date written into reports, for reproducible output.
            .SH EXIT STATUS
            0 ok; 64 usage error; 65 bad data; 66 missing input; 70 internal error (a figure that is not
            a finite number, never written); 73 cannot create an output;
            74 I/O error (including a full disk while writing standard output); 141 the reader of
            standard output went away (as with \\fBhead\\fR); 1 other.
            .SH FILES
            .TP
            .I PREFIX/share/workforce/
            The frameworks, item banks, census margins and demo data the tool reads
            (\\fBscripts/install.sh\\fR installs them there).
            .SH SEE ALSO
            The README of the workforce repository.

            """
        return out
    }

    /// Every command that runs, with its path ("workforce framework list").
    func leaves() -> [(path: [String], spec: CommandSpec)] {
        var result: [([String], CommandSpec)] = []
        func walk(_ spec: CommandSpec, _ path: [String]) {
            if spec.subcommands.isEmpty { result.append((path, spec)) }
            for sub in spec.subcommands { walk(sub, path + [sub.name]) }
        }
        walk(root, [root.name])
        return result
    }

    private func specs(_ path: [String]) -> [CommandSpec] {
        var specs = [root]
        for name in path.dropFirst() {
            guard let sub = specs[specs.count - 1].subcommands.first(where: { $0.name == name }) else { break }
            specs.append(sub)
        }
        return specs
    }

    private func option(_ o: OptionSpec) -> String {
        let value = o.valueName.map { " \\fI<\(Self.escape($0))>\\fR" } ?? ""
        return ".TP\n.B \\-\\-\(Self.escape(o.name))\(value)\n" + Self.escape(o.helpWithDefault) + "\n"
    }

    /// Text with blank lines as paragraph breaks; the line breaks of the declaration are kept.
    private func paragraphs(_ text: String) -> String {
        text.components(separatedBy: "\n\n").map { paragraph in
            paragraph.split(separator: "\n", omittingEmptySubsequences: false).map { Self.escape(String($0)) }.joined(separator: "\n")
        }.joined(separator: "\n.PP\n") + "\n"
    }

    private func lowercasedFirst(_ text: String) -> String {
        text.prefix(1).lowercased() + text.dropFirst()
    }

    /// roff text: backslashes as `\e`, hyphens as `\-` (so they copy as ASCII), and a line that
    /// would start with `.` or `'` (a request) protected with `\&`.
    static func escape(_ text: String) -> String {
        var out = text.replacingOccurrences(of: "\\", with: "\\e").replacingOccurrences(of: "-", with: "\\-")
        if out.hasPrefix(".") || out.hasPrefix("'") { out = "\\&" + out }
        return out
    }
}
