// libFuzzer target: a response file's header through dialect detection and column mapping,
// then every row through the validator, against the awareness baseline codebook built from
// the bundled item bank (WORKFORCE_HOME or the working directory holds Surveys/banks).
// Built and run by .ci/fuzz.sh (swiftc -sanitize=fuzzer), not by SwiftPM.
import Foundation
@testable import WorkforceKit

let codebook: ParsedCodebook = {
    do {
        let bank = try ItemBank.bundled()
        let instrument = try InstrumentBuilder.build(
            bank: bank, request: SurveyRequest(kind: .awareness), framework: "nice-2017", roles: [])
        return try ParsedCodebook(json: Codebook.json(instrument), source: "awareness")
    } catch {
        fatalError("cannot build the awareness codebook: \(error)")
    }
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzImport(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let reader = CSVReader(bytes: bytes, name: "fuzz.csv", delimiter: InputSniffer.detectDelimiter(bytes))
    guard let header = try? reader.readRecord(), let plan = try? ColumnPlan(header: header.fields, codebook: codebook, file: "fuzz.csv")
    else { return 0 }
    _ = ColumnPlan.detectDialect(header.fields)
    let validator = RowValidator(codebook: codebook, plan: plan)
    var rows = 0
    while rows < 10_000, (try? reader.nextRecord()) == true {
        _ = validator.validate(reader)
        rows += 1
    }
    return 0
}
