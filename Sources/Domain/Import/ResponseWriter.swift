/// Inserts responses, skipping those already stored.
///
/// A response's identity is its kind and key, and for a form-local key (``ResponseKey``) also
/// its form and wave; the table's unique index is on a 64-bit hash of these (a small integer
/// index keeps a million inserts fast). When a hash is taken, the stored
/// row is compared: the same kind and key is a duplicate; anything else is a hash collision,
/// and the next hash value is tried, so no response is ever lost to a collision.
/// While a bulk import has set the index aside (``StoredIdentities``), the same lookups go to the
/// table in memory, and the stored row is read by its row id.
///
/// While the index is set aside, rows are also inserted ``groupSize`` to a statement (a multi-row
/// `INSERT`): one run of SQLite's program for 64 rows instead of 64 runs of a one-row insert
/// saves about half a second of CPU on a million rows (measured; 16 rows a run save most of it).
/// A pending row is already in the table in memory, under the row id SQLite will give it (the
/// largest row id plus one, row after row; checked after each run), and every read of the stored
/// rows first writes the pending ones (``flush()``), so that a duplicate or a collision within a
/// group is found as it would be in the table. The caller flushes before the bytes the pending
/// rows point to change.
struct ResponseWriter {
    let db: Database
    let batch: Int64
    let kind: String
    /// The form and wave a form-local key is unique in; `nil` for a tool-global key.
    let scope: (form: String, wave: String?)?
    /// The identities in memory while the index is set aside; `nil` while the index is there.
    let identities: StoredIdentities?
    private let insert: PreparedStatement
    /// The batch that holds the same kind and key at a hash (by its row id while the index is
    /// set aside), 0 for another response's hash, no row for a free hash.
    private let existing: PreparedStatement
    /// FNV-1a of the scoped kind and its NUL separator: each key's hash goes on from here.
    private let seed: UInt64
    /// Rows to a multi-row insert while the index is set aside.
    static let groupSize = 64
    /// The bulk load's insert of ``groupSize`` rows (`nil` while the index is there).
    private let groupInsert: PreparedStatement?
    /// The rows placed in the table in memory and not yet written (fewer than ``groupSize``).
    private var pending: [Pending] = []
    /// The row id SQLite gives the next row inserted (while the index is set aside).
    private var nextRowID: Int64 = 1

    /// The keys made as strings (ids not in their normal form) of the pending rows, in order.
    private var pendingKeys: [String] = []

    /// A row waiting for its group's insert; the bytes it points to stay unchanged until ``flush()``.
    private struct Pending {
        var hash: Int64
        /// The key as it stands in the file, or `nil` for the next of ``pendingKeys``.
        var key: UnsafeBufferPointer<UInt8>?
        var line: Int
        var submitted: UnsafeBufferPointer<UInt8>?
        var answers: UnsafeBufferPointer<UInt8>
    }

    init(db: Database, batch: Int64, kind: String, scope: (form: String, wave: String?)?, identities: StoredIdentities? = nil) throws {
        self.db = db
        self.batch = batch
        self.kind = kind
        self.scope = scope
        self.identities = identities
        // Without the unique index there is no conflict to name: the table in memory says.
        insert = try db.statement(
            """
            INSERT INTO response (batch_id, key_hash, response_key, line, submitted_at, answers)
            VALUES (?, ?, ?, ?, ?, ?)\(identities == nil ? " ON CONFLICT (key_hash) DO NOTHING" : "")
            """)
        existing = try db.statement(
            """
            SELECT CASE WHEN r.response_key = ?1 AND b.kind = ?2 AND (?4 = 0 OR (i.form_id = ?5 AND b.wave IS ?6)) THEN b.id ELSE 0 END
            FROM response r JOIN import_batch b ON b.id = r.batch_id LEFT JOIN instrument i ON i.id = b.instrument_id
            WHERE \(identities == nil ? "r.key_hash" : "r.id") = ?3
            """)
        seed = Self.seed(scopedKind: scope.map { "\(kind)\u{0}\($0.form)\u{0}\($0.wave ?? "")" } ?? kind)
        insert.reset()
        try insert.bind(1, batch)
        if identities != nil {
            let rows = Array(repeating: "(?, ?, ?, ?, ?, ?)", count: Self.groupSize).joined(separator: ", ")
            let group = try db.statement("INSERT INTO response (batch_id, key_hash, response_key, line, submitted_at, answers) VALUES \(rows)")
            group.reset()
            for slot in 0..<Self.groupSize { try group.bind(Int32(slot * 6 + 1), batch) }
            groupInsert = group
            pending.reserveCapacity(Self.groupSize)
            nextRowID = Int64(try db.scalar("SELECT coalesce(max(id), 0) FROM response").int ?? 0) + 1
        } else {
            groupInsert = nil
        }
        existing.reset()
        try existing.bind(2, kind)
        try existing.bind(4, scope == nil ? 0 : 1)
        try existing.bind(5, scope?.form ?? "")
        if let wave = scope?.wave { try existing.bind(6, wave) } else { try existing.bind(6, DatabaseValue.null) }
    }

    /// Inserts one response; returns `nil` when it was inserted, else the batch that already
    /// holds it.
    mutating func insert(key: String, line: Int, submitted: UnsafeBufferPointer<UInt8>?, answers: UnsafeBufferPointer<UInt8>) throws -> Int64? {
        if identities != nil {
            return try place(scopedHash(key), Pending(hash: 0, key: nil, line: line, submitted: submitted, answers: answers), made: key)
        }
        try insert.bind(3, key)
        try insert.bind(4, line)
        if let submitted, submitted.count > 0 { try insert.bind(5, utf8: submitted) } else { try insert.bind(5, DatabaseValue.null) }
        try insert.bind(6, utf8: answers)
        return try place(scopedHash(key)) { try existing.bind(1, key) }
    }

    /// Inserts one response whose key is `key` as it stands in the file, when it is already in
    /// its normal form (``isNormalised(_:)``): no string is made for it, and SQLite reads the
    /// key, the submission time and the answers in place (they outlive the statement's run).
    /// `hash` is ``hash(normalisedKey:)`` of `key`.
    mutating func insert(
        normalisedKey key: UnsafeBufferPointer<UInt8>, hash: Int64, line: Int, submitted: UnsafeBufferPointer<UInt8>?,
        answers: UnsafeBufferPointer<UInt8>
    ) throws -> Int64? {
        if identities != nil {
            return try place(hash, Pending(hash: 0, key: key, line: line, submitted: submitted, answers: answers), made: nil)
        }
        try insert.bind(3, utf8InPlace: key)
        try insert.bind(4, line)
        if let submitted, submitted.count > 0 { try insert.bind(5, utf8InPlace: submitted) } else { try insert.bind(5, DatabaseValue.null) }
        try insert.bind(6, utf8InPlace: answers)
        return try place(hash) { try existing.bind(1, utf8InPlace: key) }
    }

    /// The first hash a key in its normal form is tried at.
    func hash(normalisedKey key: UnsafeBufferPointer<UInt8>) -> Int64 { Self.hash(seed: seed, key: key) }

    /// Brings the places of `hashes` in the table in memory into the cache (a bulk load; else
    /// nothing): looked up one at a time, each would wait for memory in turn, while loads
    /// issued together overlap.
    func prefetch(_ hashes: [Int64?]) { identities?.touch(hashes) }

    /// Runs the bound insert at the first free hash from `start`; returns `nil` when inserted,
    /// else the batch that holds the same key (`bindKey` binds it to `existing`). A hash taken by
    /// another key is a collision: the next value is tried, so no response is lost to one.
    @inline(__always)
    private func place(_ start: Int64, bindKey: () throws -> Void) throws -> Int64? {
        var hash = start
        while true {
            try insert.bind(2, hash)
            try insert.run()
            if db.changes == 1 { return nil }
            try bindKey()
            try existing.bind(3, hash)
            if let holder = try existing.runReturningInteger(), holder > 0 { return holder }
            hash = hash &+ 1  // a collision: probe the next value
        }
    }

    /// The bulk load's ``place(_:bindKey:)``: `row` goes into the table in memory at the first
    /// free hash from `start`, under the row id it will get, and waits for its group's insert.
    /// `made` is its key when made as a string (`row.key` is then `nil`).
    @inline(__always)
    private mutating func place(_ start: Int64, _ row: Pending, made: String?) throws -> Int64? {
        guard let identities else { preconditionFailure("a bulk placement without the table in memory") }
        var hash = start
        while true {
            guard let stored = identities.row(hash) else {
                var row = row
                row.hash = hash
                identities.add(hash, row: nextRowID)
                nextRowID += 1
                pending.append(row)
                if let made { pendingKeys.append(made) }
                if pending.count == Self.groupSize { try flush() }
                return nil
            }
            try flush()  // the stored row is read: it may be pending
            if let key = row.key { try existing.bind(1, utf8InPlace: key) } else { try existing.bind(1, made ?? "") }
            try existing.bind(3, stored)
            if let holder = try existing.runReturningInteger(), holder > 0 { return holder }
            hash = hash &+ 1  // a collision: probe the next value
        }
    }

    /// Writes the pending rows: ``groupSize`` of them in one statement, fewer one at a time.
    /// Each must get the row id it was placed under; a row id SQLite gives otherwise (something
    /// else inserted a response meanwhile) is an error, and the caller's transaction rolls back.
    mutating func flush() throws {
        guard !pending.isEmpty else { return }
        var expected = nextRowID - Int64(pending.count)
        var made = pendingKeys.makeIterator()
        if let group = groupInsert, pending.count == Self.groupSize {
            for (slot, row) in pending.enumerated() { try bind(row, row.key == nil ? made.next() : nil, to: group, at: Int32(slot * 6)) }
            try group.run()
            expected = nextRowID - 1
            guard db.changes == Self.groupSize else { throw misplaced(expected) }
            guard db.lastInsertedRowID == expected else { throw misplaced(expected) }
        } else {
            for row in pending {
                try bind(row, row.key == nil ? made.next() : nil, to: insert, at: 0)
                try insert.run()
                guard db.lastInsertedRowID == expected else { throw misplaced(expected) }
                expected += 1
            }
        }
        pending.removeAll(keepingCapacity: true)
        pendingKeys.removeAll(keepingCapacity: true)
    }

    private func misplaced(_ expected: Int64) -> WorkforceError {
        .internalError("a response was written under row id \(db.lastInsertedRowID), not \(expected) as placed in the bulk load's table")
    }

    /// Binds `row` (with `made`, its key made as a string, when `row.key` is `nil`) to a
    /// multi-row insert's parameters after `offset` (its batch is bound already).
    @inline(__always)
    private func bind(_ row: Pending, _ made: String?, to statement: PreparedStatement, at offset: Int32) throws {
        try statement.bind(offset + 2, row.hash)
        if let key = row.key { try statement.bind(offset + 3, utf8InPlace: key) } else { try statement.bind(offset + 3, made ?? "") }
        try statement.bind(offset + 4, row.line)
        if let submitted = row.submitted, submitted.count > 0 {
            try statement.bind(offset + 5, utf8InPlace: submitted)
        } else {
            try statement.bind(offset + 5, DatabaseValue.null)
        }
        try statement.bind(offset + 6, utf8InPlace: row.answers)
    }

    /// Whether `key` is already what ``ResponseKey/normalised(_:)`` makes of it: ASCII with no
    /// white space or control character at either end (what export tools write as ids).
    static func isNormalised(_ key: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = key.first, let last = key.last, first > 0x20, first < 0x7F, last > 0x20, last < 0x7F else { return false }
        var high: UInt8 = 0
        for b in key { high |= b }
        return high < 0x80
    }

    /// The batch that already holds the response `key` of this kind (and scope), or `nil`.
    mutating func holder(key: String) throws -> Int64? {
        try flush()
        var hash = scopedHash(key)
        while true {
            if let identities {
                guard let row = identities.row(hash) else { return nil }
                try existing.bind(3, row)
            } else {
                try existing.bind(3, hash)
            }
            try existing.bind(1, key)
            guard let holder = try existing.runReturningInteger() else { return nil }
            if holder > 0 { return holder }
            hash = hash &+ 1  // another response's hash: probe on, as `insert` does
        }
    }

    /// The hash of `key` under this writer's kind, and for a form-local key its form and wave.
    private func scopedHash(_ key: String) -> Int64 {
        var key = key
        return key.withUTF8 { Self.hash(seed: seed, key: $0) }
    }

    /// FNV-1a of the (scoped) kind and the NUL after it: where a key's hash starts.
    static func seed(scopedKind kind: String) -> UInt64 {
        var kind = kind
        return kind.withUTF8 { FNV1a.hash($0) } &* 0x100_0000_01b3  // the NUL: h ^= 0, then the prime
    }

    /// The stored hash of `key` (its UTF-8 bytes) from `seed`: FNV-1a on, then folded.
    @inline(__always)
    static func hash(seed: UInt64, key: UnsafeBufferPointer<UInt8>) -> Int64 {
        let h = FNV1a.hash(key, seed: seed)
        return Int64(bitPattern: h ^ (h >> 33))
    }

    /// FNV-1a of `kind`, a NUL, and `key`, mixed, as a signed 64-bit integer.
    static func hash(kind: String, key: String) -> Int64 {
        var key = key
        return key.withUTF8 { hash(seed: seed(scopedKind: kind), key: $0) }
    }
}
