/// How a transaction takes its locks (`BEGIN DEFERRED`, `BEGIN IMMEDIATE`, `BEGIN EXCLUSIVE`).
public enum TransactionKind: String, Sendable {
    case deferred = "DEFERRED"
    case immediate = "IMMEDIATE"
    case exclusive = "EXCLUSIVE"
}

extension Database {
    /// Runs `body` inside a transaction: commits when it returns, rolls back when it throws.
    ///
    /// The first error is rethrown; an error from the rollback itself never hides it. A writer
    /// should use `.immediate` so that it takes the write lock (waiting up to the busy timeout)
    /// before it reads anything it will write back.
    ///
    /// - Parameters:
    ///   - kind: how the transaction takes its locks.
    ///   - body: the work; it receives this connection.
    /// - Returns: what `body` returns.
    public func inTransaction<T>(_ kind: TransactionKind = .immediate, _ body: (Database) throws -> T) throws -> T {
        try execute(sql: "BEGIN \(kind.rawValue) TRANSACTION")
        let result: T
        do {
            result = try body(self)
        } catch {
            if isInTransaction { try? execute(sql: "ROLLBACK TRANSACTION") }
            throw error
        }
        do {
            try execute(sql: "COMMIT TRANSACTION")
        } catch {
            if isInTransaction { try? execute(sql: "ROLLBACK TRANSACTION") }
            throw error
        }
        return result
    }
}
