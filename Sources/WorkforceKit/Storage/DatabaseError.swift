/// An error reported by SQLite, with the result code, SQLite's message and the SQL that failed.
///
/// Its description reads like GRDB's: `SQLite error 19: NOT NULL constraint failed: t.a - while
/// executing \`INSERT INTO t VALUES (NULL)\``.
public struct DatabaseError: Error, CustomStringConvertible, Sendable {
    /// The extended result code when SQLite gave one (``ResultCode/primary`` gives the primary).
    public let resultCode: ResultCode
    /// The text of `sqlite3_errmsg` when the error happened.
    public let message: String
    /// The SQL being prepared or run, when there was one.
    public let sql: String?

    public init(code: ResultCode, message: String, sql: String? = nil) {
        self.resultCode = code
        self.message = message
        self.sql = sql
    }

    init(code: Int32, message: String, sql: String? = nil) {
        self.init(code: ResultCode(rawValue: code), message: message, sql: sql)
    }

    /// The primary result code.
    public var primaryCode: ResultCode { resultCode.primary }

    /// Whether another connection held a lock for longer than the busy timeout.
    public var isBusy: Bool { primaryCode == .busy || primaryCode == .locked }

    public var description: String {
        var text = "SQLite error \(resultCode.rawValue): \(message)"
        if let sql { text += " - while executing `\(sql)`" }
        return text
    }
}
