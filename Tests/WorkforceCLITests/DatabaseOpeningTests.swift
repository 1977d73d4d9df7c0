import Foundation
import Testing

/// Only `init` creates or migrates a database; batch ids are never reused.
@Suite struct DatabaseOpeningTests {
    /// The bytes of `path` and its WAL, to show a refused file was left as it was.
    func snapshot(_ path: String) throws -> [Data?] {
        try ["", "-wal", "-shm"].map { suffix in
            FileManager.default.fileExists(atPath: path + suffix) ? try Data(contentsOf: URL(fileURLWithPath: path + suffix)) : nil
        }
    }

    @Test func aForeignSQLiteFileIsRefusedAndLeftUnchanged() throws {
        let scratch = try Scratch()
        let places = scratch.path("places.sqlite")
        let made = Process()
        made.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        made.arguments = ["python3", "-c", "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute('CREATE TABLE moz_places (url TEXT)'); c.execute(\"INSERT INTO moz_places VALUES ('x')\"); c.commit()", places]
        try made.run()
        made.waitUntilExit()
        let before = try snapshot(places)
        for command in [["catalog"], ["framework", "list", "roles"], ["imports"], ["purge", "--batch", "1"], ["responses", "awareness"]] {
            let result = try runWorkforce(command + ["--db", places], in: scratch.url)
            #expect(result.code == 66, "\(command): \(result.stderr)")
            #expect(result.stderr.contains("not a workforce database") && result.stderr.contains("workforce init"), "\(result.stderr)")
        }
        #expect(try snapshot(places) == before)
        // init does not take it over either.
        let initialised = try runWorkforce(["init", "--db", places], in: scratch.url)
        #expect(initialised.code == 66, "\(initialised.stderr)")
        #expect(try snapshot(places) == before)
    }

    @Test func anEmptyFileBecomesADatabaseOnlyThroughInit() throws {
        let scratch = try Scratch()
        let empty = scratch.path("empty.sqlite")
        #expect(FileManager.default.createFile(atPath: empty, contents: Data()))
        let listed = try runWorkforce(["framework", "list", "roles", "--db", empty], in: scratch.url)
        #expect(listed.code == 66)
        #expect(listed.stderr.contains("empty file") && listed.stderr.contains("workforce init"), "\(listed.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: empty)).isEmpty)
        #expect(!FileManager.default.fileExists(atPath: empty + "-wal"))
        #expect(try runWorkforce(["init", "--db", empty], in: scratch.url).code == 0)
        #expect(try runWorkforce(["framework", "list", "roles", "--db", empty], in: scratch.url).code == 0)
    }

    @Test func anOlderDatabaseIsUpgradedOnlyByInit() throws {
        let database = try TestDatabase()
        // Pretend the last migration is not applied yet.
        let sqlite = Process()
        sqlite.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        sqlite.arguments = ["python3", "-c", "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute(\"DELETE FROM schema_migrations WHERE name = (SELECT name FROM schema_migrations ORDER BY rowid DESC LIMIT 1)\"); c.commit()", database.path]
        try sqlite.run()
        sqlite.waitUntilExit()
        let refused = try database.run(["imports"])
        #expect(refused.code == 66)
        #expect(refused.stderr.contains("needs an upgrade") && refused.stderr.contains("workforce init"), "\(refused.stderr)")
    }

    @Test func batchIDsAreNeverReusedAfterAPurge() throws {
        let database = try TestDatabase()
        let catalog = CatalogAndGapsCommandTests.fixture.path
        #expect(try database.run(["import", "catalog", catalog]).code == 0)
        #expect(try database.run(["purge", "--batch", "1"]).code == 0)
        let again = try database.run(["import", "catalog", catalog])
        #expect(again.code == 0, "\(again.stderr)")
        #expect(again.stdout.contains("as batch 2"), "\(again.stdout)")
        let batches = try jsonRows(try database.run(["imports", "--format", "json"]).stdout).compactMap { $0["batch"] as? Double }
        #expect(batches == [2])
    }
}
