import Foundation

/// An estimate of how many US Letter pages a printable questionnaire (``PrintableHTML``) takes,
/// from the length of its text: said when the form is written, so that a form too long to field
/// on paper is noticed before it is printed (`.ci/check_print.sh` counts the real pages with
/// Chromium).
///
/// The model follows the page's style sheet: a Letter page less its margins holds about 700
/// points of height and 7.3 inches of line; a paragraph or option takes its lines (about 95
/// characters of 11-point text a line, 14.5 points each) and a little space; an option of a
/// list printed in two columns (more than 12 options) takes half its lines, short options
/// printed on one line share it, and the questions of a work role's section (printed in two
/// columns of 9.5-point type, about 52 characters a line) half theirs. A two-column list's lines
/// are weighted by 1.45: so calibrated, the model gives for the belize-core employer form 16
/// pages without KSA gaps (Chromium: 16), 20 and 21 with the compact checklists of `--ksa-gaps`
/// (Chromium: 19 in English, 21 in Spanish) and 57 and 59 with every KSA (Chromium printed 57
/// and 60 while a role's section was still kept whole).
package enum PrintedPages {
    /// Above this many pages `workforce survey` warns that the form is long for paper.
    package static let warningLimit = 20

    static let pageHeight = 700.0
    static let charactersPerLine = 95.0
    static let lineHeight = 14.5
    /// The weight of a line of a two-column option list (long KSA statements wrap more than
    /// their length says, and each option keeps its box).
    static let columnListWeight = 1.45
    /// A line of a work role's two columns of 9.5-point type, as a share of a full line's
    /// characters, and its height in points.
    static let rowsColumnWidth = 0.55
    static let rowsLineHeight = 12.5

    /// The estimated number of Letter pages of `html`, at least 1.
    package static func estimate(html: String) -> Int {
        var height = 0.0
        var listKind = ""
        var inlineCharacters = 0.0
        // Inside a work role's compact questions (two columns of smaller type), until its section ends.
        var inRows = false
        func lines(_ characters: Double, width: Double = 1) -> Double { max(1, (characters / (charactersPerLine * width)).rounded(.up)) }
        func flushInline() {
            if inlineCharacters > 0 { height += lines(inlineCharacters) * lineHeight + 2 }
            inlineCharacters = 0
        }
        var rest = Substring(html)
        while let open = rest.range(of: "<") {
            rest = rest[open.upperBound...]
            guard let close = rest.firstIndex(of: ">") else { break }
            let tag = rest[..<close]
            rest = rest[rest.index(after: close)...]
            let name = tag.prefix { $0 != " " && $0 != ">" }
            switch name {
            case "div" where tag.contains("class=\"rows\""):
                inRows = true
            case "/section":
                inRows = false
            case "ul":
                listKind = tag.contains("cols") ? "cols" : tag.contains("inline") ? "inline" : "list"
            case "/ul":
                flushInline()
                listKind = ""
            case "li", "p", "h1", "h2", "h3", "h4":
                let end = rest.range(of: "</\(name)>")?.lowerBound ?? rest.endIndex
                let text = Double(plainLength(rest[..<end]))
                switch (name, listKind) {
                case ("li", "inline"): inlineCharacters += text + 4
                case ("li", "cols"): height += (lines(text, width: 0.48) * lineHeight / 2 + 1) * columnListWeight
                // A work role's checklist (a KSA-gap question of ten options) wraps in its narrow
                // column of smaller type: about 52 characters a line, 12.5 points, half the height.
                case ("li", _) where inRows: height += (lines(text, width: rowsColumnWidth) * rowsLineHeight + 1) / 2
                case ("li", _): height += lines(text) * lineHeight + 1
                case ("h1", _): height += 30
                case ("h2", _): height += lines(text) * 18 + 22
                case ("h3", _), ("h4", _): height += lines(text) * 16 + 16
                default:
                    let small = tag.contains("instr") || tag.contains("hint") || tag.contains("skip") ? 1.15 : 1
                    height += inRows ? (lines(text, width: rowsColumnWidth * small) * rowsLineHeight + 3) / 2 : lines(text, width: small) * lineHeight + 3
                }
            case "div" where tag.contains("class=\"q"):
                height += inRows ? 3 : 6
            case "div" where tag.contains("answer"):
                height += tag.contains("line") ? 20 : 0
            default:
                break
            }
        }
        return max(1, Int((height / pageHeight).rounded(.up)))
    }

    /// The number of characters of `html` outside its tags.
    static func plainLength(_ html: Substring) -> Int {
        var count = 0
        var inTag = false
        for c in html {
            if c == "<" { inTag = true } else if c == ">" { inTag = false } else if !inTag { count += 1 }
        }
        return count
    }
}
