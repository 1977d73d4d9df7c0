import Foundation

/// One row of an item bank file, with where it came from.
package struct BankRow: Sendable {
    package var cells: [String: String]
    package var location: SourceLocation

    package subscript(_ column: String) -> String {
        (cells[column] ?? "").trimmingCharacters(in: .whitespaces)
    }

    /// Every row of a bank CSV file (item banks, word tables, column labels), read by column name.
    package static func read(_ url: URL, required: [String]) throws(WorkforceError) -> [BankRow] {
        let (table, records) = try CSVTable.readAll(url: url, required: required)
        return records.map { record in
            var cells: [String: String] = [:]
            for (i, column) in table.header.enumerated() { cells[column] = record.fields[i] }
            return BankRow(cells: cells, location: SourceLocation(file: url.path, line: record.line))
        }
    }
}
