/// A small mixed-integer program: a ``LinearProgram`` some of whose variables must be whole
/// numbers, solved exactly by branch and bound on the simplex.
///
/// Depth first: each node solves the linear relaxation with its variables' bounds; a node
/// whose relaxation is no better than the best whole solution found so far (the incumbent)
/// is cut; otherwise the integer variable farthest from a whole number splits it into
/// `x_j <= floor(v)` and `x_j >= ceil(v)`, the nearer side first. A node whose integer
/// variables are all within ``integralityTolerance`` of whole numbers is a candidate: they
/// are rounded, fixed, and the continuous variables solved again, so the answer's whole
/// numbers are exact and its value is the linear program's at them.
///
/// A semi-continuous variable (0, or between a minimum and a maximum) is written with a
/// 0/1 variable `z`: `min·z <= y <= max·z` (``semiContinuous(_:minimum:maximum:)``).
package struct MixedIntegerProgram: Sendable, Equatable {
    package var relaxation: LinearProgram
    /// Whether each variable must be a whole number (one per variable).
    package var integer: [Bool]

    package enum Outcome: Sendable, Equatable {
        case optimal(x: [Double], value: Double)
        case infeasible
        case unbounded
        /// The search stopped after ``nodeLimit`` nodes with this best whole solution found:
        /// feasible, not proven optimal.
        case incumbent(x: [Double], value: Double)
        /// The search stopped after ``nodeLimit`` nodes without any whole solution.
        case nodeLimit

        /// The solution, proven optimal or not.
        package var solution: (x: [Double], value: Double)? {
            switch self {
            case .optimal(let x, let value), .incumbent(let x, let value): (x, value)
            default: nil
            }
        }
    }

    static let integralityTolerance = 1e-6
    /// Nodes the search visits before it stops with the best whole solution found: a guard
    /// against programs whose figures are so large that rounding makes many solutions tie.
    package var nodeLimit = 200_000

    package init(_ relaxation: LinearProgram, integer: [Bool]) {
        precondition(integer.count == relaxation.objective.count, "one integrality flag per variable")
        self.relaxation = relaxation
        self.integer = integer
    }

    /// The rows that make variable `y` semi-continuous with its 0/1 indicator `z`:
    /// `y - max·z <= 0` and `y - min·z >= 0` (so `z = 0` forces `y = 0`, `z = 1` puts it in
    /// `[min, max]`), over `count` variables.
    package static func semiContinuous(
        _ y: Int, indicator z: Int, minimum: Double, maximum: Double, count: Int
    ) -> [LinearProgram.Constraint] {
        var upper = [Double](repeating: 0, count: count), lower = upper
        upper[y] = 1
        upper[z] = -maximum
        lower[y] = 1
        lower[z] = -minimum
        return [LinearProgram.Constraint(upper, .lessOrEqual, 0), LinearProgram.Constraint(lower, .greaterOrEqual, 0)]
    }

    /// Solves the program; with `later` objectives, lexicographically: each later objective
    /// is minimised over the optima of the ones before, each earlier optimum held by a row
    /// `c·x <= v + 1e-9·max(1, |v|)` (``stages(thenMinimise:)`` gives the programs).
    package func solve(thenMinimise later: [[Double]] = []) -> Outcome {
        var last: Outcome = .infeasible
        for stage in stages(thenMinimise: later) {
            last = stage.outcome
            guard last.solution != nil else { return last }
        }
        return last
    }

    /// The programs solved one after another for a lexicographic objective, with each
    /// stage's optimum: the audit trail another solver can check stage by stage.
    ///
    /// - Parameter start: a whole feasible point of the first program, taken (as an
    ///   ``Outcome/incumbent(x:value:)``) when a stage's search stops at the node limit
    ///   without a whole solution; a later stage then takes the stage before's solution,
    ///   which its hold row admits.
    package func stages(thenMinimise later: [[Double]] = [], start: [Double]? = nil) -> [(program: MixedIntegerProgram, outcome: Outcome)] {
        var program = self
        var result: [(program: MixedIntegerProgram, outcome: Outcome)] = []
        for (k, goal) in ([relaxation.objective] + later).enumerated() {
            if k > 0 {
                guard let (_, value) = result[k - 1].outcome.solution else { break }
                let previous = k == 1 ? relaxation.objective : later[k - 2]
                program.relaxation.constraints.append(
                    LinearProgram.Constraint(previous, .lessOrEqual, value + 1e-9 * max(1, abs(value))))
                program.relaxation.objective = goal
            }
            var outcome = program.solveOne()
            if case .nodeLimit = outcome, let x = k == 0 ? start : result[k - 1].outcome.solution?.x {
                outcome = .incumbent(x: x, value: zip(goal, x).reduce(0) { $0 + $1.0 * $1.1 })
            }
            result.append((program, outcome))
            guard outcome.solution != nil else { break }
        }
        return result
    }

    /// Branch and bound for the one objective.
    func solveOne() -> Outcome {
        let n = integer.count
        struct Node { var lower: [Double]; var upper: [Double?] }
        var stack = [Node(lower: Array(repeating: 0, count: n), upper: relaxation.upperBounds)]
        var best: (x: [Double], value: Double)?
        var visited = 0
        var sawUnbounded = false
        // When only whole variables with whole coefficients carry the objective, every whole
        // solution's value is whole: a relaxation above `best - 1` cannot improve on it.
        let wholeValued = relaxation.objective.indices.allSatisfy { j in
            relaxation.objective[j] == 0 || (integer[j] && relaxation.objective[j] == relaxation.objective[j].rounded())
        }
        while let node = stack.popLast() {
            visited += 1
            if visited > nodeLimit { return best.map { .incumbent(x: $0.x, value: $0.value) } ?? .nodeLimit }
            let outcome = relax(node.lower, node.upper)
            guard case .optimal(let x, let value) = outcome else {
                if case .unbounded = outcome { sawUnbounded = true }
                continue
            }
            if let best, value >= best.value - 1e-9 * max(1, abs(best.value)) { continue }
            if wholeValued, let best, (value - 1e-6).rounded(.up) >= best.value.rounded() { continue }
            // The integer variable farthest from a whole number.
            var branch: (j: Int, distance: Double)?
            for j in 0..<n where integer[j] {
                let distance = abs(x[j] - x[j].rounded())
                if distance > Self.integralityTolerance, distance > (branch?.distance ?? 0) { branch = (j, distance) }
            }
            guard let (j, _) = branch else {
                // Whole within tolerance: fix the integers at their whole values, solve the rest.
                var lower = node.lower, upper = node.upper
                for k in 0..<n where integer[k] {
                    lower[k] = x[k].rounded()
                    upper[k] = x[k].rounded()
                }
                if case .optimal(let exact, let v) = relax(lower, upper), v < (best?.value ?? .infinity) - 1e-9 * max(1, abs(v)) {
                    best = (exact, v)
                }
                continue
            }
            var down = node, up = node
            down.upper[j] = x[j].rounded(.down)
            up.lower[j] = x[j].rounded(.up)
            // Depth first, the nearer side explored first (pushed last).
            if x[j] - x[j].rounded(.down) < 0.5 { stack += [up, down] } else { stack += [down, up] }
        }
        if let best { return .optimal(x: best.x, value: best.value) }
        return sawUnbounded ? .unbounded : .infeasible
    }

    /// The relaxation with `lower <= x <= upper`: lower bounds as rows, upper bounds kept
    /// with their columns.
    func relax(_ lower: [Double], _ upper: [Double?]) -> LinearProgram.Outcome {
        var lp = relaxation
        lp.upperBounds = upper
        for (j, l) in lower.enumerated() where l > 0 {
            if let u = upper[j], u < l { return .infeasible }
            var row = [Double](repeating: 0, count: lower.count)
            row[j] = 1
            lp.constraints.append(LinearProgram.Constraint(row, .greaterOrEqual, l))
        }
        return lp.solve()
    }
}
