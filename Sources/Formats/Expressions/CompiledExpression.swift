/// An ``XLSFormExpression`` with its `${name}` references resolved to question indices and its
/// `selected(${q}, 'choice')` and `${q} = 'choice'` tests resolved to choice indices, so that
/// checking a row compares integers instead of building and splitting strings.
package indirect enum CompiledExpression {
    case literal(String)
    case number(Double)
    case reference(Int)
    case current
    /// `selected(${q}, 'c')`; `nil` when `c` is not a choice of `q` (always false).
    case selected(question: Int, choice: Int?)
    /// `${q} = 'c'` (or `!=`) on a select_one question.
    case isChoice(question: Int, choice: Int?, negated: Bool)
    /// `count-selected(${q})` (or of `.`, the question being checked).
    case countSelected(question: Int)
    case not(CompiledExpression)
    case and(CompiledExpression, CompiledExpression)
    case or(CompiledExpression, CompiledExpression)
    case call(String, [CompiledExpression])
    case binary(String, CompiledExpression, CompiledExpression)

    /// The answers of the row being checked, as the expression sees them.
    package protocol Answers {
        func value(_ question: Int) -> XLSFormExpression.Value
        func isSelected(_ question: Int, _ choice: Int) -> Bool
        func choice(_ question: Int) -> Int?
        func countSelected(_ question: Int) -> Int
    }

    /// Compiles `expression`; `index` finds a question by name, `choice` a choice of a question;
    /// `current` is the question a constraint belongs to (what `.` means), when known.
    package init(
        _ expression: XLSFormExpression, index: (String) -> Int?, choice: (Int, String) -> Int?, isSelectOne: (Int) -> Bool,
        current: Int? = nil
    ) {
        func compile(_ e: XLSFormExpression) -> CompiledExpression {
            CompiledExpression(e, index: index, choice: choice, isSelectOne: isSelectOne, current: current)
        }
        /// The question an argument names: `${q}`, or `.` for the current one.
        func question(_ e: XLSFormExpression) -> Int? {
            switch e {
            case .reference(let name): index(name)
            case .current: current
            default: nil
            }
        }
        switch expression {
        case .literal(let s): self = .literal(s)
        case .number(let d): self = .number(d)
        case .current: self = .current
        case .reference(let name): self = index(name).map { .reference($0) } ?? .literal("")
        case .call("selected", let args) where args.count == 2:
            if let q = question(args[0]), case .literal(let value) = args[1] {
                self = .selected(question: q, choice: choice(q, value))
            } else {
                self = .call("selected", args.map(compile))
            }
        case .call("count-selected", let args) where args.count == 1 && question(args[0]) != nil:
            self = .countSelected(question: question(args[0]) ?? 0)
        case .call("not", let args) where args.count == 1:
            self = .not(compile(args[0]))
        case .call(let name, let args):
            self = .call(name, args.map(compile))
        case .binary(let op, .reference(let name), .literal(let value)) where op == "=" || op == "!=":
            if let q = index(name), isSelectOne(q) {
                self = .isChoice(question: q, choice: choice(q, value), negated: op == "!=")
            } else {
                self = .binary(op, compile(.reference(name)), .literal(value))
            }
        case .binary("and", let a, let b):
            self = .and(compile(a), compile(b))
        case .binary("or", let a, let b):
            self = .or(compile(a), compile(b))
        case .binary(let op, let a, let b):
            self = .binary(op, compile(a), compile(b))
        }
    }

    /// Whether `.` (the value being checked) appears other than as the question of `selected`
    /// or `count-selected`, so that the value has to be worked out before evaluating.
    package var usesCurrent: Bool {
        switch self {
        case .current: true
        case .literal, .number, .reference, .selected, .isChoice, .countSelected: false
        case .not(let inner): inner.usesCurrent
        case .and(let a, let b), .or(let a, let b), .binary(_, let a, let b): a.usesCurrent || b.usesCurrent
        case .call(_, let args): args.contains { $0.usesCurrent }
        }
    }

    package func evaluate<A: Answers>(_ answers: A, current: XLSFormExpression.Value) -> XLSFormExpression.Value {
        switch self {
        case .literal(let s): return .string(s)
        case .number(let d): return .number(d)
        case .reference(let q): return answers.value(q)
        case .current: return current
        case .selected(let q, let c):
            guard let c else { return .bool(false) }
            return .bool(answers.isSelected(q, c))
        case .isChoice(let q, let c, let negated):
            let equal = c != nil && answers.choice(q) == c
            return .bool(negated ? !equal : equal)
        case .countSelected(let q): return .number(Double(answers.countSelected(q)))
        case .not(let inner): return .bool(!inner.evaluate(answers, current: current).asBool)
        case .call(let name, let args):
            // Rare functions: evaluate through the generic evaluator on strings.
            let values = args.map { $0.evaluate(answers, current: current) }
            let generic = XLSFormExpression.call(name, values.map { .literal($0.asString) })
            return generic.evaluate { _ in "" }
        case .and(let a, let b):
            return .bool(a.evaluate(answers, current: current).asBool && b.evaluate(answers, current: current).asBool)
        case .or(let a, let b):
            return .bool(a.evaluate(answers, current: current).asBool || b.evaluate(answers, current: current).asBool)
        case .binary(let op, let a, let b):
            return XLSFormExpression.compare(op, a.evaluate(answers, current: current), b.evaluate(answers, current: current))
        }
    }
}

extension CompiledExpression.Answers {
    /// How many choices question `q` has ticked, from its value as XForms sees it.
    package func countSelected(_ question: Int) -> Int {
        value(question).asString.split(separator: " ").count
    }
}
