internal import CSQLite

/// How a transaction takes its locks (`BEGIN DEFERRED`, `BEGIN IMMEDIATE`, `BEGIN EXCLUSIVE`).
package enum TransactionKind: String, Sendable {
    case deferred = "DEFERRED"
    case immediate = "IMMEDIATE"
    case exclusive = "EXCLUSIVE"
}

/// What the body of ``Database/inTransaction(_:_:)`` decides: keep its work or undo it.
package enum TransactionCompletion: Sendable {
    case commit
    case rollback
}

extension Database {
    /// Runs `body` inside a transaction, which commits or rolls back as `body` returns (as
    /// GRDB's `Database.inTransaction`); a thrown error rolls back too and is rethrown.
    ///
    /// The first error is rethrown; an error from the rollback itself never hides it. A writer
    /// should use `.immediate` so that it takes the write lock (waiting up to the busy timeout)
    /// before it reads anything it will write back. A dry run returns `.rollback`.
    ///
    /// - Parameters:
    ///   - kind: how the transaction takes its locks.
    ///   - body: the work; it receives this connection and says how to end.
    package func inTransaction(_ kind: TransactionKind = .immediate, _ body: (Database) throws -> TransactionCompletion) throws {
        try execute(sql: "BEGIN \(kind.rawValue) TRANSACTION")
        let changesBefore = sqlite3_total_changes(handle)
        let completion: TransactionCompletion
        do {
            completion = try body(self)
        } catch {
            if isInTransaction { try? execute(sql: "ROLLBACK TRANSACTION") }
            throw error
        }
        do {
            switch completion {
            case .commit:
                try execute(sql: "COMMIT TRANSACTION")
                if sqlite3_total_changes(handle) != changesBefore { committedWrites += 1 }
            case .rollback: try execute(sql: "ROLLBACK TRANSACTION")
            }
        } catch {
            if isInTransaction { try? execute(sql: "ROLLBACK TRANSACTION") }
            throw error
        }
    }

    /// Runs `body` in a transaction that commits when it returns and rolls back when it throws.
    ///
    /// - Returns: what `body` returns.
    package func transaction<T>(_ kind: TransactionKind = .immediate, _ body: (Database) throws -> T) throws -> T {
        var result: T?
        try inTransaction(kind) { db in
            result = try body(db)
            return .commit
        }
        guard let result else { throw DatabaseError(code: .misuse, message: "transaction ended without a result") }
        return result
    }
}
