extension WorkforcePlan {
    /// The plan's two linear programs.
    ///
    /// Variables: `x_p`, the extra completions a year of existing offering `p` (those with
    /// completions that deliver within the horizon and prepare for a gap role), `0 <= x_p <=
    /// max_growth × completions_p`; then `y_r`, the completions a year of a new short course
    /// for gap role `r`, `y_r >= 0`. For every published role with a positive gap:
    /// `Σ_p x_p · share_p(r) · entry_rate · avail_p + y_r · entry_rate · avail_new >= gap_h(r)`.
    /// The first program minimises `Σ y_r`; the second, with `Σ y_r <= Y*` (the first's
    /// optimum), minimises `Σ x_p`.
    public struct Programs: Sendable, Equatable {
        public var targets: [PlanInput.Role]
        /// Indices into the input's offerings: those that can grow, and those beyond the horizon.
        public var scalable: [Int]
        public var beyond: [Int]
        /// `entry_rate · avail_new`: people a new course's completion a year adds.
        public var newCoefficient: Double
        /// The covering constraints, one per target role, over `x` then `y`.
        public var covering: [LinearProgram.Constraint]
        public var upperBounds: [Double?]

        public init(_ input: PlanInput, targets: [PlanInput.Role]) {
            self.targets = targets
            let ids = Set(targets.map(\.id))
            var scalable: [Int] = [], beyond: [Int] = []
            for (p, o) in input.offerings.enumerated() where o.completions > 0 && o.shares.contains(where: { ids.contains($0.key) && $0.value > 0 }) {
                if input.available(afterLength: o.lengthYears) > 0 { scalable.append(p) } else { beyond.append(p) }
            }
            self.scalable = scalable
            self.beyond = beyond
            let newCoefficient = input.entryRate * input.available(afterLength: PlanInput.newCourseLength)
            self.newCoefficient = newCoefficient
            let variables = scalable.count + targets.count
            covering = targets.enumerated().map { r, role in
                var a = [Double](repeating: 0, count: variables)
                for (k, p) in scalable.enumerated() {
                    let o = input.offerings[p]
                    a[k] = (o.shares[role.id] ?? 0) * input.entryRate * input.available(afterLength: o.lengthYears)
                }
                a[scalable.count + r] = newCoefficient
                return LinearProgram.Constraint(a, .greaterOrEqual, role.gap.value)
            }
            upperBounds = scalable.map { Optional(input.maxGrowth * input.offerings[$0].completions) } + targets.map { _ in nil }
        }

        /// Minimise `Σ y_r`.
        public var first: LinearProgram {
            LinearProgram(
                minimise: scalable.map { _ in 0 } + targets.map { _ in 1 }, constraints: covering, upperBounds: upperBounds)
        }

        /// Minimise `Σ x_p` with `Σ y_r` at most `created` (the first optimum), for another
        /// solver; ``solve()`` reaches the same optimum lexicographically.
        public func second(created: Double) -> LinearProgram {
            let hold = LinearProgram.Constraint(scalable.map { _ in 0 } + targets.map { _ in 1 }, .lessOrEqual, created)
            return LinearProgram(minimise: scalable.map { _ in 1 } + targets.map { _ in 0 }, constraints: covering + [hold], upperBounds: upperBounds)
        }

        public struct Solution: Sendable, Equatable {
            /// Per scalable offering, then per target role.
            public var x: [Double]
            public var y: [Double]
        }

        /// Solves the first program, then the second (as one lexicographic solve: the second
        /// objective over the first's optimal face, which is the second program's feasible set
        /// with `Σ y_r = Y*` exactly).
        ///
        /// - Throws: ``WorkforceError/usage(_:)`` when a program has no solution (only when
        ///   a new course adds no one within the horizon, i.e. an entry rate of 0).
        public func solve() throws(WorkforceError) -> Solution {
            guard !targets.isEmpty else { return Solution(x: scalable.map { _ in 0 }, y: []) }
            // Lexicographically: Σ x_p over the optima of the first program, which hold exactly.
            guard case .optimal(let v, _) = first.solve(thenMinimise: [scalable.map { _ in 1 } + targets.map { _ in 0 }]) else {
                throw .usage("the plan's linear programs have no solution: a new course adds no one within the horizon; give an entry rate above 0")
            }
            func clean(_ d: Double) -> Double { d < 1e-9 ? 0 : d }
            return Solution(x: v.prefix(scalable.count).map(clean), y: v.dropFirst(scalable.count).map(clean))
        }

        /// Both programs and the solution, for checking with another solver: `variables`
        /// (names), `first` and `second` (`objective`, `constraints` of `coefficients`,
        /// `relation` `>=` or `<=` and `rhs`, `upper_bounds`), `solution`.
        package func json(_ solution: Solution, _ input: PlanInput) -> JSONValue {
            func program(_ lp: LinearProgram) -> JSONValue {
                .object([
                    (key: "objective", value: .array(lp.objective.map { .number($0) })),
                    (
                        key: "constraints",
                        value: .array(
                            lp.constraints.map { c in
                                .object([
                                    (key: "coefficients", value: .array(c.coefficients.map { .number($0) })),
                                    (key: "relation", value: .string(c.relation == .lessOrEqual ? "<=" : c.relation == .greaterOrEqual ? ">=" : "=")),
                                    (key: "rhs", value: .number(c.rhs)),
                                ])
                            })
                    ),
                    (key: "upper_bounds", value: .array(lp.upperBounds.map { $0.map(JSONValue.number) ?? .null })),
                ])
            }
            let names = scalable.map { "x:" + input.offerings[$0].institution + ":" + input.offerings[$0].code } + targets.map { "y:" + $0.id }
            return .object([
                (key: "variables", value: .array(names.map { .string($0) })),
                (key: "first", value: program(first)),
                (key: "second", value: program(second(created: solution.y.reduce(0, +)))),
                (key: "solution", value: .array((solution.x + solution.y).map { .number($0) })),
                (key: "created_seats", value: .number(solution.y.reduce(0, +))),
                (key: "scaled_seats", value: .number(solution.x.reduce(0, +))),
            ])
        }
    }

    /// The programs and their solution as JSON text (``Programs/json(_:_:)``).
    public var programsJSON: String { JSONWriter().string(programs.json(solution, input)) + "\n" }
}
