import Foundation

/// What `workforce gaps --by` breaks the figures down by.
public enum GapBreakdown: String, Sendable, CaseIterable {
    case role, ksa, area, category, sector, district, size, proficiency, lacking, capability
}

/// What `workforce gaps` is asked for.
public struct GapRequest: Sendable {
    public var by: GapBreakdown = .role
    public var horizon: Horizon = .medium
    public var theta = 0.5
    public var frame: URL?
    public var framework: String?
    /// Withhold figures resting on fewer than `minimumCell` responding employers (SPEC: 5).
    public var suppress = true
    public var minimumCell = 5

    public init() {}
}

/// The data behind every gap figure, loaded once: employers and weights, roles, the catalog.
public struct GapContext: Sendable {
    public var inputs: GapInputs
    public var framework: FrameworkRef
    public var names: [String: String]
    public var texts: [String: (kind: String, text: String)]
    /// What a reader must know: who the figures describe, the frame's mismatches.
    public var notes: [String]

    /// Loads the employers (through ``ResponseReader``), the sampling frame's weights, the
    /// framework's roles and the current catalog.
    ///
    /// - Throws: ``WorkforceError/noInput(path:reason:)`` before any employer import.
    public static func load(_ store: WorkforceStore, _ request: GapRequest) throws -> GapContext {
        let framework = try store.framework(named: request.framework)
        // One reader: the respondents, the frame's choice lists and the stored count.
        let reader = try ResponseReader(store: store, kind: .employer, respondentsOnly: true)
        let employers = try EmployerResponse.all(from: reader)
        var notes: [String] = []
        var weights: [Double]?
        if let url = request.frame {
            let lists = { (name: String) in reader.index(of: name).map { reader.columns[$0].choices.map(\.name) } ?? [] }
            let frame = try SamplingFrame(url: url, sectors: lists("sector"), sizeBands: lists("size_band"))
            let (w, frameNotes) = frame.weights(employers)
            weights = w
            notes.append("Weighted to the sampling frame \(url.lastPathComponent) (w = N_s / n_s by sector x size band): figures are national estimates.")
            notes += frameNotes
        } else {
            notes.append("Unweighted (every employer weighs 1): figures describe the \(employers.count) responding employers only, not the country.")
        }
        let stored = try reader.count()
        if stored > employers.count {
            notes.append("\(plural(stored - employers.count, "more stored employer response")) declined consent and \(stored - employers.count == 1 ? "is" : "are") not counted.")
        }
        let offerings = try store.catalog(framework)
        if offerings.isEmpty { notes.append("No training catalog is imported: supply is 0. Import one with `workforce import catalog FILE`.") }
        let inputs = GapInputs(
            employers: employers, weights: weights, roles: try store.roleProfiles(framework), units: SupplyUnit.units(offerings),
            offerings: offerings, theta: request.theta, horizon: request.horizon)
        notes.append("Horizon: \(request.horizon.words); roles prepared for: coverage >= \(Cell.double(request.theta).plainText).")
        return GapContext(
            inputs: inputs, framework: framework, names: try store.areaAndCategoryNames(framework), texts: try store.statementTexts(framework),
            notes: notes)
    }
}

/// Renders the gap figures as tables; small cells are suppressed in every format.
public enum GapReport {
    public static func run(_ store: WorkforceStore, _ request: GapRequest) throws -> ResultTable {
        table(try GapContext.load(store, request), request)
    }

    public static func table(_ context: GapContext, _ request: GapRequest) -> ResultTable {
        let inputs = context.inputs
        let gaps = GapAnalysis.roleGaps(inputs)
        var table: ResultTable
        func hidden(_ respondents: Int) -> Bool { request.suppress && respondents < request.minimumCell }
        func figures(_ respondents: Int, _ cells: [Cell]) -> [Cell] { hidden(respondents) ? cells.map { _ in .null } : cells }
        switch request.by {
        case .role:
            table = ResultTable(columns: [
                "role_id", "role_name", "employed", "vacancies", "hard_to_fill", "hard_to_fill_rate", "new_positions",
                "unknown_new_positions", "demand", "supply", "gap", "supply_per_100_openings", "respondents", "suppressed",
            ])
            for g in gaps.filter({ $0.respondents > 0 || $0.supply > 0 }).sorted(by: { ($0.gap, $1.role.id) > ($1.gap, $0.role.id) }) {
                table.append(
                    [.text(g.role.id), .text(g.role.name)]
                        + figures(
                            g.respondents,
                            [
                                .double(g.employed), .double(g.vacancies), .double(g.hardToFill), optional(g.hardToFillRate),
                                .double(g.newPositions), .int(g.unknownNewPositions), .double(g.demand), .double(g.supply), .double(g.gap),
                                optional(g.supplyPer100Openings),
                            ]) + [.int(g.respondents), .bool(hidden(g.respondents))])
            }
        case .ksa:
            table = ResultTable(columns: ["ksa_id", "kind", "text", "demand", "supply", "gap", "taught", "roles", "respondents", "suppressed"])
            for k in GapAnalysis.ksaGaps(inputs, gaps) where k.demand > 0 {
                let t = context.texts[k.id]
                table.append(
                    [.text(k.id), .text(t?.kind ?? ""), .text(t?.text ?? "")]
                        + figures(k.respondents, [.double(k.demand), .double(k.supply), .double(k.gap), .int(k.taught)])
                        + [.text(k.roles.joined(separator: " ")), .int(k.respondents), .bool(hidden(k.respondents))])
            }
        case .area, .category:
            let byArea = request.by == .area
            table = ResultTable(columns: [
                byArea ? "area_id" : "category_id", "name", "roles", "employed", "vacancies", "hard_to_fill", "new_positions", "demand",
                "supply", "gap", "respondents", "suppressed",
            ])
            for a in GapAnalysis.aggregate(gaps, by: { byArea ? $0.specialtyArea : $0.category }).sorted(by: { ($0.gap, $1.id) > ($1.gap, $0.id) }) {
                table.append(
                    [.text(a.id), .text(context.names[a.id] ?? ""), .int(a.roles.count)]
                        + figures(
                            a.employers.count,
                            [.double(a.employed), .double(a.vacancies), .double(a.hardToFill), .double(a.newPositions), .double(a.demand), .double(a.supply), .double(a.gap)])
                        + [.int(a.employers.count), .bool(hidden(a.employers.count))])
            }
        case .sector, .district, .size:
            let key: (EmployerResponse) -> String? = request.by == .sector ? { $0.sector } : request.by == .district ? { $0.district } : { $0.sizeBand }
            table = ResultTable(columns: [request.by.rawValue, "employed", "vacancies", "hard_to_fill", "new_positions", "demand", "respondents", "suppressed"])
            for a in GapAnalysis.byProfile(inputs, key) {
                table.append(
                    [.text(a.id)]
                        + figures(a.employers.count, [.double(a.employed), .double(a.vacancies), .double(a.hardToFill), .double(a.newPositions), .double(a.demand)])
                        + [.int(a.employers.count), .bool(hidden(a.employers.count))])
            }
        case .proficiency:
            table = ResultTable(columns: ["role_id", "role_name", "staff", "mean_shortfall", "share_with_shortfall", "staff_below_required", "respondents", "suppressed"])
            for s in GapAnalysis.shortfalls(inputs) where s.respondents > 0 {
                table.append(
                    [.text(s.role.id), .text(s.role.name)]
                        + figures(s.respondents, [.double(s.staff), optional(s.meanShortfall), optional(s.shareWithShortfall), .double(s.staffBelowRequired)])
                        + [.int(s.respondents), .bool(hidden(s.respondents))])
            }
        case .lacking:
            table = ResultTable(columns: ["role_id", "ksa_id", "text", "employers", "share", "respondents", "suppressed"])
            for l in GapAnalysis.lacking(inputs) {
                table.append(
                    [.text(l.role), .text(l.ksa), .text(context.texts[l.ksa]?.text ?? "")]
                        + figures(l.asked, [.int(l.employers), .double(l.share)]) + [.int(l.asked), .bool(hidden(l.asked))])
            }
        case .capability:
            table = ResultTable(columns: ["breakdown", "group", "gap", "employers", "share", "suppressed"])
            let groupings: [(String, ((EmployerResponse) -> String?)?)] = [("all", nil), ("sector", { $0.sector }), ("size", { $0.sizeBand })]
            for (name, grouping) in groupings {
                for c in GapAnalysis.capability(inputs, by: grouping) {
                    table.append(
                        [.text(name), .text(c.group), .text(c.kind)] + figures(c.employers, [.int(c.employers), optional(c.share)])
                            + [.bool(hidden(c.employers))])
                }
            }
        }
        if !request.suppress {
            table.banner = "NOT FOR PUBLICATION: small cells are not suppressed (--no-suppress); figures resting on fewer than \(request.minimumCell) employers are shown."
        }
        table.notes = context.notes
            + (request.suppress ? ["Rows resting on fewer than \(request.minimumCell) responding employers are suppressed (figures withheld, suppressed = true)."] : [])
        return table
    }

    static func optional(_ value: Double?) -> Cell { value.map(Cell.double) ?? .null }
}
