/// Choosing which columns of a result a reader sees (`--columns`, a command's default set) and
/// fitting a text table to the terminal's width.
extension ResultTable {
    /// The columns that travel with `name` when it is shown: its 95% interval (which the reader
    /// table joins into its cell) and, for `status`, the reason a row is withheld.
    func companions(of name: String) -> [String] {
        let stem = name == "p" ? "" : name + "_"
        var names = [stem + "ci_low", stem + "ci_high"]
        if name == "status" { names.append("reason") }
        return names.filter(columns.contains)
    }

    /// The same rows with only the columns `names` (machine names) and their companions
    /// (``companions(of:)``): in the order given when `inGivenOrder`, else in the table's own.
    /// Names the table does not have are skipped; ``omittedColumns`` counts the columns a
    /// reader no longer sees.
    package func showing(_ names: [String], inGivenOrder: Bool) -> ResultTable {
        let wanted = names.filter(columns.contains)
        var keep: [String] = []
        for name in wanted where !keep.contains(name) {
            keep.append(name)
            keep.append(contentsOf: companions(of: name).filter { !keep.contains($0) })
        }
        if !inGivenOrder { keep = columns.filter(keep.contains) }
        var table = selecting(keep)
        table.isRecord = isRecord
        let readerColumns = { (t: ResultTable) in t.forReaders().headers.count }
        table.omittedColumns = omittedColumns + max(0, readerColumns(self) - readerColumns(table))
        return table
    }

    /// The names `--columns` may give: the table's columns, less those that are joined into
    /// another's cell (a 95% bound, a withheld row's reason).
    package var choosableColumns: [String] {
        let joined = Set(columns.flatMap { companions(of: $0) })
        return columns.filter { !joined.contains($0) }
    }
}
