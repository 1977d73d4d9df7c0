/// A small linear program, `minimise c·x subject to A x (<=, >=, =) b, 0 <= x <= u`, solved by
/// the two-phase bounded-variable simplex method on a dense tableau (``Tableau``): a bound is
/// kept with its column, not as a row; Dantzig's rule, with Bland's rule (which cannot cycle)
/// after a run of degenerate steps.
///
/// Sized for the plan (a few hundred variables and constraints). Arithmetic is `Double` with
/// explicit tolerances: a pivot element must exceed ``LinearProgram/pivotTolerance`` and a
/// reduced cost must be below `-costTolerance` to enter. Once the optimal basis is found, the
/// basic values are recomputed from the original data (Gaussian elimination with partial
/// pivoting on the basis matrix), so that rounding accumulated over the pivots does not reach
/// the answer.
package struct LinearProgram: Sendable, Equatable {
    package enum Relation: Sendable, Equatable {
        case lessOrEqual, greaterOrEqual, equal
    }

    package struct Constraint: Sendable, Equatable {
        /// One coefficient per variable.
        package var coefficients: [Double]
        package var relation: Relation
        package var rhs: Double

        package init(_ coefficients: [Double], _ relation: Relation, _ rhs: Double) {
            self.coefficients = coefficients
            self.relation = relation
            self.rhs = rhs
        }
    }

    package enum Outcome: Sendable, Equatable {
        case optimal(x: [Double], value: Double)
        case infeasible
        case unbounded
    }

    /// The objective's coefficients (minimised); its count is the number of variables.
    package var objective: [Double]
    package var constraints: [Constraint]
    /// An upper bound per variable, `nil` for none (every variable is at least 0).
    package var upperBounds: [Double?]

    static let pivotTolerance = 1e-10
    static let costTolerance = 1e-10
    static let feasibilityTolerance = 1e-8

    package init(minimise objective: [Double], constraints: [Constraint] = [], upperBounds: [Double?]? = nil) {
        self.objective = objective
        self.constraints = constraints
        self.upperBounds = upperBounds ?? Array(repeating: nil, count: objective.count)
    }

    /// Solves the program; with `later` objectives, lexicographically: each later objective
    /// is minimised over the optima of the ones before, by pivoting only on columns whose
    /// reduced costs for every earlier objective are zero (so the earlier optima hold
    /// exactly, without a tolerance on their values).
    ///
    /// - Returns: the optimum (a vertex of the feasible set) with the value of ``objective``,
    ///   or whether it is infeasible or unbounded.
    package func solve(thenMinimise later: [[Double]] = []) -> Outcome {
        let n = objective.count
        // Every constraint with a right-hand side of at least 0; the bounds stay with the columns.
        guard !upperBounds.contains(where: { ($0 ?? 0) < 0 }) else { return .infeasible }
        var rows = constraints
        for i in rows.indices where rows[i].rhs < 0 {
            rows[i].coefficients = rows[i].coefficients.map { -$0 }
            rows[i].rhs = -rows[i].rhs
            switch rows[i].relation {
            case .lessOrEqual: rows[i].relation = .greaterOrEqual
            case .greaterOrEqual: rows[i].relation = .lessOrEqual
            case .equal: break
            }
        }
        // Columns: the variables, a slack or surplus per inequality, an artificial per >= or = row.
        let m = rows.count
        let slacks = rows.filter { $0.relation != .equal }.count
        let artificials = rows.filter { $0.relation != .lessOrEqual }.count
        let columns = n + slacks + artificials
        var tableau = Tableau(rows: m, columns: columns)
        for (j, bound) in upperBounds.enumerated() { if let bound { tableau.upper[j] = bound } }
        var s = n, a = n + slacks
        for (i, row) in rows.enumerated() {
            for j in 0..<n { tableau[i, j] = row.coefficients[j] }
            tableau.rhs[i] = row.rhs
            switch row.relation {
            case .lessOrEqual:
                tableau[i, s] = 1
                tableau.setBasis(i, s)
                s += 1
            case .greaterOrEqual:
                tableau[i, s] = -1
                s += 1
                tableau[i, a] = 1
                tableau.setBasis(i, a)
                a += 1
            case .equal:
                tableau[i, a] = 1
                tableau.setBasis(i, a)
                a += 1
            }
        }
        let equalityForm = tableau
        let firstArtificial = n + slacks
        // Phase 1: minimise the sum of the artificials.
        if artificials > 0 {
            var cost = [Double](repeating: 0, count: columns)
            for j in firstArtificial..<columns { cost[j] = 1 }
            guard tableau.minimise(cost, allowed: columns) else { return .unbounded }  // cannot happen: bounded below by 0
            let scale = max(1, rows.map(\.rhs).max() ?? 1)
            let infeasibility = (0..<m).reduce(0.0) { $0 + (tableau.basis[$1] >= firstArtificial ? tableau.rhs[$1] : 0) }
            if infeasibility > Self.feasibilityTolerance * scale { return .infeasible }
            tableau.driveOut(from: firstArtificial)
        }
        // Phase 2: the objective, over the variables and slacks only.
        var eligible = [Bool](repeating: true, count: firstArtificial)
        for goal in [objective] + later {
            var cost = [Double](repeating: 0, count: columns)
            for j in 0..<n { cost[j] = goal[j] }
            guard tableau.minimise(cost, allowed: firstArtificial, eligible: eligible) else { return .unbounded }
            let reduced = tableau.reducedCosts(cost, allowed: firstArtificial)
            let scale = max(1, cost.map(abs).max() ?? 1)
            for j in 0..<firstArtificial where !tableau.isBasic[j] && abs(reduced[j]) > Self.costTolerance * scale { eligible[j] = false }
        }
        var x = (0..<n).map { tableau.isBasic[$0] ? 0 : tableau.nonbasicValue($0) }
        let values = equalityForm.basicValues(tableau) ?? tableau.rhs
        for (i, j) in tableau.basis.enumerated() where j < n && tableau.rowsKept[i] { x[j] = max(0, values[i]) }
        for j in 0..<n { if let u = upperBounds[j] { x[j] = min(x[j], u) } }
        let value = zip(objective, x).reduce(0) { $0 + $1.0 * $1.1 }
        return .optimal(x: x, value: value)
    }
}
