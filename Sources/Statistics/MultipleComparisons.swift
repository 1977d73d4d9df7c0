/// Adjusting p-values for a family of tests.
package enum MultipleComparisons {
    /// Benjamini and Hochberg's (1995) q-values: with the `m` p-values sorted,
    /// `q_(i) = min_{j >= i} min(1, m p_(j) / j)`; a test with `q < α` is kept at false
    /// discovery rate `α`. What R's `p.adjust(p, "BH")` gives; `nil` entries are not tests and
    /// stay `nil`.
    package static func benjaminiHochberg(_ pValues: [Double?]) -> [Double?] {
        var tests: [(index: Int, p: Double)] = []
        for (i, p) in pValues.enumerated() {
            if let p { tests.append((i, p)) }
        }
        tests.sort { a, b in a.p < b.p || (a.p == b.p && a.index < b.index) }
        var q = [Double?](repeating: nil, count: pValues.count)
        let m = Double(tests.count)
        var running = 1.0
        for rank in stride(from: tests.count, through: 1, by: -1) {
            let test = tests[rank - 1]
            let adjusted: Double = m * test.p / Double(rank)
            running = Swift.min(running, Swift.min(1.0, adjusted))
            q[test.index] = running
        }
        return q
    }
}
