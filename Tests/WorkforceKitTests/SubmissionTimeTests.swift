import Testing

@testable import WorkforceKit

/// `_submission_time` and `SubmissionDate` are ISO 8601 date-times with real dates (issue 34).
@Suite struct SubmissionTimeTests {
    @Test(arguments: [
        "2026-03-01T10:00:00", "2026-03-01T10:00:00.123Z", "2026-03-01T10:00Z", "2026-03-01T10:00:00+01:00", "2026-03-01T10:00:00-0600",
        "2024-02-29T00:00:00", "2026-03-01 10:00:00",
    ])
    func accepted(_ text: String) { #expect(SubmissionTime.isValid(Array(text.utf8))) }

    @Test(arguments: [
        "yesterday", "-1", "2026-02-30T00:00:00", "2025-02-29T00:00:00", "2026-13-01T00:00:00", "2026-03-01", "2026-03-01T24:00:00",
        "2026-03-01T10:60:00", "2026-03-01T10:00:00Zjunk", "2026-03-01T10:00:00.", "١٢٣٤-03-01T10:00:00", "2026-03-01T10:00:00+1",
    ])
    func refused(_ text: String) { #expect(!SubmissionTime.isValid(Array(text.utf8))) }
}
