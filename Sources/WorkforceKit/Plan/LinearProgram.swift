/// A small linear program, `minimise c·x subject to A x (<=, >=, =) b, 0 <= x <= u`, solved by
/// the two-phase simplex method on a dense tableau with Bland's rule (which cannot cycle).
///
/// Sized for the plan (a few hundred variables and constraints). Arithmetic is `Double` with
/// explicit tolerances: a pivot element must exceed ``LinearProgram/pivotTolerance`` and a
/// reduced cost must be below `-costTolerance` to enter. Once the optimal basis is found, the
/// basic values are recomputed from the original data (Gaussian elimination with partial
/// pivoting on the basis matrix), so that rounding accumulated over the pivots does not reach
/// the answer.
public struct LinearProgram: Sendable, Equatable {
    public enum Relation: Sendable, Equatable {
        case lessOrEqual, greaterOrEqual, equal
    }

    public struct Constraint: Sendable, Equatable {
        /// One coefficient per variable.
        public var coefficients: [Double]
        public var relation: Relation
        public var rhs: Double

        public init(_ coefficients: [Double], _ relation: Relation, _ rhs: Double) {
            self.coefficients = coefficients
            self.relation = relation
            self.rhs = rhs
        }
    }

    public enum Outcome: Sendable, Equatable {
        case optimal(x: [Double], value: Double)
        case infeasible
        case unbounded
    }

    /// The objective's coefficients (minimised); its count is the number of variables.
    public var objective: [Double]
    public var constraints: [Constraint]
    /// An upper bound per variable, `nil` for none (every variable is at least 0).
    public var upperBounds: [Double?]

    static let pivotTolerance = 1e-10
    static let costTolerance = 1e-10
    static let feasibilityTolerance = 1e-8

    public init(minimise objective: [Double], constraints: [Constraint] = [], upperBounds: [Double?]? = nil) {
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
    public func solve(thenMinimise later: [[Double]] = []) -> Outcome {
        let n = objective.count
        // Every constraint, upper bounds as rows, with a right-hand side of at least 0.
        var rows = constraints
        for (j, bound) in upperBounds.enumerated() {
            guard let bound else { continue }
            var a = [Double](repeating: 0, count: n)
            a[j] = 1
            rows.append(Constraint(a, .lessOrEqual, bound))
        }
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
        var s = n, a = n + slacks
        for (i, row) in rows.enumerated() {
            for j in 0..<n { tableau[i, j] = row.coefficients[j] }
            tableau.rhs[i] = row.rhs
            switch row.relation {
            case .lessOrEqual:
                tableau[i, s] = 1
                tableau.basis[i] = s
                s += 1
            case .greaterOrEqual:
                tableau[i, s] = -1
                s += 1
                tableau[i, a] = 1
                tableau.basis[i] = a
                a += 1
            case .equal:
                tableau[i, a] = 1
                tableau.basis[i] = a
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
            for j in 0..<firstArtificial where reduced[j] > Self.costTolerance * scale { eligible[j] = false }
        }
        var x = [Double](repeating: 0, count: n)
        let values = equalityForm.basicValues(basis: tableau.basis, rowsKept: tableau.rowsKept) ?? tableau.rhs
        for (i, j) in tableau.basis.enumerated() where j < n && tableau.rowsKept[i] { x[j] = max(0, values[i]) }
        for j in 0..<n { if let u = upperBounds[j] { x[j] = min(x[j], u) } }
        let value = zip(objective, x).reduce(0) { $0 + $1.0 * $1.1 }
        return .optimal(x: x, value: value)
    }
}

/// The dense simplex tableau `T x = rhs` with its basis.
struct Tableau: Equatable {
    let rowCount: Int
    let columnCount: Int
    var cells: [Double]
    var rhs: [Double]
    var basis: [Int]
    /// `false` for a redundant equality row removed after phase 1.
    var rowsKept: [Bool]

    init(rows: Int, columns: Int) {
        rowCount = rows
        columnCount = columns
        cells = [Double](repeating: 0, count: rows * columns)
        rhs = [Double](repeating: 0, count: rows)
        basis = [Int](repeating: 0, count: rows)
        rowsKept = [Bool](repeating: true, count: rows)
    }

    subscript(_ i: Int, _ j: Int) -> Double {
        get { cells[i * columnCount + j] }
        set { cells[i * columnCount + j] = newValue }
    }

    mutating func pivot(_ r: Int, _ c: Int) {
        let p = self[r, c]
        for j in 0..<columnCount { self[r, j] /= p }
        rhs[r] /= p
        self[r, c] = 1
        for i in 0..<rowCount where i != r && rowsKept[i] {
            let f = self[i, c]
            guard f != 0 else { continue }
            for j in 0..<columnCount { self[i, j] -= f * self[r, j] }
            rhs[i] -= f * rhs[r]
            self[i, c] = 0
            if abs(rhs[i]) < 1e-14 { rhs[i] = 0 }
        }
        basis[r] = c
    }

    /// Minimises `cost · x` over columns `0..<allowed` from the current basic feasible
    /// solution, by Bland's rule: the lowest-numbered improving column enters; among rows tied
    /// on the ratio, the one whose basic column is lowest leaves.
    ///
    /// - Returns: `false` when the objective is unbounded below.
    mutating func minimise(_ cost: [Double], allowed: Int, eligible: [Bool]? = nil) -> Bool {
        let costScale = max(1, cost.map(abs).max() ?? 1)
        while true {
            // Reduced costs: c_j - c_B · column j.
            var entering: Int?
            for j in 0..<allowed where !basis.contains(j) && eligible?[j] != false {
                var reduced = cost[j]
                for i in 0..<rowCount where rowsKept[i] { reduced -= cost[basis[i]] * self[i, j] }
                if reduced < -LinearProgram.costTolerance * costScale {
                    entering = j
                    break
                }
            }
            guard let c = entering else { return true }
            var leaving: Int?
            var best = Double.infinity
            for i in 0..<rowCount where rowsKept[i] && self[i, c] > LinearProgram.pivotTolerance {
                let ratio = rhs[i] / self[i, c]
                if let l = leaving, abs(ratio - best) <= 1e-12 * max(1, abs(best)) {
                    if basis[i] < basis[l] { leaving = i }
                } else if ratio < best {
                    best = ratio
                    leaving = i
                }
            }
            guard let r = leaving else { return false }
            pivot(r, c)
        }
    }

    /// `c_j - c_B · column j` for the columns `0..<allowed` (0 for basic ones).
    func reducedCosts(_ cost: [Double], allowed: Int) -> [Double] {
        (0..<allowed).map { j in
            var reduced = cost[j]
            for i in 0..<rowCount where rowsKept[i] { reduced -= cost[basis[i]] * self[i, j] }
            return reduced
        }
    }

    /// After phase 1: pivots every artificial still basic (at 0) out on a column before
    /// `firstArtificial`, or drops its row when the row is redundant.
    mutating func driveOut(from firstArtificial: Int) {
        for i in 0..<rowCount where rowsKept[i] && basis[i] >= firstArtificial {
            var column: Int?
            var largest = LinearProgram.pivotTolerance
            for j in 0..<firstArtificial where abs(self[i, j]) > largest {
                largest = abs(self[i, j])
                column = j
            }
            if let column {
                pivot(i, column)
            } else {
                rowsKept[i] = false
            }
        }
    }

    /// Solves `B x_B = rhs` afresh from this (original) tableau for the basis `basis`, by
    /// Gaussian elimination with partial pivoting; `nil` when the basis matrix is singular.
    /// A redundant row was dropped: which original row it stands for is not known, so `nil`.
    func basicValues(basis: [Int], rowsKept: [Bool]) -> [Double]? {
        guard !rowsKept.contains(false) else { return nil }
        let kept = Array(0..<rowCount)
        let k = kept.count
        var matrix = kept.map { i in kept.map { self[i, basis[$0]] } + [rhs[i]] }
        for col in 0..<k {
            guard let p = (col..<k).max(by: { abs(matrix[$0][col]) < abs(matrix[$1][col]) }), abs(matrix[p][col]) > 1e-12 else { return nil }
            matrix.swapAt(col, p)
            for r in 0..<k where r != col {
                let f = matrix[r][col] / matrix[col][col]
                guard f != 0 else { continue }
                for c in col...k { matrix[r][c] -= f * matrix[col][c] }
            }
        }
        var values = [Double](repeating: 0, count: rowCount)
        for (position, i) in kept.enumerated() { values[i] = matrix[position][k] / matrix[position][position] }
        return values
    }
}
