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
    /// A number within `range`.
    static func number(_ name: String, _ valueName: String, _ help: String, in range: ClosedRange<Double>) -> TypedOption {
        TypedOption(name, valueName, help, expected: "a number from \(Cell.double(range.lowerBound).plainText) to \(Cell.double(range.upperBound).plainText)") {
            guard let v = Double($0.trimmingCharacters(in: .whitespaces)), range.contains(v) else { return nil }
            return v
        }
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
}

/// A command or a group of subcommands, with its help text and what it runs.
struct CommandSpec: Sendable {
    var name: String
    var abstract: String
    var discussion: String? = nil
    var options: [OptionSpec] = []
    var positionals: [PositionalSpec] = []
    var subcommands: [CommandSpec] = []
    /// Whether the command opens the database, and so takes `--db`.
    var usesDatabase = true
    /// Whether the command prints a result table, and so takes `--format`.
    var printsTable = false
    var run: (@Sendable (Invocation) throws -> Void)? = nil

    /// The options this command accepts, with the global ones it takes.
    var allOptions: [OptionSpec] {
        var all = options
        if usesDatabase { all.append(Options.db.spec) }
        if printsTable { all.append(Options.format.spec) }
        return all
    }
}
