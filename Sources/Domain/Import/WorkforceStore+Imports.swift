/// An instrument as the importer needs it.
package struct RecordedInstrument: Sendable {
    package var id: Int64
    package var kind: String
    package var formID: String
    package var wave: String?
    package var version: String
    package var codebook: JSONValue
}

extension WorkforceStore {
    /// The instrument responses are checked against: the one `reference` names (an id, a version
    /// prefix or a form id), else the latest generated of `kind` (and `wave` for awareness).
    ///
    /// - Throws: ``WorkforceError/noInput(path:reason:)`` when none is recorded, saying how to make one.
    package func instrument(kind: InstrumentKind, wave: String?, reference: String?) throws(WorkforceError) -> RecordedInstrument {
        let rows = try read { db in
            try db.rows(
                "SELECT id, kind, form_id, wave, version, codebook FROM instrument WHERE kind = ? ORDER BY id DESC", [kind.rawValue],
                as: InstrumentRow.self)
        }
        let candidates = rows.filter { row in
            if let reference {
                return String(row.id) == reference || row.formID == reference
                    || (reference.count >= 6 && row.version.hasPrefix(reference.lowercased()))
            }
            if kind == .awareness { return row.wave == (wave ?? "baseline") }
            return true
        }.sorted { a, b in
            // Employer: the wave's own instrument first, then the baseline's (the questions are the same).
            kind == .employer && (a.wave == Wave.employerColumn(wave)) && (b.wave != Wave.employerColumn(wave))
        }
        guard let row = candidates.first else {
            let what = reference.map { "instrument \($0)" } ?? (kind == .awareness ? "\(kind.rawValue) instrument for wave \(wave ?? "baseline")" : "\(kind.rawValue) instrument")
            let hint = "workforce survey \(kind.rawValue)" + (kind == .awareness && wave != nil ? " --wave \(wave ?? "")" : "")
            throw .noInput(
                path: path,
                reason: "no \(what) is recorded in this database; generate it with `\(hint)` (the questionnaire the responses were collected with)")
        }
        return try Self.recordedInstrument(row)
    }

    /// Every instrument of `kind`, newest first.
    package func instruments(kind: InstrumentKind) throws(WorkforceError) -> [RecordedInstrument] {
        let rows = try read { db in
            try db.rows(
                "SELECT id, kind, form_id, wave, version, codebook FROM instrument WHERE kind = ? ORDER BY id DESC", [kind.rawValue],
                as: InstrumentRow.self)
        }
        var instruments: [RecordedInstrument] = []
        for row in rows { instruments.append(try Self.recordedInstrument(row)) }
        return instruments
    }

    /// An `instrument` row with its codebook parsed.
    private static func recordedInstrument(_ row: InstrumentRow) throws(WorkforceError) -> RecordedInstrument {
        let codebook: JSONValue
        do {
            codebook = try JSONParser.parse(Array(row.codebook.utf8), name: "codebook of instrument \(row.id)")
        } catch {
            throw .badData(error.location, error.message)
        }
        return RecordedInstrument(id: row.id, kind: row.kind, formID: row.formID, wave: row.wave, version: row.version, codebook: codebook)
    }

    /// Every import batch: `batch`, `form_id`, `wave`, `file`, `dialect`, `encoding`, `rows_read`,
    /// `imported`, `duplicates`, `quarantined`, `imported_at`.
    package func importBatches() throws(WorkforceError) -> ResultTable {
        try table(
            """
            SELECT b.id AS batch, coalesce(i.form_id, b.kind) AS form_id, b.wave, b.file, b.dialect, b.encoding, b.rows_read,
                   b.imported, b.duplicates, b.quarantined, b.imported_at
            FROM import_batch b LEFT JOIN instrument i ON i.id = b.instrument_id ORDER BY b.id
            """, [])
    }

    /// The quarantined rows of batch `batch`: `line`, `reasons`, `raw`.
    ///
    /// - Throws: ``WorkforceError/usage(_:)`` for an unknown batch.
    package func rejectedRows(batch: Int) throws(WorkforceError) -> (header: String, rows: ResultTable) {
        let header = try read { db in try db.scalar("SELECT header FROM import_batch WHERE id = ?", [batch]) }
        guard let header = header.string else {
            throw .usage("no import batch \(batch); `workforce imports` lists them")
        }
        var rows = ResultTable(columns: ["line", "reasons", "raw"])
        rows.wrapped = ["reasons"]
        try read { db in
            try db.forEachRow("SELECT line, reasons, raw FROM rejected_row WHERE batch_id = ? ORDER BY line", [batch]) { row in
                let stored = try row.string("reasons")
                let reasons = (try? JSONParser.parse(Array(stored.utf8), name: "reasons"))?.array ?? []
                let text = reasons.map { r in
                    let field = r["field"]?.double.flatMap { Int(exactly: $0) }
                    let line = r["line"]?.double.flatMap { Int(exactly: $0) }
                    let cell = SourceLocation(file: "", line: line, field: field, header: r["header"]?.string).spreadsheetCell
                    let column = cell.map { "\($0): " } ?? r["column"]?.double.flatMap { Int(exactly: $0) }.map { "column \($0): " } ?? ""
                    return column + (r["message"]?.string ?? "")
                }.joined(separator: "; ")
                rows.append([Cell(try row.value("line")), .text(text), Cell(try row.value("raw"))])
            }
        }
        return (header, rows)
    }

    /// The quarantined rows of `batch` as the file they came from, ready to fix and import
    /// again: the file's header and each rejected row as it was, plus `_line` and `_reasons`
    /// columns (columns starting with `_` are ignored on import). Formula-like text is
    /// neutralised (numbers are left alone), so that opening the file in a spreadsheet runs nothing.
    package func rejectedRowsCSV(batch: Int) throws(WorkforceError) -> String {
        let (header, rows) = try rejectedRows(batch: batch)
        let writer = CSVWriter()
        let headerFields = (try? CSVReader(string: header, name: "header").readRecord()?.fields) ?? []
        func line(_ fields: [String]) -> String {
            fields.map { writer.field($0, isNumber: Double($0) != nil) }.joined(separator: ",") + "\r\n"
        }
        var out = line(headerFields + ["_line", "_reasons"])
        for row in rows.rows {
            let raw = (try? CSVReader(string: row[2].plainText, name: "raw").readRecord()?.fields) ?? []
            out += line(raw + [row[0].plainText, row[1].plainText])
        }
        return out
    }
}

/// An `instrument` row as stored, read by column name.
struct InstrumentRow: RowDecodable {
    var id: Int64
    var kind: String
    var formID: String
    var wave: String?
    var version: String
    var codebook: String

    init(row: Row) throws(DamagedRow) {
        id = try row.int64("id")
        kind = try row.string("kind")
        formID = try row.string("form_id")
        wave = try row.optionalString("wave")
        version = try row.string("version")
        codebook = try row.string("codebook")
    }
}
