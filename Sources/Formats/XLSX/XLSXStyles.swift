/// Which cell styles of a workbook show numbers as dates or times (`xl/styles.xml`): a cell's
/// `s` attribute indexes `<cellXfs>`, whose `numFmtId` is a built-in format or one of `<numFmts>`.
struct XLSXStyles {
    enum Kind: Equatable { case number, date, time }

    /// Per `<cellXfs>` entry.
    private(set) var kinds: [Kind] = []

    init() {}

    init(_ scanner: XMLScanner) throws(WorkforceError) {
        var custom: [Int: Kind] = [:]
        var inCellXfs = false
        while let event = try scanner.next() {
            switch event {
            case .start("numFmt", let a, _):
                if let id = a["numFmtId"].flatMap({ Int($0) }), let code = a["formatCode"] { custom[id] = Self.kind(ofFormat: code) }
            case .start("cellXfs", _, let empty):
                inCellXfs = !empty
            case .end("cellXfs"):
                inCellXfs = false
            case .start("xf", let a, _) where inCellXfs:
                let id = a["numFmtId"].flatMap { Int($0) } ?? 0
                kinds.append(custom[id] ?? Self.builtin(id))
            default:
                break
            }
        }
    }

    func kind(_ style: Int) -> Kind { kinds.indices.contains(style) ? kinds[style] : .number }

    /// Excel's built-in formats (ECMA-376 part 1, 18.8.30): 14-17 and 22 are dates, 18-21 and
    /// 45-47 times; 27-36 and 50-58 are the East Asian date formats.
    static func builtin(_ id: Int) -> Kind {
        switch id {
        case 14...17, 22, 27...36, 50...58: .date
        case 18...21, 45...47: .time
        default: .number
        }
    }

    /// Whether a format code shows a date (it has a year or day part), a time (hours or
    /// seconds only) or a number, once quoted text, escaped characters and `[...]` sections
    /// (colours, locales) are left out; `[h]`, `[mm]` and `[ss]` are elapsed times.
    static func kind(ofFormat code: String) -> Kind {
        var letters = ""
        var quoted = false
        var bracket = ""
        var inBracket = false
        var escaped = false
        for c in code.lowercased() {
            if escaped {
                escaped = false
                continue
            }
            if quoted {
                if c == "\"" { quoted = false }
                continue
            }
            if inBracket {
                if c == "]" {
                    inBracket = false
                    if bracket.allSatisfy({ "hms".contains($0) }), !bracket.isEmpty { letters += "h" }
                } else {
                    bracket.append(c)
                }
                continue
            }
            switch c {
            case "\"": quoted = true
            case "\\", "_", "*": escaped = true
            case "[":
                inBracket = true
                bracket = ""
            default: letters.append(c)
            }
        }
        // Only the first section (positive numbers) decides.
        let first = letters.split(separator: ";", omittingEmptySubsequences: false).first ?? ""
        if first.contains("y") || first.contains("d") { return .date }
        if first.contains("h") || first.contains("s") { return .time }
        if first.contains("m"), !first.contains("0"), !first.contains("#") { return .date }  // "mmm" alone: a month
        return .number
    }
}

/// Text of OOXML strings (ST_Xstring): `_xHHHH_` stands for the UTF-16 code unit HHHH, which is
/// how Excel writes control characters such as a carriage return (`_x000D_`); `_x005F_` is `_`.
enum OOXMLText {
    static func decode(_ bytes: [UInt8]) -> [UInt8] {
        guard bytes.count >= 7, bytes.contains(UInt8(ascii: "_")) else { return bytes }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        var pendingHigh: UInt32?
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "_"), i + 6 < bytes.count, bytes[i + 1] == UInt8(ascii: "x"), bytes[i + 6] == UInt8(ascii: "_"),
                let unit = UInt32(String(decoding: bytes[(i + 2)..<(i + 6)], as: UTF8.self), radix: 16)
            {
                i += 7
                if (0xD800..<0xDC00).contains(unit) {
                    pendingHigh = unit
                    continue
                }
                var value = unit
                if let high = pendingHigh, (0xDC00..<0xE000).contains(unit) { value = 0x10000 + (high - 0xD800) << 10 + (unit - 0xDC00) }
                pendingHigh = nil
                if value != 0, let scalar = Unicode.Scalar(value) { out += Array(String(Character(scalar)).utf8) }
                continue
            }
            pendingHigh = nil
            out.append(bytes[i])
            i += 1
        }
        return out
    }
}

extension OOXMLText {
    /// Whether ``decode(_:)`` could change `bytes` (it holds an `_xHHHH_` escape's `_` and is long enough).
    static func needsDecoding(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.count >= 7 && bytes.contains(UInt8(ascii: "_"))
    }
}
