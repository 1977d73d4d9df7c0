/// Reading a stored row by column name, with the type the schema promises: a column that is
/// missing from the result, NULL where the schema says NOT NULL, or of another type is a database
/// that was damaged or edited by hand, and says so with the column's name (``DamagedRow``),
/// never read as 0 or "" in its place.
extension Row {
    /// The value of `column`; throws when the result has no such column.
    package func value(_ column: String) throws(DamagedRow) -> DatabaseValue {
        guard let index = columns.firstIndex(of: column) else { throw DamagedRow(column: column, problem: "is not in the result") }
        return values[index]
    }

    /// A whole number (an SQLite integer, or a real with no fraction).
    package func int(_ column: String) throws(DamagedRow) -> Int {
        try required(column, optionalInt(column), "a whole number")
    }

    /// A whole number, or `nil` for NULL.
    package func optionalInt(_ column: String) throws(DamagedRow) -> Int? {
        try typed(column, "a whole number") { $0.int }
    }

    /// A 64-bit whole number (row ids).
    package func int64(_ column: String) throws(DamagedRow) -> Int64 {
        try required(column, optionalInt64(column), "a whole number")
    }

    /// A 64-bit whole number, or `nil` for NULL.
    package func optionalInt64(_ column: String) throws(DamagedRow) -> Int64? {
        try typed(column, "a whole number") { if case .integer(let i) = $0 { i } else { $0.int.map(Int64.init) } }
    }

    /// A number (integer or real).
    package func double(_ column: String) throws(DamagedRow) -> Double {
        try required(column, optionalDouble(column), "a number")
    }

    /// A number, or `nil` for NULL.
    package func optionalDouble(_ column: String) throws(DamagedRow) -> Double? {
        try typed(column, "a number") { $0.double }
    }

    /// Text (a number stored in a text column reads as SQLite writes it).
    package func string(_ column: String) throws(DamagedRow) -> String {
        try required(column, optionalString(column), "text")
    }

    /// Text, or `nil` for NULL.
    package func optionalString(_ column: String) throws(DamagedRow) -> String? {
        try typed(column, "text") { $0.string }
    }

    /// A flag stored as 0 or 1.
    package func bool(_ column: String) throws(DamagedRow) -> Bool {
        try required(column, optionalBool(column), "0 or 1")
    }

    /// A flag stored as 0 or 1, or `nil` for NULL.
    package func optionalBool(_ column: String) throws(DamagedRow) -> Bool? {
        try typed(column, "0 or 1") { value in value.int.flatMap { $0 == 0 || $0 == 1 ? $0 == 1 : nil } }
    }

    private func typed<T>(_ column: String, _ expected: String, _ convert: (DatabaseValue) -> T?) throws(DamagedRow) -> T? {
        let value = try value(column)
        if value.isNull { return nil }
        guard let converted = convert(value) else {
            throw DamagedRow(column: column, problem: "holds \(value.shortDescription), not \(expected)")
        }
        return converted
    }

    private func required<T>(_ column: String, _ value: T?, _ expected: String) throws(DamagedRow) -> T {
        guard let value else { throw DamagedRow(column: column, problem: "is NULL, not \(expected)") }
        return value
    }
}

/// A stored row that does not hold what the schema promises. ``WorkforceError/init(_:path:)``
/// turns it into a data error (exit 65) naming the database file and the column.
package struct DamagedRow: Error, Sendable, Equatable {
    package var column: String
    package var problem: String

    package var message: String {
        "column \(column) of a stored row \(problem): the database was damaged or edited by hand; restore a copy (or import the data again)"
    }
}

/// A value read from one result row by column name (``Row/int(_:)``...), for
/// ``Database/rows(_:_:as:)``.
package protocol RowDecodable {
    init(row: Row) throws(DamagedRow)
}

extension Database {
    /// The rows of a query, each read by `T.init(row:)`.
    package func rows<T: RowDecodable>(_ sql: String, _ arguments: [DatabaseValueConvertible] = [], as type: T.Type) throws -> [T] {
        var result: [T] = []
        try forEachRow(sql, arguments) { row in result.append(try T(row: row)) }
        return result
    }
}

extension DatabaseValue {
    /// The value for a message: its type and the start of its text.
    var shortDescription: String {
        switch self {
        case .null: "NULL"
        case .integer(let i): "the integer \(i)"
        case .real(let d): "the real \(d)"
        case .text(let s): "the text \"\(s.prefix(40))\(s.count > 40 ? "…" : "")\""
        case .blob(let b): "a blob of \(b.count) bytes"
        }
    }
}
