extension WorkforceStore {
    /// The queries the soft edit rules raised on batch `batch`'s stored rows (``EditRules``):
    /// `line`, `cell` (the spreadsheet cell and its column's header), `rule`, `message`.
    ///
    /// - Throws: ``WorkforceError/usage(_:)`` for an unknown batch.
    package func importQueries(batch: Int, _ language: ReaderLanguage = .en) throws(WorkforceError) -> ResultTable {
        let known = try read { db in try db.scalar("SELECT count(*) FROM import_batch WHERE id = ?", [batch]) }
        guard known.int == 1 else { throw .usage("no import batch \(batch); `workforce imports` lists them") }
        var table = ResultTable(columns: ["line", "cell", "rule", "message"])
        table.wrapped = ["message"]
        try read { db in
            try db.forEachRow("SELECT line, field, header, rule, message FROM import_query WHERE batch_id = ? ORDER BY line, id", [batch]) { row in
                let location = SourceLocation(
                    file: "", line: try row.int("line"), field: try row.optionalInt("field"), header: try row.optionalString("header"))
                table.append([Cell(try row.value("line")), .text(location.spreadsheetCell ?? ""), Cell(try row.value("rule")), Cell(try row.value("message"))])
            }
        }
        table.notes = [Phrase("commands.imports.queries").text(language)]
        return table
    }
}
