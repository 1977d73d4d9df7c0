/// The row's answers as `relevant` and `constraint` expressions read them
/// (``CompiledExpression/Answers``).
extension RowValidator {
    /// A question's answer as XForms sees it: numbers as numbers, the rest as strings (empty
    /// when unanswered).
    func value(_ q: Int) -> XLSFormExpression.Value {
        switch answers[q] {
        case .missing: return .string("")
        case .choice(let c): return .string(matchers[q]?.names[c] ?? "")
        case .choices: return .string(selected[q].compactMap { matchers[q]?.names[$0] }.joined(separator: " "))
        case .integer(let v): return .number(Double(v))
        case .decimal(let v): return .number(v)
        case .text(let s): return .string(s)
        }
    }

    func isSelected(_ q: Int, _ choice: Int) -> Bool {
        if case .choices = answers[q] { return selected[q].contains(choice) }
        if case .choice(let c) = answers[q] { return c == choice }
        return false
    }

    func choice(_ q: Int) -> Int? {
        if case .choice(let c) = answers[q] { return c }
        return nil
    }

    func countSelected(_ q: Int) -> Int {
        switch answers[q] {
        case .choices: selected[q].count
        case .missing: 0
        default: 1
        }
    }
}
