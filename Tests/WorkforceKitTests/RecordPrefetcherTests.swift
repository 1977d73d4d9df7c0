import Foundation
import Testing

@testable import Formats

/// A reader that parses ahead on its own thread (``RecordPrefetcher``) gives what the plain
/// reader gives: every record with its fields, lines, columns and cuts, across chunk
/// boundaries, and the first error after every record before it.
@Suite struct RecordPrefetcherTests {
    /// Everything the importer reads of a record, or the error that ended the file.
    private static func transcript(_ reader: CSVReader) -> [String] {
        var out: [String] = []
        do {
            while try reader.nextRecord() {
                var parts = ["line \(reader.recordLine)", "cut \(reader.recordTruncated) \(reader.truncatedField)"]
                for i in 0..<reader.fieldCount {
                    parts.append("\(reader.field(i))@\(reader.fieldLine(i)):\(reader.fieldColumn(i)) \(reader.location(ofField: i))")
                }
                out.append(parts.joined(separator: " | "))
            }
            out.append("end")
        } catch {
            out.append("error \(error)")
        }
        return out
    }

    /// 1,300 records (past two chunks of 512): quoted fields with line breaks and quotes,
    /// non-ASCII text, blank lines, a record past the byte limit; then `tail`.
    private static func text(tail: String) -> String {
        var text = "id,name,note\r\n"
        for i in 0..<1300 {
            switch i % 7 {
            case 0: text += "\(i),\"two\nlines\",\"a \"\"quote\"\"\"\r\n"
            case 1: text += "\(i),Peña,ñandú\n\n"
            case 2: text += "\(i),\(String(repeating: "x", count: 150)),long\n"
            default: text += "\(i),plain,\n"
            }
        }
        return text + tail
    }

    private static func readers(_ text: String) throws -> (plain: CSVReader, ahead: CSVReader) {
        let plain = CSVReader(string: text, name: "t.csv")
        plain.maxRecordBytes = 100
        _ = try plain.nextRecord()  // the header
        let source = CSVReader(string: text, name: "t.csv")
        source.maxRecordBytes = 100
        _ = try source.nextRecord()
        return (plain, CSVReader(prefetching: source))
    }

    @Test(arguments: ["", "1300,last,row\n", "1300,\"never closed\n", "1300,ok\n1301,bad\"quote\n", "1300,a\rb\n"])
    func readingAheadGivesWhatThePlainReaderGives(_ tail: String) throws {
        let (plain, ahead) = try Self.readers(Self.text(tail: tail))
        let expected = Self.transcript(plain)
        #expect(expected.count > 1300)
        #expect(expected.contains { $0.contains("cut true") })
        let got = Self.transcript(ahead)
        #expect(got.count == expected.count)
        if let k = (0..<min(got.count, expected.count)).first(where: { got[$0] != expected[$0] }) {
            Issue.record("record \(k + 1) differs: \(got[k]) against \(expected[k])")
        }
    }

    @Test func aReaderDroppedEarlyStopsItsThread() async throws {
        let text = Self.text(tail: "")
        weak var weakSource: CSVReader?
        do {
            let source = CSVReader(string: text, name: "t.csv")
            weakSource = source
            let ahead = CSVReader(prefetching: source)
            #expect(try ahead.nextRecord())
        }
        // The reading thread, blocked on a full queue or not, lets go of its source.
        for _ in 0..<200 where weakSource != nil { try await Task.sleep(nanoseconds: 10_000_000) }
        #expect(weakSource == nil)
    }
}
