import Foundation

/// The frequency codebook of the labelled microdata (`workforce responses KIND --codebook`):
/// for each variable its name, label, type, the question's number and rule (when it is asked
/// and what it allows, in words), and its counts per category, unweighted and, when the data
/// carry a `weight`, weighted. Counts of 1 to 4 respondents are suppressed (shown `<5`, their
/// weighted figure and any mean withheld), as small cells are everywhere in the tool.
package struct FrequencyCodebook: Sendable {
    package static let minimumCell = 5

    /// One entry: a variable, or a select_multiple's 0/1 variables together.
    struct Entry: Sendable {
        var title: String
        var facts: [String]
        var columns: [String]
        var rows: [[String]]
    }

    var title: String
    var preamble: [String]
    var entries: [Entry] = []

    /// The codebook of `set`, whose questions come from `reader`'s latest form.
    ///
    /// - Throws: ``WorkforceError`` when the stored codebook cannot be read.
    package init(set: MicrodataSet, reader: ResponseReader, language: String) throws {
        self.init(set: set, rules: try QuestionRules(reader, language: language), language: language)
    }

    init(set: MicrodataSet, rules: QuestionRules, language: String) {
        let counter = Counter(set: set)
        title = "Codebook: " + set.title.replacingOccurrences(of: "workforce: ", with: "")
        preamble = [
            "\(plural(set.cases.count, "case")), \(plural(set.variables.count, "variable")); labels in \(language == "es" ? "Spanish" : "English").",
            "Missing (`.`) is system-missing: the question was not asked of the respondent, or was left blank.",
            "Counts of 1 to 4 are suppressed (`<5`): their weighted figure and any mean are withheld.",
            counter.weighted ? "Weighted counts sum the `weight` variable (respondents only)." : "No weights: run with `--weights` for weighted counts.",
        ]
        var v = 0
        while v < set.variables.count {
            let variable = set.variables[v]
            var facts: [String] = []
            if let q = variable.question {
                if let n = rules.numbers[q] { facts.append("Question \(n) (`\(q)`).") }
                facts += rules.asked[q] ?? []
                if let allowed = rules.allowed[q] { facts.append("Allowed: \(allowed)" + (allowed.hasSuffix(".") ? "" : ".")) }
            }
            switch variable.kind {
            case .dummy:
                var end = v
                while end < set.variables.count, set.variables[end].kind == .dummy, set.variables[end].question == variable.question { end += 1 }
                entries.append(counter.choices(v..<end, facts))
                v = end
                continue
            case .code: entries.append(counter.codes(v, facts))
            case .integer, .decimal, .date, .text: entries.append(counter.values(v, facts))
            }
            v += 1
        }
    }

    /// The counts of a set's variables, with suppression.
    struct Counter {
        let set: MicrodataSet
        let weightIndex: Int?
        var weighted: Bool { weightIndex != nil }

        init(set: MicrodataSet) {
            self.set = set
            weightIndex = set.variables.firstIndex { $0.source == "weight" }
        }

        func count(_ n: Int) -> String { n > 0 && n < FrequencyCodebook.minimumCell ? "<5" : String(n) }
        func sum(_ n: Int, _ w: Double) -> [String] {
            weighted ? [n > 0 && n < FrequencyCodebook.minimumCell ? "–" : String(format: "%.1f", w)] : []
        }
        var blank: [String] { weighted ? [""] : [] }

        func weight(_ row: [MicrodataValue]) -> Double {
            guard let weightIndex, case .number(let w) = row[weightIndex] else { return 0 }
            return w
        }

        /// A select_one: a row per code, then system-missing.
        func codes(_ v: Int, _ facts: [String]) -> Entry {
            let variable = set.variables[v]
            let k = variable.valueLabels.count
            var counts = Array(repeating: 0, count: k + 1)
            var sums = Array(repeating: 0.0, count: k + 1)
            for row in set.cases {
                guard case .number(let x) = row[v], Int(x) >= 1, Int(x) <= k else {
                    counts[0] += 1
                    continue
                }
                counts[Int(x)] += 1
                sums[Int(x)] += weight(row)
            }
            var rows: [[String]] = []
            for label in variable.valueLabels {
                let name = label.code <= variable.categories.count ? variable.categories[label.code - 1] : ""
                let shown = name.isEmpty || name == label.label ? "" : "`\(name)`"
                rows.append([String(label.code), shown, label.label, count(counts[label.code])] + sum(counts[label.code], sums[label.code]))
            }
            rows.append([".", "", "System-missing", count(counts[0])] + blank)
            let missing = variable.missingCode.map { "; code \($0) (\(variable.categories[$0 - 1])) is user-missing in the .sav" } ?? ""
            return Entry(
                title: "`\(variable.name)`: \(variable.label)", facts: ["select_one, coded 1–\(k)\(missing)."] + facts,
                columns: ["Code", "Choice", "Label", "Count"] + (weighted ? ["Weighted"] : []), rows: rows)
        }

        /// A select_multiple's 0/1 variables: a row per choice (chosen), answered, missing.
        func choices(_ range: Range<Int>, _ facts: [String]) -> Entry {
            let first = set.variables[range.lowerBound]
            let label = first.label.components(separatedBy: ": ").first ?? first.label
            var rows: [[String]] = []
            let missing = set.cases.filter { $0[range.lowerBound] == .missing }.count
            for d in range {
                var n = 0
                var w = 0.0
                for row in set.cases where row[d] == .number(1) {
                    n += 1
                    w += weight(row)
                }
                let choice = set.variables[d].choiceLabel ?? String(set.variables[d].label.dropFirst(label.count + 2))
                rows.append(["`\(set.variables[d].name)`", choice, count(n)] + sum(n, w))
            }
            rows.append(["", "Answered (any choice)", count(set.cases.count - missing)] + blank)
            rows.append([".", "System-missing", count(missing)] + blank)
            return Entry(
                title: "`\(first.question ?? first.source)`: \(label)", facts: ["select_multiple: one 0/1 variable per choice (1 = chosen)."] + facts,
                columns: ["Variable", "Choice", "Chosen"] + (weighted ? ["Weighted"] : []), rows: rows)
        }

        /// Numbers, dates and text: valid and missing counts; a measured number's mean.
        func values(_ v: Int, _ facts: [String]) -> Entry {
            let variable = set.variables[v]
            let kind = [MicrodataVariable.Kind.integer: "integer", .decimal: "decimal", .date: "date"][variable.kind] ?? "text"
            // Means of measured numbers only: not of ids, nor of the design variables.
            let hasMean = (variable.kind == .integer || variable.kind == .decimal) && variable.question != nil
            var n = 0, missing = 0
            var total = 0.0, weightedTotal = 0.0, weights = 0.0
            for row in set.cases {
                switch row[v] {
                case .missing: missing += 1
                case .number(let x):
                    n += 1
                    total += x
                    weightedTotal += weight(row) * x
                    weights += weight(row)
                default: n += 1
                }
            }
            var cells = [count(n), count(missing)]
            if hasMean {
                let hide = n < FrequencyCodebook.minimumCell
                cells.append(hide ? "–" : String(format: "%.2f", total / Double(n)))
                if weighted { cells.append(hide || weights == 0 ? "–" : String(format: "%.2f", weightedTotal / weights)) }
            }
            return Entry(
                title: "`\(variable.name)`: \(variable.label)", facts: ["\(kind)."] + facts,
                columns: ["Valid", "Missing"] + (hasMean ? ["Mean"] + (weighted ? ["Weighted mean"] : []) : []), rows: [cells])
        }
    }

    /// The codebook as Markdown.
    package func markdown() -> String {
        var out = "# \(title)\n\n" + preamble.map { "- \($0)\n" }.joined() + "\n"
        let escape = { (s: String) in s.replacingOccurrences(of: "|", with: "\\|") }
        for entry in entries {
            out += "## \(entry.title)\n\n" + entry.facts.map { "- \($0)\n" }.joined() + "\n"
            out += "| " + entry.columns.map(escape).joined(separator: " | ") + " |\n"
            out += "|" + entry.columns.map { _ in " --- |" }.joined() + "\n"
            for row in entry.rows { out += "| " + row.map(escape).joined(separator: " | ") + " |\n" }
            out += "\n"
        }
        return out
    }
}
