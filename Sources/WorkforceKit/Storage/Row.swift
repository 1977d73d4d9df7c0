/// One row of a query result: the values in column order, and the column names.
public struct Row: Sendable {
    public let columns: [String]
    public let values: [DatabaseValue]

    /// The value of the named column, or `.null` when there is no such column.
    public subscript(_ column: String) -> DatabaseValue {
        guard let index = columns.firstIndex(of: column) else { return .null }
        return values[index]
    }

    public subscript(_ index: Int) -> DatabaseValue { values[index] }
}
