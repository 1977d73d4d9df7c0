/// How the national shortage moves with the two assumptions of the supply model: the coverage
/// `theta` an offering needs to prepare for a role, and the entry rate of completers.
package enum GapSensitivity {
    package static let thetas = [0.3, 0.4, 0.5, 0.6, 0.7]
    package static let entryRates = [1.0, 0.75, 0.5]

    /// One row per `theta` x `entry_rate`: `supply`, `shortage` (with its standard error),
    /// `unallocated_completions`. The employers are read and weighted once.
    package static func run(_ store: WorkforceStore, _ request: GapRequest) throws -> ResultTable {
        table(try GapContext.load(store, request), request.language)
    }

    /// The table with its notes in `language`.
    package static func table(_ context: GapContext, _ language: ReaderLanguage = .en) -> ResultTable {
        var table = ResultTable(columns: ["theta", "entry_rate", "supply"] + GapReport.columns("shortage") + GapReport.columns("surplus") + ["unallocated_completions"])
        for theta in thetas {
            for rate in entryRates {
                var inputs = context.inputs
                inputs.theta = theta
                inputs.entryRate = rate
                let e = EmployerEstimates(inputs)
                let shown = e.national.isPublished
                table.append(
                    [.double(theta), .double(rate), .double(e.national.supply)] + GapReport.cells(e.shortage, shown) + GapReport.cells(e.surplus, shown)
                        + [.double(e.unallocatedCompletions)])
            }
        }
        table.notes = (context.phrases + [.phrase("analysis.note.sensitivity")]).texts(language)
        return table
    }
}
