import Foundation

/// How ``XLSXSheetSource`` reads a cell's text: dates and times from serials, ISO dates, and
/// the column of a cell reference.
extension XLSXSheetSource {
    /// A number cell whose style (`kind`) or column says it is a date or time: its serial as
    /// `YYYY-MM-DD` (with the time when it has one), or `HH:MM:SS`; else the number as written.
    static func number(_ value: [UInt8], kind: XLSXStyles.Kind, date1904: Bool) -> [UInt8] {
        guard let serial = Double(String(decoding: value, as: UTF8.self)) else { return value }
        if kind == .time, serial >= 0, serial < 1 {
            let s = Int((serial * 86_400).rounded())
            return Array(String(format: "%02d:%02d:%02d", s / 3600 % 24, s / 60 % 60, s % 60).utf8)
        }
        return ExcelDate.text(serial: serial, date1904: date1904).map { Array($0.utf8) } ?? value
    }

    /// A `t="d"` cell (an ISO 8601 date): its date alone when the time is midnight.
    static func isoDate(_ value: [UInt8]) -> [UInt8] {
        var text = String(decoding: value, as: UTF8.self)
        if text.hasSuffix("Z") { text.removeLast() }
        for midnight in ["T00:00:00.000", "T00:00:00"] where text.hasSuffix(midnight) { text.removeLast(midnight.count) }
        return Array(text.utf8)
    }

    /// The 0-based column of a cell reference such as `C17`.
    static func column(ofReference reference: String) -> Int? { column(ofReference: reference.utf8) }

    static func column<C: Collection<UInt8>>(ofReference reference: C) -> Int? {
        var column = 0
        var letters = 0
        for b in reference {
            guard (65...90).contains(b) || (97...122).contains(b) else { break }
            column = column * 26 + Int(b & 0x1F)
            letters += 1
            if letters > 3 { return nil }
        }
        return letters == 0 ? nil : column - 1
    }
}
