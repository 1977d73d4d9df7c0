import Foundation
import Testing
@testable import WorkforceKit
@testable import Domain

/// A streamed export whose output is gone (`workforce responses ... | head -1`) stops at once
/// instead of formatting the rest of the database, and ends without an error.
@Suite struct ExportStopTests {
    static func store(rows: Int) throws -> (TemporaryFolder, WorkforceStore) {
        let (folder, store) = try ResponseReaderTests.store()
        try store.write { db in
            for n in 0..<rows {
                try db.execute(
                    "INSERT INTO response (batch_id, key_hash, response_key, line, answers) VALUES (2, ?, ?, ?, ?)",
                    [1000 + n, "extra-\(n)", n + 10, "[[1],1,7,2.5,\"2026-01-01\",null]"])
            }
        }
        return (folder, store)
    }

    @Test(arguments: [3, 20_000])  // two threads in blocks of 3; one thread
    func aCSVExportStopsAfterTheWriteThatFailed(_ blockSize: Int) throws {
        let (folder, store) = try Self.store(rows: 200)
        defer { withExtendedLifetime(folder) {} }
        let reader = try ResponseReader(store: store, kind: .awareness)
        var export = ResponseExport()
        export.blockSize = Int64(blockSize)
        var all = 0
        try export.write(reader, as: .csv, bytes: { _ in all += 1 })
        #expect(all >= 2)  // the header, then rows

        var writes = 0
        var asked = 0
        try export.write(reader, as: .csv, bytes: { _ in writes += 1 }, stop: { asked += 1; return writes >= 1 })
        #expect(writes == 1 && asked == 1, "wrote \(writes) pieces after the output failed")
    }

    @Test func aJSONExportStopsToo() throws {
        let (folder, store) = try Self.store(rows: 12_000)  // more than a MiB of JSON: several pieces
        defer { withExtendedLifetime(folder) {} }
        let reader = try ResponseReader(store: store, kind: .awareness)
        var all = 0
        try ResponseExport().write(reader, as: .json, bytes: { _ in all += 1 })
        #expect(all >= 2)
        var writes = 0
        try ResponseExport().write(reader, as: .json, bytes: { _ in writes += 1 }, stop: { true })
        #expect(writes == 1)
    }
}
