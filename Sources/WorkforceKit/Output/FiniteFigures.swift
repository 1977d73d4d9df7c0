/// Every figure is a finite number before it is written: a NaN or an infinity in a result is a
/// bug in a computation (a degenerate case it does not handle), never something to publish as
/// `null`, "-" or "nan". Each writer of result tables (the command line, the report's tables,
/// the plan's files) checks its tables first and stops with an internal error (exit 70) that
/// names the table, row and column. Figures that cannot be computed for a good reason (too few
/// respondents, no variance) are `null` with their reason, decided where they are computed.
extension ResultTable {
    /// Throws ``WorkforceError/internalError(_:)`` naming the first figure of `name` (a table
    /// or command) that is not a finite number.
    package func checkFinite(_ name: String) throws(WorkforceError) {
        for (r, row) in rows.enumerated() {
            for (c, cell) in row.enumerated() {
                guard case .double(let value) = cell, !value.isFinite else { continue }
                throw .internalError(
                    "\(name): row \(r + 1), column \(columns[c]) is \(value), not a finite number")
            }
        }
    }
}
