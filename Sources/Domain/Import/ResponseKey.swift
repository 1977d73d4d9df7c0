import Foundation

/// A response's key (`response_key`) and what it identifies.
///
/// - A **tool-global** id (KoboToolbox's `_uuid`, ODK's `instanceID`/`KEY`) names one submission
///   everywhere: the same id under another wave or form is the same respondent.
/// - A **form-local** id (the typing template's `questionnaire_no`, the number on a paper form,
///   and LimeSurvey's `id`, a counter per survey) names a response only within its form and
///   wave: follow-up questionnaire 1 and baseline questionnaire 1 are two people.
///
/// Keys are normalised one way everywhere (when stored, when a quarantined row is matched, when
/// purged): surrounding white space (spaces, tabs, line breaks, no-break spaces) removed and
/// Unicode NFC, so `"17 "` and `"17"`, or a composed and a decomposed `"Ñ"`, are one key.
package enum ResponseKey {
    /// Header names of tool-global ids.
    package static let globalColumns: Set<String> = ["_uuid", "meta/instanceID", "meta-instanceID", "instanceID", "KEY"]

    /// Whether the id column named `header` holds a tool-global id (else form-local).
    package static func isGlobal(column header: String) -> Bool {
        globalColumns.contains(header.trimmingCharacters(in: .whitespaces))
    }

    /// `key` trimmed of white space and in Unicode NFC.
    package static func normalised(_ key: String) -> String {
        let ascii = key.utf8.withContiguousStorageIfAvailable { $0.allSatisfy { $0 < 0x80 } } ?? key.utf8.allSatisfy { $0 < 0x80 }
        if ascii, let first = key.utf8.first, let last = key.utf8.last, !isASCIISpace(first), !isASCIISpace(last) { return key }
        // Trimmed by scalars (not grapheme clusters: a space before a combining mark goes too),
        // and again after NFC, so that normalising twice changes nothing.
        let once = trimScalars(ascii ? key : trimScalars(key).precomposedStringWithCanonicalMapping)
        return once
    }

    private static func trimScalars(_ text: String) -> String {
        let unwanted = CharacterSet.whitespacesAndNewlines.union(.controlCharacters)
        var scalars = Substring(text).unicodeScalars
        while let first = scalars.first, unwanted.contains(first) { scalars.removeFirst() }
        while let last = scalars.last, unwanted.contains(last) { scalars.removeLast() }
        return String(scalars)
    }

    private static func isASCIISpace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) || byte < 0x20 || byte == 0x7F }

    /// The key of a row whose id cell is blank in a file with an id column: its batch and line,
    /// never its answers, so identical rows (paper refusals typed without a number) are all kept.
    package static func unnumbered(batch: Int64, line: Int) -> String { "row:\(batch):\(line)" }
}
