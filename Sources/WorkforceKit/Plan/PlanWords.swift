import Foundation

/// The plan's sentences: roles by name with their id in brackets, units in words, numbers
/// rounded for readers (the JSON keeps full precision).
enum PlanWords {
    static let extraCompletions = "more completions a year"
    static let newCompletions = "completions a year"
    static let roleHoldings = "role-holdings"

    /// People and seats as whole numbers, as estimated counts are published ("under 1" for a
    /// positive figure that rounds to 0); the JSON keeps full precision.
    static func number(_ x: Double) -> String {
        if x > 0, x < 0.5 { return "under 1" }
        return Figure.count(x)
    }

    /// A count with its unit in words: "1 KSA", "37 KSAs", "1 level", "under 1 person".
    static func count(_ x: Double, _ noun: String, _ plural: String? = nil) -> String {
        let shown = number(x)
        return "\(shown) \(shown == "1" ? noun : plural ?? noun + "s")"
    }

    /// A share as a whole percentage.
    static func percent(_ share: Double) -> String { "\(Int((share * 100).rounded()))%" }

    /// "0.25 years", "1 year", "4 years".
    static func years(_ y: Double) -> String {
        let shown = y == y.rounded() ? String(Int(y)) : JSONWriter.number((y * 100).rounded() / 100)
        return y == 1 ? "1 year" : "\(shown) years"
    }

    static func role(_ role: PlanInput.Role) -> String { "\(role.name) [\(role.id)]" }

    static func role(_ id: String, _ names: [String: PlanInput.Role]) -> String {
        names[id].map(role) ?? "[\(id)]"
    }

    static func list(_ items: [String]) -> String {
        switch items.count {
        case 0: ""
        case 1: items[0]
        default: items.dropLast().joined(separator: ", ") + " and " + (items.last ?? "")
        }
    }

    /// KSA ids, at most `limit`, with how many more there are.
    static func ksas(_ ids: [String], limit: Int = 6) -> String {
        let shown = ids.prefix(limit).joined(separator: ", ")
        return ids.count > limit ? "\(shown) and \(ids.count - limit) more" : shown
    }

    static func scale(_ action: WorkforcePlan.Action, _ offering: PlanInput.Offering, _ input: PlanInput, names: [String: PlanInput.Role]) -> String {
        let target = action.target ?? 0
        let served = action.contributions.filter { $0.people > 0 }.map { "\(count($0.people, "person", "people")) to \(role($0.role, names))" }
        let cap = input.maxGrowth * offering.completions
        return "Scale \(offering.title) (\(offering.code)) at \(offering.institution) by \(number(target)) \(number(target) == "1" || number(target) == "under 1" ? "more completion a year" : extraCompletions), from \(number(offering.completions)) to \(number(offering.completions + target))"
            + (target >= cap - 1e-9 ? ", its cap (\(number(input.maxGrowth * 100))% growth)" : "")
            + ". Its first extra completions come after \(years(offering.lengthYears)); within the \(input.horizonWords) they add \(list(served))."
    }

    /// - Parameter existing: whether an existing offering that delivers within the horizon
    ///   prepares for the role.
    static func create(_ action: WorkforcePlan.Action, _ role: PlanInput.Role, hostCoverage: Double?, existing: Bool, _ input: PlanInput) -> String {
        let people = action.contributions.first?.people ?? 0
        var text = "Create a short course (\(years(PlanInput.newCourseLength))) dedicated to \(self.role(role)) for \(number(action.target ?? 0)) \(newCompletions)"
        if let host = action.institution, let hostCoverage {
            text += " at \(host), whose offerings already cover \(percent(hostCoverage)) of the role's KSAs"
        }
        text += "; within the \(input.horizonWords) it adds \(count(people, "person", "people")), "
            + (existing ? "what the existing offerings cannot close even grown to their caps." : "as no existing offering that prepares for the role delivers within the horizon.")
        text += action.ksas.isEmpty
            ? " Every KSA of the role is taught somewhere in the catalog: the course can draw on existing material."
            : action.ksas.count == 1
                ? " It must teach the role's one KSA no offering teaches: \(action.ksas[0])."
                : " It must teach the \(action.ksas.count) KSAs of the role no offering teaches, by demand: \(ksas(action.ksas))."
        return text
    }

    static func beyond(_ offering: PlanInput.Offering, _ roles: [PlanInput.Role], _ input: PlanInput) -> String {
        "Scale \(offering.title) (\(offering.code)) at \(offering.institution) for \(list(roles.map(role))): its first extra completions come after \(years(offering.lengthYears)), beyond the \(input.horizonWords); it counts for nothing within the horizon."
    }

    static func upskill(_ role: PlanInput.Role, teaching: [(code: String, institution: String, teaches: [String])]) -> String {
        var text = "Upskill \(count(role.belowRequired, "role-holding")) of \(self.role(role)) in employers whose typical proficiency is below the required one"
        if let shortfall = role.meanShortfall { text += " (mean shortfall \(Figure.fixed(shortfall, 1)) proficiency \(shortfall == 1 ? "level" : "levels"))" }
        text += "; a person with two roles counts in each."
        if let lacking = role.lacking {
            if lacking.isEmpty {
                text += " Employers asked named no KSA their staff lack."
            } else {
                text += " KSAs employers most report lacking: \(ksas(lacking, limit: 5))."
                text += teaching.isEmpty
                    ? " No offering teaches them."
                    : " Taught by " + list(teaching.map { "\($0.code) at \($0.institution) (\(ksas($0.teaches, limit: 3)))" }) + "."
            }
        }
        return text
    }
}
