/// Change on the joint design when two waves visit the same enumeration areas (issue 30).
extension AwarenessWave {
    /// The names of the design's strata (the strata questions' answers, comma-joined) and of
    /// its clusters (the stratum's name and the cluster's code), to match units across waves.
    var unitNames: (strata: [String], clusters: [String]) {
        var strata = [String](repeating: "", count: design.strataCount)
        var clusters = [String](repeating: "", count: design.clusterCount)
        let columns = sampleDesign.strata.map { b in (data.category[b] ?? [], data.categories[b] ?? []) }
        for i in 0..<data.count {
            let name = columns.map { column, names in
                let c = i < column.count ? Int(column[i]) : -1
                return c >= 0 && c < names.count ? names[c] : "(none)"
            }.joined(separator: ",")
            strata[Int(design.stratum[i])] = name
            let k = Int(design.cluster[i])
            if k >= 0, !data.cluster.isEmpty, data.cluster[i] >= 0 { clusters[k] = name + "|" + data.clusterCodes[Int(data.cluster[i])] }
        }
        return (strata, clusters)
    }

    /// Whether `self` and `other` share clusters on the same design (strata and cluster
    /// question): then a change between them is estimated on the stacked design.
    func sharesClusters(with other: AwarenessWave) -> Bool {
        guard sampleDesign.cluster != nil, sampleDesign.cluster == other.sampleDesign.cluster, sampleDesign.strata == other.sampleDesign.strata else {
            return false
        }
        return !Set(unitNames.clusters).isDisjoint(with: other.unitNames.clusters)
    }

    /// The standard error of `followup`'s domain mean minus `base`'s on the stacked design.
    static func stackedError(
        _ base: AwarenessWave, _ baseNames: (strata: [String], clusters: [String]), _ baseSums: DomainSums, _ baseDomain: Int,
        _ followup: AwarenessWave, _ followupNames: (strata: [String], clusters: [String]), _ followupSums: DomainSums, _ followupDomain: Int
    ) -> Double? {
        guard let a = base.variance.unitTotals([.init(baseSums, baseDomain, -1)]),
            let b = followup.variance.unitTotals([.init(followupSums, followupDomain, 1)])
        else { return nil }
        let sides = [
            StackedVariance.Side(variance: base.variance, totals: a, strata: baseNames.strata, clusters: baseNames.clusters),
            StackedVariance.Side(variance: followup.variance, totals: b, strata: followupNames.strata, clusters: followupNames.clusters),
        ]
        return StackedVariance.variance(sides).variance.squareRoot()
    }
}
