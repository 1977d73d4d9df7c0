import Foundation
import Testing

@testable import Storage
@testable import WorkforceKit

/// A bulk write runs with a rollback journal when the database is not shared, and the database
/// is in WAL again after it, whether the write commits, rolls back or throws.
@Suite struct RollbackJournalTests {
    static func mode(_ db: Database) throws -> String? { try db.scalar("PRAGMA journal_mode").string }

    @Test func theWriteUsesAJournalAndTheDatabaseReturnsToWAL() throws {
        let folder = try TemporaryFolder()
        let db = try Database(path: folder.path("j.sqlite"))
        try db.execute(sql: "CREATE TABLE t (a)")
        #expect(try Self.mode(db) == "wal")
        let inside = try db.withRollbackJournal {
            try db.inTransaction { db in
                try db.execute("INSERT INTO t VALUES (?)", [DatabaseValue.integer(1)])
                return .commit
            }
            return try Self.mode(db)
        }
        #expect(inside == "delete")
        #expect(try Self.mode(db) == "wal")
        #expect(try db.scalar("PRAGMA synchronous").string == "1")  // NORMAL again
        struct Failure: Error {}
        #expect(throws: Failure.self) {
            try db.withRollbackJournal {
                try db.inTransaction { db in
                    try db.execute("INSERT INTO t VALUES (?)", [DatabaseValue.integer(2)])
                    throw Failure()
                }
            }
        }
        #expect(try Self.mode(db) == "wal")
        #expect(try db.scalar("SELECT group_concat(a) FROM t").string == "1")
    }

    @Test func aSharedDatabaseStaysInWAL() throws {
        let folder = try TemporaryFolder()
        let db = try Database(path: folder.path("s.sqlite"))
        try db.execute(sql: "CREATE TABLE t (a)")
        let other = try Database(path: folder.path("s.sqlite"))
        #expect(try other.scalar("SELECT count(*) FROM t").string == "0")
        let inside = try db.withRollbackJournal {
            try db.execute("INSERT INTO t VALUES (?)", [DatabaseValue.integer(1)])
            return try Self.mode(db)
        }
        #expect(inside == "wal")
        #expect(try other.scalar("SELECT count(*) FROM t").string == "1")
    }
}
