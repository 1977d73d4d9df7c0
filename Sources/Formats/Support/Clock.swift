import Foundation

/// The one clock behind every timestamp the tool writes (`generated_at`, `imported_at`, report
/// dates). It honours `SOURCE_DATE_EPOCH` (the reproducible-builds convention: seconds since
/// 1970 UTC), so that outputs made with it set compare byte for byte.
package enum Clock {
    /// Now, or the instant `SOURCE_DATE_EPOCH` names when it is set to a whole number.
    package static func now(environment: [String: String] = ProcessInfo.processInfo.environment) -> Date {
        if let text = environment["SOURCE_DATE_EPOCH"], let seconds = Int64(text.trimmingCharacters(in: .whitespaces)) {
            return Date(timeIntervalSince1970: TimeInterval(seconds))
        }
        return Date()
    }

    /// ``now(environment:)`` as `YYYY-MM-DDTHH:MM:SSZ`.
    package static func timestamp(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        iso(now(environment: environment))
    }

    /// ``now(environment:)`` as `YYYY-MM-DD`.
    package static func today(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        String(timestamp(environment: environment).prefix(10))
    }

    static func iso(_ date: Date) -> String {
        var time = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        gmtime_r(&time, &parts)
        return String(
            format: "%04d-%02d-%02dT%02d:%02d:%02dZ", Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1, Int(parts.tm_mday),
            Int(parts.tm_hour), Int(parts.tm_min), Int(parts.tm_sec))
    }
}
