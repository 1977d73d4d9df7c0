import Foundation
import WorkforceKit

/// A named option: `--name <value>`, or a flag `--name` when `valueName` is `nil`.
struct OptionSpec: Sendable {
    var name: String
    var valueName: String?
    var help: String
    /// When set, the value must be one of these.
    var choices: [String]? = nil
    /// When set, checks the value's type: `nil` when it parses, else what was expected.
    var check: (@Sendable (String) -> String?)? = nil
    /// How many values follow the option (`--compare BASE FOLLOWUP` takes 2); they reach the
    /// parser joined by line feeds.
    var valueCount = 1
    /// The value used when the option is not given, as help shows it ("0.5"); declared once,
    /// with the option (``TypedOption/defaulting(to:)``).
    var defaultText: String? = nil

    /// The help line with the default, when there is one: "Coverage ... (default: 0.5)."
    var helpWithDefault: String {
        guard let defaultText else { return help }
        let base = help.hasSuffix(".") ? String(help.dropLast()) : help
        return base + " (default: \(defaultText))."
    }
    /// Whether the option may be given several times (`--fill a=1 --fill b=2`); its values reach
    /// the parser joined by ``OptionSpec/repeatSeparator``.
    var repeatable = false

    static let repeatSeparator = "\u{1F}"

    static func flag(_ name: String, _ help: String) -> OptionSpec {
        OptionSpec(name: name, valueName: nil, help: help)
    }
    static func value(_ name: String, _ valueName: String, _ help: String, choices: [String]? = nil) -> OptionSpec {
        OptionSpec(name: name, valueName: valueName, help: help, choices: choices)
    }
}

/// An option declared once with its type and parser (as swift-argument-parser's `@Option`):
/// the parser rejects a value of the wrong type with the option's name, and a command reads
/// the typed value with `invocation[option]`.
struct TypedOption<Value>: Sendable {
    let spec: OptionSpec
    let parse: @Sendable (String) -> Value?

    /// - Parameter expected: what a wrong value is told it should be ("a number from 0 to 1").
    init(_ name: String, _ valueName: String, _ help: String, expected: String, choices: [String]? = nil, valueCount: Int = 1,
         repeatable: Bool = false, parse: @escaping @Sendable (String) -> Value?) {
        self.parse = parse
        self.spec = OptionSpec(
            name: name, valueName: valueName, help: help, choices: choices,
            check: { parse($0) == nil ? expected : nil }, valueCount: valueCount, repeatable: repeatable)
    }
}

extension TypedOption where Value: Sendable {
    /// The same option with a default: `invocation[option]` then gives the value, never `nil`,
    /// and help shows the default from here (as swift-argument-parser's `@Option var x = 0.5`).
    func defaulting(to value: Value, shown: String? = nil) -> DefaultedOption<Value> {
        var spec = spec
        spec.defaultText = shown ?? "\(value)"
        return DefaultedOption(option: TypedOption(spec: spec, parse: parse), defaultValue: value)
    }
}

extension TypedOption {
    init(spec: OptionSpec, parse: @escaping @Sendable (String) -> Value?) {
        self.spec = spec
        self.parse = parse
    }
}

/// An option with its default value, declared together.
struct DefaultedOption<Value>: Sendable where Value: Sendable {
    let option: TypedOption<Value>
    let defaultValue: Value
    var spec: OptionSpec { option.spec }
}

extension TypedOption where Value == String {
    /// A text option: any value.
    static func text(_ name: String, _ valueName: String, _ help: String) -> TypedOption {
        TypedOption(name, valueName, help, expected: "text") { $0 }
    }
}

extension TypedOption where Value: RawRepresentable & CaseIterable & Sendable, Value.RawValue == String {
    /// An option whose value is one case of `Value`.
    static func choice(_ name: String, _ valueName: String, _ help: String) -> TypedOption {
        let names = Value.allCases.map(\.rawValue)
        return TypedOption(name, valueName, help, expected: "one of " + names.joined(separator: ", "), choices: names) {
            Value(rawValue: $0)
        }
    }
}

extension TypedOption where Value == Double {
    /// A decimal number within `range`: digits with an optional sign, point and exponent
    /// (`1.5`, `-2`, `1e-3`), never `0x10` (which Swift's `Double` reads as 16), `inf` or `nan`.
    static func number(_ name: String, _ valueName: String, _ help: String, in range: ClosedRange<Double>) -> TypedOption {
        TypedOption(name, valueName, help, expected: "a number from \(Cell.double(range.lowerBound).plainText) to \(Cell.double(range.upperBound).plainText)") {
            let text = $0.trimmingCharacters(in: .whitespaces)
            guard isDecimal(text), let v = Double(text), range.contains(v) else { return nil }
            return v
        }
    }

    /// Whether `text` is a decimal number as a person types one.
    static func isDecimal(_ text: String) -> Bool {
        text.range(of: #"^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?$"#, options: .regularExpression) != nil
    }
}

extension TypedOption where Value == Int {
    /// A whole number within `range`.
    static func integer(_ name: String, _ valueName: String, _ help: String, in range: ClosedRange<Int>) -> TypedOption {
        TypedOption(name, valueName, help, expected: "a whole number from \(range.lowerBound) to \(range.upperBound)") {
            guard let v = Int($0.trimmingCharacters(in: .whitespaces)), range.contains(v) else { return nil }
            return v
        }
    }
}

extension TypedOption where Value == [String] {
    /// A comma-separated list, without empty items.
    static func list(_ name: String, _ valueName: String, _ help: String) -> TypedOption {
        TypedOption(name, valueName, help, expected: "a comma-separated list") { text in
            let items = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            return items.isEmpty ? nil : items
        }
    }
}

/// A positional argument.
struct PositionalSpec: Sendable {
    var name: String
    var help: String
    var optional = false
    var choices: [String]? = nil
    /// The last positional may take every remaining word (`framework search incident
    /// response`); they reach the command joined by spaces.
    var variadic = false
}

/// A positional whose value is one case of `Value` (`framework list roles|ksas|...`): the
/// parser checks it against the cases and the command reads the case with `invocation[positional]`.
struct TypedPositional<Value>: Sendable where Value: RawRepresentable & CaseIterable & Sendable, Value.RawValue == String {
    let index: Int
    let spec: PositionalSpec

    init(index: Int = 0, _ name: String, _ help: String, optional: Bool = false) {
        self.index = index
        self.spec = PositionalSpec(name: name, help: help, optional: optional, choices: Value.allCases.map(\.rawValue))
    }
}

/// A command or a group of subcommands, with its help text and what it runs.
struct CommandSpec: Sendable {
    var name: String
    var abstract: String
    var discussion: String? = nil
    var options: [OptionSpec] = []
    var positionals: [PositionalSpec] = []
    var subcommands: [CommandSpec] = []
    /// Whether the command opens the database given by `--db`.
    var usesDatabase = true
    /// Whether the command prints a result table in the `--format` asked for.
    var printsTable = false
    var run: (@Sendable (Invocation) throws -> Void)? = nil

    /// The options this command accepts: its own, then the global ones (``Options/global``),
    /// which every command takes (a command may declare its own of the same name, as `demo
    /// --db` does).
    var allOptions: [OptionSpec] {
        options + tableOptions + Options.global.filter { global in !options.contains { $0.name == global.name } }
    }

    /// `--columns` and `--wide`, for a command that prints a table (``Options/table``).
    var tableOptions: [OptionSpec] {
        printsTable && subcommands.isEmpty ? Options.table.filter { option in !options.contains { $0.name == option.name } } : []
    }
}
