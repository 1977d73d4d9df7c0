/// The bounds every response import keeps, whatever the file holds, so that no cell can grow
/// memory or the database: past them a row is quarantined with its first bytes only, and a
/// header is an error (CSVTable: column names of at most 1,000 bytes).
package enum ImportLimits {
    /// The longest row kept, in bytes; a longer one is read to its end and quarantined.
    package static let rowBytes = 1 << 20
    /// The most fields in a row.
    package static let fields = 20_000
    /// The longest response id (`_uuid`, `KEY`, `questionnaire_no`...), in bytes.
    package static let idBytes = 200
    /// What a quarantined row that was cut keeps of its text.
    package static let keptBytes = 1024
    /// The most a quarantined row stores of its text (64 KiB); a longer one is cut, with a note.
    package static let quarantinedRowBytes = 64 << 10
    /// The most rows one file may quarantine (`import --max-quarantined`).
    package static let quarantinedRows = 10_000
}
