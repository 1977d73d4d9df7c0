import Foundation
import Testing
@testable import WorkforceKit

/// Bounds on what one file can make the importer hold or store (issue 13): column names, rows,
/// fields and response ids; past them a located error for the header, a quarantined row (its
/// first bytes only) for a row, and never more than a short prefix of a value in a message.
@Suite struct ImportLimitTests {
    let scratch: TemporaryFolder
    let store: WorkforceStore
    let awareness: Instrument

    init() throws {
        (scratch, store) = try storeWithInstruments([(.awareness, "baseline")])
        awareness = try buildInstrument(.awareness, wave: "baseline")
    }

    /// A valid two-row file with a `_uuid` column first.
    private func file(ids: [String] = ["id-1", "id-2"]) -> (names: [String], rows: [[String]]) {
        let base = ResponseFile(awareness, rows: 2)
        return (["_uuid"] + base.names, ids.map { id in [id] + base.names.map { base.rows[0][$0] ?? "" } })
    }

    private func csv(_ names: [String], _ rows: [[String]]) -> String {
        let writer = CSVWriter(neutralizeFormulas: false)
        return writer.record(names) + rows.map { writer.record($0) }.joined()
    }

    @Test func aLongResponseIdIsQuarantinedAndNotStoredAsAKey() throws {
        let long = String(repeating: "u", count: 5000)
        let (names, rows) = file(ids: ["id-1", long])
        let summary = try importFile(store, try scratch.write("ids.csv", csv(names, rows)), .awareness)
        #expect(summary.imported == 1 && summary.quarantined == 1)
        let message = try #require(summary.problems.first?.message)
        #expect(message == "the response id is 5000 bytes long (\"\(String(repeating: "u", count: 40))…\"); at most 200 are accepted")
        #expect(summary.problems.first?.location.column == 1)
        let keys = try store.db.rows("SELECT response_key FROM response").compactMap { $0[0].string }
        #expect(keys == ["id-1"])
    }

    @Test func anUnpairedSurrogateInAnIdIsQuarantined() throws {
        let (names, rows) = file(ids: ["id-1", "id-X"])
        let text = csv(names, rows)
        // UTF-16LE with a byte-order mark; the second id's X becomes a lone high surrogate.
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in text.utf16 {
            let u: UInt16 = unit == 0x58 ? 0xD800 : unit
            bytes += [UInt8(u & 0xFF), UInt8(u >> 8)]
        }
        let url = scratch.url.appendingPathComponent("utf16.csv")
        try Data(bytes).write(to: url)
        let summary = try importFile(store, url, .awareness)
        #expect(summary.imported == 1 && summary.quarantined == 1, "\(summary.problems.map(\.message))")
        #expect(summary.problems.first?.message.contains("could not be decoded (U+FFFD, such as an unpaired UTF-16 surrogate)") == true)
    }

    @Test func aHugeFieldQuarantinesItsRowWithItsFirstBytesOnly() throws {
        var (names, rows) = file()
        let column = try #require(names.firstIndex(of: "district"))
        let planted = "PLANTED-" + String(repeating: "z", count: 3 << 20)
        rows[1][column] = planted
        let summary = try importFile(store, try scratch.write("huge.csv", csv(names, rows)), .awareness)
        #expect(summary.imported == 1 && summary.quarantined == 1)
        let problem = try #require(summary.problems.first)
        #expect(problem.message.hasPrefix("row is longer than 1 MiB or has more than 20000 fields"))
        #expect(problem.location.line == 3)
        #expect(problem.message.count < 300)
        let raw = try #require(try store.db.scalar("SELECT raw FROM rejected_row").string)
        #expect(raw.utf8.count <= ImportLimits.keptBytes)
        #expect(raw.hasPrefix("id-2,"))
        let bytes = try Data(contentsOf: URL(fileURLWithPath: store.path))
        #expect(bytes.range(of: Data(String(repeating: "z", count: 2000).utf8)) == nil, "the field's bytes are not stored")
    }

    @Test func aRowWithTooManyFieldsIsQuarantinedNotFatal() throws {
        let (names, rows) = file()
        let text = csv(names, [rows[0]]) + rows[1].joined(separator: ",") + String(repeating: ",", count: 30_000) + "\r\n"
        let summary = try importFile(store, try scratch.write("wide.csv", text), .awareness)
        #expect(summary.imported == 1 && summary.quarantined == 1)
        #expect(summary.problems.first?.message.hasPrefix("row is longer than 1 MiB or has more than 20000 fields") == true)
    }

    @Test func aHugeColumnNameIsAnErrorQuotingAShortPrefix() throws {
        let (names, rows) = file()
        let name = "q" + String(repeating: "n", count: 5000)
        let url = try scratch.write("header.csv", csv(names + [name], rows.map { $0 + [""] }))
        let before = try store.db.scalar("SELECT count(*) FROM import_batch")
        do {
            try importFile(store, url, .awareness)
            Issue.record("a 5,001-byte column name was accepted")
        } catch let error as WorkforceError {
            #expect(error.exitCode == .dataError)
            let text = error.description
            #expect(text.contains("header.csv:1:"))
            #expect(text.contains("a column name of 5001 bytes (\"q\(String(repeating: "n", count: 39))…\"); at most 1000 are accepted"))
            #expect(text.count < 400)
        }
        #expect(try store.db.scalar("SELECT count(*) FROM import_batch") == before)
    }

    @Test func aHeaderRowOverTheRowLimitIsAnError() throws {
        let names = (0..<1500).map { "c\($0)_" + String(repeating: "h", count: 800) }
        let url = try scratch.write("wide-header.csv", names.joined(separator: ",") + "\n" + String(repeating: ",", count: 1499) + "\n")
        #expect(throws: WorkforceError.self) { try importFile(store, url, .awareness) }
    }

    @Test func theReaderKeepsOnlyTheLimitAndReadsOn() throws {
        let text = "a,b\n" + "x," + String(repeating: "y", count: 5000) + "\nlast,row\n"
        let reader = CSVReader(string: text, name: "t.csv")
        reader.maxRecordBytes = 100
        #expect(try reader.nextRecord())
        #expect(!reader.recordTruncated)
        #expect(try reader.nextRecord())
        #expect(reader.recordTruncated && reader.truncatedField == 1)
        #expect(reader.fieldBytes(1).count == 99)
        #expect(try reader.nextRecord())
        #expect(!reader.recordTruncated && reader.fields == ["last", "row"])
        let strict = CSVReader(string: text, name: "t.csv")
        strict.maxRecordBytes = 100
        _ = try strict.readRecord()
        #expect(throws: CSVError.self) { _ = try strict.readRecord() }
    }
}

/// A database the user may only read still answers queries (issue 13).
@Suite struct ReadOnlyDatabaseTests {
    @Test func aReadOnlyOpenAnswersQueriesAndRefusesWritesWith73() throws {
        let (folder, store) = try storeWithInstruments([(.awareness, "baseline")])
        try importFile(store, responseFixture("template.csv"), .awareness)
        let path = store.path
        _ = folder
        let reader = try WorkforceStore(readingOnly: path)
        #expect(try reader.importBatches().rows.count == 1)
        let responses = try ResponseReader(store: reader, kind: .awareness)
        #expect(try responses.count() == 3)
        do {
            try importFile(reader, responseFixture("kobotoolbox-semicolon.csv"), .awareness)
            Issue.record("a read-only database took an import")
        } catch let error as WorkforceError {
            #expect(error.exitCode == .cannotCreate, "\(error)")
        }
    }

    @Test func aDatabaseInAFolderWithoutItsWalFilesIsReadAsImmutable() throws {
        // Copy a closed database (no -wal or -shm beside it) and open the copy read-only.
        let (folder, store) = try storeWithInstruments([(.awareness, "baseline")])
        try importFile(store, responseFixture("template.csv"), .awareness)
        let copy = folder.url.appendingPathComponent("copy.sqlite").path
        try store.db.execute(sql: "VACUUM INTO '\(copy)'")
        let reader = try WorkforceStore(readingOnly: copy)
        #expect(try reader.importBatches().rows.count == 1)
        #expect(!FileManager.default.fileExists(atPath: copy + "-wal"))
    }
}
