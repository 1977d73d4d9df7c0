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
        td.id, .id { white-space: nowrap; } td.wrap, .wrap { overflow-wrap: anywhere; } details.more > summary { cursor: pointer; color: #0b4f6c; font-size: 9.5pt; }
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

    /// A table for readers (``ResultTable/forReaders(_:labels:)``): headers in words, numbers
    /// rounded by kind and right-aligned, ids never broken, long hashes wrapped. A table longer
    /// than `limit` rows shows its first `top` rows; the rest follow in a `<details>` (still in
    /// the page, so printing can expand them); past `most` rows, the page names the CSV instead.
    static func table(_ table: ResultTable, caption: String? = nil, limit: Int = 25, top: Int = 15, most: Int = 200, csv: String? = nil) -> String {
        let reader = table.forReaders()
        let total = min(reader.rows.count, most)
        let shown = total > limit ? top : total
        var out = rows(reader, 0..<shown, caption: caption)
        if shown < total {
            out += "<details class=\"more\"><summary>The other \(total - shown) rows (\(reader.rows.count) in all; every row is also in the CSV and JSON tables)</summary>"
            out += rows(reader, shown..<total, caption: nil) + "</details>"
        }
        if total < reader.rows.count {
            out += paragraph("The first \(total) of \(reader.rows.count) rows are shown; every row is in \(csv ?? "the CSV and JSON tables").", class: "note")
        }
        return out
    }

    static func rows(_ reader: ReaderTable, _ range: Range<Int>, caption: String?) -> String {
        var out = "<table>" + (caption.map { "<caption>\(Markup.escape($0))</caption>" } ?? "") + "<thead><tr>"
        out += reader.headers.map { "<th scope=\"col\">\(Markup.escape($0))</th>" }.joined() + "</tr></thead><tbody>"
        for row in reader.rows[range] {
            out += "<tr>"
            for (c, text) in row.enumerated() {
                let kind = reader.kinds[c]
                let name = kind.isNumeric ? "n" : kind == .id || kind == .date ? "id" : Self.hasLongToken(text) ? "wrap" : nil
                out += "<td\(name.map { " class=\"\($0)\"" } ?? "")>\(name == nil ? ids(Markup.escape(text)) : Markup.escape(text))</td>"
            }
            out += "</tr>"
        }
        return out + "</tbody></table>"
    }

    /// Whether `text` holds a word too long for a narrow column (a hash, a path).
    static func hasLongToken(_ text: String) -> Bool {
        text.split(separator: " ").contains { $0.count >= 24 }
    }

    /// A summary figure as a person reads it: an estimated count as a whole number; text (a
    /// figure already written for readers, with its interval) as it is.
    static func shown(_ cell: Cell) -> String {
        switch cell {
        case .double(let d): Figure.count(d)
        default: cell.plainText
        }
    }

    static func paragraph(_ text: String, class name: String? = nil) -> String {
        "<p\(name.map { " class=\"\($0)\"" } ?? "")>\(prose(text))</p>"
    }

    /// Running text for the page, escaped: a `formula` or `file name` between backticks as
    /// `<code>`, strata (`sector x size_band`) in words.
    static func prose(_ text: String) -> String {
        let text = Labels.bundled.strata(in: text)
        let parts = text.split(separator: "`", omittingEmptySubsequences: false)
        guard parts.count >= 3 else { return ids(Markup.escape(text)) }
        return parts.enumerated().map { i, part in
            // An odd part is inside backticks; an unpaired last backtick stays as it is.
            i % 2 == 1 && i < parts.count - 1 || i % 2 == 1 && parts.count % 2 == 1
                ? "<code>\(Markup.escape(String(part)))</code>" : ids(Markup.escape(String(part)))
        }.joined()
    }

    /// Escaped text with each id (a role's `OM-ADM-001`, an offering's `ITVET-161`) in a
    /// `<span class="id">`, which never breaks inside.
    static func ids(_ escaped: String) -> String {
        escaped.replacingOccurrences(
            of: "(?<![A-Za-z0-9-])([A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+)(?![A-Za-z0-9-])", with: "<span class=\"id\">$1</span>", options: .regularExpression)
    }
}
