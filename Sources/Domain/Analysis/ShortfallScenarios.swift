/// The national shortfall recomputed under each assumption of the flow model at a low and a
/// high value, one at a time, against the central figure (a "tornado" table): the shortfall is
/// a modelled projection, and these say what its assumptions are worth.
///
/// - `unknown_destinations`: leavers of unknown destination none (0) or all (1) exits.
/// - `unknown_sources`: hires of unknown source none (0) or all (1) entrants (split as the known entrants).
/// - `new_jobs_realised`: expected new jobs created at 50% or 100%.
/// - `entry_rate`: the realised entry rate at its 95% interval's bounds (within 0 to 1).
///
/// The conversion of role-holdings to people does not move the national shortfall (it is
/// counted in people); it bears on the role-mention tables only, and the report gives its ratio
/// with its interval beside them.
package enum ShortfallScenarios {
    package struct Row: Sendable, Equatable {
        package var assumption: String
        /// `low` or `high`.
        package var side: String
        package var value: Double
        package var shortfall: Double
        /// `shortfall - central`.
        package var change: Double
    }

    /// The rows, the assumption that moves the shortfall most first (its two sides together).
    package static func rows(_ estimates: EmployerEstimates) -> [Row] {
        let given = estimates.inputs.entryRateGiven ? estimates.inputs.entryRate : nil
        guard let central = WorkforceFlows(estimates, FlowAssumptions(entryRate: given)) else { return [] }
        var cases: [(String, String, Double, FlowAssumptions)] = [
            ("unknown_destinations", "low", 0, FlowAssumptions(unknownDestinations: .none, entryRate: given)),
            ("unknown_destinations", "high", 1, FlowAssumptions(unknownDestinations: .all, entryRate: given)),
            ("unknown_sources", "low", 0, FlowAssumptions(unknownSources: .none, entryRate: given)),
            ("unknown_sources", "high", 1, FlowAssumptions(unknownSources: .all, entryRate: given)),
            ("new_jobs_realised", "low", 0.5, FlowAssumptions(newJobsRealised: 0.5, entryRate: given)),
            ("new_jobs_realised", "high", 1, FlowAssumptions(newJobsRealised: 1, entryRate: given)),
        ]
        if let rate = central.entryRateRealised, let low = rate.ciLow, let high = rate.ciHigh {
            let bounds = (max(0, min(1, low)), max(0, min(1, high)))
            cases.append(("entry_rate", "low", bounds.0, FlowAssumptions(entryRate: bounds.0)))
            cases.append(("entry_rate", "high", bounds.1, FlowAssumptions(entryRate: bounds.1)))
        }
        let rows = cases.compactMap { name, side, value, assumptions -> Row? in
            guard let f = WorkforceFlows(estimates, assumptions) else { return nil }
            return Row(assumption: name, side: side, value: value, shortfall: f.shortfall.value, change: f.shortfall.value - central.shortfall.value)
        }
        var reach: [String: Double] = [:]
        for r in rows { reach[r.assumption] = max(reach[r.assumption] ?? 0, abs(r.change)) }
        let order = Dictionary(uniqueKeysWithValues: ["unknown_destinations", "unknown_sources", "new_jobs_realised", "entry_rate"].enumerated().map { ($1, $0) })
        return rows.sorted { a, b in
            let (ra, rb) = (reach[a.assumption] ?? 0, reach[b.assumption] ?? 0)
            if ra != rb { return ra > rb }
            let (oa, ob) = (order[a.assumption] ?? 0, order[b.assumption] ?? 0)
            if oa != ob { return oa < ob }
            return a.side == "low" && b.side != "low"
        }
    }

    /// `gaps --scenarios`: one row per assumption and side.
    package static func table(_ context: GapContext, _ language: ReaderLanguage = .en) -> ResultTable {
        var table = ResultTable(columns: ["assumption", "side", "value", "shortfall", "change"])
        for r in rows(context.estimates) {
            table.append([.text(r.assumption), .text(r.side), .double(r.value), .double(r.shortfall), .double(r.change)])
        }
        var notes = context.phrases + [.phrase("analysis.note.scenarios")]
        if context.estimates.flows == nil { notes.append(ShortfallTables.noFlowsNote) }
        table.notes = notes.texts(language)
        return table
    }
}
