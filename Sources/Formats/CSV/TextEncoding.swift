/// The text encodings the importer reads, and streaming conversion of each to UTF-8.
package enum TextEncoding: String, Sendable, CaseIterable {
    case utf8 = "utf-8"
    case utf16LE = "utf-16le"
    case utf16BE = "utf-16be"
    /// Excel's default "CSV" on Windows in the Americas and Western Europe.
    case windows1252 = "windows-1252"

    /// The encoding a byte-order mark announces, and the mark's length.
    package static func fromByteOrderMark(_ head: [UInt8]) -> (TextEncoding, Int)? {
        if head.starts(with: [0xEF, 0xBB, 0xBF]) { return (.utf8, 3) }
        if head.starts(with: [0xFF, 0xFE]) { return (.utf16LE, 2) }
        if head.starts(with: [0xFE, 0xFF]) { return (.utf16BE, 2) }
        return nil
    }

    /// Guesses the encoding of text without a byte-order mark from a sample of its start:
    /// UTF-8 when the sample is valid UTF-8 (a sequence cut off at the end of the sample is
    /// allowed), Windows-1252 otherwise.
    package static func guess(sample: [UInt8]) -> TextEncoding {
        guard let bad = UTF8Validation.firstInvalidIndex(in: sample) else { return .utf8 }
        // A multi-byte sequence cut by the end of the sample is not evidence against UTF-8.
        let lead = sample[bad]
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
        let rest = sample[(bad + 1)...]
        if lead >= 0xC2, lead <= 0xF4, rest.count < length - 1, rest.allSatisfy({ $0 & 0xC0 == 0x80 }) { return .utf8 }
        return .windows1252
    }

    /// Windows-1252 bytes 0x80-0x9F; the rest map to the same code points as Latin-1.
    /// Bytes 0x81, 0x8D, 0x8F, 0x90 and 0x9D are undefined and map to U+FFFD.
    static let windows1252High: [UInt32] = [
        0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD,
        0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A,
        0x0153, 0xFFFD, 0x017E, 0x0178,
    ]
}

/// Converts another source's bytes to UTF-8 as they are read.
package struct TranscodingByteSource<Base: ByteSource>: ByteSource {
    private var base: Base
    package let encoding: TextEncoding
    private let name: String
    private var raw: [UInt8] = []
    private var carry: [UInt8] = []
    private var pendingHighSurrogate: UInt32? = nil
    /// Converted bytes not yet handed out.
    private var pending: [UInt8] = []
    private var pendingOffset = 0
    private var finished = false

    /// - Parameters:
    ///   - base: the raw bytes, after any byte-order mark.
    ///   - encoding: what they are in; `.utf8` passes them through.
    package init(_ base: Base, encoding: TextEncoding, name: String) {
        self.base = base
        self.encoding = encoding
        self.name = name
    }

    package mutating func read(into buffer: UnsafeMutableBufferPointer<UInt8>) throws(WorkforceError) -> Int {
        if encoding == .utf8 { return try base.read(into: buffer) }
        while pendingOffset == pending.count {
            guard !finished else { return 0 }
            try convertMore(max(buffer.count / 2, 64))
        }
        let n = min(buffer.count, pending.count - pendingOffset)
        pending.withUnsafeBufferPointer { source in
            _ = UnsafeMutableBufferPointer(rebasing: buffer[0..<n]).update(fromContentsOf: source[pendingOffset..<pendingOffset + n])
        }
        pendingOffset += n
        return n
    }

    private mutating func convertMore(_ size: Int) throws(WorkforceError) {
        if raw.count != size { raw = [UInt8](repeating: 0, count: size) }
        let n = try raw.withUnsafeMutableBufferPointer { buffer throws(WorkforceError) in try base.read(into: buffer) }
        pending.removeAll(keepingCapacity: true)
        pendingOffset = 0
        guard n > 0 else {
            finished = true
            if !carry.isEmpty || pendingHighSurrogate != nil {
                throw .badData(SourceLocation(file: name), "the file ends in the middle of a UTF-16 character; it is truncated")
            }
            return
        }
        switch encoding {
        case .utf8: pending.append(contentsOf: raw[0..<n])
        case .windows1252: Self.fromWindows1252(raw[0..<n], into: &pending)
        case .utf16LE, .utf16BE: fromUTF16(raw[0..<n])
        }
    }

    package static func fromWindows1252(_ bytes: ArraySlice<UInt8>, into out: inout [UInt8]) {
        out.reserveCapacity(out.count + bytes.count + bytes.count / 8)
        for b in bytes {
            if b < 0x80 {
                out.append(b)
            } else {
                let scalar = b < 0xA0 ? TextEncoding.windows1252High[Int(b - 0x80)] : UInt32(b)
                appendUTF8(scalar, to: &out)
            }
        }
    }

    private mutating func fromUTF16(_ chunk: ArraySlice<UInt8>) {
        let bytes = carry + chunk
        let usable = bytes.count & ~1
        carry = Array(bytes[usable...])
        var i = 0
        while i < usable {
            let unit =
                encoding == .utf16LE
                ? UInt32(bytes[i]) | UInt32(bytes[i + 1]) << 8 : UInt32(bytes[i]) << 8 | UInt32(bytes[i + 1])
            i += 2
            if let high = pendingHighSurrogate {
                pendingHighSurrogate = nil
                if (0xDC00...0xDFFF).contains(unit) {
                    Self.appendUTF8(0x10000 + ((high - 0xD800) << 10) + (unit - 0xDC00), to: &pending)
                    continue
                }
                Self.appendUTF8(0xFFFD, to: &pending)
            }
            switch unit {
            case 0xD800...0xDBFF: pendingHighSurrogate = unit
            case 0xDC00...0xDFFF: Self.appendUTF8(0xFFFD, to: &pending)
            default: Self.appendUTF8(unit, to: &pending)
            }
        }
    }

    @inline(__always)
    static func appendUTF8(_ scalar: UInt32, to out: inout [UInt8]) {
        switch scalar {
        case 0..<0x80: out.append(UInt8(scalar))
        case 0x80..<0x800:
            out.append(UInt8(0xC0 | (scalar >> 6)))
            out.append(UInt8(0x80 | (scalar & 0x3F)))
        case 0x800..<0x10000:
            out.append(UInt8(0xE0 | (scalar >> 12)))
            out.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (scalar & 0x3F)))
        default:
            out.append(UInt8(0xF0 | (scalar >> 18)))
            out.append(UInt8(0x80 | ((scalar >> 12) & 0x3F)))
            out.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (scalar & 0x3F)))
        }
    }
}
