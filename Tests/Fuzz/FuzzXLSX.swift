// libFuzzer target: the inflater, the ZIP reader and the worksheet reader, on any bytes.
// Built and run by .ci/fuzz.sh (swiftc -sanitize=fuzzer), not by SwiftPM.
import Foundation
@testable import WorkforceKit

private let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("fuzz-xlsx-\(getpid()).xlsx")

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzXLSX(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    // The bytes as a raw DEFLATE stream: it ends, or fails, within a bounded output.
    let inflater = Inflater(MemoryByteSource(bytes), name: "fuzz")
    var buffer = [UInt8](repeating: 0, count: 4096)
    var total = 0
    while total < 1 << 24,
        let n = try? buffer.withUnsafeMutableBufferPointer({ b throws(WorkforceError) in try inflater.read(into: b) }), n > 0
    {
        total += n
    }
    // The bytes as an XML part.
    let scanner = XMLScanner(MemoryByteSource(bytes), name: "fuzz.xml")
    var events = 0
    while events < 100_000, (try? scanner.next()) != nil { events += 1 }
    // The bytes as a workbook file: every row the sheet gives reads as CSV.
    guard (try? Data(bytes).write(to: scratch)) != nil, let archive = try? ZipArchive(url: scratch, name: "fuzz.xlsx"),
        let workbook = try? XLSXWorkbook(archive: archive), let sheet = try? XLSXSheetSource(workbook, file: "fuzz.xlsx")
    else { return 0 }
    let reader = CSVReader(source: sheet, name: "fuzz.xlsx")
    reader.sheetRows = sheet.rows
    reader.maxRecordBytes = ImportLimits.rowBytes
    var records = 0
    while records < 100_000, (try? reader.nextRecord()) == true {
        precondition(reader.recordLine >= 1 && reader.recordLine <= 1_048_576)
        records += 1
    }
    return 0
}
