internal import CSQLite

/// A row being stepped, read column by column without boxing values: for loops over a million
/// rows. Valid only inside the closure that receives it.
package struct RawRow {
    fileprivate let handle: OpaquePointer

    /// Column `index` as an integer (`sqlite3_column_int64`); 0 for NULL.
    package func int64(_ index: Int32) -> Int64 { sqlite3_column_int64(handle, index) }

    /// Column `index` as text, or `nil` for NULL.
    package func text(_ index: Int32) -> String? {
        guard sqlite3_column_type(handle, index) != SQLITE_NULL, let text = sqlite3_column_text(handle, index) else { return nil }
        return String(cString: text)
    }

    /// Column `index` as UTF-8 bytes, borrowed from SQLite until the next step.
    package func withBytes<T>(_ index: Int32, _ body: (UnsafeBufferPointer<UInt8>) throws -> T) rethrows -> T {
        let count = Int(sqlite3_column_bytes(handle, index))
        guard count > 0, let pointer = sqlite3_column_text(handle, index) else { return try body(UnsafeBufferPointer(start: nil, count: 0)) }
        return try body(UnsafeBufferPointer(start: pointer, count: count))
    }
}

extension Database {
    /// Runs a query and calls `body` with each row as it is stepped, without copying its values.
    package func forEachRawRow(_ sql: String, _ arguments: [DatabaseValueConvertible] = [], _ body: (RawRow) throws -> Void) throws {
        let statement = try statement(sql)
        try statement.bind(arguments)
        defer { sqlite3_reset(statement.handle) }
        let row = RawRow(handle: statement.handle)
        while try statement.step() { try body(row) }
    }
}
