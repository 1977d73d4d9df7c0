import Foundation

/// The plan's sentences: roles, institutions and courses by name, units in words, whole
/// numbers for readers (the JSON keeps full precision).
package enum PlanWords {
    /// People and seats as whole numbers, as estimated counts are published ("under 1" for a
    /// positive figure that rounds to 0).
    package static func number(_ x: Double) -> String {
        let shown = Figure.count(x)
        return x > 0 && shown == "0" ? "under 1" : shown
    }

    /// A count with its unit in words: "1 person", "12 people", "under 1 person".
    static func count(_ x: Double, _ noun: String, _ plural: String? = nil) -> String {
        let shown = number(x)
        return "\(shown) \(shown == "1" || shown == "under 1" ? noun : plural ?? noun + "s")"
    }

    static func people(_ x: Double) -> String { count(x, "person", "people") + " a year" }

    /// A share as a whole percentage.
    static func percent(_ share: Double) -> String { "\(Int((share * 100).rounded()))%" }

    static func role(_ id: String, _ names: [String: PlanInput.Role]) -> String { names[id]?.name ?? id }

    static func list(_ items: [String]) -> String {
        switch items.count {
        case 0: ""
        case 1: items[0]
        default: items.dropLast().joined(separator: ", ") + " and " + (items.last ?? "")
        }
    }

    /// Reasons as one sentence: "A; b and c."
    static func sentence(_ reasons: [String]) -> String {
        guard let first = reasons.first else { return "" }
        return (first.prefix(1).uppercased() + first.dropFirst()) + (reasons.count > 1 ? "; " + list(Array(reasons.dropFirst())) : "") + "."
    }

    /// KSAs by statement, at most `limit`, with how many more there are.
    package static func statements(_ ids: [String], _ input: PlanInput, limit: Int = 4) -> String {
        let shown = ids.prefix(limit).map { id in input.statements[id].map { "\"\($0)\" (\(id))" } ?? id }
        return list(shown) + (ids.count > limit ? " and \(ids.count - limit) more" : "")
    }

    /// The action's sentence, with names.
    static func what(_ a: WorkforcePlan.Action, _ input: PlanInput, _ names: [String: PlanInput.Role]) -> String {
        let options = input.options
        let served = list(a.contributions.map { "\(people($0.people)) to \(role($0.role, names))" })
        let year = "the end of year \(a.firstCompletionsYear)"
        switch a.kind {
        case .scale:
            let o = input.offerings.first { $0.code == a.offering && $0.institution == a.institution }
            let from = o?.completions ?? 0
            return "Grow \(o?.title ?? a.offering ?? "") at \(a.institution ?? "") from \(number(from)) to \(number(from + a.seats)) completions a year"
                + (a.seats >= options.maxGrowth * from - 1e-6 ? " (its cap, \(percent(options.maxGrowth)) growth)" : "")
                + "; from \(year) it adds \(served)."
        case .create:
            var text = "Create a short course for \(role(a.role, names)) at \(a.institution ?? "a host institution") for \(count(a.seats, "completion")) a year"
                + " (between \(number(options.minCohort)) and \(number(options.maxCohort))); from \(year) it adds \(served)."
            if !a.ksas.isEmpty { text += " It must teach what the host does not yet teach: \(statements(a.ksas, input))." }
            return text
        case .convert:
            return "Train \(count(a.seats, "career changer")) a year from non-cyber work (IT staff first) in a conversion programme of \(PlanWords.years(PlanOptions.conversionLength)) for \(role(a.role, names)); from \(year) it adds \(served)."
        case .upskill:
            var text = "Upskill \(count(a.seats, "person", "people")) a year from \(role(a.feeder ?? "", names)) into \(role(a.role, names)), an experience role; each leaves a post in \(role(a.feeder ?? "", names)) that new entrants must fill."
            if !a.ksas.isEmpty { text += " They must learn \(statements(a.ksas, input))" + (a.offering.map { ", taught most by \($0) at \(a.institution ?? "")" } ?? "") + "." }
            return text
        case .retain:
            return "Keep \(people(a.seats)) more of those who leave \(role(a.role, names)) (at most \(percent(options.maxRetention)) of its exits); no seats."
        }
    }

    /// "0.5 years", "1 year", "3 years".
    static func years(_ y: Double) -> String {
        let shown = y == y.rounded() ? String(Int(y)) : JSONWriter.number((y * 100).rounded() / 100)
        return y == 1 ? "1 year" : "\(shown) years"
    }

    /// The three sentences a minister can repeat: the need, what the plan does by lever, what stays open.
    package static func headline(_ plan: WorkforcePlan) -> [String] {
        let c = plan.central
        let need = "By the end of year \(plan.input.options.years), Belize needs about \(count(c.need, "more person", "more people")) a year to enter cybersecurity work than now enter it (the annual shortfall plus the vacancies now spread over \(years(plan.input.options.spread)))."
        let levers: [(PlanProgram.Lever, String)] = [
            (.scale, "growing existing courses"), (.create, "new short courses"), (.convert, "converting career changers"), (.upskill, "upskilling staff into senior roles"),
            (.retain, "keeping more of those who leave"),
        ]
        let parts = levers.compactMap { lever, words in c.closes(lever) > 0.5 ? "\(people(c.closes(lever))) by \(words)" : nil }
        let does = parts.isEmpty ? "The plan finds no action that closes any of it." : "The plan closes \(list(parts))."
        let open = c.open > 0.5
            ? "\(people(c.open).prefix(1).uppercased() + people(c.open).dropFirst()) stay open: \(list(c.roles.filter { $0.open > 0.5 }.sorted { $0.open > $1.open }.prefix(3).map { "\($0.role.name) (\(number($0.open)))" })), where the levers reach their limits."
            : "Nothing stays open."
        return [need, does, open]
    }

    /// "What to do": the two largest levers in one sentence.
    package static func whatToDo(_ plan: WorkforcePlan) -> String {
        let c = plan.central
        let words: [PlanProgram.Lever: String] = [
            .scale: "grow existing courses", .create: "create short courses", .convert: "fund a conversion programme for career changers",
            .upskill: "upskill staff into senior roles", .retain: "keep more of the people who leave",
        ]
        let top = PlanProgram.Lever.allCases.map { ($0, c.closes($0)) }.filter { $0.1 > 0.5 }.sorted { $0.1 > $1.1 }.prefix(2)
        guard !top.isEmpty else { return "What to do: no lever closes any of the need; see the plan." }
        return "What to do: " + list(top.map { "\(words[$0.0] ?? "") (\(people($0.1)))" }) + "."
    }
}
