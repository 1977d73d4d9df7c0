extension WorkforceStore {
    /// Runs a query into a ``ResultTable``; integer columns named in `booleans` become booleans.
    func table(_ sql: String, _ arguments: [DatabaseValueConvertible], booleans: Set<String> = []) throws(WorkforceError)
        -> ResultTable
    {
        try read { db in
            var result: ResultTable?
            try db.forEachRow(sql, arguments) { row in
                if result == nil { result = ResultTable(columns: row.columns) }
                result?.rows.append(
                    zip(row.columns, row.values).map { column, value in
                        booleans.contains(column) ? (value.bool.map(Cell.bool) ?? .null) : Cell(value)
                    })
            }
            if let result { return result }
            return ResultTable(columns: try db.statement(sql).columnNames)
        }
    }
}
