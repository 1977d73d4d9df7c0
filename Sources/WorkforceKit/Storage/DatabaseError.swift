/// An error reported by SQLite, with the result code, SQLite's message and the SQL that failed.
///
/// Its description reads like GRDB's: `SQLite error 19: NOT NULL constraint failed: t.a - while
/// executing \`INSERT INTO t VALUES (NULL)\``.
public struct DatabaseError: Error, CustomStringConvertible, Sendable {
    /// The primary or extended SQLite result code (`SQLITE_BUSY` is 5, `SQLITE_CONSTRAINT` 19...).
    public let code: Int32
    /// The text of `sqlite3_errmsg` when the error happened.
    public let message: String
    /// The SQL being prepared or run, when there was one.
    public let sql: String?

    public init(code: Int32, message: String, sql: String? = nil) {
        self.code = code
        self.message = message
        self.sql = sql
    }

    /// The primary result code (the low 8 bits of an extended code).
    public var primaryCode: Int32 { code & 0xFF }

    /// Whether another connection held a lock for longer than the busy timeout.
    public var isBusy: Bool { primaryCode == 5 || primaryCode == 6 }

    public var description: String {
        var text = "SQLite error \(code): \(message)"
        if let sql { text += " - while executing `\(sql)`" }
        return text
    }
}
