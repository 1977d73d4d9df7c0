/// The dense simplex tableau `T x = rhs` with its basis.
struct Tableau: Equatable {
    let rowCount: Int
    let columnCount: Int
    var cells: [Double]
    var rhs: [Double]
    var basis: [Int]
    var isBasic: [Bool]
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

    /// Pivots on row `r`, column `c`; `reduced` (a reduced-cost row) is updated alike.
    mutating func pivot(_ r: Int, _ c: Int, reduced: inout [Double]) {
        let n = columnCount
        let kept = rowsKept
        cells.withUnsafeMutableBufferPointer { t in
            let p = t[r * n + c]
            for j in 0..<n { t[r * n + j] /= p }
            t[r * n + c] = 1
            rhs[r] /= p
            for i in 0..<rowCount where i != r && kept[i] {
                let f = t[i * n + c]
                guard f != 0 else { continue }
                for j in 0..<n { t[i * n + j] -= f * t[r * n + j] }
                t[i * n + c] = 0
                rhs[i] -= f * rhs[r]
                if abs(rhs[i]) < 1e-14 { rhs[i] = 0 }
            }
            let f = reduced[c]
            if f != 0 {
                for j in 0..<n { reduced[j] -= f * t[r * n + j] }
                reduced[c] = 0
            }
        }
        setBasis(r, c)
    }

    /// Minimises `cost · x` over columns `0..<allowed` (and `eligible`) from the current basic
    /// feasible solution. The most negative reduced cost enters (Dantzig's rule); after a run
    /// of degenerate pivots, the lowest-numbered improving column enters and, among rows tied
    /// on the ratio, the one whose basic column is lowest leaves (Bland's rule, which cannot
    /// cycle), until a pivot makes progress.
    ///
    /// - Returns: `false` when the objective is unbounded below.
    mutating func minimise(_ cost: [Double], allowed: Int, eligible: [Bool]? = nil) -> Bool {
        let tolerance = LinearProgram.costTolerance * max(1, cost.map(abs).max() ?? 1)
        var reduced = reducedCosts(cost, allowed: columnCount)
        var degenerate = 0
        while true {
            let bland = degenerate >= Self.degenerateRun
            var entering: Int?
            var most = -tolerance
            for j in 0..<allowed where !isBasic[j] && eligible?[j] != false && reduced[j] < most {
                entering = j
                if bland { break }
                most = reduced[j]
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
            degenerate = best <= 1e-12 ? degenerate + 1 : 0
            pivot(r, c, reduced: &reduced)
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
                var none = [Double](repeating: 0, count: columnCount)
                pivot(i, column, reduced: &none)
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
