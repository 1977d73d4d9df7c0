/// Inserts responses, skipping those already stored.
///
/// A response's identity is its kind and key, and for a form-local key (``ResponseKey``) also
/// its form and wave; the table's unique index is on a 64-bit hash of these (a small integer
/// index keeps a million inserts fast). When a hash is taken, the stored
/// row is compared: the same kind and key is a duplicate; anything else is a hash collision,
/// and the next hash value is tried, so no response is ever lost to a collision.
struct ResponseWriter {
    let db: Database
    let batch: Int64
    let kind: String
    /// The form and wave a form-local key is unique in; `nil` for a tool-global key.
    let scope: (form: String, wave: String?)?
    let insert: PreparedStatement
    let existing: PreparedStatement

    init(
        db: Database, batch: Int64, kind: String, scope: (form: String, wave: String?)?, insert: PreparedStatement, existing: PreparedStatement
    ) throws {
        self.db = db
        self.batch = batch
        self.kind = kind
        self.scope = scope
        self.insert = insert
        self.existing = existing
        insert.reset()
        try insert.bind(1, batch)
        existing.reset()
        try existing.bind(4, scope == nil ? 0 : 1)
        try existing.bind(5, scope?.form ?? "")
        if let wave = scope?.wave { try existing.bind(6, wave) } else { try existing.bind(6, DatabaseValue.null) }
    }

    /// Inserts one response; returns `nil` when it was inserted, else the batch that already
    /// holds it (`existing` returns that batch's id for the same kind and key, 0 for a collision).
    func insert(key: String, line: Int, submitted: UnsafeBufferPointer<UInt8>?, answers: UnsafeBufferPointer<UInt8>) throws -> Int64? {
        var hash = scopedHash(key)
        try insert.bind(3, key)
        try insert.bind(4, line)
        if let submitted, submitted.count > 0 { try insert.bind(5, utf8: submitted) } else { try insert.bind(5, DatabaseValue.null) }
        try insert.bind(6, utf8: answers)
        while true {
            try insert.bind(2, hash)
            try insert.run()
            if db.changes == 1 { return nil }
            try existing.bind(1, key)
            try existing.bind(2, kind)
            try existing.bind(3, hash)
            if let holder = try existing.runReturningInteger(), holder > 0 { return holder }
            hash = hash &+ 1  // a collision: probe the next value
        }
    }

    /// The batch that already holds the response `key` of this kind (and scope), or `nil`.
    func holder(key: String) throws -> Int64? {
        var hash = scopedHash(key)
        while true {
            try existing.bind(1, key)
            try existing.bind(2, kind)
            try existing.bind(3, hash)
            guard let holder = try existing.runReturningInteger() else { return nil }
            if holder > 0 { return holder }
            hash = hash &+ 1  // another response's hash: probe on, as `insert` does
        }
    }

    /// The hash of `key` under this writer's kind, and for a form-local key its form and wave.
    private func scopedHash(_ key: String) -> Int64 {
        Self.hash(kind: scope.map { "\(kind)\u{0}\($0.form)\u{0}\($0.wave ?? "")" } ?? kind, key: key)
    }

    /// FNV-1a of `kind`, a NUL, and `key`, mixed, as a signed 64-bit integer.
    static func hash(kind: String, key: String) -> Int64 {
        var kind = kind
        var key = key
        var h = kind.withUTF8 { FNV1a.hash($0) }
        h = h &* 0x100_0000_01b3  // the NUL separator: h ^= 0, then the FNV prime
        h = key.withUTF8 { FNV1a.hash($0, seed: h) }
        h ^= h >> 33
        return Int64(bitPattern: h)
    }
}
