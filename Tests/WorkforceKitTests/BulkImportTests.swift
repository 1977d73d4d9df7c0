import Foundation
import Testing

@testable import Domain
@testable import Storage
@testable import WorkforceKit

/// A bulk load, which writes the rows without the identity index and builds it after them
/// (``StoredIdentities``), stores and counts exactly what an ordinary import does: duplicates in
/// the file and in the table, a stored copy of a row that fails its checks, hash collisions.
@Suite struct BulkImportTests {
    let awareness: Instrument

    init() throws {
        awareness = try buildInstrument(.awareness, wave: "baseline")
    }

    /// Rows with the given ids; a row whose id is in `bad` has an age band that is not a choice.
    private func file(_ folder: TemporaryFolder, _ name: String, ids: [String], bad: Set<String> = []) throws -> URL {
        let base = ResponseFile(awareness, rows: ids.count)
        let writer = CSVWriter(neutralizeFormulas: false)
        var text = writer.record(["_uuid"] + base.names)
        for (id, row) in zip(ids, base.rows) {
            var row = row
            if bad.contains(id) { row["age_band"] = "ancient" }
            text += writer.record([id] + base.names.map { row[$0] ?? "" })
        }
        return try folder.write(name, text)
    }

    private static func run(_ store: WorkforceStore, _ url: URL, bulk: Bool) throws -> ImportSummary {
        var options = ImportOptions(kind: .awareness)
        if bulk { options.bulkBytes = 0 }
        return try ResponseImporter.run(store: store, url: url, name: url.lastPathComponent, options: options)
    }

    /// Everything stored about the responses, and the identity index's definition.
    private static func contents(_ store: WorkforceStore) throws -> [String] {
        let rows = try store.db.rows("SELECT batch_id, key_hash, response_key, line, answers FROM response ORDER BY id").map { row in
            (0..<5).map { row[$0].string ?? "null" }.joined(separator: "|")
        }
        let index = try store.db.scalar("SELECT sql FROM sqlite_master WHERE name = 'response_identity'").string ?? "no index"
        return rows + [index]
    }

    private static func counts(_ s: ImportSummary) -> [Int] {
        [s.rowsRead, s.imported, s.duplicates, s.quarantined] + s.duplicatesHeldBy.map { Int($0.0) }
    }

    @Test func aBulkLoadStoresAndCountsWhatAnOrdinaryImportDoes() throws {
        let (folder, ordinary) = try storeWithInstruments([(.awareness, "baseline")])
        let (bulkFolder, bulk) = try storeWithInstruments([(.awareness, "baseline")])
        defer { withExtendedLifetime(bulkFolder) {} }
        let first = try file(folder, "a.csv", ids: ["u1", "u2", "u3", "u4"])
        // 40 new rows, two stored ones (one of them failing its checks: still a duplicate), one
        // twice in the file, and a new row that fails its checks (quarantined).
        var ids = (10..<50).map { "u\($0)" }
        ids.insert("u2", at: 5)
        ids.insert("u3", at: 9)
        ids.insert("u20", at: 30)
        ids.append("u99")
        let second = try file(folder, "b.csv", ids: ids, bad: ["u3", "u99"])
        let size = try #require(try FileManager.default.attributesOfItem(atPath: second.path)[.size] as? Int)
        // The second file is large enough beside the 4 stored rows for the index to be set aside.
        #expect(StoredIdentities.worthIt(storedRows: 4, fileBytes: size, bulkBytes: 0))
        #expect(!StoredIdentities.worthIt(storedRows: 4, fileBytes: size, bulkBytes: size + 1))

        var summaries: [[Int]] = []
        for url in [first, second, second] {
            let a = try Self.run(ordinary, url, bulk: false)
            let b = try Self.run(bulk, url, bulk: true)
            #expect(Self.counts(a) == Self.counts(b))
            summaries.append(Self.counts(b))
        }
        // Read, imported, duplicates, quarantined, and the batches holding the duplicates.
        #expect(summaries == [[4, 4, 0, 0], [44, 40, 3, 1, 1, 2], [44, 0, 43, 1, 1, 2]])
        let stored = try Self.contents(bulk)
        #expect(stored == (try Self.contents(ordinary)))
        #expect(stored.count == 4 + 40 + 1)  // the rows, and the index
        #expect(stored.last == "CREATE UNIQUE INDEX response_identity ON response (key_hash)")
        #expect(try bulk.db.scalar("PRAGMA integrity_check").string == "ok")
    }

    /// Rows go in 64 to a statement while the index is set aside (``ResponseWriter/groupSize``): a duplicate of a row still
    /// waiting for its group, ids that are not in their normal form (written one at a time, between
    /// grouped rows), and rows that fail their checks still store and count what an ordinary
    /// import does, under the same row ids.
    @Test func aDuplicateWithinAGroupIsFoundAsInTheTable() throws {
        let (folder, ordinary) = try storeWithInstruments([(.awareness, "baseline")])
        let (bulkFolder, bulk) = try storeWithInstruments([(.awareness, "baseline")])
        defer { withExtendedLifetime(bulkFolder) {} }
        var ids = (100..<300).map { "u\($0)" }  // full groups after the last duplicate
        #expect(ResponseWriter.groupSize * 2 < 300 - 160)
        ids.insert("u101", at: 2)  // the next row but one: u101 is still pending
        ids.insert(" u120 ", at: 25)  // u120's id, not in its normal form: a duplicate of a pending row
        ids.insert("ü-1", at: 40)  // not ASCII: written on its own, between groups
        ids.insert("U-2 ", at: 41)
        ids.append("u299")
        let url = try file(folder, "a.csv", ids: ids, bad: ["u130", "u104"])
        let a = try Self.run(ordinary, url, bulk: false)
        let b = try Self.run(bulk, url, bulk: true)
        #expect(Self.counts(a) == Self.counts(b))
        #expect(Self.counts(b) == [205, 200, 3, 2, 1])
        let stored = try Self.contents(bulk)
        #expect(stored == (try Self.contents(ordinary)))
        let rowIDs = { (store: WorkforceStore) in try store.db.rows("SELECT id, response_key FROM response ORDER BY id").map { "\($0[0].int ?? 0) \($0[1].string ?? "")" } }
        #expect(try rowIDs(bulk) == (try rowIDs(ordinary)))
        #expect(try bulk.db.scalar("PRAGMA integrity_check").string == "ok")
    }

    /// A hash taken by another key is a collision: the response goes in at the next hash, in
    /// both kinds of import, and is a duplicate when imported again.
    @Test(arguments: [false, true])
    func aTakenHashIsACollisionNotADuplicate(_ bulkLoad: Bool) throws {
        let (folder, store) = try storeWithInstruments([(.awareness, "baseline")])
        let seed = try Self.run(store, try file(folder, "a.csv", ids: ["z1"]), bulk: false)
        let batch = try #require(seed.batchID)
        let taken = ResponseWriter.hash(kind: "awareness", key: "u10")
        try store.db.execute(
            "INSERT INTO response (batch_id, key_hash, response_key, line, answers) VALUES (?, ?, 'someone else', 99, '[]')",
            [batch, taken])
        let url = try file(folder, "b.csv", ids: (10..<50).map { "u\($0)" })
        let first = try Self.run(store, url, bulk: bulkLoad)
        #expect((first.imported, first.duplicates) == (40, 0))
        let hashes = try store.db.rows("SELECT key_hash FROM response WHERE response_key = 'u10'").compactMap { $0[0].int }
        #expect(hashes == [Int(taken) + 1])
        let again = try Self.run(store, url, bulk: bulkLoad)
        #expect((again.imported, again.duplicates) == (0, 40))
        #expect(try store.db.scalar("PRAGMA integrity_check").string == "ok")
    }

    @Test func theIndexIsSetAsideOnlyForALargeFileBesideFewStoredRows() {
        let mib = 1 << 20
        #expect(StoredIdentities.worthIt(storedRows: 0, fileBytes: 16 * mib))
        #expect(!StoredIdentities.worthIt(storedRows: 0, fileBytes: 16 * mib - 1))
        #expect(StoredIdentities.worthIt(storedRows: 32 * 1024, fileBytes: 16 * mib))
        #expect(!StoredIdentities.worthIt(storedRows: 32 * 1024 + 1, fileBytes: 16 * mib))
        #expect(StoredIdentities.worthIt(storedRows: 600_000, fileBytes: 334 * mib))
        #expect(!StoredIdentities.worthIt(storedRows: 2_000_000, fileBytes: 334 * mib))
    }
}
