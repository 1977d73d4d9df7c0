internal import CSQLite
import Foundation

/// One SQLite connection; it owns its `sqlite3` handle and closes it on `deinit`.
///
/// A connection is used from one thread at a time and is not `Sendable`: open one per thread or
/// process. Connections are opened in WAL mode with a busy timeout, so that two processes writing
/// to one database wait for each other rather than fail.
package final class Database {
    let handle: OpaquePointer
    /// The file this connection opened.
    package let path: String
    private var statementCache: [String: PreparedStatement] = [:]
    /// How many transactions that changed rows were committed on this connection: after one,
    /// the command's data is stored, and a later output error must not invite a rerun.
    package internal(set) var committedWrites = 0

    /// How a connection is opened.
    package enum Mode: Sendable {
        /// Open an existing database for reading and writing; fail when the file is missing.
        case readWrite
        /// Open for reading and writing, creating the file when it is missing.
        case create
        /// Open an existing database for reading only (a file or folder the user may not write).
        /// When even SQLite's shared-memory file cannot be made, the file is read as immutable.
        case readOnly
    }

    /// Opens the database at `path` (`sqlite3_open_v2`), turns on foreign keys, WAL journaling
    /// and a busy timeout.
    ///
    /// - Parameters:
    ///   - path: the database file.
    ///   - mode: whether a missing file is created.
    ///   - busyTimeout: how long to wait for another connection's lock, in milliseconds.
    /// - Throws: ``DatabaseError`` when the file cannot be opened or is not a database.
    package init(path: String, mode: Mode = .create, busyTimeout: Int32 = 30_000) throws(DatabaseError) {
        func open(_ name: String, _ flags: Int32) -> (Int32, OpaquePointer?) {
            var db: OpaquePointer?
            let code = sqlite3_open_v2(name, &db, flags, nil)
            if code == SQLITE_OK, let db, mode == .readOnly {
                // A WAL database opened read-only still needs its -shm file: check now.
                if sqlite3_exec(db, "SELECT count(*) FROM sqlite_master", nil, nil, nil) != SQLITE_OK {
                    let failed = sqlite3_extended_errcode(db)
                    sqlite3_close_v2(db)
                    return (failed, nil)
                }
            }
            return (code, db)
        }
        var flags = (mode == .readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE) | SQLITE_OPEN_NOMUTEX
        if mode == .create { flags |= SQLITE_OPEN_CREATE }
        var (code, db) = open(path, flags)
        if mode == .readOnly, code != SQLITE_OK {
            // Nothing can be written beside the file: read it as immutable (no locks, no -shm).
            sqlite3_close_v2(db)
            let uri = "file:" + path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed)!.replacingOccurrences(of: "?", with: "%3f")
                + "?mode=ro&immutable=1"
            (code, db) = open(uri, flags | SQLITE_OPEN_URI)
        }
        guard code == SQLITE_OK, let db else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open the database (code \(code))"
            sqlite3_close_v2(db)  // close even when open fails
            throw DatabaseError(code: code, message: message)
        }
        self.handle = db
        self.path = path
        sqlite3_extended_result_codes(db, 1)
        sqlite3_busy_timeout(db, busyTimeout)
        guard mode != .readOnly else { return }
        try execute(sql: "PRAGMA foreign_keys = ON")
        // journal_mode returns a row; `execute(sql:)` runs it through sqlite3_exec, which is fine.
        try execute(sql: "PRAGMA journal_mode = WAL")
        try execute(sql: "PRAGMA synchronous = NORMAL")
    }

    deinit {
        statementCache.removeAll()
        sqlite3_close_v2(handle)
    }

    func error(code: Int32, sql: String?) -> DatabaseError {
        DatabaseError(
            code: sqlite3_extended_errcode(handle), message: String(cString: sqlite3_errmsg(handle)),
            sql: sql)
    }

    /// Runs one or more SQL statements with no arguments (`sqlite3_exec`): DDL, pragmas, scripts.
    package func execute(sql: String) throws(DatabaseError) {
        var errorMessage: UnsafeMutablePointer<CChar>?
        let code = sqlite3_exec(handle, sql, nil, nil, &errorMessage)
        guard code == SQLITE_OK else {
            let message = errorMessage.map { String(cString: $0) } ?? String(cString: sqlite3_errmsg(handle))
            sqlite3_free(errorMessage)
            throw DatabaseError(code: sqlite3_extended_errcode(handle), message: message, sql: sql)
        }
    }

    /// The cached prepared statement for `sql`, prepared on first use.
    ///
    /// When the cached statement is still being stepped (a loop over its rows runs the same
    /// query again inside), a fresh statement is returned instead, so that the outer loop is not
    /// reset under its feet (`sqlite3_stmt_busy`).
    ///
    /// - Throws: ``DatabaseError`` when `sql` does not compile or holds more than one statement.
    package func statement(_ sql: String) throws(DatabaseError) -> PreparedStatement {
        if let cached = statementCache[sql] {
            guard cached.isBusy else { return cached }
            return try PreparedStatement(database: self, sql: sql)
        }
        let statement = try PreparedStatement(database: self, sql: sql)
        statementCache[sql] = statement
        return statement
    }

    /// Runs one statement with bound `arguments`, ignoring any rows.
    package func execute(_ sql: String, _ arguments: [DatabaseValueConvertible] = []) throws(DatabaseError) {
        let statement = try statement(sql)
        try statement.bind(arguments)
        try statement.run()
    }

    /// Runs a query and calls `body` with each row as it is stepped, without keeping them.
    package func forEachRow(
        _ sql: String, _ arguments: [DatabaseValueConvertible] = [], _ body: (Row) throws -> Void
    ) throws {
        let statement = try statement(sql)
        try statement.bind(arguments)
        defer { sqlite3_reset(statement.handle) }
        let columns = statement.columnNames
        let count = Int32(columns.count)
        while try statement.step() {
            try body(Row(columns: columns, values: (0..<count).map { statement.value(at: $0) }))
        }
    }

    /// Runs a query and returns all its rows.
    package func rows(_ sql: String, _ arguments: [DatabaseValueConvertible] = []) throws -> [Row] {
        var result: [Row] = []
        try forEachRow(sql, arguments) { result.append($0) }
        return result
    }

    /// The first column of the first row, or `.null` when there is no row.
    package func scalar(_ sql: String, _ arguments: [DatabaseValueConvertible] = []) throws -> DatabaseValue {
        let statement = try statement(sql)
        try statement.bind(arguments)
        defer { sqlite3_reset(statement.handle) }
        return try statement.step() ? statement.value(at: 0) : .null
    }

    /// The rowid of the last row inserted on this connection (`sqlite3_last_insert_rowid`).
    package var lastInsertedRowID: Int64 { sqlite3_last_insert_rowid(handle) }

    /// Rows changed by the last statement (`sqlite3_changes`).
    package var changes: Int { Int(sqlite3_changes(handle)) }

    /// Whether a transaction is open on this connection (`sqlite3_get_autocommit` is 0).
    package var isInTransaction: Bool { sqlite3_get_autocommit(handle) == 0 }

    /// The version of the SQLite library in use.
    package static var sqliteVersion: String { String(cString: sqlite3_libversion()) }
}

@available(*, unavailable)
extension Database: Sendable {}
