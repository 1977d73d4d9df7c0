/// The report as a typed, language-neutral document: blocks of headings, paragraphs, figures,
/// tables, charts and notes, written once and rendered by one renderer per format
/// (``ReportDocument/html`` and ``ReportDocument/markdown``; the tables' CSV and JSON come from
/// the same typed figures). A section returns blocks; the renderers decide the markup.
///
/// Sections still written as markup (``ReportBlock/markup(html:markdown:)``) are the ones not yet
/// moved to typed blocks; `docs/report.md` lists them.
package struct ReportDocument: Sendable {
    package var title: String
    package var blocks: [ReportBlock]
    /// The page's language (`<html lang>`).
    package var language: ReaderLanguage

    package init(title: String, blocks: [ReportBlock], language: ReaderLanguage = .en) {
        self.title = title
        self.blocks = blocks
        self.language = language
    }
}

/// How a paragraph reads: running text, a note (smaller, grey; italic in Markdown), a warning
/// that must be seen first (a banner; bold in Markdown), or the page's byline.
package enum ParagraphStyle: String, Sendable {
    case body, note, warning, meta
}

/// A part of a paragraph: text (a `formula` or `file` between backticks is code; ids never
/// break), a typed figure written by the one formatter, or a link.
package enum ReportInline: Sendable {
    case text(String)
    case figure(ReportFigure)
    case link(String, href: String)
}

/// One block of the report.
package indirect enum ReportBlock: Sendable {
    case heading(level: Int, text: String)
    case paragraph([ReportInline], style: ParagraphStyle = .body)
    /// A bulleted list, one paragraph per item.
    case list([[ReportInline]])
    /// The summary's figures: each label with its figure, value first.
    case figures([(label: String, figure: ReportFigure)])
    /// A table for readers (``ResultTable/forReaders(_:labels:)``): past `limit` rows the first
    /// `top` and the rest folded; past `most`, the file `csv` is named for the rest.
    case table(ResultTable, limit: Int = 25, top: Int = 15, most: Int = 200, csv: String? = nil)
    /// An inline SVG chart with its caption (HTML only: Markdown has the table beside it).
    case chart(svg: String, caption: String)
    /// Blocks folded under `summary` (printing expands a `more` one).
    case details(summary: String, blocks: [ReportBlock], more: Bool = false)
    /// A part of the page: `<section>`, `<header>` or `<nav>` with its id, class and label.
    case part(Part, blocks: [ReportBlock])
    /// Blocks only one format shows (the contents list is HTML only).
    case only(Format, [ReportBlock])
    /// Markup written by a section not yet moved to typed blocks.
    case markup(html: String, markdown: String)

    /// A rendered format.
    package enum Format: Sendable { case html, markdown }

    /// An HTML container.
    package struct Part: Sendable {
        package var element: String
        package var id: String?
        package var className: String?
        package var label: String?

        package init(_ element: String, id: String? = nil, className: String? = nil, label: String? = nil) {
            self.element = element
            self.id = id
            self.className = className
            self.label = label
        }
    }
}
