// libFuzzer target: a codebook as an instrument row stores it (a crafted or damaged database):
// JSON, then ParsedCodebook, then every question's `relevant` compiled and evaluated on empty
// answers. Any input is a thrown error or a codebook, never a trap or a stack overflow.
// Built and run by .ci/fuzz.sh, not by SwiftPM.
@testable import WorkforceKit

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCodebook(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let json = try? JSONParser.parse(bytes, name: "codebook"), let codebook = try? ParsedCodebook(json: json, source: "codebook")
    else { return 0 }
    let map = QuestionMap(instrumentID: 1, codebook: codebook)
    var index: [String: Int] = [:]
    for item in codebook.items where index[item.name] == nil { index[item.name] = index.count }
    map.bind(to: index)
    var values = Array(repeating: AnswerValue.notAsked, count: index.count)
    map.fill(&values, from: Array(repeating: .null, count: codebook.items.count))
    _ = map.passesGates(Array(repeating: .null, count: codebook.items.count))
    return 0
}
