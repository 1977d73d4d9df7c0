/// A ``CompiledExpression`` read as a condition (`relevant`, `constraint`), flattened into a
/// list of steps over a stack of booleans, so that checking a row walks an array of plain values
/// rather than a tree of boxes (each visit of a boxed node cost a reference count). What it
/// says is what evaluating the expression and reading it as a boolean says: tests of choices
/// and counts are steps, without making values; anything else is one step that evaluates its
/// subtree. A class, so that reading it from an array costs one reference count, not one for
/// each of its arrays.
package final class CompiledCondition {
    enum Step {
        case selected(question: Int, choice: Int)
        case isChoice(question: Int, choice: Int?, negated: Bool)
        case count(question: Int, comparison: Comparison, than: Double)
        case constant(Bool)
        case not
        case and
        case or
        /// `subtrees[index]`, evaluated.
        case other(Int)
    }

    enum Comparison {
        case less, lessOrEqual, greater, greaterOrEqual, equal, notEqual

        init?(_ op: String) {
            switch op {
            case "<": self = .less
            case "<=": self = .lessOrEqual
            case ">": self = .greater
            case ">=": self = .greaterOrEqual
            case "=": self = .equal
            case "!=": self = .notEqual
            default: return nil
            }
        }

        func holds(_ x: Double, _ y: Double) -> Bool {
            switch self {
            case .less: x < y
            case .lessOrEqual: x <= y
            case .greater: x > y
            case .greaterOrEqual: x >= y
            case .equal: x == y
            case .notEqual: x != y
            }
        }
    }

    /// The steps in postfix order: operands before their operator.
    private let steps: [Step]
    private let subtrees: [CompiledExpression]
    /// The whole expression, evaluated as a tree when its stack would be deeper than 64
    /// (``isFlat`` false).
    private let tree: CompiledExpression
    private let isFlat: Bool

    package init(_ expression: CompiledExpression) {
        var steps: [Step] = []
        var subtrees: [CompiledExpression] = []
        var depth = 0, deepest = 0
        func add(_ step: Step, pops: Int, pushes: Int) {
            steps.append(step)
            depth += pushes - pops
            deepest = max(deepest, depth)
        }
        func flatten(_ e: CompiledExpression) {
            switch e {
            case .selected(let q, let c):
                if let c { add(.selected(question: q, choice: c), pops: 0, pushes: 1) } else { add(.constant(false), pops: 0, pushes: 1) }
            case .isChoice(let q, let c, let negated): add(.isChoice(question: q, choice: c, negated: negated), pops: 0, pushes: 1)
            case .not(let inner):
                flatten(inner)
                add(.not, pops: 1, pushes: 1)
            case .and(let a, let b):
                flatten(a)
                flatten(b)
                add(.and, pops: 2, pushes: 1)
            case .or(let a, let b):
                flatten(a)
                flatten(b)
                add(.or, pops: 2, pushes: 1)
            case .binary(let op, .countSelected(let q), .number(let d)) where Comparison(op) != nil:
                add(.count(question: q, comparison: Comparison(op) ?? .equal, than: d), pops: 0, pushes: 1)
            default:
                subtrees.append(e)
                add(.other(subtrees.count - 1), pops: 0, pushes: 1)
            }
        }
        flatten(expression)
        self.steps = steps
        self.subtrees = subtrees
        tree = expression
        isFlat = deepest <= 64
    }

    /// Whether the condition holds for `answers` (`current` is the value `.` stands for).
    package func holds<A: CompiledExpression.Answers>(_ answers: A, current: XLSFormExpression.Value) -> Bool {
        guard isFlat else { return tree.evaluate(answers, current: current).asBool }
        // The stack: bit 0 is its top.
        var stack: UInt64 = 0
        for i in steps.indices {
            switch steps[i] {
            case .selected(let q, let c): stack = stack << 1 | (answers.isSelected(q, c) ? 1 : 0)
            case .isChoice(let q, let c, let negated):
                let equal = c != nil && answers.choice(q) == c
                stack = stack << 1 | (equal != negated ? 1 : 0)
            case .count(let q, let comparison, let d):
                stack = stack << 1 | (comparison.holds(Double(answers.countSelected(q)), d) ? 1 : 0)
            case .constant(let b): stack = stack << 1 | (b ? 1 : 0)
            case .not: stack ^= 1
            case .and: stack = (stack >> 2) << 1 | (stack & (stack >> 1) & 1)
            case .or: stack = (stack >> 2) << 1 | ((stack | (stack >> 1)) & 1)
            case .other(let k): stack = stack << 1 | (subtrees[k].evaluate(answers, current: current).asBool ? 1 : 0)
            }
        }
        return stack & 1 == 1
    }
}
