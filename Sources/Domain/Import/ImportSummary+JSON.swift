extension ImportSummary {
    /// The summary as one JSON object, for `workforce import ... --format json` (scripts read
    /// it instead of the sentences): the batch, the file, the form and its version, the
    /// dialect, encoding and separator, the counts, the columns not stored, and the problems
    /// and warnings each with `line`, `column` and `message`.
    package var json: String {
        func located(_ list: [ImportProblem]) -> JSONValue {
            .array(
                list.map { p in
                    .object([
                        ("file", .string(p.location.file)), ("line", p.location.line.map { .integer(Int64($0)) } ?? .null),
                        ("column", p.location.column.map { .integer(Int64($0)) } ?? .null), ("message", .string(p.message)),
                    ])
                })
        }
        let value = JSONValue.object([
            ("batch_id", batchID.map(JSONValue.integer) ?? .null), ("dry_run", .bool(dryRun)), ("file", .string(file)),
            ("form_id", .string(formID)), ("version", .string(version)), ("wave", wave.map(JSONValue.string) ?? .null),
            ("dialect", .string(dialect.rawValue)), ("encoding", .string(encoding.rawValue)),
            ("delimiter", .string(delimiter == 0x09 ? "tab" : String(UnicodeScalar(delimiter)))),
            ("rows_read", .integer(Int64(rowsRead))), ("imported", .integer(Int64(imported))),
            ("duplicates", .integer(Int64(duplicates))), ("quarantined", .integer(Int64(quarantined))),
            ("on_hold", .integer(Int64(onHold))), ("not_approved_quarantined", .integer(Int64(notApproved))),
            ("not_approved_imported", .integer(Int64(notApprovedImported))),
            ("unknown_columns", .array(unknownColumns.map(JSONValue.string))), ("metadata_columns", .array(metaColumns.map(JSONValue.string))),
            ("note_columns", .array(noteColumns.map(JSONValue.string))),
            ("problems", located(problems)), ("warnings", located(warnings)),
            ("queried", .integer(Int64(queried))), ("queries", located(queries)),
        ])
        return JSONWriter().string(value) + "\n"
    }
}
