// libFuzzer target: NIST CPRT JSON framework files: the parser then the loader, which must
// either build a framework or throw a located error, never crash.
// Built and run by .ci/fuzz.sh (swiftc -sanitize=fuzzer), not by SwiftPM.
@testable import WorkforceKit

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCPRT(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let json = try? JSONParser.parse(bytes, name: "fuzz.cprt.json") else { return 0 }
    _ = try? CPRTLoader.load(json: json, source: "fuzz.cprt.json")
    return 0
}
