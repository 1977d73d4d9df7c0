/// How a sample was drawn, as the variance needs it: each respondent's stratum and primary
/// sampling unit (cluster). Clusters are nested in strata: a cluster code seen in two strata
/// is two clusters. A respondent with no cluster code, or alone in its cluster, is its own
/// unit (a "singleton"). Without strata or clusters every respondent is its own unit in one
/// stratum: simple random sampling with replacement.
package struct SampleDesign: Sendable, Equatable {
    /// Per respondent, its stratum (`0..<strataCount`).
    package private(set) var stratum: [Int32]
    /// Per respondent, the index of its cluster of two or more respondents, or -1 when the
    /// respondent is its own unit.
    package private(set) var cluster: [Int32]
    /// Per cluster, its stratum.
    package private(set) var clusterStratum: [Int32]
    package private(set) var strataCount: Int
    /// Per stratum, its primary sampling units (clusters and singletons): `n_h`.
    package private(set) var unitsPerStratum: [Int]

    package var count: Int { stratum.count }
    package var clusterCount: Int { clusterStratum.count }
    /// Every unit of the design: clusters and respondents on their own.
    package var units: Int { unitsPerStratum.reduce(0, +) }
    /// Units minus strata: the design's degrees of freedom.
    package var degreesOfFreedom: Int { units - unitsPerStratum.filter { $0 > 0 }.count }

    /// Every one of `count` respondents its own unit, in one stratum.
    package init(count: Int) {
        self.init(strata: Array(repeating: 0, count: count), clusters: Array(repeating: -1, count: count))
    }

    /// A design from per-respondent codes.
    ///
    /// - Parameters:
    ///   - strata: each respondent's stratum code (any integers; equal codes, same stratum).
    ///   - clusters: each respondent's cluster code (any integers; -1 or below: none). The
    ///     same code in two strata gives two clusters.
    package init(strata: [Int], clusters: [Int]) {
        precondition(strata.count == clusters.count, "one stratum and one cluster code per respondent")
        var strataIndex: [Int: Int32] = [:]
        var stratum = [Int32](repeating: 0, count: strata.count)
        for (i, s) in strata.enumerated() {
            if let h = strataIndex[s] {
                stratum[i] = h
            } else {
                let h = Int32(strataIndex.count)
                strataIndex[s] = h
                stratum[i] = h
            }
        }
        // Clusters by (stratum, code); sizes first, so that a cluster of one becomes a singleton.
        struct Key: Hashable {
            var stratum: Int32
            var code: Int
        }
        var clusterIndex: [Key: Int32] = [:]
        var raw = [Int32](repeating: -1, count: strata.count)
        var sizes: [Int] = []
        var rawStratum: [Int32] = []
        for i in clusters.indices where clusters[i] >= 0 {
            let key = Key(stratum: stratum[i], code: clusters[i])
            if let k = clusterIndex[key] {
                raw[i] = k
                sizes[Int(k)] += 1
            } else {
                let k = Int32(sizes.count)
                clusterIndex[key] = k
                raw[i] = k
                sizes.append(1)
                rawStratum.append(stratum[i])
            }
        }
        var renumber = [Int32](repeating: -1, count: sizes.count)
        var clusterStratum: [Int32] = []
        for k in sizes.indices where sizes[k] > 1 {
            renumber[k] = Int32(clusterStratum.count)
            clusterStratum.append(rawStratum[k])
        }
        var units = [Int](repeating: 0, count: strataIndex.count)
        for h in clusterStratum { units[Int(h)] += 1 }
        var cluster = [Int32](repeating: -1, count: strata.count)
        for i in raw.indices {
            if raw[i] >= 0, renumber[Int(raw[i])] >= 0 {
                cluster[i] = renumber[Int(raw[i])]
            } else {
                units[Int(stratum[i])] += 1
            }
        }
        self.stratum = stratum
        self.cluster = cluster
        self.clusterStratum = clusterStratum
        self.strataCount = strataIndex.count
        self.unitsPerStratum = units
    }

    /// Strata with a single unit ("lonely" PSUs), handled as R's `survey.lonely.psu = "adjust"`.
    package var lonelyStrata: Int { unitsPerStratum.filter { $0 == 1 }.count }
}
