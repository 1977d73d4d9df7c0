/// The submission time of KoboToolbox (`_submission_time`) and ODK Central (`SubmissionDate`)
/// exports, checked as an ISO 8601 date-time: `YYYY-MM-DDTHH:MM[:SS[.fff]][Z|±HH[:]MM]`, with a
/// real calendar date (`2026-02-30` is not one) and a real time of day. `yesterday`, `-1` or a
/// date alone are not submission times: the row is quarantined, naming the cell.
package enum SubmissionTime {
    /// The export columns whose times are checked.
    package static let checkedColumns: Set<String> = ["_submission_time", "SubmissionDate"]

    /// Whether `bytes` is an ISO 8601 date-time.
    package static func isValid(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { isValid($0) }
    }

    /// Whether `b` is an ISO 8601 date-time (read in place: the importer checks one per row).
    package static func isValid(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        func digits(_ at: Int, _ count: Int) -> Int? {
            guard at + count <= b.count else { return nil }
            var value = 0
            for i in at..<(at + count) {
                guard (0x30...0x39).contains(b[i]) else { return nil }
                value = value * 10 + Int(b[i] - 0x30)
            }
            return value
        }
        guard b.count >= 16, let year = digits(0, 4), b[4] == 0x2D, let month = digits(5, 2), b[7] == 0x2D, let day = digits(8, 2),
            b[10] == 0x54 || b[10] == 0x20, let hour = digits(11, 2), b[13] == 0x3A, let minute = digits(14, 2)
        else { return false }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let length = month == 2 ? (leap ? 29 : 28) : month == 4 || month == 6 || month == 9 || month == 11 ? 30 : 31
        guard year >= 1900, (1...12).contains(month), (1...length).contains(day), hour <= 23, minute <= 59 else { return false }
        var i = 16
        if i < b.count, b[i] == 0x3A {
            guard let second = digits(i + 1, 2), second <= 59 else { return false }
            i += 3
            if i < b.count, b[i] == 0x2E {
                i += 1
                let start = i
                while i < b.count, (0x30...0x39).contains(b[i]) { i += 1 }
                guard i > start else { return false }
            }
        }
        guard i < b.count else { return true }
        if b[i] == 0x5A { return i + 1 == b.count }
        guard b[i] == 0x2B || b[i] == 0x2D, let zoneHour = digits(i + 1, 2), zoneHour <= 14 else { return false }
        i += 3
        if i < b.count, b[i] == 0x3A { i += 1 }
        guard let zoneMinute = digits(i, 2), zoneMinute <= 59 else { return false }
        return i + 2 == b.count
    }
}
