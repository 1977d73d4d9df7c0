import Foundation
import Testing

@testable import WorkforceKit
@testable import Domain

/// One normalisation of response keys (stored, quarantined, purged) and their scope (issue 34).
@Suite struct ResponseKeyTests {
    @Test func keysAreTrimmedAndInNFC() {
        #expect(ResponseKey.normalised("17") == "17")
        #expect(ResponseKey.normalised("17 ") == "17")
        #expect(ResponseKey.normalised("\u{A0}\t17\r\n") == "17")
        #expect(ResponseKey.normalised("Pen\u{0303}a") == "Peña")
        #expect(ResponseKey.normalised(" Pe\u{F1}a ") == "Peña")
        #expect(ResponseKey.normalised("a b") == "a b")
        #expect(ResponseKey.normalised("   ") == "")
        #expect(ResponseKey.normalised("\u{1B}") == "")
        // Found by the keys fuzz target: a space before a combining mark, then NULs.
        let odd = ResponseKey.normalised(" \u{0303} \0\0\0")
        #expect(odd == "\u{0303}" && ResponseKey.normalised(odd) == odd)
    }

    @Test func onlyToolWideIdsAreGlobal() {
        for name in ["_uuid", "meta/instanceID", "meta-instanceID", "instanceID", "KEY"] { #expect(ResponseKey.isGlobal(column: name)) }
        for name in ["questionnaire_no", "id"] { #expect(!ResponseKey.isGlobal(column: name)) }
    }

    @Test func personalValuesAreEmailAddressesAndLongNumbersNotDates() {
        let values = WorkforceStore.personalValues(in: #"1,"2026-03-01T10:00:00",jane@example.org,+501 622-1234,"x",1234567,12345"#)
        #expect(values == ["jane@example.org", "+501 622-1234", "1234567"])
    }
}
