/// Renders the gap figures of ``EmployerEstimates`` as tables. Every estimated total carries
/// `_se`, `_ci_low`, `_ci_high` and `_cv` columns (null without sampling error); withheld rows
/// have every figure null in every format.
package enum GapReport {
    package static func run(_ store: WorkforceStore, _ request: GapRequest) throws -> ResultTable {
        let context = try GapContext.load(store, request)
        var request = request
        if let district = request.district { request.district = try context.district(district) }
        return table(context, request)
    }

    /// The columns of an estimate named `name`.
    static func columns(_ name: String) -> [String] { [name, name + "_se", name + "_ci_low", name + "_ci_high", name + "_cv"] }

    /// The cells of `estimate` (or nulls when withheld).
    static func cells(_ estimate: Estimate?, _ shown: Bool) -> [Cell] {
        guard shown, let e = estimate else { return Array(repeating: .null, count: 5) }
        return [.double(e.value), optional(e.se), optional(e.ciLow), optional(e.ciHigh), optional(e.cv)]
    }

    static func optional(_ value: Double?) -> Cell { value.map(Cell.double) ?? .null }

    /// A published share of exactly 0 or 1 is `review`: it has no interval and is not a certainty.
    static func status(_ status: EstimateStatus, _ share: Estimate?) -> String {
        status == .published && share?.forReview == true ? "review" : status.rawValue
    }
    static func optional(_ grade: QualityGrade?) -> Cell { grade.map { .text($0.rawValue) } ?? .null }

    static let figureColumns =
        columns("employed") + columns("vacancies") + columns("hard_to_fill") + columns("hard_to_fill_rate") + columns("new_positions")
        + columns("leavers") + columns("replacement") + columns("demand")

    static func figureCells(_ f: RowFigures, _ shown: Bool) -> [Cell] {
        cells(f.employed, shown) + cells(f.vacancies, shown) + cells(f.hardToFill, shown) + cells(f.hardToFillRate, shown)
            + cells(f.newPositions, shown) + cells(f.leavers, shown) + cells(f.replacement, shown) + cells(f.demand, shown)
    }

    /// The capability table's groupings: every employer, by sector, by size band.
    package static let capabilityGroupings: [(name: String, group: (@Sendable (EmployerResponse) -> String?)?)] = [
        ("all", nil), ("sector", { $0.sector }), ("size", { $0.sizeBand }),
    ]

    /// The table of `request.by`; `ksaGaps` and `capability` (by grouping: `all`, `sector`,
    /// `size`) when already computed (the report computes them once for every section).
    package static func table(
        _ context: GapContext, _ request: GapRequest, ksaGaps: [GapAnalysis.KSAGap]? = nil, capability: [String: [GapAnalysis.Capability]]? = nil
    ) -> ResultTable {
        let e = context.estimates
        let flows = e.flows
        let roleFlows = Dictionary((flows?.roles ?? []).map { ($0.role.id, $0) }, uniquingKeysWith: { a, _ in a })
        // Unreliable and dominated figures stay in machine output; readers' formats blank them.
        let show = { (status: EstimateStatus) in status == .published || status.isQualityWithheld || (!request.suppress && status == .suppressed) }
        var table: ResultTable
        switch request.by {
        case .role:
            table = ResultTable(
                columns: ["role_id", "role_name", "status", "reason"] + figureColumns + ["supply"] + columns("gap")
                    + ["respondents", "imputed", "imputed_share", "quality", "largest_share", "completions_per_100_openings", "employed_per_100_openings"]
                    + ShortfallTables.roleColumns)
            let rows = e.roles.filter { $0.status != .notSurveyed || $0.supply > 0 }
            let order: (RoleEstimate) -> Int = { $0.status == .published ? 0 : $0.status.isQualityWithheld ? 1 : $0.status == .suppressed ? 2 : 3 }
            for g in rows.sorted(by: { (order($0), -$0.gap.value, $0.role.id) < (order($1), -$1.gap.value, $1.role.id) }) {
                let shown = show(g.status)
                table.append(
                    [.text(g.role.id), .text(g.role.name), .text(g.status.rawValue), g.figures.withheldReason(g.status, request.language).map(Cell.text) ?? .null] + figureCells(g.figures, shown && g.status != .notSurveyed)
                        + [.double(g.supply)] + cells(g.gap, shown && g.status != .notSurveyed)
                        + [.int(g.figures.respondents), .int(g.imputed), shown ? optional(g.figures.imputedShare) : .null, shown ? optional(g.quality) : .null, shown ? optional(g.figures.largestShare) : .null]
                        + [shown ? optional(g.completionsPer100Openings) : .null, shown ? optional(g.employedPer100Openings) : .null]
                        + ShortfallTables.roleCells(roleFlows[g.role.id], shown && roleFlows[g.role.id] != nil))
            }
        case .total where flows != nil:
            table = flows.map { ShortfallTables.total($0, e) } ?? ResultTable(columns: [])
        case .total:
            table = ResultTable(
                columns: columns("shortage") + columns("surplus") + columns("demand") + ["supply", "unallocated_completions", "not_surveyed_completions"]
                    + columns("employed") + columns("people") + ["roles_published", "roles_withheld"])
            let shown = show(e.national.status)
            let surveyed = e.roles.filter { $0.status != .notSurveyed }
            table.append(
                cells(e.shortage, shown) + cells(e.surplus, shown) + cells(e.national.figures.demand, shown)
                    + [.double(e.national.supply), .double(e.unallocatedCompletions), .double(e.notSurveyedCompletions)]
                    + cells(e.national.figures.employed, shown) + cells(e.people, shown && e.people != nil)
                    + [.int(surveyed.filter(\.isPublished).count), .int(surveyed.filter { !$0.isPublished }.count)])
        case .ksa:
            table = ResultTable(columns: ["ksa_id", "kind", "text"] + columns("demand") + ["supply", "gap", "taught", "roles", "respondents"])
            for k in ksaGaps ?? GapAnalysis.ksaGaps(e) where k.demand.value > 0 {
                let t = context.texts[k.id]
                table.append(
                    [.text(k.id), .text(t?.kind ?? ""), .text(t?.text ?? "")] + cells(k.demand, true)
                        + [.double(k.supply), .double(k.gap), .int(k.taught), .text(k.roles.joined(separator: " ")), .int(k.respondents)])
            }
        case .area, .category, .sector, .district, .size:
            let groups: [GroupEstimate]
            switch request.by {
            case .area: groups = e.areas
            case .category: groups = e.categories
            case .sector: groups = e.sectors
            case .district: groups = e.districts
            default: groups = e.sizes
            }
            let hasRoles = request.by == .area || request.by == .category
            let key = request.by == .area ? "area_id" : request.by == .category ? "category_id" : request.by.rawValue
            table = ResultTable(
                columns: [key, "name", "status", "reason"] + (hasRoles ? ["roles"] : []) + figureColumns + (hasRoles ? ["supply"] + columns("gap") : [])
                    + ["respondents", "quality", "largest_share"])
            let question = request.by == .size ? "size_band" : request.by.rawValue
            for g in groups.sorted(by: { hasRoles ? ($0.gap.value, $1.id) > ($1.gap.value, $0.id) : $0.id < $1.id })
            where request.by != .district || request.district == nil || g.id == request.district {
                let shown = show(g.status)
                let name = hasRoles ? context.names[g.id] : context.choiceNames[question]?.first { $0.name == g.id }?.label
                table.append(
                    [.text(g.id), .text(name ?? ""), .text(g.status.rawValue), g.figures.withheldReason(g.status, request.language).map(Cell.text) ?? .null] + (hasRoles ? [.int(g.roles.count)] : [])
                        + figureCells(g.figures, shown) + (hasRoles ? [shown ? .double(g.supply) : .null] + cells(g.gap, shown) : [])
                        + [.int(g.figures.respondents), shown ? optional(g.quality) : .null, shown ? optional(g.figures.largestShare) : .null])
            }
        case .proficiency:
            table = ResultTable(
                columns: ["role_id", "role_name", "status"] + columns("staff") + columns("mean_shortfall") + columns("share_with_shortfall")
                    + columns("staff_below_required") + ["respondents"])
            let status = Dictionary(uniqueKeysWithValues: e.roles.map { ($0.role.id, $0.status) })
            for s in GapAnalysis.shortfalls(e.inputs) where s.respondents > 0 {
                let st: EstimateStatus = status[s.role.id] == .published && s.respondents >= request.minimumCell ? .published : .suppressed
                let shown = show(st)
                table.append(
                    [.text(s.role.id), .text(s.role.name), .text(st.rawValue)] + cells(s.staff, shown) + cells(s.meanShortfall, shown)
                        + cells(s.shareWithShortfall, shown) + cells(s.staffBelowRequired, shown) + [.int(s.respondents)])
            }
        case .lacking:
            table = ResultTable(columns: ["role_id", "ksa_id", "text", "status", "employers"] + columns("share") + ["respondents"])
            let status = Dictionary(uniqueKeysWithValues: e.roles.map { ($0.role.id, $0.status) })
            for l in GapAnalysis.lacking(e.inputs) {
                let st: EstimateStatus = status[l.role] == .published && l.asked >= request.minimumCell ? .published : .suppressed
                let shown = show(st)
                table.append(
                    [.text(l.role), .text(l.ksa), .text(context.texts[l.ksa]?.text ?? ""), .text(Self.status(st, l.share)), shown ? .int(l.employers) : .null]
                        + cells(l.share, shown) + [.int(l.asked)])
            }
        case .capability:
            table = ResultTable(columns: ["breakdown", "group", "gap", "status", "employers"] + columns("share") + columns("share_all_employers"))
            for (name, grouping) in capabilityGroupings {
                for c in capability?[name] ?? GapAnalysis.capability(e.inputs, by: grouping) {
                    let st: EstimateStatus = c.employers >= request.minimumCell ? .published : .suppressed
                    let shown = show(st)
                    table.append(
                        [.text(name), .text(c.group), .text(c.kind), .text(Self.status(st, c.share)), .int(c.employers)] + cells(c.share, shown)
                            + cells(c.shareAllEmployers, shown))
                }
            }
        }
        if !request.suppress {
            table.banner = Phrase("analysis.banner.no_suppress").text(request.language)
        }
        var notes = context.phrases
        if [.sector, .district, .size].contains(request.by) { notes.append(GapContext.nationalSupplyNote(request.by)) }
        if let flows, request.by == .total || request.by == .role {
            notes += ShortfallTables.notes(flows)
        } else if request.by == .total {
            notes.append(ShortfallTables.noFlowsNote)
        }
        table.notes = notes.texts(request.language)
        return table
    }
}
