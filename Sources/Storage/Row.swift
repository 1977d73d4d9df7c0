/// One row of a query result: the values in column order, and the column names.
package struct Row: Sendable {
    package let columns: [String]
    package let values: [DatabaseValue]

    /// The value of the named column, or `.null` when there is no such column.
    package subscript(_ column: String) -> DatabaseValue {
        guard let index = columns.firstIndex(of: column) else { return .null }
        return values[index]
    }

    package subscript(_ index: Int) -> DatabaseValue { values[index] }
}
