/// The one escaper for text put into HTML, XML (the `.xlsx` parts) and SVG.
public enum Markup {
    /// `text` with `& < > " '` escaped, safe in element content and quoted attributes, and the
    /// control characters XML 1.0 and HTML forbid (all below U+0020 but tab, line feed and
    /// carriage return; U+FFFE and U+FFFF) removed.
    public static func escape(_ text: String) -> String {
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
public func plural(_ count: Int, _ noun: String, _ plural: String? = nil) -> String {
    "\(count) \(count == 1 ? noun : plural ?? noun + "s")"
}

/// At most the first 40 characters of `text`, then `…`: what a message quotes of any value, so
/// that no cell, column name or id, however long, is echoed whole.
public func valuePrefix(_ text: String) -> String {
    text.count > 40 ? String(text.prefix(40)) + "…" : text
}

/// Text for a terminal: control characters (ESC sequences that could recolour, move the
/// cursor or rewrite the screen, and the rest of C0, DEL and C1) shown as `\u{1B}`, never sent
/// raw. Line feeds stay when `keepLineFeeds` is true.
public func terminalSafe(_ text: String, keepLineFeeds: Bool = true) -> String {
    guard text.unicodeScalars.contains(where: { isControl($0) && !(keepLineFeeds && $0 == "\n") }) else { return text }
    var out = ""
    for scalar in text.unicodeScalars {
        if isControl(scalar) && !(keepLineFeeds && scalar == "\n") {
            out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
        } else {
            out.unicodeScalars.append(scalar)
        }
    }
    return out
}

private func isControl(_ s: Unicode.Scalar) -> Bool {
    s.value < 0x20 || (0x7F...0x9F).contains(s.value)
}
