/// Applies named schema migrations in order, each once, each in its own `BEGIN IMMEDIATE`
/// transaction, and records them in the `schema_migrations` table (as GRDB's `DatabaseMigrator`).
package struct Migrator: Sendable {
    /// One named step of the schema.
    package struct Migration: Sendable {
        package let name: String
        package let sql: String
        package init(_ name: String, sql: String) {
            self.name = name
            self.sql = sql
        }
    }

    package private(set) var migrations: [Migration] = []

    package init() {}

    /// Adds a migration after the others. Names must be unique.
    package mutating func register(_ name: String, sql: String) {
        precondition(!migrations.contains { $0.name == name }, "duplicate migration \(name)")
        migrations.append(Migration(name, sql: sql))
    }

    /// The names of the migrations already applied to `db`, in the order they were applied.
    package func appliedMigrations(_ db: Database) throws -> [String] {
        try db.execute(
            sql: "CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY NOT NULL, applied_at TEXT NOT NULL)")
        return try db.rows("SELECT name FROM schema_migrations ORDER BY rowid").map { try $0.string("name") }
    }

    /// Applies every migration not yet applied, and returns their names.
    ///
    /// A migration that fails is rolled back whole; those before it stay applied.
    /// - Throws: ``DatabaseError`` from the failing migration, or ``MigrationError`` when the
    ///   database was made by a newer version of this tool (it has migrations this one lacks).
    @discardableResult
    package func migrate(_ db: Database) throws -> [String] {
        let applied = Set(try appliedMigrations(db))
        let known = Set(migrations.map(\.name))
        let unknown = applied.subtracting(known)
        if !unknown.isEmpty {
            throw MigrationError.newerDatabase(path: db.path, unknownMigrations: unknown.sorted())
        }
        var done: [String] = []
        let pending = migrations.filter { !applied.contains($0.name) }
        guard !pending.isEmpty else { return done }
        // As GRDB: foreign keys are off while a migration reshapes tables (the pragma is a no-op
        // inside a transaction, so it is set around them), and each migration ends with
        // `PRAGMA foreign_key_check`, so one that leaves a dangling reference is rolled back.
        let foreignKeysWereOn = try db.scalar("PRAGMA foreign_keys").int == 1
        if foreignKeysWereOn { try db.execute(sql: "PRAGMA foreign_keys = OFF") }
        defer { if foreignKeysWereOn { try? db.execute(sql: "PRAGMA foreign_keys = ON") } }
        for migration in pending {
            try db.inTransaction(.immediate) { db in
                // Another process may have applied it while we waited for the lock.
                let already = try db.scalar(
                    "SELECT count(*) FROM schema_migrations WHERE name = ?", [migration.name])
                guard already.int == 0 else { return .commit }
                try db.execute(sql: migration.sql)
                let violations = try db.rows("PRAGMA foreign_key_check")
                if let first = violations.first {
                    throw MigrationError.foreignKeyViolation(
                        migration: migration.name, table: try first.string("table"), count: violations.count)
                }
                try db.execute(
                    "INSERT INTO schema_migrations (name, applied_at) VALUES (?, strftime('%Y-%m-%dT%H:%M:%SZ','now'))",
                    [migration.name])
                done.append(migration.name)
                return .commit
            }
        }
        return done
    }
}

/// A database that this version of the tool cannot safely open.
package enum MigrationError: Error, CustomStringConvertible, Sendable {
    case newerDatabase(path: String, unknownMigrations: [String])
    /// A migration left rows whose foreign keys point nowhere; it was rolled back.
    case foreignKeyViolation(migration: String, table: String, count: Int)

    package var description: String {
        switch self {
        case .newerDatabase(let path, let names):
            return "\(path) was written by a newer version of workforce (unknown migrations: "
                + names.joined(separator: ", ") + "); upgrade workforce to use it"
        case .foreignKeyViolation(let migration, let table, let count):
            return "migration \(migration) left \(plural(count, "row")) with a dangling foreign key (first in table \(table)); it was rolled back"
        }
    }
}
