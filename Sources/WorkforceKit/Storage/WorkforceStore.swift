import Foundation

/// The tool's database: one SQLite file holding frameworks, instruments, responses, the
/// catalog and analyses. Opening it applies any migrations it lacks.
public final class WorkforceStore {
    package let db: Database
    public let path: String

    /// Opens the database at `path`, creating it when `create` is true, and migrates it.
    ///
    /// - Throws: ``WorkforceError/noInput(path:reason:)`` when the file is missing and
    ///   `create` is false; other ``WorkforceError``s for files that are not databases or
    ///   cannot be written.
    /// - Parameter busyTimeout: how long to wait for another process's write lock, in milliseconds.
    public init(path: String, create: Bool, busyTimeout: Int32 = 30_000) throws(WorkforceError) {
        let exists = FileManager.default.fileExists(atPath: path)
        if !exists && !create {
            throw .noInput(path: path, reason: "no database here; run `workforce init` first, or give --db PATH")
        }
        self.path = path
        do {
            self.db = try Database(path: path, mode: create ? .create : .readWrite, busyTimeout: busyTimeout)
            try Schema.migrator.migrate(db)
        } catch {
            throw WorkforceError(error, path: path)
        }
    }

    /// Opens an existing database for reading only: for queries on a file (or in a folder) the
    /// user may not write. A database that needs a migration cannot be read this way.
    ///
    /// - Throws: ``WorkforceError/cannotCreate(path:reason:)`` (73) when it needs an upgrade.
    public init(readingOnly path: String) throws(WorkforceError) {
        guard FileManager.default.fileExists(atPath: path) else {
            throw .noInput(path: path, reason: "no database here; run `workforce init` first, or give --db PATH")
        }
        self.path = path
        do {
            self.db = try Database(path: path, mode: .readOnly)
            let applied = Set(try db.rows("SELECT name FROM schema_migrations").compactMap { $0[0].string })
            if let missing = Schema.migrator.migrations.map(\.name).first(where: { !applied.contains($0) }) {
                throw WorkforceError.cannotCreate(
                    path: path, reason: "the database needs an upgrade (\(missing)) and it cannot be written here; run `workforce init` where it can")
            }
        } catch {
            throw WorkforceError(error, path: path)
        }
    }

    /// Opens `path` to read and write when it can, else (a read-only file or folder) to read
    /// only, so that queries work on a database the user may only read; a write then fails
    /// with 73.
    public static func forQueries(path: String) throws(WorkforceError) -> WorkforceStore {
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
    public init(_ error: any Error, path: String) {
        switch error {
        case let error as WorkforceError:
            self = error
        case let error as MigrationError:
            self = .other(error.description)
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
