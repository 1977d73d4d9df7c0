/// A difference between two awareness figures: a follow-up against the baseline (independent
/// samples), or a group against the rest of the same wave.
package struct AwarenessDifference: Sendable {
    package var indicator: String
    package var breakdown: String
    package var group: String
    /// The figure subtracted (the baseline, or the rest) and the other one.
    package var from: Double?
    package var to: Double?
    /// `to - from`.
    package var difference: Double?
    /// Design-based: `sqrt(se1² + se2²)` for independent waves; for a group against the rest,
    /// from the difference of their linearised values in the same units.
    package var se: Double?
    /// Newcombe's hybrid interval (his method 10, the square-and-add of the two figures' own
    /// intervals) from the two Korn-Graubard intervals (a proportion); `diff ± 1.96 se` (a score).
    package var interval: ClosedRange<Double>?
    package var z: Double?
    package var pValue: Double?
    /// Benjamini-Hochberg over the published differences of the same breakdown.
    package var qValue: Double?
    package var reliability: Reliability

    package var isPublished: Bool { reliability == .published }

    /// The difference `to - from`, published only when both figures are.
    init(from a: AwarenessEstimate, to b: AwarenessEstimate, se: Double?, names: (String, String)) {
        indicator = b.indicator
        breakdown = b.breakdown
        group = b.group
        switch (a.reliability, b.reliability) {
        case (.suppressed, _): reliability = .suppressed(.phrase("awareness.reason.figure_suppressed", ["which": .phrase(Phrase("awareness.figure.\(names.0)"))]))
        case (_, .suppressed): reliability = .suppressed(.phrase("awareness.reason.figure_suppressed", ["which": .phrase(Phrase("awareness.figure.\(names.1)"))]))
        case (.unreliable, _): reliability = .unreliable(.phrase("awareness.reason.figure_unreliable", ["which": .phrase(Phrase("awareness.figure.\(names.0)"))]))
        case (_, .unreliable): reliability = .unreliable(.phrase("awareness.reason.figure_unreliable", ["which": .phrase(Phrase("awareness.figure.\(names.1)"))]))
        case (.review, _): reliability = .review(.phrase("awareness.reason.figure_review", ["which": .phrase(Phrase("awareness.figure.\(names.0)"))]))
        case (_, .review): reliability = .review(.phrase("awareness.reason.figure_review", ["which": .phrase(Phrase("awareness.figure.\(names.1)"))]))
        default: reliability = .published
        }
        guard a.isShown, b.isShown, let p1 = a.value, let p2 = b.value, let se else { return }
        from = p1
        to = p2
        let d = p2 - p1
        difference = d
        self.se = se
        if a.isProportion, let i1 = a.interval, let i2 = b.interval {
            let low = ((p2 - i2.lowerBound) * (p2 - i2.lowerBound) + (i1.upperBound - p1) * (i1.upperBound - p1)).squareRoot()
            let high = ((i2.upperBound - p2) * (i2.upperBound - p2) + (p1 - i1.lowerBound) * (p1 - i1.lowerBound)).squareRoot()
            interval = (d - low)...(d + high)
        } else {
            interval = (d - Normal.z95 * se)...(d + Normal.z95 * se)
        }
        let z = se > 0 ? d / se : 0
        self.z = z
        pValue = se > 0 ? Normal.twoSidedPValue(z) : 1
    }

    /// Fills in the q-values: one family per breakdown (the overall rows are one family).
    static func adjust(_ rows: inout [AwarenessDifference]) {
        var families: [String: [Int]] = [:]
        for (i, row) in rows.enumerated() where row.pValue != nil { families[row.breakdown, default: []].append(i) }
        for members in families.values {
            let q = MultipleComparisons.benjaminiHochberg(members.map { rows[$0].pValue })
            for (j, i) in members.enumerated() { rows[i].qValue = q[j] }
        }
    }
}

extension AwarenessWave {
    /// Each category of `breakdown` against everyone outside it with a valid value.
    func contrasts(_ measure: AwarenessMeasure, _ breakdown: AwarenessBreakdown, _ sums: DomainSums, _ layout: DomainLayout) -> [AwarenessDifference] {
        var rows: [AwarenessDifference] = []
        for (c, name) in (data.categories[breakdown] ?? []).enumerated() {
            guard let d = layout.domain(breakdown, c) else { continue }
            let rest = sums.minus(0, sums, d)
            func figure(_ s: DomainSums, _ domain: Int, _ group: String) -> AwarenessEstimate {
                AwarenessEstimate(
                    indicator: measure.name, label: measure.label, breakdown: breakdown.rawValue, group: group,
                    isProportion: measure.isProportion, mean: variance.estimate(s, domain), minimumCell: request.minimumCell)
            }
            let inside = figure(sums, d, name), outside = figure(rest, 0, "rest")
            let se = variance.combinedError([.init(sums, d, 1), .init(rest, 0, -1)])
            rows.append(AwarenessDifference(from: outside, to: inside, se: se, names: ("rest", "group")))
        }
        return rows
    }
}
