/// The national workforce development plan (strategy activity 1.4): the actions that close
/// each role's need in people a year by the end of the horizon, with every lever (scale,
/// create, convert, upskill, retain), solved for the low, central and high shortfall.
///
/// Built by ``build(_:)`` from a ``PlanInput``: one ``PlanProgram`` per case, solved exactly
/// (``MixedIntegerProgram``); every action carries what it adds to each role, every role what
/// each lever closes and what stays open, and an action found in all three cases is robust.
public struct WorkforcePlan: Sendable, Equatable {
    public static let lead = "Ministry responsible for education"
    public static let partners = [
        "Belize Chamber of Commerce and Industry", "University of Belize and its ACM student chapter", "University of the West Indies",
    ]

    public enum Case: String, Sendable, Equatable, CaseIterable {
        case low, central, high
    }

    /// People a year an action adds to one role by the end of the horizon.
    public struct Contribution: Sendable, Equatable {
        public var role: String
        public var people: Double
    }

    public struct Action: Sendable, Equatable {
        public var kind: PlanProgram.Lever
        public var institution: String?
        /// The offering's code (scale; upskill: the offering teaching most of what is to learn).
        public var offering: String?
        /// The role it is for (scale: the one it adds most to; upskill: the experience role).
        public var role: String
        /// Upskill: the feeder role people come from.
        public var feeder: String?
        /// Completions a year (retain: exits avoided, people a year; no seats).
        public var seats: Double
        public var firstCompletionsYear: Int
        public var cost: Double?
        public var robust = false
        /// Largest first.
        public var contributions: [Contribution]
        /// Create: the role's KSAs the host does not teach, by demand; upskill: what the feeder lacks.
        public var ksas: [String]
        public var what: String

        /// What identifies the action across cases.
        public var key: String { [kind.rawValue, institution ?? "", offering ?? "", feeder ?? "", role].joined(separator: "|") }
    }

    /// One role's need and what closes it (people a year by the end of the horizon).
    public struct RoleAccount: Sendable, Equatable {
        public var role: PlanInput.Role
        /// The case's annual shortfall.
        public var shortfall: Double
        public var backlogPerYear: Double
        /// People a year upskilling draws from the role into experience roles (a need it adds).
        public var drawn: Double
        /// `max(0, shortfall + backlog per year + drawn)`.
        public var need: Double
        public var feeders: [String]
        /// What each lever adds.
        public var byLever: [PlanProgram.Lever: Double]
        public var contributed: Double
        /// `min(need, contributed)` and `need - closed`.
        public var closed: Double
        public var open: Double
        /// Why something stays open ("" when nothing does).
        public var why: String
    }

    /// One case's program, its stages and what it gives.
    public struct CasePlan: Sendable, Equatable {
        public var kind: Case
        public var program: PlanProgram
        /// Each stage's program and optimum, for audit.
        public var stages: [MixedIntegerProgram]
        public var values: [Double]
        public var x: [Double]
        /// Whether every stage's optimum is proven (else the search stopped at its node limit
        /// with the best whole solution found: feasible, perhaps not optimal).
        public var proven: Bool
        public var actions: [Action]
        public var roles: [RoleAccount]

        /// Completions a year of every lever but retention, each counted once.
        public var seats: Double { actions.filter { $0.kind != .retain }.reduce(0) { $0 + $1.seats } }
        public var need: Double { roles.reduce(0) { $0 + $1.need } }
        public var open: Double { roles.reduce(0) { $0 + $1.open } }
        public var cost: Double? { program.costsKnown ? actions.reduce(0) { $0 + ($1.cost ?? 0) } : nil }
        /// What each lever closes, summed over roles.
        public func closes(_ lever: PlanProgram.Lever) -> Double { roles.reduce(0) { $0 + ($1.byLever[lever] ?? 0) } }
    }

    public var input: PlanInput
    /// Low, central, high.
    public var cases: [CasePlan]
    public var central: CasePlan { cases[1] }
    public var actions: [Action] { central.actions }
    public var roles: [RoleAccount] { central.roles }
    public var seats: Double { central.seats }
    /// Roles left out: suppressed (too few employers) and not surveyed.
    public var suppressed: [PlanInput.Role] { input.roles.filter { $0.status == .suppressed } }

    /// Each role's need in a case: its shortfall at the case's bound (the estimate without an
    /// interval) plus its backlog spread over the backlog years.
    public static func needs(_ input: PlanInput, _ kind: Case) -> [String: Double] {
        Dictionary(
            input.roles.map { role in
                let s = role.shortfall
                let shortfall = kind == .low ? s.ciLow ?? s.value : kind == .high ? s.ciHigh ?? s.value : s.value
                return (role.id, shortfall + role.backlog / input.options.spread)
            }, uniquingKeysWith: { a, _ in a })
    }

    /// The plan for `input`.
    ///
    /// - Throws: ``WorkforceError/usage(_:)`` when a program cannot be solved (only when the
    ///   search stops at its node limit before any whole solution; the open slack keeps every
    ///   program feasible).
    public static func build(_ input: PlanInput) throws(WorkforceError) -> WorkforcePlan {
        var cases: [CasePlan] = []
        for kind in Case.allCases {
            let program = PlanProgram(input, needs: needs(input, kind))
            let stages = program.solve()
            var values: [Double] = []
            var x: [Double] = []
            var proven = true
            for stage in stages {
                guard let (v, value) = stage.outcome.solution else {
                    throw .usage("the plan's \(kind.rawValue) case could not be solved (\(stage.outcome)); lower --max-cohort or raise --min-cohort to shrink the program")
                }
                if case .incumbent = stage.outcome { proven = false }
                values.append(value)
                x = v.map { $0 < 1e-9 ? 0 : $0 }
            }
            let actions = Self.actions(program, x, input)
            cases.append(
                CasePlan(
                    kind: kind, program: program, stages: stages.map(\.program), values: values, x: x, proven: proven, actions: actions,
                    roles: Self.accounts(program, x, actions, input, kind)))
        }
        // Robust: found in every case.
        let keys = cases.map { Set($0.actions.map(\.key)) }
        for c in cases.indices {
            for a in cases[c].actions.indices { cases[c].actions[a].robust = keys.allSatisfy { $0.contains(cases[c].actions[a].key) } }
        }
        return WorkforcePlan(input: input, cases: cases)
    }
}
