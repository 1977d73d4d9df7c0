/// The Cholesky factor `A = L L'` of a symmetric positive semi-definite matrix, with the
/// columns that depend on earlier ones left out (aliased): a column whose pivot is under
/// `1e-9` of its diagonal (or 0) is dropped, and solves and the inverse give it 0, as R's
/// pivoted QR in `glm` leaves an aliased coefficient out.
struct Cholesky {
    /// Lower triangle, row-major; rows of aliased columns are 0.
    private(set) var lower: [[Double]]
    private(set) var aliased: [Bool]

    init(size: Int) {
        lower = [[Double]](repeating: [Double](repeating: 0, count: size), count: size)
        aliased = [Bool](repeating: true, count: size)
    }

    init(_ a: [[Double]]) {
        let p = a.count
        self.init(size: p)
        for j in 0..<p {
            var pivot = a[j][j]
            for k in 0..<j where !aliased[k] { pivot -= lower[j][k] * lower[j][k] }
            guard a[j][j] > 0, pivot > 1e-9 * a[j][j] else { continue }
            aliased[j] = false
            let d = pivot.squareRoot()
            lower[j][j] = d
            for i in (j + 1)..<max(p, j + 1) {
                var s = a[i][j]
                for k in 0..<j where !aliased[k] { s -= lower[i][k] * lower[j][k] }
                lower[i][j] = s / d
            }
        }
    }

    /// `x` with `A x = b` on the columns kept (0 for aliased ones).
    func solve(_ b: [Double]) -> [Double] {
        let p = b.count
        var y = [Double](repeating: 0, count: p)
        for i in 0..<p where !aliased[i] {
            var s = b[i]
            for k in 0..<i where !aliased[k] { s -= lower[i][k] * y[k] }
            y[i] = s / lower[i][i]
        }
        var x = [Double](repeating: 0, count: p)
        for i in stride(from: p - 1, through: 0, by: -1) where !aliased[i] {
            var s = y[i]
            for k in (i + 1)..<max(p, i + 1) where !aliased[k] { s -= lower[k][i] * x[k] }
            x[i] = s / lower[i][i]
        }
        return x
    }

    /// `A⁻¹` on the columns kept, 0 in the rows and columns of aliased ones.
    func inverse() -> [[Double]] {
        let p = aliased.count
        var columns: [[Double]] = []
        for j in 0..<p {
            var e = [Double](repeating: 0, count: p)
            e[j] = 1
            columns.append(aliased[j] ? [Double](repeating: 0, count: p) : solve(e))
        }
        return (0..<p).map { i in (0..<p).map { j in columns[j][i] } }
    }
}
