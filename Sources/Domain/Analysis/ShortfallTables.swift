/// The flow model's columns in `gaps`: the national row of `--by total` (people a year, and the
/// stock of vacant jobs now) and each role's allocation in `--by role`.
package enum ShortfallTables {
    static let noFlowsNote = Phrase.phrase("analysis.flows.no_flows")

    /// The columns of `gaps --by total` with the flow questions.
    static let totalColumns: [String] =
        ["vacant_jobs", "hard_to_fill_jobs", "expansion", "exits", "churn", "leavers", "demand_flow", "from_education", "from_abroad", "from_other_work", "entrants"]
        .flatMap(GapReport.columns) + ["completions"] + GapReport.columns("entry_rate_realised") + ["entry_rate"]
        + GapReport.columns("entrants_projected") + GapReport.columns("shortfall") + GapReport.columns("people") + GapReport.columns("role_holdings")
        + GapReport.columns("role_holdings_per_person") + ["roles_published", "roles_withheld"]

    /// `gaps --by total`: one row. National totals cover every surveyed role, withheld ones
    /// included (suppression protects cells, not totals).
    static func total(_ f: WorkforceFlows, _ e: EmployerEstimates) -> ResultTable {
        var table = ResultTable(columns: totalColumns)
        let surveyed = e.roles.filter { $0.status != .notSurveyed }
        let flows = [f.vacantJobs, f.hardToFillJobs, f.expansion, f.exits, f.churn, f.leavers, f.demandFlow, f.fromEducation, f.fromAbroad, f.fromOtherWork, f.entrants]
        table.append(
            flows.flatMap { GapReport.cells($0, true) } + [.double(f.completions)] + GapReport.cells(f.entryRateRealised, f.entryRateRealised != nil)
                + [.double(f.entryRate)] + GapReport.cells(f.entrantsProjected, true) + GapReport.cells(f.shortfall, true)
                + GapReport.cells(f.people, f.people != nil) + GapReport.cells(f.roleHoldings, true)
                + GapReport.cells(f.holdingsPerPerson, f.holdingsPerPerson != nil)
                + [.int(surveyed.filter(\.isPublished).count), .int(surveyed.filter { !$0.isPublished }.count)])
        return table
    }

    /// The columns `gaps --by role` adds: each role's share of the national flow.
    static let roleColumns = GapReport.columns("share") + GapReport.columns("role_demand_flow") + GapReport.columns("role_entrants") + GapReport.columns("role_shortfall")

    /// A role's allocation cells (nulls when withheld or without the flow questions).
    static func roleCells(_ flow: RoleFlow?, _ shown: Bool) -> [Cell] {
        GapReport.cells(flow?.share, shown) + GapReport.cells(flow?.demandFlow, shown) + GapReport.cells(flow?.entrants, shown)
            + GapReport.cells(flow?.shortfall, shown)
    }

    /// What a reader of the flow figures must know.
    static func notes(_ f: WorkforceFlows) -> [Phrase] {
        var notes: [Phrase] = [.phrase("analysis.flows.note")]
        if f.noKnownDestinations { notes.append(.phrase("analysis.flows.no_destinations")) }
        if f.noKnownSources { notes.append(.phrase("analysis.flows.no_sources")) }
        if let rate = f.entryRateRealised, rate.value > 1, f.assumptions.entryRate == nil {
            notes.append(.phrase("analysis.flows.rate_above_one", ["rate": .fixed(rate.value, decimals: 2)]))
        }
        if f.imputedNewJobs > 0 {
            notes.append(.phrase(f.imputedNewJobs == 1 ? "analysis.flows.imputed.one" : "analysis.flows.imputed.other", ["count": .count(Double(f.imputedNewJobs))]))
        }
        return notes
    }
}
