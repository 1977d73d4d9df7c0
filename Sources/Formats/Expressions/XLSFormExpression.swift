import Foundation

/// The part of XLSForm's expression language (XPath 1.0) that `relevant` and `constraint`
/// cells use: `and`, `or`, `not()`, comparisons, `+ - * div mod`, `selected()`,
/// `count-selected()`, `string-length()`, `regex()`, `${name}` references, `.` (the answer itself),
/// quoted strings and numbers.
///
/// Values follow XForms: every answer is a string (empty when unanswered); comparing with a
/// number compares numerically, and an empty string is NaN, so `${n} > 0` is false when `n`
/// was not answered.
package indirect enum XLSFormExpression: Sendable, Equatable {
    case literal(String)
    case number(Double)
    case reference(String)
    case current
    case call(String, [XLSFormExpression])
    case binary(String, XLSFormExpression, XLSFormExpression)

    /// The value of an expression: XPath's string, number and boolean.
    package enum Value: Equatable {
        case string(String)
        case number(Double)
        case bool(Bool)

        var asNumber: Double {
            switch self {
            case .number(let d): return d
            case .bool(let b): return b ? 1 : 0
            case .string(let s):
                let t = s.trimmingCharacters(in: .whitespaces)
                return t.isEmpty ? .nan : Double(t) ?? .nan
            }
        }
        package var asBool: Bool {
            switch self {
            case .bool(let b): return b
            case .number(let d): return d != 0 && !d.isNaN
            case .string(let s): return !s.isEmpty
            }
        }
        package var asString: String {
            switch self {
            case .string(let s): return s
            case .bool(let b): return b ? "true" : "false"
            case .number(let d): return d == d.rounded() && abs(d) < 1e15 ? String(Int64(d)) : String(d)
            }
        }
    }

    /// Parses `text`.
    ///
    /// - Throws: ``XLSFormExpressionError`` naming the offending position.
    package static func parse(_ text: String) throws(XLSFormExpressionError) -> XLSFormExpression {
        var parser = ExpressionParser(tokens: try ExpressionParser.tokenize(text), text: text)
        let expression = try parser.parseOr()
        guard parser.atEnd else { throw XLSFormExpressionError(text: text, message: "unexpected \(parser.peekDescription)") }
        return expression
    }

    /// The names this expression refers to with `${...}`.
    package var references: [String] {
        switch self {
        case .reference(let name): return [name]
        case .call(_, let args): return args.flatMap(\.references)
        case .binary(_, let a, let b): return a.references + b.references
        default: return []
        }
    }

    /// Evaluates the expression; `value` gives the answer of a question (empty when unanswered)
    /// and `current` the answer being checked.
    package func evaluate(current: String = "", _ value: (String) -> String) -> Value {
        switch self {
        case .literal(let s): return .string(s)
        case .number(let d): return .number(d)
        case .reference(let name): return .string(value(name))
        case .current: return .string(current)
        case .call(let name, let args):
            let values = args.map { $0.evaluate(current: current, value) }
            switch name {
            case "not": return .bool(!(values.first?.asBool ?? false))
            case "true": return .bool(true)
            case "false": return .bool(false)
            case "selected":
                guard values.count == 2 else { return .bool(false) }
                let wanted = values[1].asString
                return .bool(values[0].asString.split(separator: " ").contains { $0 == wanted })
            case "count-selected":
                return .number(Double(values.first?.asString.split(separator: " ").count ?? 0))
            case "string-length":
                return .number(Double(values.first?.asString.count ?? 0))
            case "regex":
                // XForms' regex(value, pattern): whether the pattern matches somewhere in the
                // value (anchor it with ^ and $ for the whole value); a bad pattern never matches.
                guard values.count == 2, let pattern = try? NSRegularExpression(pattern: values[1].asString) else { return .bool(false) }
                let text = values[0].asString
                return .bool(pattern.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil)
            case "number": return .number(values.first?.asNumber ?? .nan)
            case "string": return .string(values.first?.asString ?? "")
            default: return .bool(false)
            }
        case .binary(let op, let a, let b):
            if op == "and" { return .bool(a.evaluate(current: current, value).asBool && b.evaluate(current: current, value).asBool) }
            if op == "or" { return .bool(a.evaluate(current: current, value).asBool || b.evaluate(current: current, value).asBool) }
            return Self.compare(op, a.evaluate(current: current, value), b.evaluate(current: current, value))
        }
    }

    /// XPath's comparison and arithmetic operators on two values.
    static func compare(_ op: String, _ x: Value, _ y: Value) -> Value {
        switch op {
        case "=", "!=":
            let equal: Bool
            if case .bool = x {
                equal = x.asBool == y.asBool
            } else if case .bool = y {
                equal = x.asBool == y.asBool
            } else if case .number = x {
                equal = x.asNumber == y.asNumber
            } else if case .number = y {
                equal = x.asNumber == y.asNumber
            } else {
                equal = x.asString == y.asString
            }
            return .bool(op == "=" ? equal : !equal)
        case "<": return .bool(x.asNumber < y.asNumber)
        case "<=": return .bool(x.asNumber <= y.asNumber)
        case ">": return .bool(x.asNumber > y.asNumber)
        case ">=": return .bool(x.asNumber >= y.asNumber)
        case "+": return .number(x.asNumber + y.asNumber)
        case "-": return .number(x.asNumber - y.asNumber)
        case "*": return .number(x.asNumber * y.asNumber)
        case "div": return .number(x.asNumber / y.asNumber)
        case "mod": return .number(x.asNumber.truncatingRemainder(dividingBy: y.asNumber))
        default: return .bool(false)
        }
    }
}

/// An expression this parser cannot read.
package struct XLSFormExpressionError: Error, CustomStringConvertible, Sendable {
    package let text: String
    package let message: String
    package var description: String {
        let shown = text.count > 200 ? String(text.prefix(200)) + "..." : text
        return "cannot read the expression `\(shown)`: \(message)"
    }
}

/// Tokenizer and recursive-descent parser for ``XLSFormExpression``.
struct ExpressionParser {
    enum Token: Equatable {
        case string(String), number(Double), reference(String), name(String), symbol(String)
    }

    var tokens: [Token]
    let text: String
    var position = 0

    var atEnd: Bool { position == tokens.count }
    var peekDescription: String { atEnd ? "end of expression" : "\(tokens[position])" }

    static func tokenize(_ text: String) throws(XLSFormExpressionError) -> [Token] {
        var tokens: [Token] = []
        let chars = Array(text)
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c.isWhitespace {
                i += 1
            } else if c == "$", i + 1 < chars.count, chars[i + 1] == "{" {
                guard let end = chars[(i + 2)...].firstIndex(of: "}") else {
                    throw XLSFormExpressionError(text: text, message: "${ is not closed")
                }
                tokens.append(.reference(String(chars[(i + 2)..<end])))
                i = end + 1
            } else if c == "'" || c == "\"" {
                guard let end = chars[(i + 1)...].firstIndex(of: c) else {
                    throw XLSFormExpressionError(text: text, message: "string is not closed")
                }
                tokens.append(.string(String(chars[(i + 1)..<end])))
                i = end + 1
            } else if c.isNumber || (c == "." && i + 1 < chars.count && chars[i + 1].isNumber) {
                var j = i
                while j < chars.count, chars[j].isNumber || chars[j] == "." { j += 1 }
                guard let d = Double(String(chars[i..<j])) else { throw XLSFormExpressionError(text: text, message: "bad number") }
                tokens.append(.number(d))
                i = j
            } else if c.isLetter || c == "_" {
                var j = i
                while j < chars.count, chars[j].isLetter || chars[j].isNumber || chars[j] == "_" || chars[j] == "-" { j += 1 }
                tokens.append(.name(String(chars[i..<j])))
                i = j
            } else if i + 1 < chars.count, ["!=", "<=", ">="].contains(String(chars[i...i + 1])) {
                tokens.append(.symbol(String(chars[i...i + 1])))
                i += 2
            } else if "=<>()+-*,.".contains(c) {
                tokens.append(.symbol(String(c)))
                i += 1
            } else {
                throw XLSFormExpressionError(text: text, message: "unexpected character \(c)")
            }
        }
        return tokens
    }

    /// The deepest an expression may nest, as parentheses, calls or operators (as the JSON
    /// parser's 512): evaluating, compiling and freeing a tree recurse, so a crafted `relevant`
    /// of 60,000 `and` terms or 50,000 parentheses must be refused, not overflow the stack.
    static let maxDepth = 512
    /// How deep the parser's own recursion is (parentheses, calls, unary minus).
    var nesting = 0

    /// An expression with the height of its tree.
    typealias Node = (expression: XLSFormExpression, height: Int)

    func tooDeep() -> XLSFormExpressionError {
        XLSFormExpressionError(text: text, message: "it nests deeper than \(Self.maxDepth) levels (operators, parentheses or calls)")
    }

    /// `.binary(op, left, right)`, refused when it would be more than ``maxDepth`` high.
    func binary(_ op: String, _ left: Node, _ right: Node) throws(XLSFormExpressionError) -> Node {
        let height = max(left.height, right.height) + 1
        guard height <= Self.maxDepth else { throw tooDeep() }
        return (.binary(op, left.expression, right.expression), height)
    }

    mutating func parseOr() throws(XLSFormExpressionError) -> XLSFormExpression { try parseOrNode().expression }

    mutating func parseOrNode() throws(XLSFormExpressionError) -> Node {
        var left = try parseAnd()
        while accept(.name("or")) { left = try binary("or", left, try parseAnd()) }
        return left
    }

    mutating func parseAnd() throws(XLSFormExpressionError) -> Node {
        var left = try parseComparison()
        while accept(.name("and")) { left = try binary("and", left, try parseComparison()) }
        return left
    }

    mutating func parseComparison() throws(XLSFormExpressionError) -> Node {
        let left = try parseAdditive()
        for op in ["=", "!=", "<=", ">=", "<", ">"] where accept(.symbol(op)) {
            return try binary(op, left, try parseAdditive())
        }
        return left
    }

    mutating func parseAdditive() throws(XLSFormExpressionError) -> Node {
        var left = try parseMultiplicative()
        while true {
            if accept(.symbol("+")) {
                left = try binary("+", left, try parseMultiplicative())
            } else if accept(.symbol("-")) {
                left = try binary("-", left, try parseMultiplicative())
            } else {
                return left
            }
        }
    }

    mutating func parseMultiplicative() throws(XLSFormExpressionError) -> Node {
        var left = try parsePrimary()
        while true {
            if accept(.symbol("*")) {
                left = try binary("*", left, try parsePrimary())
            } else if accept(.name("div")) {
                left = try binary("div", left, try parsePrimary())
            } else if accept(.name("mod")) {
                left = try binary("mod", left, try parsePrimary())
            } else {
                return left
            }
        }
    }

    mutating func parsePrimary() throws(XLSFormExpressionError) -> Node {
        guard !atEnd else { throw XLSFormExpressionError(text: text, message: "the expression ends too early") }
        let token = tokens[position]
        position += 1
        switch token {
        case .string(let s): return (.literal(s), 1)
        case .number(let d): return (.number(d), 1)
        case .reference(let name): return (.reference(name), 1)
        case .symbol("."): return (.current, 1)
        case .symbol("-"):
            nesting += 1
            defer { nesting -= 1 }
            guard nesting <= Self.maxDepth else { throw tooDeep() }
            return try binary("-", (.number(0), 1), try parsePrimary())
        case .symbol("("):
            nesting += 1
            defer { nesting -= 1 }
            guard nesting <= Self.maxDepth else { throw tooDeep() }
            let inner = try parseOrNode()
            guard accept(.symbol(")")) else { throw XLSFormExpressionError(text: text, message: "missing )") }
            return inner
        case .name(let name):
            guard accept(.symbol("(")) else { throw XLSFormExpressionError(text: text, message: "unknown word \(name)") }
            nesting += 1
            defer { nesting -= 1 }
            guard nesting <= Self.maxDepth else { throw tooDeep() }
            var args: [XLSFormExpression] = []
            var height = 1
            if !accept(.symbol(")")) {
                repeat {
                    let arg = try parseOrNode()
                    args.append(arg.expression)
                    height = max(height, arg.height + 1)
                } while accept(.symbol(","))
                guard accept(.symbol(")")) else { throw XLSFormExpressionError(text: text, message: "missing ) after \(name)(") }
            }
            guard height <= Self.maxDepth else { throw tooDeep() }
            return (.call(name, args), height)
        default:
            throw XLSFormExpressionError(text: text, message: "unexpected \(token)")
        }
    }

    mutating func accept(_ token: Token) -> Bool {
        guard !atEnd, tokens[position] == token else { return false }
        position += 1
        return true
    }
}
