import Foundation

/// Writes JSON text: keys in the order given, numbers as JSON numbers, `/` unescaped.
package struct JSONWriter: Sendable {
    /// Indentation per level; `nil` writes everything on one line.
    package var indent: String?

    package init(indent: String? = "  ") { self.indent = indent }

    package func string(_ value: JSONValue) -> String {
        var out = ""
        write(value, level: 0, into: &out)
        return out
    }

    private func write(_ value: JSONValue, level: Int, into out: inout String) {
        switch value {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .integer(let i): out += String(i)
        case .number(let d): out += Self.number(d)
        case .string(let s): Self.quote(s, into: &out)
        case .array(let items):
            guard !items.isEmpty else { out += "[]"; return }
            out += "["
            for (n, item) in items.enumerated() {
                if n > 0 { out += "," }
                newline(level + 1, into: &out)
                write(item, level: level + 1, into: &out)
            }
            newline(level, into: &out)
            out += "]"
        case .object(let members):
            guard !members.isEmpty else { out += "{}"; return }
            out += "{"
            for (n, member) in members.enumerated() {
                if n > 0 { out += "," }
                newline(level + 1, into: &out)
                Self.quote(member.key, into: &out)
                out += indent == nil ? ":" : ": "
                write(member.value, level: level + 1, into: &out)
            }
            newline(level, into: &out)
            out += "}"
        }
    }

    private func newline(_ level: Int, into out: inout String) {
        guard let indent else { return }
        out += "\n" + String(repeating: indent, count: level)
    }

    /// A finite double as the shortest text that reads back the same; whole numbers without
    /// a fraction. NaN and infinities, which JSON lacks, become `null`.
    package static func number(_ d: Double) -> String {
        guard d.isFinite else { return "null" }
        if d == d.rounded(), abs(d) < 1e15 { return String(Int64(d)) }
        return "\(d)"
    }

    /// C1 controls and the bidirectional controls (U+061C, U+200E, U+200F, U+202A to U+202E,
    /// U+2066 to U+2069), which JSON allows raw: written as `\\uXXXX` so that a name from a
    /// file cannot reorder or hide what a reader of the JSON sees. They read back the same.
    static func isInvisibleControl(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x7F...0x9F, 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    package static func quote(_ s: String, into out: inout String) {
        out += "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case let c where c.value < 0x20 || Self.isInvisibleControl(c):
                out += String(format: "\\u%04x", c.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }
}
