import Foundation

/// The frequency codebook of the labelled microdata (`workforce responses KIND --codebook`):
/// for each variable its name, label, type, the question's number and rule (when it is asked
/// and what it allows, in words), and its counts per category, unweighted and, when the data
/// carry a `weight`, weighted. Counts of 1 to 4 respondents are suppressed (shown `<5`, their
/// weighted figure and any mean withheld), as small cells are everywhere in the tool.
public struct FrequencyCodebook: Sendable {
    public static let minimumCell = 5

    /// One entry: a variable, or a select_multiple's 0/1 variables together.
    struct Entry: Sendable {
        var title: String
        var facts: [String]
        var columns: [String]
        var rows: [[String]]
    }

    var title: String
    var preamble: [String]
    var entries: [Entry]

    /// The codebook of `set`, whose questions come from `reader`'s latest form.
    public init(set: MicrodataSet, reader: ResponseReader, language: String) throws {
        let rules = try QuestionRules(reader, language: language)
        let weightIndex = set.variables.firstIndex { $0.source == "weight" }
        let weighted = weightIndex != nil
        title = "Codebook: " + set.title.replacingOccurrences(of: "workforce: ", with: "")
        preamble = [
            "\(plural(set.cases.count, "case")), \(plural(set.variables.count, "variable")); labels in \(language == "es" ? "Spanish" : "English").",
            "Missing (`.`) is system-missing: the question was not asked of the respondent, or was left blank.",
            "Counts of 1 to 4 are suppressed (`<5`): their weighted figure and any mean are withheld.",
            weighted ? "Weighted counts sum the `weight` variable (respondents only)." : "No weights: run with `--weights` for weighted counts.",
        ]
        func count(_ n: Int) -> String { n > 0 && n < Self.minimumCell ? "<5" : String(n) }
        func sum(_ n: Int, _ w: Double) -> String { n > 0 && n < Self.minimumCell ? "–" : String(format: "%.1f", w) }
        func weight(_ row: [MicrodataValue]) -> Double {
            guard let weightIndex, case .number(let w) = row[weightIndex] else { return 0 }
            return w
        }
        var entries: [Entry] = []
        var v = 0
        while v < set.variables.count {
            let variable = set.variables[v]
            var facts: [String] = []
            if let q = variable.question {
                if let n = rules.numbers[q] { facts.append("Question \(n) (`\(q)`).") }
                facts += rules.asked[q] ?? []
                if let allowed = rules.allowed[q] { facts.append("Allowed: \(allowed)" + (allowed.hasSuffix(".") ? "" : ".")) }
            }
            if variable.kind == .dummy {
                // The 0/1 variables of one select_multiple, together.
                var end = v
                while end < set.variables.count, set.variables[end].kind == .dummy, set.variables[end].question == variable.question { end += 1 }
                let question = variable.question ?? variable.source
                let label = variable.label.components(separatedBy: ": ").first ?? variable.label
                var rows: [[String]] = []
                var answered = 0, missing = 0
                for row in set.cases {
                    if row[v] == .missing { missing += 1 } else { answered += 1 }
                }
                for d in v..<end {
                    var n = 0
                    var w = 0.0
                    for row in set.cases where row[d] == .number(1) {
                        n += 1
                        w += weight(row)
                    }
                    let choice = set.variables[d].label.dropFirst(label.count + 2)
                    rows.append(["`\(set.variables[d].name)`", String(choice), count(n)] + (weighted ? [sum(n, w)] : []))
                }
                rows.append(["", "Answered (any choice)", count(answered)] + (weighted ? [""] : []))
                rows.append([".", "System-missing", count(missing)] + (weighted ? [""] : []))
                entries.append(
                    Entry(
                        title: "`\(question)`: \(label)", facts: ["select_multiple: one 0/1 variable per choice (1 = chosen)."] + facts,
                        columns: ["Variable", "Choice", "Chosen"] + (weighted ? ["Weighted"] : []), rows: rows))
                v = end
                continue
            }
            var rows: [[String]] = []
            var columns: [String] = []
            switch variable.kind {
            case .code:
                facts.insert(
                    "select_one, coded 1–\(variable.valueLabels.count)"
                        + (variable.missingCode.map { "; code \($0) (\(variable.categories[$0 - 1])) is user-missing in the .sav" } ?? "") + ".", at: 0)
                columns = ["Code", "Choice", "Label", "Count"] + (weighted ? ["Weighted"] : [])
                var counts = Array(repeating: 0, count: variable.valueLabels.count + 1)
                var sums = Array(repeating: 0.0, count: variable.valueLabels.count + 1)
                for row in set.cases {
                    guard case .number(let x) = row[v], Int(x) >= 1, Int(x) <= variable.valueLabels.count else {
                        counts[0] += 1
                        continue
                    }
                    counts[Int(x)] += 1
                    sums[Int(x)] += weight(row)
                }
                for label in variable.valueLabels {
                    let name = label.code <= variable.categories.count ? variable.categories[label.code - 1] : ""
                    rows.append([String(label.code), name.isEmpty || name == label.label ? "" : "`\(name)`", label.label, count(counts[label.code])] + (weighted ? [sum(counts[label.code], sums[label.code])] : []))
                }
                rows.append([".", "", "System-missing", count(counts[0])] + (weighted ? [""] : []))
            case .integer, .decimal, .date, .text, .dummy:
                let kind = variable.kind == .integer ? "integer" : variable.kind == .decimal ? "decimal" : variable.kind == .date ? "date" : "text"
                facts.insert("\(kind).", at: 0)
                // Means of measured numbers only: not of ids, nor of the design variables.
                let hasMean = (variable.kind == .integer || variable.kind == .decimal) && variable.question != nil
                columns = ["Valid", "Missing"] + (hasMean ? ["Mean"] + (weighted ? ["Weighted mean"] : []) : [])
                var n = 0, missing = 0
                var total = 0.0, wTotal = 0.0, wSum = 0.0
                for row in set.cases {
                    switch row[v] {
                    case .missing: missing += 1
                    case .number(let x):
                        n += 1
                        total += x
                        wTotal += weight(row) * x
                        wSum += weight(row)
                    default: n += 1
                    }
                }
                var cells = [count(n), count(missing)]
                if hasMean {
                    let hide = n < Self.minimumCell
                    cells.append(hide ? "–" : String(format: "%.2f", total / Double(n)))
                    if weighted { cells.append(hide || wSum == 0 ? "–" : String(format: "%.2f", wTotal / wSum)) }
                }
                rows = [cells]
            }
            entries.append(Entry(title: "`\(variable.name)`: \(variable.label)", facts: facts, columns: columns, rows: rows))
            v += 1
        }
        self.entries = entries
    }

    /// The codebook as Markdown.
    public func markdown() -> String {
        var out = "# \(title)\n\n" + preamble.map { "- \($0)\n" }.joined() + "\n"
        for entry in entries {
            out += "## \(entry.title)\n\n" + entry.facts.map { "- \($0)\n" }.joined() + "\n"
            let escape = { (s: String) in s.replacingOccurrences(of: "|", with: "\\|") }
            out += "| " + entry.columns.map(escape).joined(separator: " | ") + " |\n"
            out += "|" + entry.columns.map { _ in " --- |" }.joined() + "\n"
            for row in entry.rows { out += "| " + row.map(escape).joined(separator: " | ") + " |\n" }
            out += "\n"
        }
        return out
    }
}
