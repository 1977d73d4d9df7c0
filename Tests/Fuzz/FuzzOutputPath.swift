// libFuzzer target: output paths. Any path is standardised in one pass (absolute, no `.` or
// `..` left, the same when done twice), and the walk up to its nearest existing folder and the
// check of what stands at it end (`x/nodir/../y` once spun for ever). Built and run by
// .ci/fuzz.sh (swiftc -sanitize=fuzzer), not by SwiftPM.
import Foundation

@testable import WorkforceKit

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOutputPath(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    guard !text.contains("\0") else { return 0 }
    // Under a folder that does not exist, so nothing real is looked at but `/tmp`.
    let url = URL(fileURLWithPath: "/tmp/workforce-fuzz-missing/" + text)
    let standard = OutputPath.standardised(url)
    let parts = standard.path.split(separator: "/")
    precondition(standard.path.hasPrefix("/"), "a standardised path is absolute")
    precondition(!parts.contains(".") && !parts.contains(".."), "a standardised path holds no . or ..")
    precondition(OutputPath.standardised(standard).path == standard.path, "standardising twice changes the path")
    _ = try? OutputFolder.existingAncestor(of: url)
    _ = try? OutputPath.resolve(url, as: .file)
    _ = try? OutputPath.resolve(url, as: .folder)
    return 0
}
