/// The flow model's columns in `gaps`: the national row of `--by total` (people a year, and the
/// stock of vacant jobs now) and each role's allocation in `--by role`.
package enum ShortfallTables {
    static let noFlowsNote =
        "The employer form did not ask about jobs vacant, leavers and hires in people: the national shortfall in people a year cannot be estimated; make the current form with `workforce survey employer`."

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
    static func notes(_ f: WorkforceFlows) -> [String] {
        var notes = [
            "Flows, people a year: people needed = new jobs expected in the next 12 months + exits (leavers who left Belize or cybersecurity work; leavers of unknown destination split as the known ones). Moves to another employer in Belize are churn, not demand. Entrants are last year's hires straight from education, from abroad and from other work (unknown sources split as the known ones). The realised entry rate is hires straight from education over the catalog's completions; entrants projected = completions x entry rate + hires from abroad + hires from other work; shortfall = people needed - entrants projected (negative: more people enter than are needed). Jobs vacant and hard to fill are jobs now, a stock, never added to a flow."
        ]
        if f.noKnownDestinations { notes.append("No leaver's destination is known: exits are 0 (churn and exits cannot be told apart).") }
        if f.noKnownSources { notes.append("No hire's source is known: entrants by route are 0.") }
        if let rate = f.entryRateRealised, rate.value > 1, f.assumptions.entryRate == nil {
            notes.append(
                "The realised entry rate is \(Figure.fixed(rate.value, 2)), above 1: some hires came from courses the catalog lacks; the projection caps it at 1.")
        }
        if f.imputedNewJobs > 0 {
            notes.append("Imputed: \(plural(f.imputedNewJobs, "employer")) answered \"don't know\" to the new jobs expected and took the mean of the employers of the same size band.")
        }
        return notes
    }
}
