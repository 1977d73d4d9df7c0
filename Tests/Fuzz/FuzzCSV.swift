// libFuzzer target: the CSV reader and the separator sniffer, on any bytes.
// Built and run by .ci/fuzz.sh (swiftc -sanitize=fuzzer), not by SwiftPM.
@testable import WorkforceKit

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let delimiter = InputSniffer.detectDelimiter(bytes)
    for separator in [delimiter, UInt8(ascii: ",")] {
        let reader = CSVReader(bytes: bytes, name: "fuzz.csv", delimiter: separator)
        var records = 0
        while records < 100_000, let record = try? reader.readRecord() {
            // Every field's location is inside the input.
            precondition(record.fields.count == record.fieldColumns.count)
            records += 1
        }
    }
    return 0
}
