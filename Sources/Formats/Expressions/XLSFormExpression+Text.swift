extension XLSFormExpression {
    /// The expression written back as XLSForm text, with parentheses only where precedence
    /// needs them; `reference` writes each `${name}` (the printed forms put "question 12").
    package func text(reference: (String) -> String = { "${\($0)}" }) -> String {
        switch self {
        case .literal(let s): return s.contains("'") ? "\"\(s)\"" : "'\(s)'"
        case .number(let d): return Value.number(d).asString
        case .reference(let name): return reference(name)
        case .current: return "."
        case .call(let name, let args): return "\(name)(" + args.map { $0.text(reference: reference) }.joined(separator: ", ") + ")"
        case .binary(let op, let a, let b):
            let level = Self.precedence(op)
            let left = a.text(reference: reference), right = b.text(reference: reference)
            let l = a.precedence < level ? "(\(left))" : left
            let r = b.precedence <= level ? "(\(right))" : right
            return "\(l) \(op) \(r)"
        }
    }

    /// The clauses of a chain of `op` (`and` or `or`) at the top of the expression, in order:
    /// `a and (b and c)` gives `[a, b, c]`; any other expression is its own single clause.
    package func flattened(_ op: String) -> [XLSFormExpression] {
        if case .binary(op, let a, let b) = self { return a.flattened(op) + b.flattened(op) }
        return [self]
    }

    private var precedence: Int {
        if case .binary(let op, _, _) = self { return Self.precedence(op) }
        return 9
    }

    private static func precedence(_ op: String) -> Int {
        switch op {
        case "or": return 1
        case "and": return 2
        case "=", "!=", "<", "<=", ">", ">=": return 3
        case "+", "-": return 4
        default: return 5
        }
    }
}
