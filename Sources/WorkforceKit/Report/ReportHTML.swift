/// The pieces of the self-contained HTML pages: style, tables, escaping. No network: CSS
/// inline, charts as inline SVG, text from data always escaped.
enum ReportHTML {
    static let style = """
        body { font-family: "Helvetica Neue", Arial, sans-serif; font-size: 11pt; line-height: 1.4; color: #1b1b1b; max-width: 60rem; margin: 1.5rem auto; padding: 0 1rem; }
        h1 { font-size: 20pt; margin-bottom: 0.2rem; } h2 { font-size: 15pt; border-bottom: 2px solid #0b4f6c; padding-bottom: 0.2rem; margin-top: 2rem; }
        h3 { font-size: 12pt; } .meta, .note { color: #555; font-size: 9.5pt; } .synthetic { background: #fff3cd; border: 1px solid #e0c060; padding: 0.4rem 0.6rem; }
        table { border-collapse: collapse; width: 100%; font-size: 9pt; margin: 0.6rem 0; } th, td { border: 1px solid #ccc; padding: 2px 5px; text-align: left; vertical-align: top; }
        td.n { text-align: right; font-variant-numeric: tabular-nums; } th { background: #eef3f6; } tr { page-break-inside: avoid; }
        .figures { display: flex; flex-wrap: wrap; gap: 0.6rem; padding: 0; list-style: none; } .figures li { border: 1px solid #ccd; padding: 0.4rem 0.7rem; min-width: 10rem; }
        .figures .value { font-size: 16pt; font-weight: bold; display: block; } svg { max-width: 100%; height: auto; }
        nav ul { columns: 2; } @page { margin: 15mm; } @media print { body { max-width: none; margin: 0; } h2 { page-break-before: always; } nav { display: none; } }
        """

    static func page(title: String, body: String, script: String? = nil) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(Markup.escape(title))</title>
        <style>\(style)</style>
        </head>
        <body>
        \(body)\(script.map { "\n<script>\($0)</script>" } ?? "")
        </body>
        </html>

        """
    }

    /// A table, with suppressed figures shown as "suppressed" and numbers right-aligned.
    static func table(_ table: ResultTable, caption: String? = nil, limit: Int? = nil) -> String {
        var out = "<table>" + (caption.map { "<caption>\(Markup.escape($0))</caption>" } ?? "") + "<thead><tr>"
        out += table.columns.map { "<th scope=\"col\">\(Markup.escape($0))</th>" }.joined() + "</tr></thead><tbody>"
        let suppressed = table.columns.firstIndex(of: "suppressed")
        for row in table.rows.prefix(limit ?? table.rows.count) {
            let hidden = suppressed.map { row[$0] == .bool(true) } ?? false
            out += "<tr>"
            for cell in row {
                switch cell {
                case .null: out += "<td>\(hidden ? "suppressed" : "")</td>"
                case .int, .double: out += "<td class=\"n\">\(Markup.escape(shown(cell)))</td>"
                default: out += "<td>\(Markup.escapeCell(cell.plainText))</td>"
                }
            }
            out += "</tr>"
        }
        out += "</tbody></table>"
        if let limit, table.rows.count > limit {
            out += "<p class=\"note\">First \(limit) of \(table.rows.count) rows; every row is in the CSV and JSON tables.</p>"
        }
        return out
    }

    /// A number as a person reads it: whole numbers as they are, others to three decimals.
    static func shown(_ cell: Cell) -> String {
        switch cell {
        case .double(let d): abs(d) < 1e12 ? Int(exactly: d).map(String.init) ?? String(format: "%.3f", d) : String(format: "%.3f", d)
        default: cell.plainText
        }
    }

    static func paragraph(_ text: String, class name: String? = nil) -> String {
        "<p\(name.map { " class=\"\($0)\"" } ?? "")>\(Markup.escape(text))</p>"
    }
}
