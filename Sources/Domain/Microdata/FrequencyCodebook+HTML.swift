/// The frequency codebook as one self-contained HTML page.
extension FrequencyCodebook {
    package func html() -> String {
        var out = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <title>\(Markup.escape(title))</title>
            <style>
            body { font-family: system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #1a1a1a; }
            h2 { font-size: 1.1rem; margin-top: 2rem; border-top: 1px solid #ccc; padding-top: 1rem; }
            table { border-collapse: collapse; margin: 0.5rem 0; }
            th, td { border: 1px solid #ccc; padding: 0.2rem 0.6rem; text-align: left; }
            td.n { text-align: right; font-variant-numeric: tabular-nums; }
            code { background: #f3f3f3; padding: 0 0.2rem; }
            </style>
            </head>
            <body>
            <h1>\(inline(title))</h1>
            <ul>\(preamble.map { "<li>\(inline($0))</li>" }.joined())</ul>

            """
        for entry in entries {
            out += "<section>\n<h2>\(inline(entry.title))</h2>\n"
            if !entry.facts.isEmpty { out += "<ul>" + entry.facts.map { "<li>\(inline($0))</li>" }.joined() + "</ul>\n" }
            out += "<table>\n<thead><tr>" + entry.columns.map { "<th>\(Markup.escape($0))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
            for row in entry.rows {
                out += "<tr>" + row.map { cell in
                    let numeric = !cell.isEmpty && cell.allSatisfy { $0.isNumber || $0 == "." || $0 == "<" || $0 == "–" || $0 == "-" }
                    return numeric ? "<td class=\"n\">\(Markup.escape(cell))</td>" : "<td>\(inline(cell))</td>"
                }.joined() + "</tr>\n"
            }
            out += "</tbody>\n</table>\n</section>\n"
        }
        return out + "</body>\n</html>\n"
    }

    /// Escaped text with Markdown's `code` spans as `<code>`.
    func inline(_ text: String) -> String {
        let parts = text.components(separatedBy: "`")
        return parts.enumerated().map { i, part in
            i % 2 == 1 && i < parts.count - 1 ? "<code>\(Markup.escape(part))</code>" : Markup.escape(part) + (i % 2 == 1 ? "`" : "")
        }.joined()
    }
}
