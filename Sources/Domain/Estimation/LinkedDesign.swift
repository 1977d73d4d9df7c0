/// Two employer waves stacked into one stratified design, for the change of a total between them
/// with the covariance of the organisations that answered both (issue 28, point 7).
///
/// **The stacked design.** Every responding employer of either wave is a row with its wave's
/// design weight `w` (``StratifiedDesign/weights``) and its wave's stratum of estimation, named
/// by its respondents' sector x size band (``GapComparison/design(_:_:)``). The primary sampling
/// unit is the organisation: a code (`org_code`) given by exactly one respondent in each wave, in
/// the same stratum in both, makes those two rows one PSU (a *linked* organisation); every other
/// row is a PSU of its own (a code in one wave only, no code, a code given twice in a wave, or a
/// code whose stratum changed between the waves).
///
/// **Strata across the waves.** Each stratum `h` of sector x size band is split by overlap, as a
/// partial overlap is treated (the matched part and each wave's unmatched part as separate
/// strata): `h | both` holds the linked organisations, `h | wave 1` and `h | wave 2` each wave's
/// rows that are not linked. So without a link the variance is exactly `V₁ + V₂` of the two
/// waves' own designs, and with every organisation linked it is the panel's.
///
/// **The change** `D = Y₂ - Y₁ = Σ w_i d_i`, with `d_i = y_i` in the second wave and `-y_i` in
/// the first. Its linearised variance sums, over the stacked strata `g` with `n_g` PSUs and PSU
/// totals `Z_gk = Σ_{i in k} w_i d_i`,
///
///     V(D) = Σ_g (1 - π_g) · n_g / (n_g - 1) · Σ_k (Z_gk - Z̄_g)²      (n_g ≥ 2)
///     V(D) = Σ_g (1 - π_g) · Z_g1²                                    (n_g = 1)
///
/// A linked organisation's PSU total is `w₂ y₂ - w₁ y₁`: when its contributions are alike in
/// both waves they cancel, which is the covariance the independent-samples `sqrt(V₁ + V₂)`
/// leaves out. `π_g` is the sampling fraction: a wave's part has its wave's `n_{h,t} / N*_{h,t}`
/// (respondents over eligible organisations of the whole stratum), the linked part the mean of
/// the two, so that a stratum taken whole in both waves adds nothing and a full panel of `n` of
/// `N` in one frame gets the exact `(1 - n/N)` of simple random sampling.
///
/// This is what R's `survey` computes with
/// `svydesign(ids = ~org, strata = ~part, weights = ~w, fpc = ~pi, data = stacked)`
/// (`part` the stacked stratum, `pi` its fraction; `options(survey.lonely.psu = "adjust")`,
/// which centres a single PSU at 0) and `svytotal(~d, design)` with
/// `d = y * (wave == 2) - y * (wave == 1)`; `.ci/r/linked.R` checks it.
package struct LinkedDesign: Sendable {
    /// Per wave, each respondent's PSU (an index into the stacked design's PSUs).
    var psu: [[Int]]
    /// Each PSU's stratum.
    var psuStratum: [Int]
    /// Each stacked stratum's sampling fraction `π_h`.
    var fraction: [Double]
    package var strataNames: [String]
    /// Organisations linked (one PSU with a row in each wave).
    package private(set) var linked = 0
    /// Codes given in both waves that could not be linked (a different stratum, or given twice in a wave).
    package private(set) var unlinkable = 0
    /// Whether both waves have sampling error (a frame): without, there is no variance.
    package var hasSamplingError: Bool
    let weights: [[Double]]

    /// - Parameters:
    ///   - designs: the two waves' designs, first then second.
    ///   - strata: each wave's strata names, indexed as the design's `stratum`.
    ///   - codes: each wave's respondents' codes (`nil`: none given), in the design's order.
    package init(designs: [StratifiedDesign], strata: [[String]], codes: [[String?]]) {
        precondition(designs.count == 2 && strata.count == 2 && codes.count == 2)
        weights = designs.map(\.weights)
        hasSamplingError = designs.allSatisfy(\.hasSamplingError)
        // Each wave's sampling fraction per stratum name.
        var waveFraction: [[String: Double]] = [[:], [:]]
        for t in 0..<2 {
            let d = designs[t]
            for s in d.populations.indices where d.sizes[s] > 0 {
                waveFraction[t][strata[t][s]] = d.populations[s] > 0 ? min(1, Double(d.sizes[s]) / d.populations[s]) : 1
            }
        }
        let rowName = (0..<2).map { t in designs[t].stratum.map { strata[t][$0] } }
        // A code links when given once in each wave, in the same stratum.
        func once(_ t: Int) -> [String: Int] {
            var seen: [String: Int] = [:], twice: Set<String> = []
            for (i, c) in codes[t].enumerated() {
                guard let c else { continue }
                if seen[c] != nil { twice.insert(c) } else { seen[c] = i }
            }
            for c in twice { seen[c] = nil }
            return seen
        }
        let first = once(0), second = once(1)
        let common = Set(codes[0].compactMap { $0 }).intersection(codes[1].compactMap { $0 })
        var names: [String] = [], fractions: [Double] = []
        var index: [String: Int] = [:]
        // The stacked stratum of a name's part: "both" (linked) or a wave's own rows.
        func stratum(_ name: String, _ part: Int?) -> Int {
            let key = "\(name) | \(part.map { "wave \($0 + 1)" } ?? "both")"
            if let h = index[key] { return h }
            index[key] = names.count
            names.append(key)
            let f = part.map { waveFraction[$0][name] ?? 1 } ?? ((waveFraction[0][name] ?? 1) + (waveFraction[1][name] ?? 1)) / 2
            fractions.append(f)
            return names.count - 1
        }
        psu = [Array(repeating: -1, count: designs[0].count), Array(repeating: -1, count: designs[1].count)]
        psuStratum = []
        for code in common.sorted() {
            guard let i = first[code], let j = second[code], rowName[0][i] == rowName[1][j] else {
                unlinkable += 1
                continue
            }
            psu[0][i] = psuStratum.count
            psu[1][j] = psuStratum.count
            psuStratum.append(stratum(rowName[0][i], nil))
            linked += 1
        }
        for t in 0..<2 {
            for i in psu[t].indices where psu[t][i] < 0 {
                psu[t][i] = psuStratum.count
                psuStratum.append(stratum(rowName[t][i], t))
            }
        }
        strataNames = names
        fraction = fractions
    }

    /// The change `Y₂ - Y₁` of the total of `y` (one value per respondent of each wave) with its
    /// linearised standard error (`nil` without sampling error). A difference: not a count.
    package func change(_ first: [Double], _ second: [Double]) -> Estimate {
        var z = [Double](repeating: 0, count: psuStratum.count)
        var value = 0.0
        for (t, (y, sign)) in [(first, -1.0), (second, 1.0)].enumerated() {
            for i in y.indices where y[i] != 0 {
                let x = sign * weights[t][i] * y[i]
                z[psu[t][i]] += x
                value += x
            }
        }
        guard hasSamplingError else { return Estimate(value, se: nil, isCount: false) }
        var n = [Int](repeating: 0, count: strataNames.count)
        var sum = [Double](repeating: 0, count: strataNames.count), squares = sum
        for (k, h) in psuStratum.enumerated() {
            n[h] += 1
            sum[h] += z[k]
            squares[h] += z[k] * z[k]
        }
        var variance = 0.0
        for h in strataNames.indices where n[h] > 0 {
            let f = max(0, 1 - fraction[h])
            guard n[h] > 1 else {
                variance += f * squares[h]
                continue
            }
            let m = Double(n[h])
            variance += f * m / (m - 1) * max(0, squares[h] - sum[h] * sum[h] / m)
        }
        return Estimate(value, se: variance.squareRoot(), isCount: false)
    }
}
