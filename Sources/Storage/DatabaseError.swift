/// An error reported by SQLite, with the result code, SQLite's message and the SQL that failed.
///
/// Its description reads like GRDB's: `SQLite error 19: NOT NULL constraint failed: t.a - while
/// executing \`INSERT INTO t VALUES (NULL)\``.
package struct DatabaseError: Error, CustomStringConvertible, Sendable {
    /// The extended result code when SQLite gave one (``ResultCode/primary`` gives the primary).
    package let resultCode: ResultCode
    /// The text of `sqlite3_errmsg` when the error happened.
    package let message: String
    /// The SQL being prepared or run, when there was one.
    package let sql: String?

    package init(code: ResultCode, message: String, sql: String? = nil) {
        self.resultCode = code
        self.message = message
        self.sql = sql
    }

    init(code: Int32, message: String, sql: String? = nil) {
        self.init(code: ResultCode(rawValue: code), message: message, sql: sql)
    }

    /// The primary result code.
    package var primaryCode: ResultCode { resultCode.primary }

    /// Whether another connection held a lock for longer than the busy timeout.
    package var isBusy: Bool { primaryCode == .busy || primaryCode == .locked }

    package var description: String {
        var text = "SQLite error \(resultCode.rawValue): \(message)"
        if let sql { text += " - while executing `\(sql)`" }
        return text
    }
}
