/// The responses' identities held in memory while a bulk import writes without the unique
/// identity index (`response_identity`), which is built again, whole, before the commit.
///
/// Why: the index is on a 64-bit hash, so every insert lands on a random leaf of a b-tree that
/// outgrows the CPU's caches; finding that place was a tenth of a million-row import's CPU
/// (`sqlite3BtreeIndexMoveto`, `docs/benchmarks.md`). Sorting the keys once, as `CREATE INDEX`
/// does, costs far less. Each key's hash (and the row that holds it) is kept here instead, in an
/// open-addressing table, so that a duplicate or a hash collision is found exactly as the index
/// found it (``ResponseWriter``), and `CREATE UNIQUE INDEX` at the end would refuse any that
/// slipped through (the transaction would then roll back whole).
///
/// It is used only when it pays: for a file of ``ImportOptions/bulkBytes`` (16 MiB) or more into a
/// table that holds few responses beside it (``worthIt(storedRows:fileBytes:bulkBytes:)``); a large
/// table keeps its index, since rebuilding it would cost more than the file's inserts.
final class StoredIdentities {
    /// Slots of hashes, and beside them the row ids (row id 0 marks an empty slot: SQLite's row
    /// ids start at 1), 12 bytes a slot.
    private var hashes: UnsafeMutablePointer<Int64>
    private var rows: UnsafeMutablePointer<UInt32>
    private var mask: Int
    private(set) var count = 0
    /// What ``touch(_:)`` read last.
    private var touched: UInt32 = 0
    /// The index's own SQL, as stored, to build it again unchanged.
    private let indexSQL: String

    static let indexName = "response_identity"
    /// The page cache while rows are appended (KiB): appends dirty one page after another, so a
    /// small cache costs no more CPU than the 64 MiB the index needed (measured: 2, 8 and 32 MiB
    /// alike), and leaves the memory to this table.
    static let insertCacheKiB = 8192
    /// The page cache while the index is sorted (KiB): the size of SQLite's sorted runs.
    static let sortCacheKiB = 2048

    private init(capacity: Int, indexSQL: String) {
        var size = 1 << 16
        while size * 3 < capacity * 4 { size <<= 1 }
        (hashes, rows) = Self.allocate(size)
        mask = size - 1
        self.indexSQL = indexSQL
    }

    deinit {
        hashes.deallocate()
        rows.deallocate()
    }

    private static func allocate(_ size: Int) -> (UnsafeMutablePointer<Int64>, UnsafeMutablePointer<UInt32>) {
        let hashes = UnsafeMutablePointer<Int64>.allocate(capacity: size)
        hashes.initialize(repeating: 0, count: size)
        let rows = UnsafeMutablePointer<UInt32>.allocate(capacity: size)
        rows.initialize(repeating: 0, count: size)
        return (hashes, rows)
    }

    /// Whether setting the index aside pays: a file of at least `bulkBytes` into a table that
    /// holds at most one row for every 512 bytes of the file (`storedRows` is the largest row id,
    /// never less than the rows held). A file of 300-byte rows qualifies while the table holds
    /// at most about 0.6 of its rows.
    static func worthIt(storedRows: Int, fileBytes: Int, bulkBytes: Int = ResponseImporter.bulkBytes) -> Bool {
        fileBytes >= bulkBytes && storedRows <= fileBytes / 512 && storedRows < 1 << 31
    }

    /// When it pays (``worthIt(storedRows:fileBytes:bulkBytes:)``) for a file of `fileBytes`:
    /// reads every stored response's hash and row, then drops the identity index (inside the
    /// caller's transaction). `nil`, leaving the index, when it does not pay or the index is not
    /// the one expected. The table is sized for the rows stored (the largest row id, never fewer)
    /// and one row per 400 bytes of the file, and grows past that if need be.
    static func setAside(_ db: Database, fileBytes: Int, bulkBytes: Int) throws -> StoredIdentities? {
        let stored = try db.scalar("SELECT coalesce(max(id), 0) FROM response").int ?? 0
        guard worthIt(storedRows: stored, fileBytes: fileBytes, bulkBytes: bulkBytes),
            let sql = try db.scalar("SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?", [indexName]).string
        else { return nil }
        let identities = StoredIdentities(capacity: stored + fileBytes / 400, indexSQL: sql)
        var usable = true
        try db.forEachRawRow("SELECT key_hash, id FROM response INDEXED BY \(indexName)") { row in
            let id = row.int64(1)
            if id <= 0 || id > Int64(UInt32.max) { usable = false } else { identities.add(row.int64(0), row: id) }
        }
        guard usable else { return nil }
        try db.execute(sql: "DROP INDEX \(indexName)")
        try db.execute(sql: "PRAGMA cache_size = -\(Self.insertCacheKiB)")
        return identities
    }

    /// Builds the identity index again, as it was (the caller's transaction then commits it).
    /// The table's memory is given back first, for the index's sort: it is empty afterwards.
    func restore(_ db: Database) throws {
        hashes.deallocate()
        rows.deallocate()
        (hashes, rows) = Self.allocate(1)
        mask = 0
        count = 0
        // SQLite's sort keeps runs of the cache's size in memory and merges them from temporary
        // files: runs of 2 MiB cost about half the time of one run in memory (measured on a
        // million rows: 0.46 s against 1.0 s). They are sorted on this thread (`PRAGMA threads`
        // stays 0): helper threads took 0.03 s of wall time off the whole import of a million rows
        // and added 0.38 s of CPU (five alternating runs each, docs/benchmarks.md).
        try db.execute(sql: "PRAGMA cache_size = -\(Self.sortCacheKiB)")
        defer { try? db.execute(sql: "PRAGMA cache_size = -\(ResponseImporter.cacheKiB)") }
        try db.execute(sql: indexSQL)
    }

    @inline(__always)
    private func home(_ hash: Int64) -> Int {
        Int(truncatingIfNeeded: (UInt64(bitPattern: hash) &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
    }

    /// The row holding `hash`, or `nil`.
    @inline(__always)
    func row(_ hash: Int64) -> Int64? {
        var k = home(hash)
        while true {
            let row = rows[k]
            if row == 0 { return nil }
            if hashes[k] == hash { return Int64(row) }
            k = (k &+ 1) & mask
        }
    }

    /// Reads the home slot of each of `hashes`, its row and its hash (a home slot is often taken,
    /// and its hash then compared), see ``ResponseWriter/prefetch(_:)``; the sum is kept so that
    /// the loads are not optimised away.
    func touch(_ hashes: [Int64?]) {
        var sum: UInt32 = 0
        for case let hash? in hashes {
            let k = home(hash)
            sum &+= rows[k] &+ UInt32(truncatingIfNeeded: self.hashes[k])
        }
        touched = sum
    }

    /// Records that `row` (1 to 2^32 - 1) holds `hash` (a hash not held yet).
    func add(_ hash: Int64, row: Int64) {
        precondition(row > 0 && row <= Int64(UInt32.max), "a response's row id out of range")
        if (count + 1) * 4 > (mask + 1) * 3 { grow() }
        var k = home(hash)
        while rows[k] != 0 { k = (k &+ 1) & mask }
        hashes[k] = hash
        rows[k] = UInt32(truncatingIfNeeded: row)
        count += 1
    }

    private func grow() {
        let (oldHashes, oldRows) = (hashes, rows)
        let oldSize = mask + 1
        (hashes, rows) = Self.allocate(oldSize * 2)
        mask = oldSize * 2 - 1
        count = 0
        for k in 0..<oldSize where oldRows[k] != 0 { add(oldHashes[k], row: Int64(oldRows[k])) }
        oldHashes.deallocate()
        oldRows.deallocate()
    }
}
