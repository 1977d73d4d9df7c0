/// Joins XLSForm expressions so that precedence can never change what a clause means.
///
/// XPath binds `and` tighter than `or`: `A and B or C` is `(A and B) or C`. A bank rule written
/// `(x and y) or (z and w)` joined to a range check with `and` would lose its own grouping, so
/// every clause the builder joins is wrapped in parentheses (unless it already is one
/// parenthesised whole): `(. >= 1) and ((… ) or (…))`.
enum Clauses {
    /// `clauses` joined by ` and `; `nil` when there are none. A single clause is returned as it is.
    static func all(_ clauses: [String]) -> String? { joined(clauses, "and") }

    /// `clauses` joined by ` or `; `nil` when there are none. A single clause is returned as it is.
    static func any(_ clauses: [String]) -> String? { joined(clauses, "or") }

    private static func joined(_ clauses: [String], _ op: String) -> String? {
        let parts = clauses.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard parts.count > 1 else { return parts.first }
        return parts.map(wrapped).joined(separator: " \(op) ")
    }

    /// `(clause)`, or the clause itself when one pair of parentheses already encloses all of it.
    static func wrapped(_ clause: String) -> String {
        isWrapped(clause) ? clause : "(\(clause))"
    }

    /// Whether the first `(` closes at the last character (quotes respected).
    static func isWrapped(_ clause: String) -> Bool {
        let chars = Array(clause)
        guard chars.first == "(", chars.last == ")" else { return false }
        var depth = 0
        var quote: Character? = nil
        for (i, c) in chars.enumerated() {
            if let q = quote {
                if c == q { quote = nil }
                continue
            }
            switch c {
            case "'", "\"": quote = c
            case "(": depth += 1
            case ")":
                depth -= 1
                if depth == 0 { return i == chars.count - 1 }
            default: break
            }
        }
        return false
    }
}
