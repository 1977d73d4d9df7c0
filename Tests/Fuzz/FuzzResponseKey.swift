// libFuzzer target: response keys and the one neutralisation rule. A normalised key is trimmed,
// in NFC and the same when normalised again; a CSV field written whole and streamed byte by
// byte are the same text, starting with `'` exactly when the rule calls the text formula-like,
// and holding no raw control character. Built and run by .ci/fuzz.sh, not by SwiftPM.
import Foundation

@testable import WorkforceKit

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzResponseKey(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let key = ResponseKey.normalised(text)
    precondition(ResponseKey.normalised(key) == key, "normalising a key twice changes it")
    precondition(key == key.precomposedStringWithCanonicalMapping, "a normalised key is in NFC")
    precondition(key.trimmingCharacters(in: .whitespacesAndNewlines) == key, "a normalised key is trimmed")

    let writer = CSVWriter()
    var streamed: [UInt8] = []
    writer.append(text, to: &streamed)
    let field = writer.field(text)
    precondition(String(decoding: streamed, as: UTF8.self) == field, "streamed and whole CSV fields differ")
    let unquoted = field.hasPrefix("\"") ? String(field.dropFirst()) : field
    let safe = textSafe(text), formula = Neutralisation.isFormulaLike(safe)
    precondition(!formula || unquoted.hasPrefix("'"), "a formula-like CSV field is not neutralised")
    precondition(formula || !unquoted.hasPrefix("'") || safe.hasPrefix("'"), "a CSV field is neutralised against the rule")
    precondition(!field.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x202E || $0.value == 0x85 }, "a raw control in CSV")
    return 0
}
