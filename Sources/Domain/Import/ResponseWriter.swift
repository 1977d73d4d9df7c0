/// Inserts responses, skipping those already stored.
///
/// A response's identity is its kind and key, and for a form-local key (``ResponseKey``) also
/// its form and wave; the table's unique index is on a 64-bit hash of these (a small integer
/// index keeps a million inserts fast). When a hash is taken, the stored
/// row is compared: the same kind and key is a duplicate; anything else is a hash collision,
/// and the next hash value is tried, so no response is ever lost to a collision.
/// While a bulk import has set the index aside (``StoredIdentities``), the same lookups go to the
/// table in memory, and the stored row is read by its row id.
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
        existing.reset()
        try existing.bind(2, kind)
        try existing.bind(4, scope == nil ? 0 : 1)
        try existing.bind(5, scope?.form ?? "")
        if let wave = scope?.wave { try existing.bind(6, wave) } else { try existing.bind(6, DatabaseValue.null) }
    }

    /// Inserts one response; returns `nil` when it was inserted, else the batch that already
    /// holds it.
    func insert(key: String, line: Int, submitted: UnsafeBufferPointer<UInt8>?, answers: UnsafeBufferPointer<UInt8>) throws -> Int64? {
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
    func insert(
        normalisedKey key: UnsafeBufferPointer<UInt8>, hash: Int64, line: Int, submitted: UnsafeBufferPointer<UInt8>?,
        answers: UnsafeBufferPointer<UInt8>
    ) throws -> Int64? {
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
            if let identities {
                guard let row = identities.row(hash) else {
                    try insert.bind(2, hash)
                    try insert.run()
                    identities.add(hash, row: db.lastInsertedRowID)
                    return nil
                }
                try bindKey()
                try existing.bind(3, row)
            } else {
                try insert.bind(2, hash)
                try insert.run()
                if db.changes == 1 { return nil }
                try bindKey()
                try existing.bind(3, hash)
            }
            if let holder = try existing.runReturningInteger(), holder > 0 { return holder }
            hash = hash &+ 1  // a collision: probe the next value
        }
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
    func holder(key: String) throws -> Int64? {
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
