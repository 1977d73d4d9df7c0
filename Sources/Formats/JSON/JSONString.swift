/// The one decoder of JSON string literals, used by ``JSONParser`` (files, codebooks) and by
/// ``AnswerCodec`` (stored answers), so both accept and refuse the same text: RFC 8259 escapes
/// only, `\u` surrogates only as a high-low pair (a lone or reversed surrogate is an error),
/// no raw control characters, and well-formed UTF-8.
package enum JSONString {
    /// Why a string literal does not decode, and the byte offset where it goes wrong.
    package struct Failure: Error, Sendable {
        package var offset: Int
        package var message: String
    }

    /// Decodes the string literal whose opening quote is at `start` in `bytes`.
    ///
    /// - Returns: the string and the index just past its closing quote.
    /// - Throws: ``Failure`` at the offending byte (at `start` for a string never closed).
    package static func decode(_ bytes: UnsafeBufferPointer<UInt8>, quoteAt start: Int) throws(Failure) -> (value: String, end: Int) {
        var i = start + 1
        // Fast path: no escape before the closing quote.
        while i < bytes.count, bytes[i] != 0x22, bytes[i] != 0x5C, bytes[i] >= 0x20 { i += 1 }
        if i < bytes.count, bytes[i] == 0x22 {
            let slice = UnsafeBufferPointer(rebasing: bytes[(start + 1)..<i])
            if let bad = UTF8Validation.firstInvalidIndex(in: slice) {
                throw Failure(offset: start + 1 + bad, message: "string holds bytes that are not UTF-8")
            }
            return (String(decoding: slice, as: UTF8.self), i + 1)
        }
        var out = Array(bytes[(start + 1)..<min(i, bytes.count)])
        while true {
            guard i < bytes.count else { throw Failure(offset: start, message: "string is never closed") }
            let b = bytes[i]
            switch b {
            case 0x22:
                if let bad = UTF8Validation.firstInvalidIndex(in: out) {
                    throw Failure(offset: start + 1 + bad, message: "string holds bytes that are not UTF-8")
                }
                return (String(decoding: out, as: UTF8.self), i + 1)
            case 0x5C:
                guard i + 1 < bytes.count else { throw Failure(offset: start, message: "string is never closed") }
                let e = bytes[i + 1]
                i += 2
                switch e {
                case UInt8(ascii: "\""): out.append(0x22)
                case UInt8(ascii: "\\"): out.append(0x5C)
                case UInt8(ascii: "/"): out.append(0x2F)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "u"):
                    var scalar = try hex4(bytes, &i)
                    if (0xD800...0xDBFF).contains(scalar) {
                        guard i + 1 < bytes.count, bytes[i] == 0x5C, bytes[i + 1] == UInt8(ascii: "u") else {
                            throw Failure(offset: i - 6, message: "invalid \\u escape (lone surrogate)")
                        }
                        i += 2
                        let low = try hex4(bytes, &i)
                        guard (0xDC00...0xDFFF).contains(low) else { throw Failure(offset: i - 6, message: "invalid UTF-16 surrogate pair") }
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    }
                    guard let u = Unicode.Scalar(scalar) else { throw Failure(offset: i - 6, message: "invalid \\u escape (lone surrogate)") }
                    out.append(contentsOf: String(Character(u)).utf8)
                default:
                    throw Failure(offset: i - 2, message: "invalid escape sequence in a string")
                }
            case 0x00...0x1F:
                throw Failure(offset: i, message: "control character in a string; escape it (line breaks as \\n)")
            default:
                out.append(b)
                i += 1
            }
        }
    }

    private static func hex4(_ bytes: UnsafeBufferPointer<UInt8>, _ i: inout Int) throws(Failure) -> UInt32 {
        guard bytes.count - i >= 4 else { throw Failure(offset: i, message: "\\u needs 4 hex digits") }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let b = bytes[i]
            let d: UInt32
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): d = UInt32(b - 48)
            case UInt8(ascii: "a")...UInt8(ascii: "f"): d = UInt32(b - 87)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): d = UInt32(b - 55)
            default: throw Failure(offset: i, message: "\\u needs 4 hex digits")
            }
            v = v * 16 + d
            i += 1
        }
        return v
    }
}
