/// Standard errors of weighted means in domains (a proportion is the mean of a 0/1 value)
/// under a stratified cluster design, after raking, by linearisation; what R's `survey` gives
/// for `svymean` and `svyby` on `rake(svydesign(ids = ~cluster, strata = ~stratum,
/// weights = ~1, nest = TRUE), ...)` with `options(survey.lonely.psu = "adjust")`.
///
/// For the mean `ȳ_d = Σ_d w y / W_d` of domain `d` (respondents in the domain with a valid
/// value), each respondent's influence value is `u_i = 1_d(i) (y_i - ȳ_d) / W_d`. After raking
/// it is replaced by its residual from the raking margins, `e_i = u_i - Σ_v a_v[c_v(i)]`, the
/// least-squares fit on the margins' categories over every respondent of the wave (design
/// weights 1; Deville and Särndal 1992), found by backfitting as R does. Then `z_i = w_i e_i`,
/// `Z_k` its total in unit `k`, and
/// `V = Σ_h n_h / (n_h - 1) Σ_{k in h} (Z_k - Z̄_h)²`; a stratum with one unit adds
/// `Z_k²` instead, centred on the grand mean 0 of the linearised values ("adjust").
///
/// Everything is done with group sums: per domain, totals per cluster and per cell (stratum
/// crossed with the raking categories), never a matrix of respondents by estimates. A
/// respondent alone in its unit adds its second moments to its cell instead of a cluster slot.
package struct LinearizedVariance: Sendable {
    package let design: SampleDesign
    let weights: [Double]
    let calibrated: Bool
    /// Per respondent, its cell; cells are nested in strata.
    let cell: [Int32]
    let cellStratum: [Int32]
    /// Per raking variable, per cell: the category; respondents who did not say are a category
    /// of their own at the end (their weight is not adjusted, so the fit keeps them apart).
    let cellCategory: [[Int16]]
    /// Per raking variable, its categories' respondent counts.
    let categoryCount: [[Double]]
    /// Respondents per cell, over the whole wave.
    let cellCount: [Double]
    /// Per cell, Σ w and Σ w² of its respondents who are their own unit.
    let singleWeight: [Double]
    let singleSquare: [Double]
    /// Per cluster, its cells and their weight totals (CSR).
    let clusterStart: [Int]
    let clusterCell: [Int32]
    let clusterWeight: [Double]

    package var cells: Int { cellStratum.count }

    /// Prepares the variance for one wave.
    ///
    /// - Parameters:
    ///   - weights: the final (raked) weights, or `nil` for every weight 1.
    ///   - raking: the raking variables the weights were calibrated on (empty: none).
    package init(design: SampleDesign, weights: [Double]?, raking: [Raking.Variable] = []) {
        let n = design.count
        self.design = design
        self.weights = weights ?? Array(repeating: 1, count: n)
        self.calibrated = !raking.isEmpty
        var keys: [Int: Int32] = [:]
        var cell = [Int32](repeating: 0, count: n)
        var cellStratum: [Int32] = []
        var cellCategory = raking.map { _ in [Int16]() }
        for i in 0..<n {
            var key = Int(design.stratum[i])
            for v in raking {
                key = key &* (v.categories.count + 1) &+ Int(v.category[i]) &+ 1
            }
            if let m = keys[key] {
                cell[i] = m
            } else {
                let m = Int32(cellStratum.count)
                keys[key] = m
                cell[i] = m
                cellStratum.append(design.stratum[i])
                for (v, variable) in raking.enumerated() {
                    let c = variable.category[i]
                    cellCategory[v].append(c >= 0 ? c : Int16(variable.categories.count))
                }
            }
        }
        let cells = cellStratum.count
        var cellCount = [Double](repeating: 0, count: cells)
        var singleWeight = [Double](repeating: 0, count: cells)
        var singleSquare = [Double](repeating: 0, count: cells)
        // Each cluster's weight per cell (CSR): its respondents' cells, sorted, then summed.
        var pairs: [(k: Int32, m: Int32, w: Double)] = []
        for i in 0..<n {
            let m = Int(cell[i])
            let w = self.weights[i]
            cellCount[m] += 1
            let k = design.cluster[i]
            if k >= 0 {
                pairs.append((k, cell[i], w))
            } else {
                singleWeight[m] += w
                singleSquare[m] += w * w
            }
        }
        pairs.sort { a, b in a.k < b.k || (a.k == b.k && a.m < b.m) }
        var start = [Int](repeating: 0, count: design.clusterCount + 1), clusterCell: [Int32] = [], clusterWeight: [Double] = []
        var previous: (k: Int32, m: Int32) = (-1, -1)
        for p in pairs {
            if p.k == previous.k && p.m == previous.m {
                clusterWeight[clusterWeight.count - 1] += p.w
            } else {
                clusterCell.append(p.m)
                clusterWeight.append(p.w)
                previous = (p.k, p.m)
            }
            start[Int(p.k) + 1] = clusterCell.count
        }
        for k in 0..<design.clusterCount { start[k + 1] = max(start[k + 1], start[k]) }
        var categoryCount = raking.map { [Double](repeating: 0, count: $0.categories.count + 1) }
        for v in raking.indices {
            for m in 0..<cells where cellCategory[v][m] >= 0 { categoryCount[v][Int(cellCategory[v][m])] += cellCount[m] }
        }
        self.cell = cell
        self.cellStratum = cellStratum
        self.cellCategory = cellCategory
        self.categoryCount = categoryCount
        self.cellCount = cellCount
        self.singleWeight = singleWeight
        self.singleSquare = singleSquare
        self.clusterStart = start
        self.clusterCell = clusterCell
        self.clusterWeight = clusterWeight
    }

    /// Fresh sums for `domains` domains.
    package func sums(domains: Int) -> DomainSums {
        DomainSums(domains: domains, clusters: design.clusterCount, cells: cells)
    }

    /// Adds respondent `i`'s valid value `y` to domain `d`.
    @inline(__always)
    package func add(_ y: Double, respondent i: Int, domain d: Int, to sums: DomainSums) {
        let w = weights[i]
        let m = d * sums.cells + Int(cell[i])
        sums.count[d] += 1
        sums.sumSquares[d] += w * y * y
        sums.cellCount[m] += 1
        sums.cellValues[m] += y
        let k = Int(design.cluster[i])
        if k >= 0 {
            let slot = 2 * (k * sums.domains + d)
            sums.clusterSums[slot] += w
            sums.clusterSums[slot + 1] += w * y
        } else {
            sums.singles[d] += 1
            let wy = w * y
            sums.singleMoments[5 * m] += w
            sums.singleMoments[5 * m + 1] += wy
            sums.singleMoments[5 * m + 2] += w * w
            sums.singleMoments[5 * m + 3] += w * wy
            sums.singleMoments[5 * m + 4] += wy * wy
        }
    }
}

/// Group sums of one set of domains: what ``LinearizedVariance`` needs of the respondents.
///
/// A class over raw buffers, so that the per-respondent additions neither copy nor check
/// uniqueness; one pass owns it, and it never crosses threads.
package final class DomainSums {
    package let domains: Int
    let clusters: Int
    let cells: Int
    /// Per domain: valid respondents, those of them alone in their unit, Σ w y².
    let count: UnsafeMutableBufferPointer<Int>
    let singles: UnsafeMutableBufferPointer<Int>
    let sumSquares: UnsafeMutableBufferPointer<Double>
    /// Per cluster and domain (cluster-major, so that a cluster's respondents add to one
    /// block): Σ w and Σ w y, at `2 (k · domains + d)` and the next.
    let clusterSums: UnsafeMutableBufferPointer<Double>
    /// Per domain and cell: respondents and Σ y (unweighted, for the raking residuals), and for
    /// respondents alone in their unit Σ w, Σ w y, Σ w², Σ w² y, Σ w² y².
    let cellCount: UnsafeMutableBufferPointer<Double>
    let cellValues: UnsafeMutableBufferPointer<Double>
    let singleMoments: UnsafeMutableBufferPointer<Double>

    init(domains: Int, clusters: Int, cells: Int) {
        func zeros<T: Numeric>(_ n: Int, _: T.Type) -> UnsafeMutableBufferPointer<T> {
            let buffer = UnsafeMutableBufferPointer<T>.allocate(capacity: max(1, n))
            buffer.initialize(repeating: 0)
            return buffer
        }
        self.domains = domains
        self.clusters = clusters
        self.cells = cells
        count = zeros(domains, Int.self)
        singles = zeros(domains, Int.self)
        sumSquares = zeros(domains, Double.self)
        clusterSums = zeros(2 * domains * clusters, Double.self)
        cellCount = zeros(domains * cells, Double.self)
        cellValues = zeros(domains * cells, Double.self)
        singleMoments = zeros(domains * cells * 5, Double.self)
    }

    deinit {
        for buffer in [count, singles] { buffer.deallocate() }
        for buffer in [sumSquares, clusterSums, cellCount, cellValues, singleMoments] { buffer.deallocate() }
    }

    /// The sums of domain `a` minus those of domain `b` of `other` (b a subset of a): the rest
    /// of `a` outside `b`, as domain 0 of the result.
    package func minus(_ a: Int, _ other: DomainSums, _ b: Int) -> DomainSums {
        let r = DomainSums(domains: 1, clusters: clusters, cells: cells)
        r.count[0] = count[a] - other.count[b]
        r.singles[0] = singles[a] - other.singles[b]
        r.sumSquares[0] = sumSquares[a] - other.sumSquares[b]
        for k in 0..<clusters {
            r.clusterSums[2 * k] = clusterSums[2 * (k * domains + a)] - other.clusterSums[2 * (k * other.domains + b)]
            r.clusterSums[2 * k + 1] = clusterSums[2 * (k * domains + a) + 1] - other.clusterSums[2 * (k * other.domains + b) + 1]
        }
        for m in 0..<cells {
            r.cellCount[m] = cellCount[a * cells + m] - other.cellCount[b * cells + m]
            r.cellValues[m] = cellValues[a * cells + m] - other.cellValues[b * cells + m]
        }
        for j in 0..<(cells * 5) { r.singleMoments[j] = singleMoments[a * cells * 5 + j] - other.singleMoments[b * cells * 5 + j] }
        return r
    }
}
