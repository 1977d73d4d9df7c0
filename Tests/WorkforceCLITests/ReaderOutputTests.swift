import Foundation
import Testing
import WorkforceKit

/// What readers see (the demo's report in HTML and Markdown, every command's `table` and `md`
/// output) carries no machine names and no unrounded people counts; what machines read (CSV)
/// carries no float noise; every column any table has reads in words.
@Suite(.serialized) struct ReaderOutputTests {
    /// The demo's database and report, made once for the suite.
    static let demo: Result<(scratch: Scratch, db: String, out: URL), any Error> = Result {
        let scratch = try Scratch()
        let out = scratch.url.appendingPathComponent("demo")
        let db = scratch.path("demo.sqlite")
        let result = try runWorkforce(["demo", "--out", out.path, "--db", db], in: scratch.url)
        guard result.code == 0 else { throw TestFailure("demo failed: \(result.stderr)") }
        return (scratch, db, out)
    }

    /// Every command that prints a result table, on the demo's database (weighted to its frame
    /// where the command takes one).
    static func commands() -> [[String]] {
        let frame = repositoryRoot.appendingPathComponent("Surveys/demo/frame.csv").path
        let weighted: [[String]] = [
            ["gaps"], ["gaps", "--by", "ksa"], ["gaps", "--by", "area"], ["gaps", "--by", "category"], ["gaps", "--by", "sector"],
            ["gaps", "--by", "district"], ["gaps", "--by", "size"], ["gaps", "--by", "capability"], ["gaps", "--by", "lacking"],
            ["gaps", "--by", "proficiency"], ["gaps", "--by", "total"], ["gaps", "--sensitivity"], ["gaps", "--compare", "baseline", "2027"],
            ["plan"], ["plan", "--by", "role"], ["plan", "--cases"], ["sample-size", "employer"],
        ].map { $0 + ["--frame", frame] }
        return weighted + [
            ["awareness", "--by", "district,group"], ["awareness", "--compare", "baseline", "followup-1"], ["awareness", "--contrast", "group"],
            ["sample-size", "--margin", "0.05"], ["catalog"], ["courses", "uncovered"], ["courses", "covering", "K0001"], ["courses", "matrix"],
            ["courses", "suggest", "--title", "Incident response"], ["instruments"], ["imports"], ["frames"], ["translations"], ["framework", "list", "roles"],
            ["framework", "list", "frameworks"], ["framework", "list", "areas"], ["framework", "show", "PR-CIR-001"], ["framework", "show", "K0001"],
            ["framework", "search", "incident"],
        ]
    }

    static func run(_ arguments: [String], _ format: String) throws -> String {
        let (scratch, db, _) = try demo.get()
        let result = try runWorkforce(arguments + ["--db", db, "--format", format], in: scratch.url)
        guard result.code == 0 else { throw TestFailure("\(arguments) failed: \(result.stderr)") }
        return result.stdout
    }

    static func reportTables() throws -> [URL] {
        let folder = try demo.get().out.appendingPathComponent("tables")
        return try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted().map { folder.appendingPathComponent($0) }
    }

    /// Words joined by an underscore ("role_id", "orange_walk"): a machine name in running text.
    static func machineNames(_ text: String) -> [String] {
        matches(of: "[A-Za-z0-9]+_[A-Za-z0-9_]*[A-Za-z0-9]", in: text)
    }

    static func matches(of pattern: String, in text: String) -> [String] {
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return [] }
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { Range($0.range, in: text).map { String(text[$0]) } }
    }

    /// The page's running text: tags, styles, ids (`<td class="id">`) and code (formulas,
    /// file names) left out.
    static func runningText(html: String) -> String {
        var text = html
        for pattern in ["<(style|script)[^>]*>[\\s\\S]*?</\\1>", "<td class=\"id\">[^<]*</td>", "<code>[^<]*</code>", "<[^>]+>"] {
            text = text.replacingOccurrences(of: pattern, with: " ", options: .regularExpression)
        }
        return text
    }

    /// Markdown's running text: code spans (ids, formulas, file names) left out.
    static func runningText(markdown: String) -> String {
        markdown.replacingOccurrences(of: "`[^`\n]*`", with: " ", options: .regularExpression)
    }

    /// The cells of Markdown tables whose column holds people (a count kind), with their header.
    static func peopleCells(_ markdown: String) -> [(header: String, cell: String)] {
        let labels = Labels.bundled
        let counts = Set(labels.columns.filter { [.count, .effective].contains($0.value.kind) }.map { labels.column($0.key) })
        var found: [(String, String)] = []
        var headers: [String] = []
        for line in markdown.split(separator: "\n").map(String.init) {
            guard line.hasPrefix("| ") else {
                headers = []
                continue
            }
            let cells = line.dropFirst(2).dropLast(2).components(separatedBy: " | ")
            if headers.isEmpty {
                headers = cells
                continue
            }
            guard !cells.allSatisfy({ $0.hasPrefix("-") || $0.hasPrefix(" -") }) else { continue }
            for (header, cell) in zip(headers, cells) where counts.contains(header.replacingOccurrences(of: " (95% CI)", with: "")) {
                found.append((header, cell))
            }
        }
        return found
    }

    @Test func everyColumnOfEveryTableHasALabel() throws {
        let labels = Labels.bundled
        var headers: [(String, String)] = []
        for url in try Self.reportTables() where url.pathExtension == "csv" {
            let text = try String(contentsOf: url, encoding: .utf8)
            let header = text.split(separator: "\r\n").first { !$0.hasPrefix("#") } ?? ""
            headers += header.split(separator: ",").map { (url.lastPathComponent, String($0)) }
        }
        for command in Self.commands() {
            let header = try Self.run(command, "csv").split(separator: "\r\n").first { !$0.hasPrefix("#") } ?? ""
            headers += header.split(separator: ",").map { (command.joined(separator: " "), String($0)) }
        }
        #expect(headers.count > 300)
        for (source, column) in headers {
            // A column is listed in columns.csv, or is already words ("Work role", a role id).
            let words = !column.contains("_") && (column.first?.isUppercase == true || column.contains(" "))
            #expect(labels.columns[column] != nil || words, "\(source): column \(column) has no label in Surveys/banks/columns.csv")
        }
        // Every label has its Spanish.
        for (name, column) in labels.columns { #expect(column.label["es"]?.isEmpty == false, "\(name)") }
    }

    @Test func everyScoringIndicatorHasALabelInBothLanguages() throws {
        let bank = repositoryRoot.appendingPathComponent("Surveys/banks/awareness.csv")
        let rows = try CSVTable.readAll(url: bank, required: ["scoring"])
        let scoring = try #require(rows.0.header.firstIndex(of: "scoring"))
        var names: [String] = []
        for record in rows.1 {
            for rule in record.fields[scoring].split(separator: ";") { names.append(String(rule.split(separator: ":")[0]).trimmingCharacters(in: .whitespaces)) }
        }
        #expect(names.count > 30)
        for name in names + ["knowledge_score", "net_recognition"] {
            let label = Labels.bundled.indicators[name]
            #expect(label?["en"]?.isEmpty == false && label?["es"]?.isEmpty == false, "indicator \(name) has no label in Surveys/banks/indicators.csv")
        }
    }

    @Test func readersSeeNoMachineNames() throws {
        let out = try Self.demo.get().out
        let html = try String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8)
        let markdown = try String(contentsOf: out.appendingPathComponent("report.md"), encoding: .utf8)
        #expect(Self.machineNames(Self.runningText(html: html)) == [], "report.html")
        #expect(Self.machineNames(Self.runningText(markdown: markdown)) == [], "report.md")
        for command in Self.commands() {
            // Markdown marks ids as code; a text table of stored listings shows form ids as they are.
            #expect(Self.machineNames(Self.runningText(markdown: try Self.run(command, "md"))) == [], "\(command) --format md")
            if !["instruments", "imports", "frames", "translations", "framework"].contains(command[0]) {
                #expect(Self.machineNames(Self.runningText(markdown: try Self.run(command, "table"))) == [], "\(command) --format table")
            }
        }
    }

    @Test func peopleCountsAreWholeNumbersForReaders() throws {
        let out = try Self.demo.get().out
        let markdown = try String(contentsOf: out.appendingPathComponent("report.md"), encoding: .utf8)
        var sources = [("report.md", markdown)]
        for command in Self.commands() { sources.append((command.joined(separator: " "), try Self.run(command, "md"))) }
        var checked = 0
        for (source, text) in sources {
            for (header, cell) in Self.peopleCells(text) {
                checked += 1
                #expect(Self.matches(of: "[0-9]\\.[0-9]", in: cell) == [], "\(source): \(header) = \(cell)")
            }
            // And in sentences: "107.1 people", "142.8 completions a year".
            let counted = Self.matches(of: "[0-9]+\\.[0-9]+ (people|person|role-holdings|seats|openings|completions|completers|more completions)\\b", in: text)
            #expect(counted == [], "\(source)")
        }
        #expect(checked > 200)
    }

    @Test func csvHasNoFloatNoise() throws {
        var sources: [(String, String)] = []
        for url in try Self.reportTables() where url.pathExtension == "csv" {
            sources.append((url.lastPathComponent, try String(contentsOf: url, encoding: .utf8)))
        }
        for command in Self.commands() { sources.append((command.joined(separator: " "), try Self.run(command, "csv"))) }
        for (source, text) in sources {
            #expect(Self.matches(of: "[0-9]\\.[0-9]{10,}", in: text) == [], "\(source)")
        }
        // JSON keeps full precision.
        let json = try String(contentsOf: try Self.demo.get().out.appendingPathComponent("tables/gaps_by_role.json"), encoding: .utf8)
        #expect(!Self.matches(of: "[0-9]\\.[0-9]{10,}", in: json).isEmpty)
    }

    @Test func anExclusiveAnswerIsNeverALackingKSA() throws {
        // The demo's employers answer "none" to some roles' KSA-gap question (32 answers).
        let store = try WorkforceStore(path: try Self.demo.get().db, create: false)
        let employers = try EmployerResponse.all(in: store)
        let reports = employers.flatMap { $0.roles.values }
        #expect(!reports.contains { ($0.lacking ?? []).contains("NONE") })
        // An employer that answered "none" was asked and named no KSA.
        #expect(reports.contains { $0.lacking == [] })
        let lacking = try Self.run(["gaps", "--by", "lacking"], "csv")
        #expect(!lacking.uppercased().contains(",NONE,"))
    }
}
