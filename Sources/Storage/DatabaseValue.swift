/// A value stored in or read from an SQLite column.
///
/// The five SQLite storage classes, as `sqlite3_column_type` reports them.
package enum DatabaseValue: Sendable, Hashable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case blob([UInt8])

    /// The value as text, or `nil` for NULL and blobs. Numbers are formatted as SQLite would.
    package var string: String? {
        switch self {
        case .text(let s): return s
        case .integer(let i): return String(i)
        case .real(let d): return String(d)
        case .null, .blob: return nil
        }
    }

    /// The value as an integer, or `nil` when it is not an integer.
    package var int: Int? {
        switch self {
        case .integer(let i): return Int(i)
        case .real(let d) where d == d.rounded(): return Int(exactly: d)
        default: return nil
        }
    }

    /// The value as a double, or `nil` when it is not a number.
    package var double: Double? {
        switch self {
        case .integer(let i): return Double(i)
        case .real(let d): return d
        default: return nil
        }
    }

    /// The value as a boolean (0 is false, any other integer true), or `nil`.
    package var bool: Bool? { int.map { $0 != 0 } }

    package var isNull: Bool { if case .null = self { true } else { false } }
}

/// Something that can be bound to a statement parameter.
package protocol DatabaseValueConvertible: Sendable {
    var databaseValue: DatabaseValue { get }
}

extension DatabaseValue: DatabaseValueConvertible {
    package var databaseValue: DatabaseValue { self }
}
extension String: DatabaseValueConvertible {
    package var databaseValue: DatabaseValue { .text(self) }
}
extension Int: DatabaseValueConvertible {
    package var databaseValue: DatabaseValue { .integer(Int64(self)) }
}
extension Int64: DatabaseValueConvertible {
    package var databaseValue: DatabaseValue { .integer(self) }
}
extension Double: DatabaseValueConvertible {
    package var databaseValue: DatabaseValue { .real(self) }
}
extension Bool: DatabaseValueConvertible {
    package var databaseValue: DatabaseValue { .integer(self ? 1 : 0) }
}
extension Optional: DatabaseValueConvertible where Wrapped: DatabaseValueConvertible {
    package var databaseValue: DatabaseValue { self?.databaseValue ?? .null }
}
