import Foundation

/// The one escaper for text put into HTML, XML (the `.xlsx` parts) and SVG.
package enum Markup {
    /// `text` with `& < > " '` escaped, safe in element content and quoted attributes, and the
    /// control characters XML 1.0 and HTML forbid (all below U+0020 but tab, line feed and
    /// carriage return; U+FFFE and U+FFFF) removed.
    package static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF: continue
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

/// `count` and the noun, in the plural unless the count is one: `plural(3, "row")` is
/// "3 rows"; irregular plurals are given (`plural(2, "company", "companies")`).
package func plural(_ count: Int, _ noun: String, _ plural: String? = nil) -> String {
    "\(count) \(count == 1 ? noun : plural ?? noun + "s")"
}

/// At most the first 40 characters of `text`, then `…`: what a message quotes of any value, so
/// that no cell, column name or id, however long, is echoed whole.
package func valuePrefix(_ text: String) -> String {
    text.count > 40 ? String(text.prefix(40)) + "…" : text
}

/// Text for a terminal: control characters (ESC sequences that could recolour, move the
/// cursor or rewrite the screen, and the rest of C0, DEL and C1) and the bidirectional controls
/// that make text read in another order than it is stored (U+202E "Trojan Source") shown as
/// `\u{1B}`, `\u{202E}`, never sent raw. Line feeds stay when `keepLineFeeds` is true.
package func terminalSafe(_ text: String, keepLineFeeds: Bool = true) -> String {
    escapingUnsafeScalars(text) { isControl($0) && !(keepLineFeeds && $0 == "\n") }
}

/// Text for a text file (CSV, Markdown): as ``terminalSafe(_:keepLineFeeds:)`` but tab, line
/// feed and carriage return, which such files hold legitimately, stay.
package func textSafe(_ text: String) -> String {
    escapingUnsafeScalars(text) { isControl($0) && $0 != "\n" && $0 != "\r" && $0 != "\t" }
}

extension Markup {
    /// A Markdown table cell or line: `|` escaped, line breaks as spaces, HTML's `& < >` as
    /// entities (a Markdown viewer renders raw HTML, so catalog text `<script>` or `<img
    /// onerror>` must stay text), controls shown as `\u{..}`, and text a spreadsheet would read
    /// as a formula (`=HYPERLINK(...)`) prefixed with `'`, as ``CSVWriter`` does.
    package static func markdownCell(_ text: String, isNumber: Bool = false) -> String {
        var out = ""
        if !isNumber, Neutralisation.isFormulaLike(text) { out = "'" }
        for scalar in textSafe(text).unicodeScalars {
            switch scalar {
            case "|": out += "\\|"
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\n": out += " "
            case "\r": continue
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

extension Markup {
    /// Running Markdown text (a sentence or a list item) from text that may hold data: controls
    /// shown as `\u{..}`, and `<` as `&lt;` outside code spans, so that no raw HTML reaches a
    /// Markdown viewer (an institution named `<img onerror=...>` stays text; inside backticks it
    /// already is). `>` and `&` stay as they are: alone they make no tag, and `>= 0.50` reads
    /// as written in the file.
    package static func markdownText(_ text: String) -> String {
        let parts = textSafe(text).split(separator: "`", omittingEmptySubsequences: false)
        return parts.enumerated().map { i, part in
            let inCode = i % 2 == 1 && (i < parts.count - 1 || parts.count % 2 == 1)
            guard !inCode else { return String(part) }
            var out = ""
            for scalar in part.unicodeScalars {
                if scalar == "<" { out += "&lt;" } else { out.unicodeScalars.append(scalar) }
            }
            return out
        }.joined(separator: "`")
    }
}

extension Markup {
    /// Text for an HTML table cell: ``escape(_:)``, and prefixed with `'` when a spreadsheet
    /// would run it as a formula once copied from the page (`=HYPERLINK(...)`), as CSV and
    /// Markdown cells are.
    package static func escapeCell(_ text: String) -> String {
        escape(Neutralisation.cell(text))
    }
}

private func escapingUnsafeScalars(_ text: String, _ unsafe: (Unicode.Scalar) -> Bool) -> String {
    guard text.unicodeScalars.contains(where: unsafe) else { return text }
    var out = ""
    for scalar in text.unicodeScalars {
        if unsafe(scalar) {
            out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
        } else {
            out.unicodeScalars.append(scalar)
        }
    }
    return out
}

/// C0, DEL, C1, and the bidirectional controls: U+061C, U+200E, U+200F, U+202A to U+202E,
/// U+2066 to U+2069.
private func isControl(_ s: Unicode.Scalar) -> Bool {
    switch s.value {
    case 0..<0x20, 0x7F...0x9F, 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true
    default: false
    }
}
