/// Writes a ``MicrodataSet`` for R: a CSV of the values (select_one codes, 0/1 choices,
/// numbers, `YYYY-MM-DD` dates, text; missing empty) and the script that reads it into a data
/// frame `responses` with every select_one a factor whose levels are the value labels in code
/// order, dates as `Date`, and a `label` attribute per variable (haven's convention).
package struct RScriptWriter: Sendable {
    package init() {}

    /// The CSV the script reads: a header of variable names, one row per case. It is for R, not
    /// for a spreadsheet: answers are written unchanged (no `'` before `-2 (two below)` or
    /// `=1+1`), and the script reads text columns with `colClasses = "character"`, so R reads
    /// what SPSS and Stata read.
    package func csv(_ set: MicrodataSet) -> String {
        let writer = CSVWriter(neutralizeFormulas: false)
        var out = writer.record(set.variables.map(\.name))
        for row in set.cases {
            let fields = zip(set.variables, row).map { variable, value -> String in
                switch value {
                case .missing: return ""
                case .number(let x): return writer.field(JSONWriter.number(x), isNumber: true)
                case .day(let d): return writer.field(Self.isoDate(d), isNumber: true)
                case .text(let s): return writer.field(s)
                }
            }
            out += writer.record(fields)
        }
        return out
    }

    /// The script, reading `csv` (or the path given as its first argument).
    package func script(_ set: MicrodataSet, csv: String, headline: FlowHeadline? = nil) -> String {
        var lines = [
            "# \(set.title.replacingOccurrences(of: "\n", with: " "))",
            "# Reads \(csv) into the data frame `responses`: each select_one a factor with its labels in",
            "# codebook order, 0/1 choices and numbers numeric, dates as Date, and a \"label\" attribute per",
            "# variable. Run it in the folder holding both files (Rscript FILE.R, or source(\"FILE.R\")),",
            "# or give the CSV's path as the first argument.",
        ]
        let notes = noteLines(set)
        lines += notes.comments
        let names = Set(set.variables.map(\.name))
        if names.contains("weight") {
            lines.append("# Survey design (package survey), respondents only:")
            if names.contains("fpc") {
                lines.append("#   options(survey.lonely.psu = \"adjust\")  # a stratum with one employer, as the tool treats it")
            }
            let ids = names.contains("cluster") ? "~cluster" : "~1"
            let strata = names.contains("stratum") ? ", strata = ~stratum" : ""
            let fpc = names.contains("fpc") ? ", fpc = ~fpc" : ""
            lines.append(
                "#   design <- survey::svydesign(ids = \(ids)\(strata)\(fpc), weights = ~weight, data = subset(responses, !is.na(weight))\(names.contains("cluster") ? ", nest = TRUE" : ""))"
            )
        }
        lines.append("args <- commandArgs(trailingOnly = TRUE)")
        lines.append("csv <- if (length(args) >= 1) args[[1]] else \(Self.literal(csv))")
        let classes = set.variables.map { v in "\(Self.literal(v.name)) = \(v.kind == .text || v.kind == .date ? "\"character\"" : "\"numeric\"")" }
        lines.append("classes <- c(\(classes.joined(separator: ",\n  ")))")
        lines.append(
            "responses <- read.csv(csv, colClasses = classes, na.strings = \"\", check.names = FALSE, fileEncoding = \"UTF-8\", stringsAsFactors = FALSE)"
        )
        for v in set.variables {
            let column = "responses[[\(Self.literal(v.name))]]"
            switch v.kind {
            case .code:
                let codes = v.valueLabels.map { String($0.code) }.joined(separator: ", ")
                let labels = v.valueLabels.map { Self.literal($0.label) }.joined(separator: ", ")
                lines.append("\(column) <- factor(\(column), levels = c(\(codes)), labels = c(\(labels)))")
            case .date: lines.append("\(column) <- as.Date(\(column))")
            default: break
            }
            lines.append("attr(\(column), \"label\") <- \(Self.literal(v.label))")
        }
        lines += notes.attribute
        lines += flowLines(set, headline)
        return lines.joined(separator: "\n") + "\n"
    }

    /// An R string literal: ASCII only (other characters as `\u{...}`), so that the script
    /// reads the same in any locale.
    static func literal(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20 || scalar.value >= 0x7F: out += "\\u{" + String(scalar.value, radix: 16) + "}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    static func isoDate(_ days: Int) -> String {
        // Inverse of CivilDate.days (Howard Hinnant's civil_from_days).
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(y)-\(two(m))-\(two(d))"
    }
}
