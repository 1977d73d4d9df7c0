/// How answers are read from their text, and shown in messages.
extension RowValidator {
    /// A value as a message shows it (``valuePrefix(_:)``), decoding no more than it shows.
    static func shown(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        valuePrefix(String(decoding: bytes.prefix(200), as: UTF8.self))
    }

    /// A whole number: optional sign and digits, optionally `.0` (as spreadsheets write them).
    static func integer(_ bytes: UnsafeBufferPointer<UInt8>) -> Int64? {
        var i = 0
        while i < bytes.count, bytes[i] == 0x20 { i += 1 }
        var end = bytes.count
        while end > i, bytes[end - 1] == 0x20 { end -= 1 }
        var negative = false
        if i < end, bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+") {
            negative = bytes[i] == UInt8(ascii: "-")
            i += 1
        }
        guard i < end else { return nil }
        var value: Int64 = 0
        var digits = 0
        while i < end, bytes[i] >= 0x30, bytes[i] <= 0x39 {
            let (m, o1) = value.multipliedReportingOverflow(by: 10)
            let (a, o2) = m.addingReportingOverflow(Int64(bytes[i] - 0x30))
            guard !o1, !o2 else { return nil }
            value = a
            digits += 1
            i += 1
        }
        guard digits > 0 else { return nil }
        if i < end, bytes[i] == UInt8(ascii: ".") {
            i += 1
            while i < end, bytes[i] == UInt8(ascii: "0") { i += 1 }
        }
        guard i == end else { return nil }
        return negative ? -value : value
    }

    static func isDate(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]), (1...12).contains(m), d >= 1
        else { return false }
        let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]
        return d <= days
    }
}
