import Foundation

/// The tool's database: one SQLite file holding frameworks, instruments, responses, the
/// catalog and analyses. Opening it applies any migrations it lacks.
package final class WorkforceStore {
    package let db: Database
    package let path: String

    /// Opens the database at `path`.
    ///
    /// Only `create` (what `workforce init` and `workforce demo` do) creates the file or applies
    /// migrations; without it the file must already be a workforce database with every migration
    /// of this version applied, and it is left exactly as it is when it is not (no tables added,
    /// no switch to WAL).
    ///
    /// - Throws: ``WorkforceError/noInput(path:reason:)`` (66) when the file is missing, is not a
    ///   workforce database (an SQLite file of another program, an empty file) or needs an
    ///   upgrade, saying to run `workforce init`; ``WorkforceError/badData(_:_:)`` for a file that
    ///   is not SQLite at all; other ``WorkforceError``s for files that cannot be written.
    /// - Parameter busyTimeout: how long to wait for another process's write lock, in milliseconds.
    package init(path: String, create: Bool, busyTimeout: Int32 = 30_000) throws(WorkforceError) {
        let exists = FileManager.default.fileExists(atPath: path)
        try Self.checkRegularFile(path)
        if !exists && !create {
            throw .noInput(path: path, reason: "no database here; run `workforce init` first, or give --db PATH")
        }
        self.path = path
        do {
            if exists { try Self.checkSchema(path, forMigration: create) }
            self.db = try Database(path: path, mode: create ? .create : .readWrite, busyTimeout: busyTimeout)
            if create { try Schema.migrator.migrate(db) }
        } catch {
            throw WorkforceError(error, path: path)
        }
    }

    /// Opens an existing database for reading only: for queries on a file (or in a folder) the
    /// user may not write. A database that needs a migration cannot be read this way.
    ///
    /// - Throws: ``WorkforceError/noInput(path:reason:)`` (66) when it is not a workforce
    ///   database or needs an upgrade.
    package init(readingOnly path: String) throws(WorkforceError) {
        guard FileManager.default.fileExists(atPath: path) else {
            throw .noInput(path: path, reason: "no database here; run `workforce init` first, or give --db PATH")
        }
        try Self.checkRegularFile(path)
        self.path = path
        do {
            try Self.checkSchema(path, forMigration: false)
            self.db = try Database(path: path, mode: .readOnly)
        } catch {
            throw WorkforceError(error, path: path)
        }
    }

    /// Refuses a `--db` that is there but is not a regular file (a FIFO, which would block
    /// SQLite's open for ever, a device, a socket, a folder), before SQLite opens it.
    static func checkRegularFile(_ path: String) throws(WorkforceError) {
        var info = stat()
        guard stat(path, &info) == 0 else { return }
        let mode = info.st_mode & S_IFMT
        guard mode != S_IFREG else { return }
        let what = mode == S_IFDIR ? "a folder" : OutputPath.describe(mode)
        throw .noInput(path: path, reason: "is \(what), not a database file (it was not opened); give --db the file `workforce init` made")
    }

    /// Checks, on a read-only connection that changes nothing, that `path` is a workforce
    /// database: it has the `schema_migrations` table and no migration this version does not
    /// know; unless `forMigration`, every migration must be applied. With `forMigration` (init),
    /// an empty SQLite file is accepted, one with another program's tables is not.
    private static func checkSchema(_ path: String, forMigration: Bool) throws {
        let db = try Database(path: path, mode: .readOnly)
        let tables = try db.scalar("SELECT count(*) FROM sqlite_master WHERE type = 'table'").int ?? 0
        let hasMigrations = try db.scalar(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").int == 1
        guard hasMigrations else {
            if forMigration && tables == 0 { return }
            throw WorkforceError.noInput(
                path: path,
                reason: tables == 0
                    ? "is an empty file, not a workforce database; run `workforce init --db \(path)` to make it one"
                    : "is an SQLite database of another program, not a workforce database (it was left unchanged); give --db the file `workforce init` made, or run `workforce init --db NEW.sqlite`")
        }
        let applied = Set(try db.rows("SELECT name FROM schema_migrations").map { try $0.string("name") })
        let known = Schema.migrator.migrations.map(\.name)
        let unknown = applied.subtracting(known)
        if !unknown.isEmpty { throw MigrationError.newerDatabase(path: path, unknownMigrations: unknown.sorted()) }
        if !forMigration, let missing = known.first(where: { !applied.contains($0) }) {
            throw WorkforceError.noInput(
                path: path,
                reason: "was made by an older version of workforce and needs an upgrade (\(missing)); run `workforce init --db \(path)` to upgrade it")
        }
    }

    /// Opens `path` to read and write when it can, else (a read-only file or folder) to read
    /// only, so that queries work on a database the user may only read; a write then fails
    /// with 73.
    package static func forQueries(path: String) throws(WorkforceError) -> WorkforceStore {
        do {
            return try WorkforceStore(path: path, create: false)
        } catch .cannotCreate {
            return try WorkforceStore(readingOnly: path)
        }
    }

    /// Runs `body` in an immediate transaction, turning database errors into ``WorkforceError``.
    package func write<T>(_ body: (Database) throws -> T) throws(WorkforceError) -> T {
        do {
            return try db.transaction(.immediate, body)
        } catch {
            throw WorkforceError(error, path: path)
        }
    }

    /// Runs a read, turning database errors into ``WorkforceError``.
    package func read<T>(_ body: (Database) throws -> T) throws(WorkforceError) -> T {
        do {
            return try body(db)
        } catch {
            throw WorkforceError(error, path: path)
        }
    }
}

@available(*, unavailable)
extension WorkforceStore: Sendable {}

extension WorkforceError {
    /// Any error met while using the database at `path`, as an error with an exit code.
    package init(_ error: any Error, path: String) {
        switch error {
        case let error as WorkforceError:
            self = error
        case let error as MigrationError:
            self = .other(error.description)
        case let error as DamagedRow:
            self = .badData(SourceLocation(file: path), error.message)
        case let error as DatabaseError:
            switch error.primaryCode {
            case .notADatabase: self = .badData(SourceLocation(file: path), "not a workforce database (\(error.message))")
            case .corrupt: self = .badData(SourceLocation(file: path), "the database file is corrupt (\(error.message))")
            case .readOnly, .cannotOpen: self = .cannotCreate(path: path, reason: error.message)
            case .ioError, .full: self = .io(path: path, reason: error.message)
            case .busy, .locked:
                self = .other("\(path): the database stayed locked by another process (\(error.message)); try again")
            default: self = .other("\(path): \(error)")
            }
        default:
            self = .other("\(path): \(error)")
        }
    }
}
