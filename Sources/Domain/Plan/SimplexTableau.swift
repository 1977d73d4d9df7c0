/// The dense simplex tableau of a bounded-variable simplex: `T = B⁻¹A`, the current values of
/// the basic variables (`rhs`), and for every nonbasic column whether it sits at its upper
/// bound (else at 0).
struct Tableau: Equatable {
    let rowCount: Int
    let columnCount: Int
    var cells: [Double]
    /// The basic variables' values.
    var rhs: [Double]
    var basis: [Int]
    var isBasic: [Bool]
    /// Each column's upper bound (infinity for none) and, when nonbasic, whether it is there.
    var upper: [Double]
    var atUpper: [Bool]
    /// `false` for a redundant equality row removed after phase 1.
    var rowsKept: [Bool]

    /// Degenerate pivots in a row after which Bland's rule takes over from Dantzig's.
    static let degenerateRun = 20

    init(rows: Int, columns: Int) {
        rowCount = rows
        columnCount = columns
        cells = [Double](repeating: 0, count: rows * columns)
        rhs = [Double](repeating: 0, count: rows)
        basis = [Int](repeating: 0, count: rows)
        isBasic = [Bool](repeating: false, count: columns)
        upper = [Double](repeating: .infinity, count: columns)
        atUpper = [Bool](repeating: false, count: columns)
        rowsKept = [Bool](repeating: true, count: rows)
    }

    subscript(_ i: Int, _ j: Int) -> Double {
        get { cells[i * columnCount + j] }
        set { cells[i * columnCount + j] = newValue }
    }

    mutating func setBasis(_ i: Int, _ j: Int) {
        isBasic[basis[i]] = false
        basis[i] = j
        isBasic[j] = true
    }

    /// The value of nonbasic column `j`: 0 or its upper bound.
    func nonbasicValue(_ j: Int) -> Double { atUpper[j] ? upper[j] : 0 }

    /// Makes column `c` basic in row `r` (row operations on `T` and on `reduced`, a
    /// reduced-cost row); the values in `rhs` are the caller's to set.
    mutating func pivot(_ r: Int, _ c: Int, reduced: inout [Double]) {
        let n = columnCount
        let kept = rowsKept
        cells.withUnsafeMutableBufferPointer { t in
            let p = t[r * n + c]
            for j in 0..<n { t[r * n + j] /= p }
            t[r * n + c] = 1
            for i in 0..<rowCount where i != r && kept[i] {
                let f = t[i * n + c]
                guard f != 0 else { continue }
                for j in 0..<n { t[i * n + j] -= f * t[r * n + j] }
                t[i * n + c] = 0
            }
            let f = reduced[c]
            if f != 0 {
                for j in 0..<n { reduced[j] -= f * t[r * n + j] }
                reduced[c] = 0
            }
        }
        setBasis(r, c)
        atUpper[c] = false
    }

    /// Minimises `cost · x` over columns `0..<allowed` (and `eligible`) from the current basic
    /// feasible solution. A column enters when moving it off its bound improves the objective:
    /// the largest improvement per unit (Dantzig's rule), or, after a run of degenerate steps,
    /// the lowest-numbered such column, with ties on the ratio left by the lowest basic column
    /// (Bland's rule, which cannot cycle). The step stops at the first basic variable to reach
    /// 0 or its upper bound, or at the entering column's own other bound (a bound flip, no pivot).
    ///
    /// - Returns: `false` when the objective is unbounded below.
    mutating func minimise(_ cost: [Double], allowed: Int, eligible: [Bool]? = nil) -> Bool {
        let tolerance = LinearProgram.costTolerance * max(1, cost.map(abs).max() ?? 1)
        var reduced = reducedCosts(cost, allowed: columnCount)
        var degenerate = 0
        while true {
            let bland = degenerate >= Self.degenerateRun
            var entering: Int?
            var most = tolerance
            for j in 0..<allowed where !isBasic[j] && eligible?[j] != false {
                let gain = atUpper[j] ? reduced[j] : -reduced[j]
                guard gain > most else { continue }
                entering = j
                if bland { break }
                most = gain
            }
            guard let c = entering else { return true }
            let direction: Double = atUpper[c] ? -1 : 1
            var step = upper[c]
            var leaving: Int?
            var leavesAtUpper = false
            for i in 0..<rowCount where rowsKept[i] {
                let a = self[i, c] * direction
                let limit: Double
                let toUpper: Bool
                if a > LinearProgram.pivotTolerance {
                    limit = max(0, rhs[i] / a)
                    toUpper = false
                } else if a < -LinearProgram.pivotTolerance, upper[basis[i]].isFinite {
                    limit = max(0, (upper[basis[i]] - rhs[i]) / -a)
                    toUpper = true
                } else {
                    continue
                }
                if let l = leaving, abs(limit - step) <= 1e-12 * max(1, abs(step)) {
                    if basis[i] < basis[l] { (leaving, leavesAtUpper) = (i, toUpper) }
                } else if limit < step {
                    (step, leaving, leavesAtUpper) = (limit, i, toUpper)
                }
            }
            guard step.isFinite else { return false }
            degenerate = step <= 1e-12 ? degenerate + 1 : 0
            let value = nonbasicValue(c) + direction * step
            for i in 0..<rowCount where rowsKept[i] {
                rhs[i] -= self[i, c] * direction * step
                if abs(rhs[i]) < 1e-14 { rhs[i] = 0 }
            }
            if let r = leaving {
                let out = basis[r]
                pivot(r, c, reduced: &reduced)
                rhs[r] = value
                atUpper[out] = leavesAtUpper
            } else {
                atUpper[c].toggle()
            }
        }
    }

    /// `c_j - c_B · column j` for the columns `0..<allowed` (0 for basic ones).
    func reducedCosts(_ cost: [Double], allowed: Int) -> [Double] {
        var reduced = Array(cost.prefix(allowed))
        for i in 0..<rowCount where rowsKept[i] {
            let cb = cost[basis[i]]
            guard cb != 0 else { continue }
            for j in 0..<allowed { reduced[j] -= cb * self[i, j] }
        }
        return reduced
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
                // The artificial leaves at 0; the entering column keeps its value.
                var none = [Double](repeating: 0, count: columnCount)
                let value = nonbasicValue(column)
                pivot(i, column, reduced: &none)
                rhs[i] = value
            } else {
                rowsKept[i] = false
            }
        }
    }

    /// Solves `B x_B = b - Σ A_j u_j` (over the nonbasic columns at their upper bound) afresh
    /// from this (original) tableau for the final one's basis, by Gaussian elimination with
    /// partial pivoting; `nil` when the basis matrix is singular, or when a redundant row was
    /// dropped (which original row it stands for is not known).
    func basicValues(_ final: Tableau) -> [Double]? {
        guard !final.rowsKept.contains(false) else { return nil }
        let basis = final.basis
        let kept = Array(0..<rowCount)
        let k = kept.count
        let raised = (0..<columnCount).filter { !final.isBasic[$0] && final.atUpper[$0] }
        var matrix = kept.map { i in kept.map { self[i, basis[$0]] } + [raised.reduce(rhs[i]) { $0 - self[i, $1] * final.upper[$1] }] }
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
