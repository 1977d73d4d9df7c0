import Foundation

/// What `workforce awareness` is asked for.
public struct AwarenessRequest: Sendable {
    public var wave: String
    /// Break every indicator down by these, one after the other (each after the overall row).
    public var breakdowns: [AwarenessBreakdown]
    /// Compare a follow-up wave with a baseline wave instead of estimating one wave.
    public var compare: (base: String, followup: String)?
    public var margins: PopulationMargins?
    public var indicator: String?
    /// Cells resting on fewer unweighted respondents are suppressed (SPEC: 10).
    public var minimumCell: Int

    public init(
        wave: String = "baseline", breakdowns: [AwarenessBreakdown] = [], compare: (base: String, followup: String)? = nil,
        margins: PopulationMargins? = nil, indicator: String? = nil, minimumCell: Int = 10
    ) {
        self.wave = wave
        self.breakdowns = breakdowns
        self.compare = compare
        self.margins = margins
        self.indicator = indicator
        self.minimumCell = minimumCell
    }
}

/// How one wave was weighted.
public struct WaveWeighting: Sendable {
    public var wave: String
    public var respondents: Int
    /// `nil` without margins (every weight 1).
    public var raking: Raking.Result?
    /// Stored rows not counted: a "no" to consent or to being 18 or older.
    public var excluded = 0

    public var description: String {
        var text = body
        if excluded > 0 { text += " \(plural(excluded, "more stored row")) did not pass consent or the age check and \(excluded == 1 ? "is" : "are") not counted." }
        return text
    }

    private var body: String {
        guard let r = raking else {
            return "Wave \(wave): \(respondents) respondents, unweighted (every weight 1): the figures describe the respondents only."
        }
        let status = r.converged
            ? "converged in \(plural(r.iterations, "iteration"))"
            : "did NOT converge in \(r.iterations) iterations (largest margin error \(String(format: "%.2g", r.largestRelativeError)) relative); treat the weighted figures with care"
        return "Wave \(wave): \(respondents) respondents raked to population margins, \(status); weights "
            + String(format: "%.3g to %.3g, design effect n/n_eff %.3f.", r.smallestWeight, r.largestWeight, r.designEffect)
    }
}

/// The awareness baseline and campaign-impact statistics (SPEC section 6): weighted
/// proportions with Wilson intervals on `n_eff`, and follow-up against baseline with Newcombe's
/// hybrid score interval and the two-proportion z-test; small cells suppressed.
public enum AwarenessAnalysis {
    /// Runs `request` on the awareness responses in `store`.
    ///
    /// - Throws: ``WorkforceError/noInput(path:reason:)`` for a wave never imported;
    ///   ``WorkforceError/usage(_:)`` for an unknown indicator; ``WorkforceError/badData(_:_:)``
    ///   for margins that do not fit the sample.
    public static func run(_ store: WorkforceStore, _ request: AwarenessRequest) throws -> (table: ResultTable, weighting: [WaveWeighting]) {
        if let (base, followup) = request.compare {
            let a = try AwarenessData(store: store, wave: base)
            let b = try AwarenessData(store: store, wave: followup)
            _ = try indicators(a, request, also: b)
            let (wa, ra) = try weights(a, request.margins)
            let (wb, rb) = try weights(b, request.margins)
            var table = compare(a, wa, b, wb, request)
            let weighting = [
                WaveWeighting(wave: base, respondents: a.count, raking: ra, excluded: a.excluded),
                WaveWeighting(wave: followup, respondents: b.count, raking: rb, excluded: b.excluded),
            ]
            table.notes = weighting.map(\.description) + [suppressionNote(request)]
            return (table, weighting)
        }
        let data = try AwarenessData(store: store, wave: request.wave)
        _ = try indicators(data, request)
        let (w, raking) = try weights(data, request.margins)
        var table = estimate(data, w, request)
        let weighting = [WaveWeighting(wave: request.wave, respondents: data.count, raking: raking, excluded: data.excluded)]
        table.notes = weighting.map(\.description) + [suppressionNote(request)]
        return (table, weighting)
    }

    static func suppressionNote(_ request: AwarenessRequest) -> String {
        "Cells with fewer than \(request.minimumCell) respondents are suppressed (figures withheld, suppressed = true)."
    }

    static func weights(_ data: AwarenessData, _ margins: PopulationMargins?) throws(WorkforceError) -> ([Double]?, Raking.Result?) {
        guard let margins else { return (nil, nil) }
        let result = try data.rake(to: margins)
        return (result.weights, result)
    }

    /// The indicators asked for, by index into `data.indicators` (-1: the knowledge score).
    static func indicators(_ data: AwarenessData, _ request: AwarenessRequest, also other: AwarenessData? = nil) throws(WorkforceError) -> [Int] {
        var all = Array(data.indicators.indices).filter { other?.indicators.contains(data.indicators[$0]) ?? true } + [-1]
        if let name = request.indicator {
            if name == AwarenessData.knowledgeIndicator { return [-1] }
            guard let i = data.indicators.firstIndex(of: name), all.contains(i) else {
                let names = all.map { $0 < 0 ? AwarenessData.knowledgeIndicator : data.indicators[$0] }
                throw .usage("no indicator \(name) in wave \(data.wave); indicators: \(names.joined(separator: ", "))")
            }
            all = [i]
        }
        return all
    }

    /// Each group's estimate of indicator `i` (or, for -1, the knowledge score), in one pass
    /// over the respondents: element 0 is the overall estimate, element `b + 1` the groups of
    /// `breakdowns[b]` in choice order.
    static func accumulate(_ data: AwarenessData, _ w: [Double]?, _ i: Int, _ breakdowns: [AwarenessBreakdown]) -> [[MeanEstimate]] {
        var all = MeanEstimate()
        var sums = breakdowns.map { Array(repeating: MeanEstimate(), count: data.categories[$0]?.count ?? 0) }
        let columns = breakdowns.map { $0 == .group ? nil : data.category[$0] }
        let groupIndex = breakdowns.firstIndex(of: .group)
        let values = i >= 0 ? data.values[i] : []
        let knowledge = data.knowledge
        for r in 0..<data.count {
            let x: Double
            if i >= 0 {
                let v = values[r]
                guard v >= 0 else { continue }
                x = Double(v)
            } else {
                x = knowledge[r]
                guard !x.isNaN else { continue }
            }
            let weight = w?[r] ?? 1
            all.add(x, weight: weight)
            for b in columns.indices {
                if let column = columns[b] {
                    let c = Int(column[r])
                    if c >= 0 { sums[b][c].add(x, weight: weight) }
                }
            }
            if let g = groupIndex {
                var bits = data.groups[r]
                while bits != 0 {
                    let k = bits.trailingZeroBitCount
                    if k < sums[g].count { sums[g][k].add(x, weight: weight) }
                    bits &= bits - 1
                }
            }
        }
        return [[all]] + sums
    }

    /// One breakdown's estimates, "all" first (for tests and single breakdowns).
    static func accumulate(_ data: AwarenessData, _ w: [Double]?, _ i: Int, _ breakdown: AwarenessBreakdown?) -> [MeanEstimate] {
        let sums = accumulate(data, w, i, breakdown.map { [$0] } ?? [])
        return sums[0] + (sums.count > 1 ? sums[1] : [])
    }

    /// The rows of each indicator: overall, then each breakdown's groups, with their estimates.
    static func rows(
        _ data: AwarenessData, _ w: [Double]?, _ i: Int, _ breakdowns: [AwarenessBreakdown]
    ) -> [(breakdown: String, group: String, estimate: MeanEstimate)] {
        let sums = accumulate(data, w, i, breakdowns)
        var rows = [("all", "all", sums[0][0])]
        for (b, breakdown) in breakdowns.enumerated() {
            for (g, name) in (data.categories[breakdown] ?? []).enumerated() { rows.append((breakdown.rawValue, name, sums[b + 1][g])) }
        }
        return rows
    }

    /// An estimate's interval: Wilson on `n_eff` for a proportion, normal for the knowledge score.
    static func interval(_ e: MeanEstimate, isProportion: Bool) -> ClosedRange<Double>? {
        guard let mean = e.mean else { return nil }
        return isProportion ? Wilson.interval(p: mean, n: e.effectiveSize) : e.interval
    }

    static func estimate(_ data: AwarenessData, _ w: [Double]?, _ request: AwarenessRequest) -> ResultTable {
        var table = ResultTable(columns: ["indicator", "breakdown", "group", "n", "n_eff", "p", "ci_low", "ci_high", "suppressed"])
        for i in (try? indicators(data, request)) ?? [] {
            let name = i >= 0 ? data.indicators[i] : AwarenessData.knowledgeIndicator
            for (breakdown, group, e) in rows(data, w, i, request.breakdowns) {
                let suppressed = e.n < request.minimumCell
                let ci = interval(e, isProportion: i >= 0)
                table.append(
                    [.text(name), .text(breakdown), .text(group)]
                        + (suppressed
                            ? [.null, .null, .null, .null, .null]
                            : [.int(e.n), .double(e.effectiveSize), cell(e.mean), cell(ci?.lowerBound), cell(ci?.upperBound)])
                        + [.bool(suppressed)])
            }
        }
        return table
    }

    static func compare(_ a: AwarenessData, _ wa: [Double]?, _ b: AwarenessData, _ wb: [Double]?, _ request: AwarenessRequest) -> ResultTable {
        var table = ResultTable(columns: [
            "indicator", "breakdown", "group", "n_base", "n_followup", "p_base", "p_followup", "n_eff_base", "n_eff_followup",
            "diff", "diff_ci_low", "diff_ci_high", "z", "p_value", "suppressed",
        ])
        for i in (try? indicators(a, request, also: b)) ?? [] {
            let name = i >= 0 ? a.indicators[i] : AwarenessData.knowledgeIndicator
            let j = i >= 0 ? b.indicators.firstIndex(of: name) ?? -1 : -1
            let follow = Dictionary(
                rows(b, wb, j, request.breakdowns).map { ("\($0.breakdown)/\($0.group)", $0.estimate) }, uniquingKeysWith: { x, _ in x })
            for (breakdown, group, e1) in rows(a, wa, i, request.breakdowns) {
                // The follow-up's group of the same name (the same choice list, in any order).
                let e2 = follow["\(breakdown)/\(group)"] ?? MeanEstimate()
                let suppressed = e1.n < request.minimumCell || e2.n < request.minimumCell
                var row: [Cell] = [.text(name), .text(breakdown), .text(group)]
                guard !suppressed, let p1 = e1.mean, let p2 = e2.mean else {
                    table.append(row + Array(repeating: .null, count: 11) + [.bool(true)])
                    continue
                }
                let d: ProportionDifference
                if i >= 0 {
                    d = ProportionDifference(base: p1, n2: e1.effectiveSize, followup: p2, n1: e2.effectiveSize)
                } else {
                    d = meanDifference(base: e1, followup: e2)
                }
                row += [
                    .int(e1.n), .int(e2.n), .double(p1), .double(p2), .double(e1.effectiveSize), .double(e2.effectiveSize),
                    .double(d.difference), .double(d.interval.lowerBound), .double(d.interval.upperBound), .double(d.z),
                    .double(d.pValue), .bool(false),
                ]
                table.append(row)
            }
        }
        return table
    }

    /// The knowledge score's change: a normal interval and z-test on the two means' standard errors.
    static func meanDifference(base: MeanEstimate, followup: MeanEstimate) -> ProportionDifference {
        func se(_ e: MeanEstimate) -> Double {
            guard let m = e.mean, e.effectiveSize > 0 else { return 0 }
            return (max(0, e.sumWeightedSquares / e.sumWeights - m * m) / e.effectiveSize).squareRoot()
        }
        let diff = (followup.mean ?? 0) - (base.mean ?? 0)
        let s = (se(base) * se(base) + se(followup) * se(followup)).squareRoot()
        let z = s > 0 ? diff / s : 0
        return ProportionDifference(
            difference: diff, interval: (diff - Normal.z95 * s)...(diff + Normal.z95 * s), z: z,
            pValue: s > 0 ? Normal.twoSidedPValue(z) : 1)
    }

    static func cell(_ value: Double?) -> Cell { value.map(Cell.double) ?? .null }
}
