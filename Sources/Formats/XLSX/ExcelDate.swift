/// Excel's serial dates: days since the workbook's epoch, the fraction being the time of day.
///
/// In the 1900 system (Excel's default) serial 1 is 1900-01-01 and serial 60 is the
/// 1900-02-29 that Lotus 1-2-3 believed in, so from serial 61 on a serial counts days since
/// 1899-12-30. In the 1904 system (old Mac workbooks, `<workbookPr date1904="1"/>`) serial 0
/// is 1904-01-01.
enum ExcelDate {
    /// The largest serial Excel shows as a date (9999-12-31 in the 1900 system).
    static let maxSerial = 2_958_465.0

    /// `YYYY-MM-DD` for a whole serial, `YYYY-MM-DDTHH:MM:SS` for one with a time of day, or
    /// `nil` for a value that is no date (negative, past 9999, Lotus's 1900-02-29, not a number).
    static func text(serial: Double, date1904: Bool) -> String? {
        guard serial.isFinite, serial >= (date1904 ? 0 : 1), serial <= maxSerial else { return nil }
        var seconds = (serial * 86_400).rounded()
        var days = (seconds / 86_400).rounded(.down)
        seconds -= days * 86_400
        if date1904 {
            days += 1462  // 1904-01-01 is serial 1,462 of the 1900 system
        } else {
            guard days != 60 else { return nil }
            if days < 60 { days += 1 }  // before the phantom day, serials count from 1899-12-31
        }
        // Days since 1899-12-30 to days since 1970-01-01.
        let (y, m, d) = civil(fromDays: Int(days) - 25_569)
        var text = "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))"
        if seconds > 0 {
            let s = Int(seconds)
            text += "T\(pad(s / 3600, 2)):\(pad(s / 60 % 60, 2)):\(pad(s % 60, 2))"
        }
        return text
    }

    /// The proleptic Gregorian date `days` days after 1970-01-01 (Howard Hinnant's algorithm).
    static func civil(fromDays days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    private static func pad(_ n: Int, _ width: Int) -> String {
        let s = String(n)
        return String(repeating: "0", count: max(0, width - s.count)) + s
    }
}
