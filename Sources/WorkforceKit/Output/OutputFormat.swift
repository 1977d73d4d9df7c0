import Foundation

/// How a query command writes its result (`--format`).
package enum OutputFormat: String, Sendable, CaseIterable {
    /// Aligned columns for a terminal.
    case table
    /// RFC 4180 CSV with a header row; formula-like text is neutralised.
    case csv
    /// `{"rows": [{...}, ...]}` with numbers and booleans as JSON values.
    case json
    /// A Markdown (GitHub) table.
    case md
}

extension ResultTable {
    /// The table written in `format`, ending with a line break.
    /// A text table fits `width` characters when one is given (``renderedAsText(width:)``).
    /// `table` and `md` write headers, choices and statuses in `language`; CSV and JSON keep
    /// machine names whatever it is.
    package func rendered(as format: OutputFormat, width: Int? = nil, language: ReaderLanguage = .en) -> String {
        let first = banner.map { format == .csv ? "# \($0)\r\n" : format == .json ? "" : "\($0)\n\n" } ?? ""
        switch format {
        case .table: return first + renderedAsText(width: width, language: language)
        case .csv: return first + renderedAsCSV()
        case .json: return renderedAsJSON()
        case .md: return first + renderedAsMarkdown(language: language)
        }
    }

    /// CSV keeps machine names and writes numbers with the precision of their column's kind
    /// (``ColumnKind/csv(_:)``): whole numbers as integers, estimates to 2 decimals,
    /// proportions to 4; never float noise.
    func renderedAsCSV(labels: Labels = .bundled) -> String {
        let writer = CSVWriter()
        var out = writer.record(columns.map(textSafe))
        let kinds = columns.map { keepsNames ? ColumnKind.text : labels.kind($0) }
        for row in rows {
            out += zip(row, kinds).map { cell, kind in
                if case .double(let d) = cell, !keepsNames { return writer.field(kind.csv(d), isNumber: true) }
                return writer.field(textSafe(cell.plainText), isNumber: cell.isNumber)
            }.joined(separator: ",") + "\r\n"
        }
        return out
    }

    func renderedAsJSON() -> String {
        let objects = rows.map { row in
            JSONValue.object(zip(columns, row).map { (key: $0, value: $1.json) })
        }
        var members: [(key: String, value: JSONValue)] = []
        if let banner { members.append((key: "warning", value: .string(banner))) }
        // Notes are prose for a person, in words as a table's are ("Local government, micro").
        if !notes.isEmpty { members.append((key: "notes", value: .array(notes.map { .string(Labels.bundled.strata(in: $0)) }))) }
        members.append((key: "rows", value: .array(objects)))
        return JSONWriter().string(.object(members)) + "\n"
    }

    /// A Markdown table for readers (``forReaders(_:labels:)``).
    func renderedAsMarkdown(language: ReaderLanguage = .en) -> String {
        let reader = forReaders(language.rawValue)
        let out = reader.notes.map { Markup.markdownCell($0) + "\n\n" }.joined()
        return out + Self.markdownRows(reader, reader.rows.indices)
    }

    /// The header and rows `range` of `reader` as a Markdown table.
    static func markdownRows(_ reader: ReaderTable, _ range: Range<Int>) -> String {
        var out = "| " + reader.headers.map { Markup.markdownCell($0) }.joined(separator: " | ") + " |\n"
        out += "|" + reader.kinds.map { $0.isNumeric ? " ---: |" : " --- |" }.joined() + "\n"
        for row in reader.rows[range] {
            // An id is code: never broken, never read as emphasis.
            out += "| " + row.enumerated().map { c, text in
                reader.kinds[c] == .id && !text.isEmpty && !text.contains("`") ? "`\(Markup.markdownCell(text))`" : Markup.markdownCell(text, isNumber: reader.isNumeric(c))
            }.joined(separator: " | ") + " |\n"
        }
        return out
    }

    /// Aligned text; long cells are cut at 80 characters with an ellipsis, except in the
    /// ``ResultTable/wrapped`` columns, which continue on the next lines. A record prints as
    /// `field: value` lines, in full.
    ///
    /// Given a `width` (the terminal's), the table fits it: the widest text columns (not the
    /// wrapped ones) are cut first, down to 16 characters, then columns are left off from the right (never the
    /// first); the last line counts the columns not shown (`--wide` or `--columns` shows them).
    /// An interval's cell drops the "95% CI" its header already says.
    func renderedAsText(width: Int? = nil, language: ReaderLanguage = .en) -> String {
        var reader = forReaders(language.rawValue)
        var flat = reader.rows.map { $0.map { terminalSafe($0.replacingOccurrences(of: "\n", with: " "), keepLineFeeds: false) } }
        // Where the header says "(95% CI)", a fitted table's cells need not repeat it: "110 (60 to 160)".
        if width != nil {
            for c in reader.headers.indices where reader.headers[c].hasSuffix(" (95% CI)") || reader.headers[c].hasSuffix(" (IC 95%)") {
                for r in flat.indices {
                    flat[r][c] = flat[r][c].replacingOccurrences(of: " (95% CI ", with: " (").replacingOccurrences(of: " (IC 95% ", with: " (")
                }
            }
        }
        if isRecord {
            let columns = reader.headers
            let width = columns.map(\.count).max() ?? 0
            return flat.map { row in
                zip(columns, row).map { $0.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + $1 }
                    .joined(separator: "\n")
            }.joined(separator: "\n\n") + "\n"
        }
        var limits = reader.headers.map { _ in 80 }
        func widths() -> [Int] {
            reader.headers.indices.map { c in max(reader.headers[c].count, flat.map { min($0[c].count, limits[c]) }.max() ?? 0) }
        }
        var dropped = 0
        var wraps = reader.names.map { wrapped.contains($0) }
        if let width {
            var current = widths()
            func total() -> Int { current.reduce(0, +) + 2 * max(0, current.count - 1) }
            while total() > width {
                let over = total() - width
                // A wrapped column (a quarantined row's reasons) is read whole: never narrowed.
                let cuttable = current.indices.filter { c in
                    !reader.kinds[c].isNumeric && reader.kinds[c] != .id && !wraps[c] && current[c] > max(16, reader.headers[c].count)
                }
                if let c = cuttable.max(by: { current[$0] < current[$1] }) {
                    limits[c] = max(16, reader.headers[c].count, current[c] - over)
                } else if reader.headers.count > 1 {
                    reader.headers.removeLast()
                    reader.names.removeLast()
                    reader.kinds.removeLast()
                    limits.removeLast()
                    wraps.removeLast()
                    flat = flat.map { Array($0.dropLast()) }
                    dropped += 1
                } else {
                    break
                }
                current = widths()
            }
        }
        let columns = reader.headers
        // Each row as lines of cells: a wrapped cell spreads over lines, the others stay on the first.
        let lines: [[[String]]] = flat.map { row in
            let cells = row.enumerated().map { c, text in
                wraps[c] ? Self.wrap(text, width: limits[c]) : [text.count > limits[c] ? String(text.prefix(limits[c] - 1)) + "…" : text]
            }
            let height = cells.map(\.count).max() ?? 1
            return (0..<height).map { i in cells.map { i < $0.count ? $0[i] : "" } }
        }
        let cut = lines.flatMap { $0 }
        let widths = columns.indices.map { c in max(columns[c].count, cut.map { $0[c].count }.max() ?? 0) }
        func line(_ cells: [String]) -> String {
            zip(cells, widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }
                .joined(separator: "  ").replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
        }
        var out = reader.notes.map { terminalSafe($0) + "\n" }.joined() + (reader.notes.isEmpty ? "" : "\n")
        out += line(columns.map { terminalSafe($0, keepLineFeeds: false) }) + "\n" + line(widths.map { String(repeating: "-", count: $0) }) + "\n"
        for row in cut { out += line(row) + "\n" }
        let hidden = omittedColumns + dropped
        out += "(\(plural(rows.count, "row"))" + (hidden == 0 ? "" : "; \(plural(hidden, "more column")): --wide shows them all, --columns NAME,... picks them") + ")\n"
        return out
    }

    /// `text` in lines of at most `width` characters, broken at spaces (a longer word is cut).
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: false) {
            var word = Substring(word)
            while word.count > width {
                if !current.isEmpty { lines.append(current); current = "" }
                lines.append(String(word.prefix(width)))
                word = word.dropFirst(width)
            }
            if current.isEmpty {
                current = String(word)
            } else if current.count + 1 + word.count <= width {
                current += " " + word
            } else {
                lines.append(current)
                current = String(word)
            }
        }
        lines.append(current)
        return lines
    }
}
