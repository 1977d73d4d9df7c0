import Foundation

/// The national workforce development plan (strategy activity 1.4, SPEC section 7): per role
/// with a gap, ranked, the actions that close it, with targets whose arithmetic is shown.
public enum WorkforcePlan {
    /// The sectors the strategy names as critical infrastructure (energy, water, banking and
    /// finance, telecommunications, transport, health, government and national security with
    /// immigration, tourism), in the bank's sector names: finance covers banks, international
    /// financial services and credit unions and insurance.
    public static let criticalSectors: Set<String> = [
        "energy", "water", "banking_finance", "offshore_finance", "credit_unions_insurance", "telecommunications", "transport", "health",
        "government_security", "tourism",
    ]
    public static let lead = "Ministry responsible for education"
    public static let partners = [
        "Belize Chamber of Commerce and Industry", "University of Belize and its ACM student chapter", "University of the West Indies",
    ]

    public enum ActionKind: String, Sendable {
        case scale, create, upskill
    }

    /// One action, with its numeric target and how it was worked out.
    public struct Action: Sendable, Equatable {
        public var kind: ActionKind
        public var what: String
        /// Where: an offering's institution and code, or the natural host of a new course.
        public var institution: String?
        public var offering: String?
        public var target: Double
        public var unit: String
        /// The share of the role's gap this action closes within the horizon (seats × share ×
        /// years; 0 for upskilling, which closes a proficiency shortfall instead).
        public var closes: Double
        public var arithmetic: String
    }

    /// A career pathway into the role from one the country already employs.
    public struct Pathway: Sendable, Equatable {
        public var from: String
        public var overlap: Double
        public var toLearn: [String]
    }

    public struct RolePlan: Sendable, Equatable {
        public var role: RoleProfile
        public var demand: Double
        public var supply: Double
        public var gap: Double
        /// Share of the role's demand from critical-infrastructure employers.
        public var criticalShare: Double
        /// `gap × (1 + criticalShare)`: the rank order.
        public var priority: Double
        public var actions: [Action]
        /// KSAs the role needs that no offering teaches.
        public var untaught: [String]
        public var pathways: [Pathway]
        /// Staff whose typical proficiency is below the required one.
        public var peopleToUpskill: Double
        public var lacking: [String]
    }

    /// The plan for every unsuppressed role with a positive gap, highest priority first.
    /// Roles resting on fewer than `minimumCell` employers are left out (and listed by the caller).
    public static func build(_ estimates: EmployerEstimates) -> [RolePlan] {
        let inputs = estimates.employers.isEmpty ? estimates.inputs : { var i = estimates.inputs; i.employers = estimates.employers; return i }()
        let shortfalls = Dictionary(uniqueKeysWithValues: GapAnalysis.shortfalls(inputs).map { ($0.role.id, $0) })
        let lacking = Dictionary(grouping: GapAnalysis.lacking(inputs), by: \.role)
        let taughtNationally = inputs.offerings.reduce(into: Set<String>()) { $0.formUnion($1.ksas) }
        let years = inputs.horizon.years
        let employedRoles = estimates.roles.filter { $0.isPublished && $0.figures.employed.value > 0 }.map(\.role)
        var plans: [RolePlan] = []
        for estimate in estimates.roles where estimate.isPublished && estimate.gap.value > 1e-9 {
            let g = (role: estimate.role, demand: estimate.figures.demand.value, supply: estimate.supply, gap: estimate.gap.value)
            // Demand from critical-infrastructure employers.
            var critical = 0.0
            for (e, employer) in inputs.employers.enumerated() where criticalSectors.contains(employer.sector ?? "") {
                if let report = employer.roles[g.role.id] {
                    critical += inputs.weights[e] * ((report.vacancies ?? 0) + (report.expected[inputs.horizon] ?? 0) + (report.leavers ?? 0) * years)
                }
            }
            let criticalShare = g.demand > 0 ? min(1, critical / g.demand) : 0
            var actions: [Action] = []
            // Scale: the units that prepare for the role, in proportion to what they supply now.
            let contributors = inputs.units.compactMap { unit -> (SupplyUnit, Double)? in
                let share = Coverage.shares(unit.ksas, inputs.roles, theta: inputs.theta)[g.role.id] ?? 0
                return share > 0 && unit.completions > 0 ? (unit, share) : nil
            }
            let current = contributors.reduce(0) { $0 + Double($1.0.completions) * $1.1 }
            let perYear = g.gap / years
            for (unit, share) in contributors {
                let part = Double(unit.completions) * share / current
                let extra = perYear * part / share
                actions.append(
                    Action(
                        kind: .scale, what: "Scale \(unit.title)", institution: unit.institution, offering: unit.code, target: extra,
                        unit: "more completions a year", closes: extra * share * years,
                        arithmetic: "gap \(fmt(g.gap)) / \(fmt(years)) years = \(fmt(perYear)) completions a year for the role; this offering supplies \(fmt(part * 100))% of them now (\(unit.completions) x share \(fmt(share))), so \(fmt(perYear * part)) / \(fmt(share)) = \(fmt(extra)) more completions a year"
                    ))
            }
            // Create: a course for the role's KSAs that nothing teaches, hosted by the institution closest to the role.
            let untaught = g.role.ksas.subtracting(taughtNationally).sorted()
            let institutions = Dictionary(grouping: inputs.offerings, by: \.institution)
            let host = institutions.map { name, offerings in
                (name, Coverage.coverage(offerings.reduce(into: Set<String>()) { $0.formUnion($1.ksas) }, g.role.ksas))
            }.max { ($0.1, $1.0) < ($1.1, $0.0) }
            if contributors.isEmpty {
                actions.append(
                    Action(
                        kind: .create, what: "Create a course preparing for \(g.role.name)", institution: host?.0, offering: nil, target: perYear,
                        unit: "seats a year", closes: g.gap,
                        arithmetic: "no offering prepares for the role (coverage >= \(fmt(inputs.theta))): gap \(fmt(g.gap)) / \(fmt(years)) years = \(fmt(perYear)) completions a year"
                            + (host.map { "; host: \($0.0), whose offerings cover \(fmt($0.1 * 100))% of the role's KSAs" } ?? "")))
            } else if !untaught.isEmpty {
                actions.append(
                    Action(
                        kind: .create, what: "Create a module on the \(untaught.count) KSAs no offering teaches", institution: host?.0, offering: nil,
                        target: Double(untaught.count), unit: "KSAs to teach", closes: 0,
                        arithmetic: "\(untaught.count) of the role's \(g.role.ksas.count) current KSAs are taught nowhere in the catalog; added to the scaled offerings"))
            }
            // Upskill: staff below the required level, the KSAs they lack, pathways from employed roles.
            let shortfall = shortfalls[g.role.id]
            let people = shortfall?.staffBelowRequired.value ?? 0
            let lackingKSAs = (lacking[g.role.id] ?? []).prefix(5).map(\.ksa)
            if people > 0 {
                actions.append(
                    Action(
                        kind: .upskill, what: "Upskill employed \(g.role.name) staff", institution: nil, offering: nil, target: people, unit: "people",
                        closes: 0,
                        arithmetic: "weighted staff in employers whose typical level is below the required one (mean shortfall \(fmt(shortfall?.meanShortfall?.value ?? 0)) levels)"
                            + (lackingKSAs.isEmpty ? "" : "; KSAs most reported lacking: \(lackingKSAs.joined(separator: ", "))")))
            }
            let pathways = employedRoles.filter { $0.id != g.role.id }.map { source in
                Pathway(from: source.id, overlap: Coverage.coverage(source.ksas, g.role.ksas), toLearn: g.role.ksas.subtracting(source.ksas).sorted())
            }.sorted { ($0.overlap, $1.from) > ($1.overlap, $0.from) }.prefix(3)
            plans.append(
                RolePlan(
                    role: g.role, demand: g.demand, supply: g.supply, gap: g.gap, criticalShare: criticalShare, priority: g.gap * (1 + criticalShare),
                    actions: actions, untaught: untaught, pathways: Array(pathways), peopleToUpskill: people, lacking: Array(lackingKSAs)))
        }
        return plans.sorted { ($0.priority, $1.role.id) > ($1.priority, $0.role.id) }
    }

    /// The plan's actions as one table.
    public static func table(_ plans: [RolePlan], horizon: Horizon) -> ResultTable {
        var table = ResultTable(columns: [
            "rank", "role_id", "role_name", "gap", "critical_share", "action", "what", "institution", "offering", "target", "unit",
            "closes", "timeline", "lead", "partners", "arithmetic",
        ])
        for (rank, plan) in plans.enumerated() {
            for action in plan.actions {
                table.append([
                    .int(rank + 1), .text(plan.role.id), .text(plan.role.name), .double(plan.gap), .double(plan.criticalShare),
                    .text(action.kind.rawValue), .text(action.what), action.institution.map(Cell.text) ?? .null, action.offering.map(Cell.text) ?? .null,
                    .double(action.target), .text(action.unit), .double(action.closes), .text(horizon.words), .text(lead),
                    .text(partners.joined(separator: "; ")), .text(action.arithmetic),
                ])
            }
        }
        return table
    }

    static func fmt(_ x: Double) -> String {
        let rounded = (x * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(format: "%.1f", rounded)
    }
}
