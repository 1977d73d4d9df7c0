// libFuzzer target: the JSON parser, on any bytes; a value it accepts writes and parses back
// to the same value. Built and run by .ci/fuzz.sh (swiftc -sanitize=fuzzer), not by SwiftPM.
@testable import WorkforceKit

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSON(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let value = try? JSONParser.parse(bytes, name: "fuzz.json") else { return 0 }
    let written = JSONWriter(indent: nil).string(value)
    let again = try? JSONParser.parse(Array(written.utf8), name: "written.json")
    precondition(again.map { JSONWriter(indent: nil).string($0) } == written, "JSON written does not parse back to itself")
    return 0
}
