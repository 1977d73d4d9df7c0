/// The figures the course-gap explorer embeds, computed as `courses uncovered` and the plan
/// compute them: KSA demand from the published roles of the gap context (weighted to the same
/// frame), what each offering prepares for by the plan's rule (a programme's row teaches the
/// union of its courses; coverage at least θ), and each institution's coverage by all its
/// offerings together as a separate figure.
struct ExplorerData {
    var offerings: [Offering]
    var roles: [RoleProfile]
    var context: GapContext?
    var theta: Double
    var categoryNames: [String: String]
    var texts: [String: (kind: String, text: String)]
    var core: [String]
    /// The KSA gaps of the context (``ReportData/ksaGaps``).
    var ksaGaps: [GapAnalysis.KSAGap]
    /// The plan (its central case), whose actions say which KSAs they would teach.
    var plan: WorkforcePlan?
    var language: ReaderLanguage = .en

    /// Per KSA, the plan's actions that would teach it, in words: a course to create at an
    /// institution (the role's KSAs its host does not teach) or people to upskill into a role
    /// (what they lack), so that an untaught KSA leads to the action that closes it.
    var planActions: [String: [String]] {
        guard let plan else { return [:] }
        let phrase = Words.bundled.phrasebook(language)
        let names = Dictionary(plan.input.roles.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        var actions: [String: [String]] = [:]
        for a in plan.actions where !a.ksas.isEmpty {
            let values = [
                "role": names[a.role] ?? a.role, "feeder": a.feeder.map { names[$0] ?? $0 } ?? "", "institution": a.institution ?? "",
                "seats": PlanWords.number(a.seats),
            ]
            let text: String
            switch a.kind {
            case .create: text = phrase("report.explorer.plan_create", values)
            case .upskill: text = phrase("report.explorer.plan_upskill", values)
            default: continue
            }
            for k in a.ksas { actions[k, default: []].append(text) }
        }
        return actions
    }

    /// KSA demand of the published roles (as `gaps --by ksa` and `courses uncovered`).
    var demand: [String: Double] {
        var demand: [String: Double] = [:]
        for k in ksaGaps where k.demand.value > 0 { demand[k.id] = k.demand.value }
        return demand
    }

    /// The roles employers report (published, with demand), as `courses uncovered` picks them.
    var demanded: [String] {
        context?.estimates.roles.filter { $0.isPublished && $0.figures.demand.value > 0 }.map(\.role.id) ?? []
    }

    /// "within 1 year", "within 6 months": the horizon of the demand figures.
    var within: String {
        let phrase = Words.bundled.phrasebook(language)
        let years = context?.estimates.years ?? 1
        if years < 1 { return phrase("report.explorer.within_months", ["months": String(Int((years * 12).rounded()))]) }
        return years == 1 ? phrase("report.explorer.within_year") : phrase("report.explorer.within_years", ["years": Figure.fixed(years, years.rounded() == years ? 0 : 1)])
    }

    /// What the page says about the weighting, in one sentence.
    var weighting: String {
        let phrase = Words.bundled.phrasebook(language)
        guard let context else { return phrase("report.explorer.no_employers") }
        if let frame = context.inputs.weighting.frame { return phrase("report.explorer.weighted", ["frame": frame.source.words]) }
        return phrase("report.explorer.unweighted")
    }

    /// The words the page's script writes, by their short name (`chosen_of`: "{n} of {all}
    /// chosen"), with their placeholders, from `report.csv` (keys `report.explorer.script.*`).
    static let scriptWords = [
        "chosen_of", "roles_chosen", "no_role_chosen", "prepares_for", "prepares_item", "prepares_none", "no_offering", "coverage_item",
        "choose_for_coverage", "count", "choose_for_missing", "nowhere", "demand_label", "matching",
    ]

    var json: JSONValue {
        let taught = CourseAnalysis.taughtKSAs(offerings)
        let needed = roles.reduce(into: Set<String>()) { $0.formUnion($1.ksas) }
        let categories = Array(Set(roles.map { $0.category ?? "" })).sorted()
        return .object([
            (key: "within", value: .string(within)),
            (key: "words", value: .object(Self.scriptWords.map { (key: $0, value: .string(Words.bundled.text("report.explorer.script." + $0, language))) })),
            (key: "labels", value: .object(["column_ksa", "column_text", "column_roles", "column_elsewhere", "column_plan"].map {
                (key: $0, value: .string(Words.bundled.text("report.explorer." + $0, language)))
            })),
            (key: "theta", value: .number(theta)),
            (key: "weighting", value: .string(weighting)),
            (key: "institutions", value: .array(Array(Set(offerings.map(\.institution))).sorted().map { .string($0) })),
            (key: "categories", value: .array(categories.map { id in
                .object([(key: "id", value: .string(id)), (key: "name", value: .string(categoryNames[id] ?? (id.isEmpty ? Words.bundled.text("report.explorer.other_category", language) : id)))])
            })),
            (key: "roles", value: .array(roles.map { r in
                .object([
                    (key: "id", value: .string(r.id)), (key: "name", value: .string(r.name)), (key: "category", value: .string(r.category ?? "")),
                    (key: "ksas", value: .array(r.ksas.sorted().map { .string($0) })),
                ])
            })),
            (key: "offerings", value: .array(offerings.map { o in
                let prepared = Coverage.preparedRoles(taught[o.id] ?? o.ksas, roles, theta: theta)
                return .object([
                    (key: "institution", value: .string(o.institution)), (key: "code", value: .string(o.code)), (key: "title", value: .string(o.title)),
                    (key: "ksas", value: .array(o.ksas.sorted().map { .string($0) })),
                    (key: "prepares", value: .array(prepared.map { p in
                        .object([(key: "role", value: .string(p.role.id)), (key: "coverage", value: .number(p.coverage))])
                    })),
                ])
            })),
            (key: "texts", value: .object(needed.sorted().map { (key: $0, value: .string(texts[$0]?.text ?? "")) })),
            (key: "kinds", value: .object(needed.sorted().map { (key: $0, value: .string(texts[$0]?.kind ?? "")) })),
            (key: "demand", value: .object(demand.sorted { $0.key < $1.key }.map { (key: $0.key, value: .number($0.value)) })),
            (key: "demanded", value: .array(demanded.map { .string($0) })),
            (key: "plan", value: .object(planActions.sorted { $0.key < $1.key }.map { (key: $0.key, value: .array($0.value.map { .string($0) })) })),
            (key: "core", value: .array(core.map { .string($0) })),
        ])
    }
}
