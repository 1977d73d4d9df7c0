/// What an import is asked to do.
package struct ImportOptions: Sendable {
    package var kind: InstrumentKind
    /// Awareness: the wave (default `baseline`); selects the instrument and labels the responses.
    package var wave: String?
    /// An instrument id, version prefix or form id; default the latest of the kind (and wave).
    package var instrument: String?
    /// Validate and count, write nothing.
    package var dryRun: Bool
    /// The file's encoding when it has no byte-order mark and the guess would be wrong.
    package var encoding: TextEncoding?
    /// The separator, when detection from the header would be wrong.
    package var delimiter: UInt8?
    /// In a `.zip` of CSV files, the one to import (default: the form's main CSV).
    package var entry: String?
    /// Import rows a KoboToolbox supervisor marked "Not approved" (`_validation_status`)
    /// instead of quarantining them.
    package var includeNotApproved = false
    /// The most rows one file may quarantine; past it the file is refused and nothing stored.
    package var maxQuarantined = ImportLimits.quarantinedRows
    /// The file size from which the import is a bulk load (a rollback journal, and the identity
    /// index built after the rows when the table holds few: ``StoredIdentities``). Tests lower it.
    package var bulkBytes = ResponseImporter.bulkBytes

    package init(
        kind: InstrumentKind, wave: String? = nil, instrument: String? = nil, dryRun: Bool = false,
        encoding: TextEncoding? = nil, delimiter: UInt8? = nil, entry: String? = nil
    ) {
        self.entry = entry
        self.kind = kind
        self.wave = wave
        self.instrument = instrument
        self.dryRun = dryRun
        self.encoding = encoding
        self.delimiter = delimiter
    }
}

/// What an import did. `rowsRead == imported + duplicates + quarantined`, always.
package struct ImportSummary: Sendable {
    package var batchID: Int64?
    package var file: String
    package var formID: String
    package var version: String
    package var wave: String?
    package var dialect: ImportDialect
    package var encoding: TextEncoding
    package var delimiter: UInt8
    package var rowsRead = 0
    package var imported = 0
    package var duplicates = 0
    package var quarantined = 0
    /// Stored rows with a query from the soft edit rules (`imports --queries BATCH` lists them).
    package var queried = 0
    /// The first queries, each at its place in the file.
    package var queries: [ImportProblem] = []
    /// KoboToolbox's `_validation_status`: rows marked "On hold" (imported and counted), and
    /// rows marked "Not approved", quarantined or (with `--include-not-approved`) imported.
    package var onHold = 0
    package var notApproved = 0
    package var notApprovedImported = 0
    /// Columns that are not questions of the codebook nor known export metadata: not stored.
    package var unknownColumns: [String]
    /// Export metadata columns (ids, timestamps, device and submitter details): not stored.
    package var metaColumns: [String]
    /// Columns of the form's notes (no answers): not stored.
    package var noteColumns: [String] = []
    /// The first problems found, each at its place in the file.
    package var problems: [ImportProblem] = []
    /// What was accepted but deserves a look (a withdrawn KSA id, a name taken as another's).
    package var warnings: [ImportProblem] = []
    /// For a workbook or a `.zip`, what was read in it and why ("sheet Sheet1, the workbook's first").
    package var container: String?
    /// Whether the rows came from a worksheet (encoding and separator then mean nothing).
    package var fromWorkbook = false
    package var dryRun: Bool
    /// Catalog imports: the current offerings (institution and code) that the file does not list
    /// again for an institution it names, retired by the import (or, without `--replace`, that
    /// would be).
    package var retired: [(institution: String, code: String)] = []
    /// Response imports: how the instrument was chosen, when the header chose it.
    package var instrumentChoice: String?
    /// Response imports: the batches (and their waves) that already hold the duplicate rows.
    package var duplicatesHeldBy: [(batch: Int64, wave: String?)] = []
    /// The awareness design recorded with the wave by this import (`nil`: one was stored already).
    package var recordedDesign: AwarenessDesign?

    /// Response imports: every row read was already stored, none quarantined: the import
    /// stores nothing, not even an empty batch.
    package var addsNothing: Bool { rowsRead > 0 && imported == 0 && quarantined == 0 && retired.isEmpty }
}

/// One problem found in an input file, at its place (as swift-format's `Finding`).
package struct ImportProblem: Sendable, CustomStringConvertible {
    package var location: SourceLocation
    package var message: String

    package init(location: SourceLocation, message: String) {
        self.location = location
        self.message = message
    }

    /// "bad.csv:3:72: value ... [line 3, column H `district`]": the place as compilers print it,
    /// the message, and the place as a spreadsheet user finds it.
    package var description: String { "\(location): \(message)" + (location.spreadsheetCell.map { " [\($0)]" } ?? "") }

    /// Problems as `rejected_row.reasons` stores them: a JSON array of `line`, `column`, `message`.
    static func json(_ problems: [ImportProblem]) -> String {
        JSONWriter(indent: nil).string(
            .array(
                problems.map { p in
                    .object([
                        (key: "line", value: p.location.line.map { .integer(Int64($0)) } ?? .null),
                        (key: "column", value: p.location.column.map { .integer(Int64($0)) } ?? .null),
                        (key: "field", value: p.location.field.map { .integer(Int64($0)) } ?? .null),
                        (key: "header", value: p.location.header.map { .string($0) } ?? .null),
                        (key: "message", value: .string(p.message)),
                    ])
                }))
    }
}
