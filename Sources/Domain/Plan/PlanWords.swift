import Foundation

/// The plan's sentences, written at display time in a reader's language from the word table
/// `Surveys/banks/words/plan.csv`: roles, institutions and courses by name, units in words,
/// whole numbers for readers (the JSON keeps full precision). The plan itself keeps typed
/// facts (``WorkforcePlan/Action``, ``WorkforcePlan/OpenReason``); these render them.
package struct PlanWords {
    package let phrase: Phrasebook

    package init(_ language: ReaderLanguage = .en, words: Words = .bundled) { phrase = words.phrasebook(language) }

    package var language: ReaderLanguage { phrase.language }

    /// People and seats as whole numbers, as estimated counts are published ("under 1" for a
    /// positive figure that rounds to 0).
    package func number(_ x: Double) -> String {
        let shown = Figure.count(x, language.rawValue)
        return x > 0 && shown == "0" ? phrase("plan.under_one") : shown
    }

    /// A count with its unit in words: "1 person", "12 people", "under 1 person"; `unit` is one
    /// of the `plan.unit.*` keys of the word table.
    package func count(_ x: Double, _ unit: String) -> String {
        let shown = number(x)
        let one = shown == "1" || (x > 0 && Figure.count(x) == "0")
        return phrase("plan.unit.\(unit).\(one ? "one" : "other")", ["n": shown])
    }

    func people(_ x: Double) -> String { count(x, "people_year") }

    /// A share as a whole percentage.
    func percent(_ share: Double) -> String { "\(Int((share * 100).rounded()))%" }

    /// "0.5 years", "1 year", "3 years".
    func years(_ y: Double) -> String {
        let shown = y == y.rounded() ? String(Int(y)) : JSONWriter.number((y * 100).rounded() / 100)
        return phrase("plan.unit.year.\(y == 1 ? "one" : "other")", ["n": shown])
    }

    func list(_ items: [String]) -> String {
        guard items.count > 1, let last = items.last else { return items.first ?? "" }
        return phrase("plan.list.and", ["first": items.dropLast().joined(separator: ", "), "last": last])
    }

    /// Reasons as one sentence: "A; b and c."
    func sentence(_ reasons: [String]) -> String {
        guard let first = reasons.first else { return "" }
        return Self.capitalised(first) + (reasons.count > 1 ? "; " + list(Array(reasons.dropFirst())) : "") + "."
    }

    static func capitalised(_ text: String) -> String { text.prefix(1).uppercased() + text.dropFirst() }

    /// KSAs by statement, at most `limit`, with how many more there are.
    package func statements(_ ids: [String], _ input: PlanInput, limit: Int = 4) -> String {
        let shown = list(ids.prefix(limit).map { id in input.statements[id].map { "\"\($0)\" (\(id))" } ?? id })
        return ids.count > limit ? phrase("plan.statements.more", ["list": shown, "count": String(ids.count - limit)]) : shown
    }

    func role(_ id: String, _ input: PlanInput) -> String { input.roles.first { $0.id == id }?.name ?? id }

    /// The action's sentence, with names.
    func what(_ a: WorkforcePlan.Action, _ input: PlanInput) -> String {
        let options = input.options
        let served = list(a.contributions.map { phrase("plan.what.served", ["people": people($0.people), "role": role($0.role, input)]) })
        let year = String(a.firstCompletionsYear)
        switch a.kind {
        case .scale:
            let o = input.offerings.first { $0.code == a.offering && $0.institution == a.institution }
            let from = o?.completions ?? 0
            let cap = a.seats >= options.maxGrowth * from - 1e-6 ? phrase("plan.what.scale_cap", ["percent": percent(options.maxGrowth)]) : ""
            return phrase(
                "plan.what.scale",
                [
                    "title": o?.title ?? a.offering ?? "", "institution": a.institution ?? "", "from": number(from), "to": number(from + a.seats),
                    "cap": cap, "year": year, "served": served,
                ])
        case .create:
            var text = phrase(
                "plan.what.create",
                [
                    "role": role(a.role, input), "institution": a.institution ?? phrase("plan.what.a_host"), "completions": count(a.seats, "completion"),
                    "min": number(options.minCohort), "max": number(options.maxCohort), "year": year, "served": served,
                ])
            if !a.ksas.isEmpty { text += " " + phrase("plan.what.create_ksas", ["ksas": statements(a.ksas, input)]) }
            return text
        case .convert:
            return phrase(
                "plan.what.convert",
                [
                    "changers": count(a.seats, "career_changer"), "length": years(PlanOptions.conversionLength), "role": role(a.role, input), "year": year,
                    "served": served,
                ])
        case .upskill:
            let feeder = role(a.feeder ?? "", input)
            var text = phrase("plan.what.upskill", ["people": count(a.seats, "person"), "feeder": feeder, "role": role(a.role, input)])
            if !a.ksas.isEmpty {
                let ksas = statements(a.ksas, input)
                text += " "
                    + (a.offering.map { phrase("plan.what.upskill_ksas_taught", ["ksas": ksas, "offering": $0, "institution": a.institution ?? ""]) }
                        ?? phrase("plan.what.upskill_ksas", ["ksas": ksas]))
            }
            return text
        case .retain:
            return phrase("plan.what.retain", ["people": people(a.seats), "role": role(a.role, input), "percent": percent(options.maxRetention)])
        }
    }

    /// One reason a role's need stays open, its limits read from the options.
    func reason(_ r: WorkforcePlan.OpenReason, _ options: PlanOptions) -> String {
        switch r {
        case .experienceRole: phrase("plan.why.experience_role")
        case .noFeeder: phrase("plan.why.no_feeder")
        case .feederLimit: phrase("plan.why.feeder_limit", ["percent": percent(options.maxUpskill)])
        case .noHost: phrase("plan.why.no_host")
        case .maxCohort(let hosts): phrase("plan.why.max_cohort", ["hosts": count(Double(hosts), "host_institution"), "max": number(options.maxCohort)])
        case .growthLimit: phrase("plan.why.growth_limit", ["growth": percent(options.maxGrowth), "institution": percent(options.institutionGrowth)])
        case .noConversionPool: phrase("plan.why.no_conversion_pool")
        case .retentionLimit: phrase("plan.why.retention_limit", ["percent": percent(options.maxRetention)])
        case .budgetSpent: phrase("plan.why.budget_spent")
        }
    }

    /// Why a role's need stays open, as one sentence ("" when nothing does).
    func why(_ account: WorkforcePlan.RoleAccount, _ options: PlanOptions) -> String {
        sentence(account.openReasons.map { reason($0, options) })
    }

    /// The three sentences a minister can repeat: the need, what the plan does by lever, what stays open.
    package func headline(_ plan: WorkforcePlan) -> [String] {
        let c = plan.central
        let need = phrase(
            "plan.headline.need", ["year": String(plan.input.options.years), "people": count(c.need, "more_person"), "spread": years(plan.input.options.spread)])
        let parts = PlanProgram.Lever.allCases.compactMap { lever in
            c.closes(lever) > 0.5 ? phrase("plan.headline.part", ["people": people(c.closes(lever)), "lever": phrase("plan.lever.\(lever.rawValue).by")]) : nil
        }
        let does = parts.isEmpty ? phrase("plan.headline.closes_nothing") : phrase("plan.headline.closes", ["parts": list(parts)])
        let roles = c.roles.filter { $0.open > 0.5 }.sorted { $0.open > $1.open }.prefix(3).map { "\($0.role.name) (\(number($0.open)))" }
        let open = c.open > 0.5
            ? Self.capitalised(phrase("plan.headline.open", ["people": people(c.open), "roles": list(roles)])) : phrase("plan.headline.nothing_open")
        return [need, does, open]
    }

    /// "What to do": the two largest levers in one sentence.
    package func whatToDo(_ plan: WorkforcePlan) -> String {
        let c = plan.central
        let top = PlanProgram.Lever.allCases.map { ($0, c.closes($0)) }.filter { $0.1 > 0.5 }.sorted { $0.1 > $1.1 }.prefix(2)
        guard !top.isEmpty else { return phrase("plan.todo.none") }
        return phrase("plan.todo", ["parts": list(top.map { "\(phrase("plan.lever.\($0.0.rawValue).do")) (\(people($0.1)))" })])
    }

    /// What a reader must know: the need, the levers and their bounds, what is left out.
    package func notes(_ plan: WorkforcePlan) -> [String] {
        let o = plan.input.options
        var notes = headline(plan) + [
            phrase("plan.note.need", ["year": String(o.years), "spread": years(o.spread)]),
            phrase(
                "plan.note.levers",
                [
                    "growth": percent(o.maxGrowth), "institution": percent(o.institutionGrowth), "min": number(o.minCohort), "max": number(o.maxCohort),
                    "conversion": people(plan.input.conversionRoom), "upskill": percent(o.maxUpskill), "retention": percent(o.maxRetention),
                    "rate": JSONWriter.number(plan.input.entryRate),
                ]),
            phrase("plan.note.chosen", ["second": phrase(plan.central.program.costsKnown ? "plan.note.chosen.cost" : "plan.note.chosen.courses")]),
        ]
        let unproven = plan.cases.filter { !$0.proven }.map { phrase("plan.case.\($0.kind.rawValue)") }
        if !unproven.isEmpty {
            notes.append(phrase("plan.note.unproven.\(unproven.count == 1 ? "one" : "other")", ["cases": list(unproven), "nodes": String(PlanProgram.nodeLimit)]))
        }
        let suppressed = plan.suppressed.map(\.id)
        if !suppressed.isEmpty {
            notes.append(phrase("plan.note.withheld", ["min": String(Disclosure.minimumEmployers), "roles": suppressed.joined(separator: ", ")]))
        }
        return notes
    }

    /// The notes of the cases table: each case's need, seats and what stays open; what robust means.
    func caseNotes(_ plan: WorkforcePlan) -> [String] {
        plan.cases.map { c in
            phrase(
                "plan.cases.note",
                [
                    "case": phrase("plan.case.\(c.kind.rawValue).title"), "need": people(c.need), "seats": number(c.seats), "open": people(c.open),
                    "cost": c.cost.map { phrase("plan.cases.cost", ["cost": number($0)]) } ?? "",
                ])
        } + [phrase("plan.cases.robust")]
    }

    // The English sentences, for the report until it renders the plan in its own language.
    package static func number(_ x: Double) -> String { PlanWords().number(x) }
    package static func statements(_ ids: [String], _ input: PlanInput, limit: Int = 4) -> String { PlanWords().statements(ids, input, limit: limit) }
    package static func headline(_ plan: WorkforcePlan) -> [String] { PlanWords().headline(plan) }
    package static func whatToDo(_ plan: WorkforcePlan) -> String { PlanWords().whatToDo(plan) }
}
