import Foundation

/// The one rule for text a spreadsheet could run, used by every output: CSV (``CSVWriter``,
/// the explorer's download through ``javaScript``), Markdown (``Markup/markdownCell(_:isNumber:)``),
/// HTML table cells and the XLSForm CSV's texts.
///
/// A text cell is formula-like when it starts with `=`, `@`, a tab or a carriage return, or with
/// `+` or `-` and is not a figure as the tool shows figures in English or Spanish (`-2`, `+1.5`,
/// `12%`, `+59 (-24 to 142)`, `+8.4 (95% CI +4.9 to +11.9)`, `-39 to 0`, `-1 234` and `+5,0 %` with
/// no-break spaces, `+3 (-5 a 11)`, `+2.8 (IC 95 % +0.3 a +5.2)`, a lone `-` for "no grade"): a
/// spreadsheet may run it (`=HYPERLINK(...)`, `-2+3`,
/// `+cmd|' /C calc'!A0`), so it is written with a `'` in front (OWASP's advice on CSV
/// injection). A figure starts no formula a spreadsheet could act on and is left as it is.
package enum Neutralisation {
    /// Whether `text` is formula-like (see the type's rule).
    package static func isFormulaLike(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first else { return false }
        switch first {
        case "=", "@", "\t", "\r": return true
        case "+", "-": return !isFigure(text)
        default: return false
        }
    }

    /// `text` with a `'` in front when it is formula-like.
    package static func cell(_ text: String) -> String { isFormulaLike(text) ? "'" + text : text }

    /// A number as the tool shows one in English or Spanish: sign, digits with thousands commas or
    /// no-break spaces, decimals, `%`, and an interval `(low to high)`, `(95% CI low to high)`,
    /// `(IC 95 % low a high)` after it; a range `low to high` (`low a high`); a lone `-`.
    static func isFigure(_ text: String) -> Bool {
        text.range(of: figurePattern, options: .regularExpression) != nil
    }

    private static let number = #"[+-]?[0-9][0-9,\u00A0]*(\.[0-9]+)?\u00A0?%?"#
    private static let to = "(to|a)"
    private static let figurePattern =
        "^(\(number)( \\(((95% CI )|(IC 95[ \\u00A0]?% ))?\(number) \(to) \(number)\\))?|\(number) \(to) \(number)|-)$"

    /// The rule in JavaScript, for pages that write CSV themselves (the explorer's download):
    /// `neutralise(s)` returns the cell text, control and bidirectional characters shown as
    /// `\u{..}` as ``textSafe(_:)`` shows them.
    package static let javaScript = #"""
        function neutralise(s) {
          s = String(s).replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g,
            (c) => "\\u{" + c.codePointAt(0).toString(16).toUpperCase() + "}");
          const n = "[+-]?[0-9][0-9,\\u00A0]*(\\.[0-9]+)?\\u00A0?%?";
          const figure = new RegExp("^(" + n + "( \\(((95% CI )|(IC 95[ \\u00A0]?% ))?" + n + " (to|a) " + n + "\\))?|" + n + " (to|a) " + n + "|-)$");
          const c = s.charAt(0);
          return c === "=" || c === "@" || c === "\t" || c === "\r" || ((c === "+" || c === "-") && !figure.test(s)) ? "'" + s : s;
        }
        """#
}
