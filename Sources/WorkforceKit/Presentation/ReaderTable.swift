import Foundation

/// A result table as a person reads it: headers in words, numbers rounded by their column's
/// kind (``ColumnKind``), an estimate and its 95% interval in one cell ("42 (95% CI 0 to 125)"),
/// choices, indicators, strata and statuses in words, withheld rows with their reason. The
/// `table` and `md` formats and the report's HTML and Markdown render it; JSON and CSV do not.
package struct ReaderTable: Sendable, Equatable {
    /// The headers in words.
    package var headers: [String]
    /// The machine name each shown column comes from.
    package var names: [String]
    package var kinds: [ColumnKind]
    package var rows: [[String]]
    package var notes: [String]

    /// Whether column `index` holds numbers (right-aligned).
    package func isNumeric(_ index: Int) -> Bool { kinds[index].isNumeric }
}

extension ResultTable {
    /// The table for readers in `language` ("en" or "es").
    package func forReaders(_ language: String = "en", labels: Labels = .bundled) -> ReaderTable {
        if keepsNames {
            return ReaderTable(
                headers: columns, names: columns, kinds: rows.first?.map { $0.isNumber ? .number : .text } ?? columns.map { _ in .text },
                rows: rows.map { $0.map(\.plainText) }, notes: notes)
        }
        // An estimate's interval joins it: c with c_ci_low and c_ci_high (p with ci_low, ci_high).
        func bounds(_ c: String) -> (Int, Int)? {
            let stem = c == "p" ? "" : c + "_"
            guard let low = columns.firstIndex(of: stem + "ci_low"), let high = columns.firstIndex(of: stem + "ci_high") else { return nil }
            return (low, high)
        }
        var joined: [Int: (Int, Int)] = [:]
        var hidden: Set<Int> = []
        // A status column says why a row is withheld: its reason joins it.
        if columns.contains("status"), let reason = columns.firstIndex(of: "reason") { hidden.insert(reason) }
        for (i, c) in columns.enumerated() {
            guard let (low, high) = bounds(c) else { continue }
            joined[i] = (low, high)
            hidden.formUnion([low, high])
        }
        var shown = columns.indices.filter { !hidden.contains($0) }
        // An employer table's quality grade sits beside its figures, right after the status.
        if let quality = columns.firstIndex(of: "quality"), let status = columns.firstIndex(of: "status"),
            let from = shown.firstIndex(of: quality), let to = shown.firstIndex(of: status), from > to + 1
        {
            shown.remove(at: from)
            shown.insert(quality, at: to + 1)
        }
        let kinds = shown.map { labels.kind(columns[$0]) }
        let headers = shown.map { i in labels.column(columns[i], language) + (joined[i] == nil ? "" : language == "es" ? " (IC 95%)" : " (95% CI)") }
        let status = columns.firstIndex(of: "status")
        let reason = columns.firstIndex(of: "reason")
        let employers = columns.firstIndex(of: "respondents") ?? columns.firstIndex(of: "employers")
        // An awareness group reads from its breakdown's list in the awareness form ("none" of the
        // target groups is "None of these", not an employer list's "none").
        let breakdown = columns.firstIndex(of: "breakdown"), group = columns.firstIndex(of: "group")
        // Unreliable and dominated rows keep their figures for machines; readers see none of them
        // (unless the output is marked not for publication).
        let estimated = Set(columns.indices.filter { Self.isEstimated(columns[$0], in: columns) })
        let rows: [[String]] = rows.map { row in
            let withheld = banner == nil && status.map { row[$0] == .text("unreliable") || row[$0] == .text("dominated") } == true
            return shown.enumerated().map { position, i in
                let kind = kinds[position]
                if i == status, case .text(let s) = row[i] {
                    return Self.status(s, reason: reason.map { row[$0].plainText } ?? "", employers: employers.flatMap { Self.number(row[$0]) }, language)
                }
                if columns[i] == "quality", row[i] == .text(QualityGrade.noCases.rawValue) {
                    return language == "es" ? "sin casos" : "no cases"
                }
                if i == group, let b = breakdown, case .text(let by) = row[b], case .text(let name) = row[i], name != "all", AwarenessBreakdown(rawValue: by) != nil {
                    let word = labels.awarenessGroup(name, breakdown: by, language)
                    return word.prefix(1).uppercased() + word.dropFirst()
                }
                if withheld && estimated.contains(i) { return "" }
                var text = Self.cell(row[i], kind, labels, language)
                if let (low, high) = joined[i], let l = Self.number(row[low]), let h = Self.number(row[high]), !text.isEmpty {
                    text += " (\(language == "es" ? "IC 95%" : "95% CI") \(kind.reader(l, language)) \(language == "es" ? "a" : "to") \(kind.reader(h, language)))"
                }
                return text
            }
        }
        return ReaderTable(
            headers: headers, names: shown.map { columns[$0] }, kinds: kinds, rows: rows, notes: notes.map { labels.strata(in: $0, language) })
    }

    /// Whether `column` holds an estimate or a figure derived from one (blanked in a withheld row).
    static func isEstimated(_ column: String, in columns: [String]) -> Bool {
        columns.contains(column + "_se") || column.hasSuffix("_se") || column.hasSuffix("_cv") || column.hasSuffix("_ci_low")
            || column.hasSuffix("_ci_high") || ["largest_share", "imputed_share", "completions_per_100_openings", "employed_per_100_openings"].contains(column)
    }

    static func number(_ cell: Cell) -> Double? {
        switch cell {
        case .int(let i): Double(i)
        case .double(let d): d.isFinite ? d : nil
        default: nil
        }
    }

    /// One cell in words.
    static func cell(_ cell: Cell, _ kind: ColumnKind, _ labels: Labels, _ language: String) -> String {
        switch cell {
        case .null: return ""
        case .structured(let s): return s.text
        case .bool(let b): return b ? (language == "es" ? "sí" : "yes") : "no"
        case .int(let i): return kind == .text || kind == .id ? String(i) : kind.reader(Double(i), language)
        case .double(let d): return d.isFinite ? kind.reader(d, language) : "-"
        case .text(let s):
            switch kind {
            case .choice:
                if s == "all" { return language == "es" ? "Todos" : "All" }
                return s.split(separator: " ").map { name in
                    let word = labels.choice(String(name), language)
                    return word.prefix(1).uppercased() + word.dropFirst()
                }.joined(separator: ", ")
            case .indicator: return labels.indicator(s, language)
            default: return labels.strata(in: s, language)
            }
        }
    }

    /// A row's status in words; a withheld row says why.
    static func status(_ status: String, reason: String, employers: Double?, _ language: String) -> String {
        let es = language == "es"
        switch status {
        case "published": return es ? "publicada" : "published"
        case "not_surveyed": return es ? "no encuestado" : "not surveyed"
        case "review": return (es ? "para revisión (no se publica como certeza)" : "for review (not published as a certainty)") + (reason.isEmpty ? "" : " (\(reason))")
        case "unreliable": return (es ? "retenida: demasiado imprecisa para publicar" : "withheld: too unreliable to publish") + (reason.isEmpty ? "" : " (\(reason))")
        case "dominated":
            return (es ? "retenida: dominada por un empleador" : "withheld: dominated by one employer") + (reason.isEmpty ? "" : " (\(reason))")
        case "suppressed":
            if !reason.isEmpty { return (es ? "retenida: " : "withheld: ") + reason }
            if let employers, employers < Double(Disclosure.minimumEmployers) {
                return es ? "retenida: menos de \(Disclosure.minimumEmployers) empleadores" : "withheld: fewer than \(Disclosure.minimumEmployers) employers"
            }
            return es ? "retenida: control de divulgación (regla p% o protección de otra celda)" : "withheld: disclosure control (p% rule or protecting another cell)"
        default: return Labels.humanised(status)
        }
    }
}
