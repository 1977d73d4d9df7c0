internal import CSQLite

/// A prepared SQLite statement; it owns its `sqlite3_stmt` and finalizes it on `deinit`.
///
/// Statements are made by ``Database/statement(_:)``, which caches them by SQL text.
package final class PreparedStatement {
    let handle: OpaquePointer
    unowned let database: Database
    package let sql: String

    /// Compiles `sql` (`sqlite3_prepare_v2`); it must hold exactly one statement.
    ///
    /// - Throws: ``DatabaseError`` when it does not compile, is empty, or holds a second
    ///   statement after the first (which SQLite would silently leave unrun).
    init(database: Database, sql: String) throws(DatabaseError) {
        var stmt: OpaquePointer?
        var extra: OpaquePointer?
        let code = sql.withCString { text -> Int32 in
            var tail: UnsafePointer<CChar>?
            let code = sqlite3_prepare_v2(database.handle, text, -1, &stmt, &tail)
            guard code == SQLITE_OK, let tail, tail.pointee != 0 else { return code }
            // Whatever follows must be whitespace or comments: preparing it gives no statement.
            let next = sqlite3_prepare_v2(database.handle, tail, -1, &extra, nil)
            return next == SQLITE_OK ? code : next
        }
        guard code == SQLITE_OK, let stmt else {
            let error = stmt == nil && code == SQLITE_OK
                ? DatabaseError(code: SQLITE_MISUSE, message: "no SQL statement to prepare", sql: sql)
                : database.error(code: code, sql: sql)
            sqlite3_finalize(stmt)
            sqlite3_finalize(extra)
            throw error
        }
        guard extra == nil else {
            sqlite3_finalize(stmt)
            sqlite3_finalize(extra)
            throw DatabaseError(
                code: SQLITE_MISUSE, message: "more than one SQL statement; prepare them one at a time or use execute(sql:)",
                sql: sql)
        }
        self.handle = stmt
        self.database = database
        self.sql = sql
    }

    deinit { sqlite3_finalize(handle) }

    /// Resets the statement and binds `arguments` to its parameters, in order.
    ///
    /// - Throws: ``DatabaseError`` when the number of arguments does not match or a bind fails.
    func bind(_ arguments: [DatabaseValueConvertible]) throws(DatabaseError) {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
        let expected = Int(sqlite3_bind_parameter_count(handle))
        guard expected == arguments.count else {
            throw DatabaseError(
                code: SQLITE_MISUSE, message: "expected \(expected) arguments, got \(arguments.count)",
                sql: sql)
        }
        for (offset, argument) in arguments.enumerated() {
            let index = Int32(offset + 1)
            let code: Int32
            switch argument.databaseValue {
            case .null: code = sqlite3_bind_null(handle, index)
            case .integer(let i): code = sqlite3_bind_int64(handle, index, i)
            case .real(let d): code = sqlite3_bind_double(handle, index, d)
            case .text(let s): code = sqlite3_bind_text(handle, index, s, -1, sqliteTransient)
            case .blob(let b):
                code = b.withUnsafeBytes {
                    sqlite3_bind_blob(handle, index, $0.baseAddress, Int32($0.count), sqliteTransient)
                }
            }
            guard code == SQLITE_OK else { throw database.error(code: code, sql: sql) }
        }
    }

    // MARK: Binding without boxing, for bulk inserts

    /// Clears the previous run (`sqlite3_reset`, `sqlite3_clear_bindings`).
    package func reset() {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
    }

    /// Binds UTF-8 text from raw bytes to parameter `index` (1-based); SQLite copies them.
    package func bind(_ index: Int32, utf8 bytes: UnsafeBufferPointer<UInt8>) throws(DatabaseError) {
        let code: Int32
        if let base = bytes.baseAddress, bytes.count > 0 {
            code = base.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
                sqlite3_bind_text(handle, index, $0, Int32(bytes.count), sqliteTransient)
            }
        } else {
            code = sqlite3_bind_text(handle, index, "", 0, sqliteTransient)
        }
        guard code == SQLITE_OK else { throw database.error(code: code, sql: sql) }
    }

    /// Binds UTF-8 text from raw bytes to parameter `index` (1-based) without a copy
    /// (`SQLITE_STATIC`): the bytes must stay unchanged until the statement has run, and every
    /// run must bind the parameter again (the statement keeps the pointer after a reset).
    package func bind(_ index: Int32, utf8InPlace bytes: UnsafeBufferPointer<UInt8>) throws(DatabaseError) {
        let code: Int32
        if let base = bytes.baseAddress, bytes.count > 0 {
            code = base.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
                sqlite3_bind_text(handle, index, $0, Int32(bytes.count), nil)  // nil: SQLITE_STATIC
            }
        } else {
            code = sqlite3_bind_text(handle, index, "", 0, sqliteTransient)
        }
        guard code == SQLITE_OK else { throw database.error(code: code, sql: sql) }
    }

    /// Binds a value to parameter `index` (1-based).
    package func bind(_ index: Int32, _ value: DatabaseValueConvertible) throws(DatabaseError) {
        let code: Int32
        switch value.databaseValue {
        case .null: code = sqlite3_bind_null(handle, index)
        case .integer(let i): code = sqlite3_bind_int64(handle, index, i)
        case .real(let d): code = sqlite3_bind_double(handle, index, d)
        case .text(let s): code = sqlite3_bind_text(handle, index, s, -1, sqliteTransient)
        case .blob(let b):
            code = b.withUnsafeBytes { sqlite3_bind_blob(handle, index, $0.baseAddress, Int32($0.count), sqliteTransient) }
        }
        guard code == SQLITE_OK else { throw database.error(code: code, sql: sql) }
    }

    /// Runs the statement to completion, ignoring any rows, and resets it.
    package func run() throws(DatabaseError) {
        defer { sqlite3_reset(handle) }
        while try step() {}
    }

    /// Runs the statement and returns the first column of its first row (e.g. from `RETURNING`).
    package func runReturningInteger() throws(DatabaseError) -> Int64? {
        defer { sqlite3_reset(handle) }
        guard try step() else { return nil }
        return sqlite3_column_int64(handle, 0)
    }

    /// Whether the statement has been stepped and not yet reset (`sqlite3_stmt_busy`).
    var isBusy: Bool { sqlite3_stmt_busy(handle) != 0 }

    /// Runs one `sqlite3_step`. Returns `true` while there is a row to read.
    func step() throws(DatabaseError) -> Bool {
        let code = sqlite3_step(handle)
        switch code {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default:
            let error = database.error(code: code, sql: sql)
            sqlite3_reset(handle)
            throw error
        }
    }

    package var columnNames: [String] {
        (0..<sqlite3_column_count(handle)).map { String(cString: sqlite3_column_name(handle, $0)) }
    }

    /// The value of column `index` in the current row (`sqlite3_column_*`).
    func value(at index: Int32) -> DatabaseValue {
        switch sqlite3_column_type(handle, index) {
        case SQLITE_INTEGER: return .integer(sqlite3_column_int64(handle, index))
        case SQLITE_FLOAT: return .real(sqlite3_column_double(handle, index))
        case SQLITE_TEXT:
            guard let text = sqlite3_column_text(handle, index) else { return .text("") }
            return .text(String(cString: text))
        case SQLITE_BLOB:
            let count = Int(sqlite3_column_bytes(handle, index))
            guard count > 0, let bytes = sqlite3_column_blob(handle, index) else { return .blob([]) }
            return .blob(Array(UnsafeRawBufferPointer(start: bytes, count: count)))
        default: return .null
        }
    }
}

@available(*, unavailable)
extension PreparedStatement: Sendable {}

/// `SQLITE_TRANSIENT`: SQLite copies bound text and blobs before the call returns.
let sqliteTransient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
