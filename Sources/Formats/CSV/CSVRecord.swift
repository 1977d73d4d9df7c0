/// One record read from a CSV file: its fields, and where each field starts.
package struct CSVRecord: Sendable {
    package var fields: [String]
    /// The 1-based line on which the record starts.
    package var line: Int
    /// The 1-based line on which each field starts (differs from `line` after a quoted line break).
    package var fieldLines: [Int]
    /// The 1-based column (in characters) at which each field starts.
    package var fieldColumns: [Int]
    /// For a record read from a worksheet, its sheet (`line` is the row, columns count cells).
    package var sheet: String? = nil

    /// Where field `index` starts in `file`.
    package func location(ofField index: Int, in file: String) -> SourceLocation {
        if let sheet { return SourceLocation(file: file, line: line, column: index + 1, sheet: sheet) }
        guard fieldLines.indices.contains(index) else { return SourceLocation(file: file, line: line) }
        return SourceLocation(file: file, line: fieldLines[index], column: fieldColumns[index], field: index + 1)
    }
}
