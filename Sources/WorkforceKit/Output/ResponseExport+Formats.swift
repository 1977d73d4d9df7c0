/// The clean data file in each ``OutputFormat``: CSV and JSON streamed by ``ResponseExport``,
/// table and Markdown through the reader table.
extension ResponseExport {
    /// Writes every response of `reader` in `format`, calling `write` with pieces of UTF-8 output.
    /// After each piece `stop` is asked whether to go on: when the output can no longer be
    /// written (its reader went away, `| head -1`), the export ends there instead of formatting
    /// the rest of the database for nobody.
    package func write(
        _ reader: ResponseReader, as format: OutputFormat, bytes write: ([UInt8]) -> Void, stop: () -> Bool = { false }
    ) throws {
        // The reader may wrap what its callback throws, so the flag, not the error, tells.
        var stopped = false
        do {
            if format == .csv, imputed == nil {
                try writeCSV(reader) { bytes throws(Stopped) in
                    write(bytes)
                    if stop() { stopped = true; throw Stopped() }
                }
            } else {
                try self.write(reader, as: format) { text throws(Stopped) in
                    write(Array(text.utf8))
                    if stop() { stopped = true; throw Stopped() }
                }
            }
        } catch {
            if stopped { return }
            throw error
        }
    }

    /// Thrown by a writer whose output is gone, to end an export early.
    struct Stopped: Error {}

    /// Writes every response of `reader` in `format`, calling `write` with pieces of output.
    package func write(_ reader: ResponseReader, as format: OutputFormat, to write: (String) throws -> Void) throws {
        switch format {
        case .csv where imputed == nil: try writeCSV(reader) { try write(String(decoding: $0, as: UTF8.self)) }
        case .json: try writeJSON(reader, write)
        case .table, .md, .csv:
            var table = ResultTable(columns: header(reader))
            table.keepsNames = true
            try reader.forEach { record in table.rows.append(cells(record, reader)) }
            try write(table.rendered(as: format))
        }
    }
}
