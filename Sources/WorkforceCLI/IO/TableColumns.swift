import WorkforceKit

/// Which columns a command's table shows: `--columns NAME,...` in every format; else, in a text
/// table without `--wide`, the command's own default set (``defaults``), fitted to the terminal.
enum TableColumns {
    /// Each command's default columns in a text table, by CSV name; names a variant of the
    /// command does not have are skipped (`gaps --by district` has no `supply`), and a 95%
    /// interval or a withheld row's reason comes with its column. A command not listed shows
    /// every column (still fitted to the width). A default column empty in every row is left out.
    static let defaults: [String: [String]] = [
        "gaps": [
            "role_id", "role_name", "district", "sector", "size_band", "area_id", "category_id", "ksa_id", "capability", "proficiency",
            "breakdown", "group", "name", "text", "theta", "entry_rate", "status", "staff", "mean_shortfall", "employers", "share", "demand",
            "supply", "gap", "shortage", "surplus", "unallocated_completions",
        ],
        "plan": [
            "action", "institution", "offering", "role_id", "role_name", "seats", "seats_low", "seats_central", "seats_high", "first_completions_year",
            "robust", "need", "closed", "open", "why_open",
        ],
        "awareness": [
            "indicator", "breakdown", "group", "n", "p", "status", "p_base", "p_followup", "diff", "q_value", "p_group", "p_rest",
        ],
        "imports": ["batch", "form_id", "file", "imported", "quarantined", "imported_at"],
        "frames": ["kind", "version", "file", "rows", "total", "imported_at", "current"],
        "framework search": ["rank", "framework", "id", "kind", "text", "score"],
        "courses suggest": ["rank", "id", "kind", "text", "score"],
        "courses uncovered": ["ksa_id", "kind", "text", "demand", "roles"],
        "catalog": ["institution", "code", "title", "level", "delivery_mode", "annual_completions", "ksas"],
    ]
}

extension Invocation {
    /// The command's path after `workforce` ("courses uncovered").
    var commandPath: String { parsed.path.dropFirst().map(\.name).joined(separator: " ") }

    /// `table` with the columns to show (``TableColumns``).
    ///
    /// - Throws: ``WorkforceError/usage(_:)`` when `--columns` names a column the result does not have.
    func shownColumns(of table: ResultTable) throws(WorkforceError) -> ResultTable {
        if let names = self[Options.columns] {
            let choosable = table.choosableColumns
            for name in names where !table.columns.contains(name) {
                throw .usage("--columns: this result has no column \"\(name)\"; it has \(choosable.joined(separator: ", "))")
            }
            return table.showing(names, inGivenOrder: true)
        }
        guard format == .table, !flag(Options.wide), !table.isRecord, !table.keepsNames, let defaults = TableColumns.defaults[commandPath],
            table.columns.contains(where: defaults.contains)
        else { return table }
        // A default column empty in every row (the name of a district) is left out.
        let filled = defaults.filter { name in
            guard let c = table.columns.firstIndex(of: name) else { return false }
            return table.rows.contains { !$0[c].plainText.isEmpty }
        }
        return table.showing(filled, inGivenOrder: false)
    }
}
