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
public struct LinearizedVariance: Sendable {
    public let design: SampleDesign
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

    public var cells: Int { cellStratum.count }

    /// Prepares the variance for one wave.
    ///
    /// - Parameters:
    ///   - weights: the final (raked) weights, or `nil` for every weight 1.
    ///   - raking: the raking variables the weights were calibrated on (empty: none).
    public init(design: SampleDesign, weights: [Double]?, raking: [Raking.Variable] = []) {
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
        var perCluster = [[Int32: Double]](repeating: [:], count: design.clusterCount)
        for i in 0..<n {
            let m = Int(cell[i])
            let w = self.weights[i]
            cellCount[m] += 1
            let k = Int(design.cluster[i])
            if k >= 0 {
                perCluster[k][cell[i], default: 0] += w
            } else {
                singleWeight[m] += w
                singleSquare[m] += w * w
            }
        }
        var start = [0], clusterCell: [Int32] = [], clusterWeight: [Double] = []
        for sums in perCluster {
            for (m, w) in sums.sorted(by: { $0.key < $1.key }) {
                clusterCell.append(m)
                clusterWeight.append(w)
            }
            start.append(clusterCell.count)
        }
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
    public func sums(domains: Int) -> DomainSums {
        DomainSums(domains: domains, clusters: design.clusterCount, cells: cells)
    }

    /// Adds respondent `i`'s valid value `y` to domain `d`.
    @inline(__always)
    public func add(_ y: Double, respondent i: Int, domain d: Int, to sums: inout DomainSums) {
        let w = weights[i]
        let m = d * sums.cells + Int(cell[i])
        sums.count[d] += 1
        sums.sumSquares[d] += w * y * y
        sums.cellCount[m] += 1
        sums.cellValues[m] += y
        let k = Int(design.cluster[i])
        if k >= 0 {
            let slot = d * sums.clusters + k
            sums.clusterWeight[slot] += w
            sums.clusterValues[slot] += w * y
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
public struct DomainSums: Sendable {
    public let domains: Int
    let clusters: Int
    let cells: Int
    /// Per domain: valid respondents, those of them alone in their unit, Σ w y².
    var count: [Int]
    var singles: [Int]
    var sumSquares: [Double]
    /// Per domain and cluster: Σ w, Σ w y.
    var clusterWeight: [Double]
    var clusterValues: [Double]
    /// Per domain and cell: respondents and Σ y (unweighted, for the raking residuals), and for
    /// respondents alone in their unit Σ w, Σ w y, Σ w², Σ w² y, Σ w² y².
    var cellCount: [Double]
    var cellValues: [Double]
    var singleMoments: [Double]

    init(domains: Int, clusters: Int, cells: Int) {
        self.domains = domains
        self.clusters = clusters
        self.cells = cells
        count = Array(repeating: 0, count: domains)
        singles = count
        sumSquares = Array(repeating: 0, count: domains)
        clusterWeight = Array(repeating: 0, count: domains * clusters)
        clusterValues = clusterWeight
        cellCount = Array(repeating: 0, count: domains * cells)
        cellValues = cellCount
        singleMoments = Array(repeating: 0, count: domains * cells * 5)
    }

    /// The sums of domain `a` minus those of domain `b` of `other` (b a subset of a): the rest
    /// of `a` outside `b`, as domain 0 of the result.
    public func minus(_ a: Int, _ other: DomainSums, _ b: Int) -> DomainSums {
        var r = DomainSums(domains: 1, clusters: clusters, cells: cells)
        r.count[0] = count[a] - other.count[b]
        r.singles[0] = singles[a] - other.singles[b]
        r.sumSquares[0] = sumSquares[a] - other.sumSquares[b]
        for k in 0..<clusters {
            r.clusterWeight[k] = clusterWeight[a * clusters + k] - other.clusterWeight[b * clusters + k]
            r.clusterValues[k] = clusterValues[a * clusters + k] - other.clusterValues[b * clusters + k]
        }
        for m in 0..<cells {
            r.cellCount[m] = cellCount[a * cells + m] - other.cellCount[b * cells + m]
            r.cellValues[m] = cellValues[a * cells + m] - other.cellValues[b * cells + m]
        }
        for j in 0..<(cells * 5) { r.singleMoments[j] = singleMoments[a * cells * 5 + j] - other.singleMoments[b * cells * 5 + j] }
        return r
    }
}
