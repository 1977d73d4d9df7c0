// libFuzzer target: the CSV reader and the separator sniffer, on any bytes.
// Reading in chunks of 4 bytes (byte by byte, since the 8-byte scan needs 8 bytes in the chunk)
// and in one chunk (8 bytes a step) gives the same records, locations and errors.
// Built and run by .ci/fuzz.sh (swiftc -sanitize=fuzzer), not by SwiftPM.
@testable import WorkforceKit

/// Every record of `bytes`, and the error that ended the reading (if any), as text.
func readAll(_ bytes: [UInt8], _ separator: UInt8, chunkSize: Int) -> [String] {
    let reader = CSVReader(source: MemoryByteSource(bytes), name: "fuzz.csv", delimiter: separator, chunkSize: chunkSize)
    var read: [String] = []
    while read.count < 100_000 {
        do {
            guard let record = try reader.readRecord() else { break }
            // Every field's location is inside the input.
            precondition(record.fields.count == record.fieldColumns.count)
            read.append("\(record.line) \(record.fields) \(record.fieldLines) \(record.fieldColumns)")
        } catch {
            read.append("error: \(error)")
            break
        }
    }
    return read
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let delimiter = InputSniffer.detectDelimiter(bytes)
    for separator in [delimiter, UInt8(ascii: ",")] {
        let stepped = readAll(bytes, separator, chunkSize: 4)
        let scanned = readAll(bytes, separator, chunkSize: 1 << 20)
        precondition(stepped == scanned, "reading 8 bytes a step disagrees with reading byte by byte")
    }
    return 0
}
