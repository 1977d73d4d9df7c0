/// The two renderers of ``ReportDocument``: HTML (the self-contained page) and Markdown. Each
/// block is written by exactly one case of each; figures by ``ReportFigure/shown(_:words:)``.
extension ReportDocument {
    /// The whole self-contained page.
    package var html: String { ReportHTML.page(title: title, body: Self.html(blocks, language), language: language) }

    /// The whole Markdown file.
    package var markdown: String { Self.markdown(blocks, language) }

    static func html(_ blocks: [ReportBlock], _ language: ReaderLanguage) -> String {
        blocks.map { html($0, language) }.joined()
    }

    static func html(_ block: ReportBlock, _ language: ReaderLanguage) -> String {
        switch block {
        case .heading(let level, let text):
            return "<h\(level)>\(Markup.escape(text))</h\(level)>"
        case .paragraph(let inlines, let style):
            let name: String? = switch style {
            case .body: nil
            case .note: "note"
            case .warning: "synthetic"
            case .meta: "meta"
            }
            return "<p\(name.map { " class=\"\($0)\"" } ?? "")>\(html(inlines, language))</p>"
        case .list(let items):
            return "<ul>" + items.map { "<li>\(html($0, language))</li>" }.joined() + "</ul>"
        case .figures(let figures):
            return "<ul class=\"figures\">"
                + figures.map {
                    "<li><span class=\"value\" data-figure=\"\(Markup.escape($0.label))\">\(Markup.escape($0.figure.shown(language)))</span>\(Markup.escape($0.label))</li>"
                }.joined() + "</ul>"
        case .table(let table, let limit, let top, let most, let csv):
            return ReportHTML.table(table, limit: limit, top: top, most: most, csv: csv, language: language)
        case .chart(let svg, let caption):
            return SVGChart.figure(svg, base: caption)
        case .details(let summary, let blocks, let more):
            return "<details\(more ? " class=\"more\"" : "")><summary>\(Markup.escape(summary))</summary>" + html(blocks, language) + "</details>"
        case .part(let part, let blocks):
            var open = "<\(part.element)"
            if let id = part.id { open += " id=\"\(Markup.escape(id))\"" }
            if let name = part.className { open += " class=\"\(Markup.escape(name))\"" }
            if let label = part.label { open += " aria-label=\"\(Markup.escape(label))\"" }
            return open + ">" + html(blocks, language) + "</\(part.element)>"
        case .only(let format, let blocks):
            return format == .html ? html(blocks, language) : ""
        case .markup(let html, _):
            return html
        }
    }

    static func html(_ inlines: [ReportInline], _ language: ReaderLanguage) -> String {
        inlines.map { inline in
            switch inline {
            case .text(let text): ReportHTML.prose(text)
            case .figure(let figure): Markup.escape(figure.shown(language))
            case .link(let text, let href): "<a href=\"\(Markup.escape(href))\">\(Markup.escape(text))</a>"
            }
        }.joined()
    }

    static func markdown(_ blocks: [ReportBlock], _ language: ReaderLanguage) -> String {
        blocks.map { markdown($0, language) }.joined()
    }

    static func markdown(_ block: ReportBlock, _ language: ReaderLanguage) -> String {
        switch block {
        case .heading(let level, let text):
            return String(repeating: "#", count: level) + " " + Markup.markdownText(text) + "\n\n"
        case .paragraph(let inlines, let style):
            let text = markdown(inlines, language)
            switch style {
            case .body, .meta: return text + "\n\n"
            case .note: return "_\(text)_\n\n"
            case .warning: return "**\(text)**\n\n"
            }
        case .list(let items):
            return items.map { "- \(markdown($0, language))\n" }.joined() + "\n"
        case .figures(let figures):
            return figures.map { "- \(Markup.markdownText($0.label)): **\(Markup.markdownText($0.figure.shown(language)))**\n" }.joined() + "\n"
        case .table(let table, let limit, let top, let most, let csv):
            return WorkforceReport.markdown(table, limit: limit, top: top, most: most, csv: csv, language: language)
        case .chart:
            return ""
        case .details(let summary, let blocks, _):
            return "<details><summary>\(Markup.escape(summary))</summary>\n\n" + markdown(blocks, language) + "\n</details>\n\n"
        case .part(_, let blocks):
            return markdown(blocks, language)
        case .only(let format, let blocks):
            return format == .markdown ? markdown(blocks, language) : ""
        case .markup(_, let markdown):
            return markdown
        }
    }

    static func markdown(_ inlines: [ReportInline], _ language: ReaderLanguage) -> String {
        inlines.map { inline in
            switch inline {
            case .text(let text): Markup.markdownText(text)
            case .figure(let figure): Markup.markdownText(figure.shown(language))
            case .link(let text, let href): "[\(Markup.markdownText(text))](\(href))"
            }
        }.joined()
    }
}
