/// The pieces of the self-contained HTML pages: style, tables, escaping. No network: CSS
/// inline, charts as inline SVG, text from data always escaped.
enum ReportHTML {
    /// The page's style: screen first (one column that fits a 360 px phone: wide tables scroll
    /// inside their own wrapper, charts scale to the width), then print (A4 or Letter: 16 mm
    /// margins, a section per page, headings kept with what follows, figures and table rows whole).
    static let style = """
        body { font-family: "Helvetica Neue", Arial, sans-serif; font-size: 11pt; line-height: 1.4; color: #1b1b1b; max-width: 60rem; margin: 1.5rem auto; padding: 0 1rem; overflow-wrap: break-word; }
        h1 { font-size: 20pt; line-height: 1.2; margin-bottom: 0.2rem; } h2 { font-size: 15pt; border-bottom: 2px solid #0b4f6c; padding-bottom: 0.2rem; margin-top: 2rem; }
        h3 { font-size: 12pt; } h4 { font-size: 11pt; margin: 1rem 0 0.3rem; } .meta, .note { color: #555; font-size: 9.5pt; }
        .synthetic { background: #fff3cd; border: 1px solid #e0c060; padding: 0.4rem 0.6rem; }
        .main-points { background: #eef3f6; border-left: 4px solid #0b4f6c; padding: 0.2rem 1rem 0.4rem; margin: 1rem 0; }
        .main-points h2 { border: 0; margin-top: 0.6rem; } .main-points ul { padding-left: 1.2rem; margin: 0.4rem 0; } .main-points li { margin: 0.35rem 0; }
        .table-wrap { overflow-x: auto; max-width: 100%; margin: 0.6rem 0; }
        table { border-collapse: collapse; width: 100%; font-size: 9pt; } th, td { border: 1px solid #ccc; padding: 2px 5px; text-align: left; vertical-align: top; }
        caption { text-align: left; font-weight: bold; padding: 0.2rem 0; } td.n { text-align: right; font-variant-numeric: tabular-nums; } th { background: #eef3f6; }
        .figures { display: grid; grid-template-columns: repeat(auto-fill, minmax(13rem, 1fr)); gap: 0.5rem; padding: 0; list-style: none; }
        .figures li { border: 1px solid #ccd; padding: 0.4rem 0.6rem; } .figures .value { font-size: 14pt; font-weight: bold; display: block; }
        figure.chart { margin: 0.6rem 0 1.2rem; max-width: 34rem; } figure.chart svg { display: block; width: 100%; height: auto; }
        figure.chart figcaption { color: #555; font-size: 9pt; margin-top: 0.2rem; }
        .id { white-space: nowrap; } td.long { overflow-wrap: anywhere; }
        nav ul { columns: 2; } @media (max-width: 40rem) { nav ul { columns: 1; } body { margin: 0.8rem auto; } }
        @page { size: auto; margin: 16mm 15mm; }
        @media print {
          body { max-width: none; margin: 0; padding: 0; font-size: 10pt; } nav { display: none; }
          section.part > h2 { break-before: page; } h1, h2, h3, h4, caption { break-after: avoid; break-inside: avoid; }
          figure, tr, .figures li, .main-points li { break-inside: avoid; } thead { display: table-header-group; }
          .table-wrap { overflow: visible; } figure.chart { max-width: 28rem; } p, li { orphans: 2; widows: 2; }
          .main-points { margin: 0.5rem 0; padding: 0.1rem 0.8rem 0.2rem; } .figures { grid-template-columns: repeat(3, 1fr); gap: 0.3rem; font-size: 8.5pt; }
          .figures li { padding: 0.2rem 0.4rem; } .figures .value { font-size: 11pt; }
          a { color: inherit; text-decoration: none; }
          details.more::details-content { content-visibility: visible; display: block; } details.more > summary { display: none; }
        }
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
        var out = "<div class=\"table-wrap\"><table>" + (caption.map { "<caption>\(Markup.escape($0))</caption>" } ?? "") + "<thead><tr>"
        out += table.columns.map { "<th scope=\"col\">\(Markup.escape($0))</th>" }.joined() + "</tr></thead><tbody>"
        let suppressed = table.columns.firstIndex(of: "suppressed")
        for row in table.rows.prefix(limit ?? table.rows.count) {
            let hidden = suppressed.map { row[$0] == .bool(true) } ?? false
            out += "<tr>"
            for cell in row {
                switch cell {
                case .null: out += "<td>\(hidden ? "suppressed" : "")</td>"
                case .int, .double: out += "<td class=\"n\">\(Markup.escape(shown(cell)))</td>"
                default: out += cellText(cell.plainText)
                }
            }
            out += "</tr>"
        }
        out += "</tbody></table></div>"
        if let limit, table.rows.count > limit {
            out += "<p class=\"note\">First \(limit) of \(table.rows.count) rows; every row is in the CSV and JSON tables.</p>"
        }
        return out
    }

    /// A text cell: a work role id kept whole on its line ("OM-ADM-001" never breaks at its
    /// hyphens), a token too long for a column (a hash, a path) allowed to wrap anywhere.
    static func cellText(_ text: String) -> String {
        let long = text.split(separator: " ").contains { $0.count > 28 }
        let escaped = Markup.escapeCell(text).replacing(/[A-Z]{2}-[A-Z]{3}-[0-9]{3}/) { "<span class=\"id\">\($0.output)</span>" }
        return "<td\(long ? " class=\"long\"" : "")>\(escaped)</td>"
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
