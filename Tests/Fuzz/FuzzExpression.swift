// libFuzzer target: XLSForm expressions (`relevant`, `constraint`), as a codebook or an
// XLSForm holds them: parsing either throws or gives an expression no deeper than 512 levels
// that evaluates without trapping. Built and run by .ci/fuzz.sh, not by SwiftPM.
@testable import WorkforceKit

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzExpression(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    guard let expression = try? XLSFormExpression.parse(text) else { return 0 }
    _ = expression.references
    for current in ["", "1", "yes", "a b"] {
        _ = expression.evaluate(current: current) { name in name.count % 2 == 0 ? "2" : "yes no" }
    }
    return 0
}
