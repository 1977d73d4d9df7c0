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
        .id { white-space: nowrap; } td.long { overflow-wrap: anywhere; } details.more > summary { cursor: pointer; color: #0b4f6c; font-size: 9.5pt; }
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

    /// A whole page: the report's style (then `extraStyle`, a page's own), `body`, and `script`.
    static func page(title: String, body: String, script: String? = nil, extraStyle: String? = nil, language: ReaderLanguage = .en) -> String {
        """
        <!DOCTYPE html>
        <html lang="\(language.rawValue)">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(Markup.escape(title))</title>
        <style>\(style)\(extraStyle.map { "\n" + $0 } ?? "")</style>
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
    static func table(
        _ table: ResultTable, caption: String? = nil, limit: Int = 25, top: Int = 15, most: Int = 200, csv: String? = nil, language: ReaderLanguage = .en
    ) -> String {
        let reader = table.forReaders(language.rawValue)
        let phrase = Words.bundled.phrasebook(language)
        let total = min(reader.rows.count, most)
        let shown = total > limit ? top : total
        var out = rows(reader, 0..<shown, caption: caption)
        if shown < total {
            let summary = phrase("report.table.other_rows", ["count": Figure.count(Double(total - shown), language.rawValue), "all": Figure.count(Double(reader.rows.count), language.rawValue)])
            out += "<details class=\"more\"><summary>\(Markup.escape(summary))</summary>"
            out += rows(reader, shown..<total, caption: nil) + "</details>"
        }
        if total < reader.rows.count {
            out += paragraph(firstRows(total, of: reader.rows.count, csv: csv, phrase), class: "note")
        }
        return out
    }

    /// "The first 200 of 340 rows are shown; every row is in FILE."
    static func firstRows(_ total: Int, of all: Int, csv: String?, _ phrase: Phrasebook) -> String {
        let count = { (n: Int) in Figure.count(Double(n), phrase.language.rawValue) }
        return phrase("report.table.first_rows", ["count": count(total), "all": count(all), "file": csv ?? phrase("report.table.files")])
    }

    static func rows(_ reader: ReaderTable, _ range: Range<Int>, caption: String?) -> String {
        var out = "<div class=\"table-wrap\"><table>" + (caption.map { "<caption>\(Markup.escape($0))</caption>" } ?? "") + "<thead><tr>"
        out += reader.headers.map { "<th scope=\"col\">\(Markup.escape($0))</th>" }.joined() + "</tr></thead><tbody>"
        for row in reader.rows[range] {
            out += "<tr>"
            for (c, text) in row.enumerated() {
                let kind = reader.kinds[c]
                let name = kind.isNumeric ? "n" : Self.hasLongToken(text) ? "long" : kind == .id || kind == .date ? "id" : nil
                out += "<td\(name.map { " class=\"\($0)\"" } ?? "")>\(name == nil ? ids(Markup.escapeCell(text)) : Markup.escapeCell(text))</td>"
            }
            out += "</tr>"
        }
        return out + "</tbody></table></div>"
    }

    /// Whether `text` holds a word too long for a narrow column (a hash, a path).
    static func hasLongToken(_ text: String) -> Bool {
        text.split(separator: " ").contains { $0.count > 28 }
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
