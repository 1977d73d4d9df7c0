/// The national workforce development plan (strategy activity 1.4): the actions that close
/// each role's need in people a year by the end of the horizon, with every lever (scale,
/// create, convert, upskill, retain), solved for the low, central and high shortfall.
///
/// Built by ``build(_:)`` from a ``PlanInput``: one ``PlanProgram`` per case, solved exactly
/// (``MixedIntegerProgram``); every action carries what it adds to each role, every role what
/// each lever closes and what stays open, and an action found in all three cases is robust.
package struct WorkforcePlan: Sendable, Equatable {
    package static let lead = "Ministry responsible for education"
    package static let partners = [
        "Belize Chamber of Commerce and Industry", "University of Belize and its ACM student chapter", "University of the West Indies",
    ]

    package enum Case: String, Sendable, Equatable, CaseIterable {
        case low, central, high
    }

    /// People a year an action adds to one role by the end of the horizon.
    package struct Contribution: Sendable, Equatable {
        package var role: String
        package var people: Double
    }

    package struct Action: Sendable, Equatable {
        package var kind: PlanProgram.Lever
        package var institution: String?
        /// The offering's code (scale; upskill: the offering teaching most of what is to learn).
        package var offering: String?
        /// The role it is for (scale: the one it adds most to; upskill: the experience role).
        package var role: String
        /// Upskill: the feeder role people come from.
        package var feeder: String?
        /// Completions a year (retain: exits avoided, people a year; no seats).
        package var seats: Double
        package var firstCompletionsYear: Int
        package var cost: Double?
        package var robust = false
        /// Largest first.
        package var contributions: [Contribution]
        /// Create: the role's KSAs the host does not teach, by demand; upskill: what the feeder lacks.
        package var ksas: [String]

        /// What identifies the action across cases.
        package var key: String { [kind.rawValue, institution ?? "", offering ?? "", feeder ?? "", role].joined(separator: "|") }
    }

    /// One role's need and what closes it (people a year by the end of the horizon).
    package struct RoleAccount: Sendable, Equatable {
        package var role: PlanInput.Role
        /// The case's annual shortfall.
        package var shortfall: Double
        package var backlogPerYear: Double
        /// People a year upskilling draws from the role into experience roles (a need it adds).
        package var drawn: Double
        /// `max(0, shortfall + backlog per year + drawn)`.
        package var need: Double
        package var feeders: [String]
        /// What each lever adds.
        package var byLever: [PlanProgram.Lever: Double]
        package var contributed: Double
        /// `min(need, contributed)` and `need - closed`.
        package var closed: Double
        package var open: Double
        /// Why something stays open (none when nothing does), each lever at its limit.
        package var openReasons: [OpenReason]
    }

    /// Why a role's need stays open: a lever that could serve it is at its limit, or none can.
    /// Typed: the words are written at display time (``WorkforcePlan/why(_:_:)``), the limits
    /// read from the options; JSON and CSV carry ``code``.
    package enum OpenReason: Sendable, Equatable {
        /// An experience role: filled by upskilling, never by a new entrant course.
        case experienceRole
        /// No role the country employs shares its KSAs to upskill from.
        case noFeeder
        /// Its feeder roles send at most `max_upskill` of their role-holdings.
        case feederLimit
        /// No institution teaches any of its KSAs.
        case noHost
        /// New courses at `hosts` host institutions are at the maximum cohort.
        case maxCohort(hosts: Int)
        /// The offerings preparing for it are at their growth limits.
        case growthLimit
        /// No career changers observed today, so no conversion pool.
        case noConversionPool
        /// Retention is at its limit.
        case retentionLimit
        /// The budget is spent.
        case budgetSpent

        /// The machine name JSON and CSV carry.
        package var code: String {
            switch self {
            case .experienceRole: "experience_role"
            case .noFeeder: "no_feeder"
            case .feederLimit: "feeder_limit"
            case .noHost: "no_host"
            case .maxCohort: "max_cohort"
            case .growthLimit: "growth_limit"
            case .noConversionPool: "no_conversion_pool"
            case .retentionLimit: "retention_limit"
            case .budgetSpent: "budget_spent"
            }
        }
    }

    /// Action `a`'s sentence in `language`, with names (rendered when shown, never stored).
    package func what(_ a: Action, _ language: ReaderLanguage = .en) -> String { PlanWords(language).what(a, input) }

    /// Why role account `r`'s need stays open, one sentence in `language` ("" when nothing does).
    package func why(_ r: RoleAccount, _ language: ReaderLanguage = .en) -> String { PlanWords(language).why(r, input.options) }

    /// The three sentences a minister can repeat (the need, what the plan does, what stays open).
    package func headline(_ language: ReaderLanguage = .en) -> [String] { PlanWords(language).headline(self) }

    /// "What to do": the two largest levers in one sentence.
    package func whatToDo(_ language: ReaderLanguage = .en) -> String { PlanWords(language).whatToDo(self) }

    /// One case's program, its stages and what it gives.
    package struct CasePlan: Sendable, Equatable {
        package var kind: Case
        package var program: PlanProgram
        /// Each stage's program and optimum, for audit.
        package var stages: [MixedIntegerProgram]
        package var values: [Double]
        package var x: [Double]
        /// Whether every stage's optimum is proven (else the search stopped at its node limit
        /// with the best whole solution found: feasible, perhaps not optimal).
        package var proven: Bool
        package var actions: [Action]
        package var roles: [RoleAccount]

        /// Completions a year of every lever but retention, each counted once.
        package var seats: Double { actions.filter { $0.kind != .retain }.reduce(0) { $0 + $1.seats } }
        package var need: Double { roles.reduce(0) { $0 + $1.need } }
        package var open: Double { roles.reduce(0) { $0 + $1.open } }
        package var cost: Double? { program.costsKnown ? actions.reduce(0) { $0 + ($1.cost ?? 0) } : nil }
        /// What each lever closes, summed over roles.
        package func closes(_ lever: PlanProgram.Lever) -> Double { roles.reduce(0) { $0 + ($1.byLever[lever] ?? 0) } }
    }

    package var input: PlanInput
    /// Low, central, high.
    package var cases: [CasePlan]
    package var central: CasePlan { cases[1] }
    package var actions: [Action] { central.actions }
    package var roles: [RoleAccount] { central.roles }
    package var seats: Double { central.seats }
    /// Surveyed roles left out: withheld (disclosure control, grade F or dominated).
    package var suppressed: [PlanInput.Role] { input.roles.filter { $0.status != .published && $0.status != .notSurveyed } }

    /// Each role's need in a case: its shortfall at the case's bound (the estimate without an
    /// interval) plus its backlog spread over the backlog years.
    package static func needs(_ input: PlanInput, _ kind: Case) -> [String: Double] {
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
    package static func build(_ input: PlanInput) throws(WorkforceError) -> WorkforcePlan {
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
