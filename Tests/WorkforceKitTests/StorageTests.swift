import Foundation
import Testing
@testable import WorkforceKit

@Suite struct StorageTests {
    @Test func valuesRoundTripThroughEveryStorageClass() throws {
        let folder = try TemporaryFolder()
        let db = try Database(path: folder.path("v.sqlite"))
        try db.execute(sql: "CREATE TABLE t (a)")
        let values: [DatabaseValue] = [.null, .integer(-42), .real(2.5), .text("Belize — Cayo ñ"), .blob([0, 1, 255])]
        for v in values { try db.execute("INSERT INTO t VALUES (?)", [v]) }
        let read = try db.rows("SELECT a FROM t ORDER BY rowid").map { $0[0] }
        #expect(read == values)
    }

    @Test func errorsCarryCodeMessageAndSQL() throws {
        let folder = try TemporaryFolder()
        let db = try Database(path: folder.path("e.sqlite"))
        try db.execute(sql: "CREATE TABLE t (a NOT NULL)")
        let error = try #require(throws: DatabaseError.self) { try db.execute("INSERT INTO t VALUES (NULL)") }
        #expect(error.primaryCode == .constraint)
        #expect(error.description.contains("NOT NULL constraint failed: t.a"))
        #expect(error.description.contains("while executing `INSERT INTO t VALUES (NULL)`"))
    }

    @Test func preparedStatementsAreCachedBySQL() throws {
        let folder = try TemporaryFolder()
        let db = try Database(path: folder.path("c.sqlite"))
        let a = try db.statement("SELECT 1")
        let b = try db.statement("SELECT 1")
        #expect(a === b)
        #expect(try db.statement("SELECT 2") !== a)
    }

    @Test func wrongArgumentCountIsAnError() throws {
        let folder = try TemporaryFolder()
        let db = try Database(path: folder.path("a.sqlite"))
        #expect(throws: DatabaseError.self) { try db.execute("SELECT ?", []) }
    }

    @Test func transactionCommitsOnReturnAndRollsBackOnThrow() throws {
        struct Boom: Error {}
        let folder = try TemporaryFolder()
        let db = try Database(path: folder.path("t.sqlite"))
        try db.execute(sql: "CREATE TABLE t (a)")
        try db.transaction { try $0.execute("INSERT INTO t VALUES (1)") }
        #expect(throws: Boom.self) {
            try db.transaction { db in
                try db.execute("INSERT INTO t VALUES (2)")
                throw Boom()
            }
        }
        #expect(!db.isInTransaction)
        #expect(try db.rows("SELECT a FROM t").map { $0[0] } == [.integer(1)])
    }

    @Test func theBodyDecidesCommitOrRollback() throws {
        let folder = try TemporaryFolder()
        let db = try Database(path: folder.path("d.sqlite"))
        try db.execute(sql: "CREATE TABLE t (a)")
        try db.inTransaction { db in
            try db.execute("INSERT INTO t VALUES (1)")
            return .rollback
        }
        #expect(!db.isInTransaction)
        #expect(try db.scalar("SELECT count(*) FROM t").int == 0)
        try db.inTransaction { db in
            try db.execute("INSERT INTO t VALUES (2)")
            return .commit
        }
        #expect(try db.scalar("SELECT a FROM t").int == 2)
    }

    @Test func preparingTwoStatementsThrowsInsteadOfRunningTheFirst() throws {
        let folder = try TemporaryFolder()
        let db = try Database(path: folder.path("two.sqlite"))
        try db.execute(sql: "CREATE TABLE t (a)")
        let error = try #require(throws: DatabaseError.self) {
            try db.execute("INSERT INTO t VALUES (1); INSERT INTO t VALUES (2)")
        }
        #expect(error.resultCode == .misuse)
        #expect(error.message.contains("more than one SQL statement"))
        #expect(try db.scalar("SELECT count(*) FROM t").int == 0)
        // A trailing comment or semicolon is not a second statement.
        try db.execute("INSERT INTO t VALUES (3); -- done")
        #expect(try db.scalar("SELECT count(*) FROM t").int == 1)
    }

    @Test func nestedIterationOfOneQueryDoesNotResetTheOuterLoop() throws {
        let folder = try TemporaryFolder()
        let db = try Database(path: folder.path("n.sqlite"))
        try db.execute(sql: "CREATE TABLE t (a); INSERT INTO t VALUES (1), (2), (3);")
        var pairs: [[Int]] = []
        try db.forEachRow("SELECT a FROM t ORDER BY a") { outer in
            try db.forEachRow("SELECT a FROM t ORDER BY a") { inner in
                pairs.append([outer[0].int ?? 0, inner[0].int ?? 0])
            }
        }
        #expect(pairs.count == 9)
        #expect(pairs.map { $0[0] } == [1, 1, 1, 2, 2, 2, 3, 3, 3])
    }

    @Test func resultCodesAreNamed() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("not-a-db.sqlite")
        try Data(repeating: 0x41, count: 4096).write(to: URL(fileURLWithPath: path))
        let error = try #require(throws: DatabaseError.self) { _ = try Database(path: path, mode: .readWrite) }
        #expect(error.primaryCode == .notADatabase)
        #expect(ResultCode(rawValue: 2067).primary == .constraint)  // SQLITE_CONSTRAINT_UNIQUE
    }

    @Test func aMigrationLeavingADanglingForeignKeyIsRolledBack() throws {
        let folder = try TemporaryFolder()
        let db = try Database(path: folder.path("fk.sqlite"))
        var migrator = Migrator()
        migrator.register("001", sql: "CREATE TABLE parent (id INTEGER PRIMARY KEY)")
        migrator.register(
            "002",
            sql: "CREATE TABLE child (parent_id INTEGER REFERENCES parent (id)); INSERT INTO child VALUES (42);")
        let error = try #require(throws: MigrationError.self) { try migrator.migrate(db) }
        #expect(error.description.contains("migration 002"))
        #expect(error.description.contains("child"))
        #expect(try migrator.appliedMigrations(db) == ["001"])
        #expect(try db.scalar("SELECT count(*) FROM sqlite_master WHERE name = 'child'").int == 0)
        #expect(try db.scalar("PRAGMA foreign_keys").int == 1)
    }

    @Test func migrationsApplyOnceInOrderAndAreRecorded() throws {
        let folder = try TemporaryFolder()
        let db = try Database(path: folder.path("m.sqlite"))
        var migrator = Migrator()
        migrator.register("one", sql: "CREATE TABLE a (x)")
        migrator.register("two", sql: "CREATE TABLE b (y)")
        #expect(try migrator.migrate(db) == ["one", "two"])
        #expect(try migrator.migrate(db) == [])
        #expect(try migrator.appliedMigrations(db) == ["one", "two"])
    }

    @Test func failingMigrationIsRolledBackWholeAndEarlierOnesStay() throws {
        let folder = try TemporaryFolder()
        let db = try Database(path: folder.path("m.sqlite"))
        var migrator = Migrator()
        migrator.register("good", sql: "CREATE TABLE a (x)")
        migrator.register("bad", sql: "CREATE TABLE b (y); CREATE TABLE a (x)")
        #expect(throws: DatabaseError.self) { try migrator.migrate(db) }
        #expect(try migrator.appliedMigrations(db) == ["good"])
        let tables = try db.rows("SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('a', 'b')")
        #expect(tables.map { $0[0] } == [.text("a")])
    }

    @Test func databaseFromANewerVersionIsRefused() throws {
        let folder = try TemporaryFolder()
        let db = try Database(path: folder.path("n.sqlite"))
        var newer = Migrator()
        newer.register("one", sql: "CREATE TABLE a (x)")
        newer.register("two-from-the-future", sql: "CREATE TABLE b (x)")
        try newer.migrate(db)
        var older = Migrator()
        older.register("one", sql: "CREATE TABLE a (x)")
        #expect(throws: MigrationError.self) { try older.migrate(db) }
    }

    @Test func storeAppliesTheSchemaAndRefusesAMissingFile() throws {
        let folder = try TemporaryFolder()
        #expect(throws: WorkforceError.self) { _ = try WorkforceStore(path: folder.path("none.sqlite"), create: false) }
        let store = try WorkforceStore(path: folder.path("s.sqlite"), create: true)
        let applied = try Schema.migrator.appliedMigrations(store.db)
        #expect(applied == Schema.migrator.migrations.map(\.name))
        #expect(try store.db.scalar("PRAGMA journal_mode") == .text("wal"))
        #expect(try store.db.scalar("PRAGMA foreign_keys") == .integer(1))
    }

    @Test func notADatabaseIsBadData() throws {
        let folder = try TemporaryFolder()
        let url = try folder.write("junk.sqlite", String(repeating: "this is not sqlite\n", count: 200))
        let error = try #require(throws: WorkforceError.self) { _ = try WorkforceStore(path: url.path, create: false) }
        #expect(error.exitCode == .dataError)
    }

    @Test func aSecondWriterWaitsForTheFirstInsteadOfFailing() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("busy.sqlite")
        let first = try Database(path: path)
        try first.execute(sql: "CREATE TABLE t (who TEXT)")
        try first.execute(sql: "BEGIN IMMEDIATE")
        try first.execute("INSERT INTO t VALUES ('first')")

        let done = DispatchSemaphore(value: 0)
        let outcome = Outcome()
        let thread = Thread {
            do {
                let second = try Database(path: path, busyTimeout: 10_000)
                try second.transaction(.immediate) { try $0.execute("INSERT INTO t VALUES ('second')") }
                outcome.set("ok")
            } catch {
                outcome.set("\(error)")
            }
            done.signal()
        }
        thread.start()
        Thread.sleep(forTimeInterval: 0.3)
        #expect(outcome.get() == nil, "the second writer must still be waiting for the lock")
        try first.execute(sql: "COMMIT")
        #expect(done.wait(timeout: .now() + 10) == .success)
        #expect(outcome.get() == "ok")
        #expect(try first.rows("SELECT who FROM t ORDER BY rowid").map { $0[0] } == [.text("first"), .text("second")])
    }

    @Test func withoutABusyTimeoutTheSecondWriterFailsWithBusy() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("busy0.sqlite")
        let first = try Database(path: path)
        try first.execute(sql: "CREATE TABLE t (who TEXT)")
        try first.execute(sql: "BEGIN IMMEDIATE")
        let second = try Database(path: path, busyTimeout: 0)
        let error = try #require(throws: DatabaseError.self) { try second.execute(sql: "BEGIN IMMEDIATE") }
        #expect(error.isBusy)
        try first.execute(sql: "ROLLBACK")
    }
}

/// A value set by one thread and read by another, guarded by a lock.
final class Outcome: @unchecked Sendable {  // state guarded by `lock`
    private let lock = NSLock()
    private var value: String?
    func set(_ v: String) { lock.lock(); value = v; lock.unlock() }
    func get() -> String? { lock.lock(); defer { lock.unlock() }; return value }
}
