/// One awareness figure: an indicator's proportion (or a score's mean) in one domain, with its
/// design-based standard error, design effect, effective size, interval and reliability.
package struct AwarenessEstimate: Sendable {
    package var indicator: String
    package var label: String
    package var breakdown: String
    package var group: String
    /// A proportion (Korn-Graubard interval, NCHS 2017) or a mean score (mean ± 1.96 SE).
    package var isProportion: Bool
    package var n: Int
    /// `nil` when the domain has no respondent.
    package var value: Double?
    package var se: Double
    /// `se² / (p(1-p)/n)` (for a score, `se² / (s²/n)`); `nil` when that variance is 0.
    package var deff: Double?
    /// `min(n, p(1-p)/se²)`.
    package var effectiveSize: Double
    package var interval: ClosedRange<Double>?
    package var degreesOfFreedom: Int
    package var reliability: Reliability
    /// Why a published figure should be reviewed (few degrees of freedom).
    package var review: Phrase?

    package var isPublished: Bool { reliability == .published }
    /// Published, or shown for review (a proportion of 0 or 1): the figures are in the tables.
    package var isShown: Bool {
        switch reliability {
        case .published, .review: true
        default: false
        }
    }

    /// The reason shown with the figure: why it is withheld, or why to review it.
    package var reason: String? { reasonPhrase?.text(.en) }
    /// Why the figure is withheld or for review, typed.
    package var reasonPhrase: Phrase? { reliability.reasonPhrase ?? review }

    /// The figure from a domain's design mean.
    init(indicator: String, label: String, breakdown: String, group: String, isProportion: Bool, mean: DesignMean?, minimumCell: Int) {
        self.indicator = indicator
        self.label = label
        self.breakdown = breakdown
        self.group = group
        self.isProportion = isProportion
        guard let m = mean else {
            n = 0
            value = nil
            se = 0
            deff = nil
            effectiveSize = 0
            interval = nil
            degreesOfFreedom = 0
            reliability = .suppressed(Reliability.fewRespondents(minimumCell))
            return
        }
        n = m.n
        value = m.mean
        se = m.se
        degreesOfFreedom = m.degreesOfFreedom
        let spread = isProportion ? m.mean * (1 - m.mean) : m.spread
        let srs = spread / Double(m.n)
        deff = srs > 0 ? m.se * m.se / srs : nil
        effectiveSize = m.se > 0 ? min(Double(m.n), spread / (m.se * m.se)) : Double(m.n)
        if isProportion {
            let ci = KornGraubard.nchs(p: m.mean, se: m.se, n: m.n, df: Double(m.degreesOfFreedom)).map { $0.low...$0.high }
            interval = ci
            reliability = .proportion(n: m.n, p: m.mean, effectiveSize: effectiveSize, interval: ci, minimumCell: minimumCell)
            review = reliability == .published ? ci.flatMap { Reliability.review(p: m.mean, interval: $0, degreesOfFreedom: m.degreesOfFreedom) } : nil
        } else {
            interval = (m.mean - Normal.z95 * m.se)...(m.mean + Normal.z95 * m.se)
            reliability = .mean(n: m.n, mean: m.mean, se: m.se, effectiveSize: effectiveSize, minimumCell: minimumCell)
            review = reliability == .published ? Reliability.review(degreesOfFreedom: m.degreesOfFreedom) : nil
        }
    }
}

/// What is estimated: a proportion from the codebook's scoring, or a score's mean.
struct AwarenessMeasure {
    var name: String
    var label: String
    var isProportion: Bool

    static func all(_ data: AwarenessData) -> [AwarenessMeasure] {
        var measures = data.indicators.map { AwarenessMeasure(name: $0, label: data.labels[$0] ?? $0, isProportion: true) }
        measures.append(AwarenessMeasure(name: AwarenessData.knowledgeIndicator, label: "Knowledge score (share of the knowledge items answered right)", isProportion: false))
        if data.indicators.contains(AwarenessData.recognises) && data.indicators.contains(AwarenessData.claimsDecoy) {
            measures.append(AwarenessMeasure(
                name: AwarenessData.netRecognition, label: "Net slogan recognition (a real slogan recognised minus the decoy claimed)", isProportion: false))
        }
        return measures
    }
}

extension AwarenessData {
    /// A measure's value per respondent (NaN when missing).
    func column(_ measure: String) -> [Double] {
        if measure == Self.knowledgeIndicator { return knowledge }
        if measure == Self.netRecognition, let a = indicators.firstIndex(of: Self.recognises), let b = indicators.firstIndex(of: Self.claimsDecoy) {
            return zip(values[a], values[b]).map { x, y in x >= 0 && y >= 0 ? Double(x) - Double(y) : .nan }
        }
        guard let i = indicators.firstIndex(of: measure) else { return Array(repeating: .nan, count: count) }
        return values[i].map { $0 >= 0 ? Double($0) : .nan }
    }
}

/// The domains of one pass: everyone (0), then each breakdown's categories in choice order.
struct DomainLayout {
    var breakdowns: [AwarenessBreakdown]
    var offsets: [Int]
    var count: Int

    init(_ breakdowns: [AwarenessBreakdown], _ data: AwarenessData) {
        self.breakdowns = breakdowns
        var offsets: [Int] = []
        var next = 1
        for b in breakdowns {
            offsets.append(next)
            next += data.categories[b]?.count ?? 0
        }
        self.offsets = offsets
        self.count = next
    }

    func domain(_ breakdown: AwarenessBreakdown, _ category: Int) -> Int? {
        breakdowns.firstIndex(of: breakdown).map { offsets[$0] + category }
    }
}

extension AwarenessWave {
    /// One pass over the respondents: the group sums of `column` in every domain of `layout`.
    func sums(_ column: [Double], _ layout: DomainLayout) -> DomainSums {
        let sums = variance.sums(domains: layout.count)
        let single = layout.breakdowns.enumerated().compactMap { b, breakdown in
            breakdown == .group ? nil : data.category[breakdown].map { (layout.offsets[b], $0) }
        }
        let groupOffset = layout.breakdowns.firstIndex(of: .group).map { layout.offsets[$0] }
        let groupCount = data.categories[.group]?.count ?? 0
        for r in 0..<data.count {
            let y = column[r]
            if y.isNaN { continue }
            variance.add(y, respondent: r, domain: 0, to: sums)
            for (offset, categories) in single {
                let c = Int(categories[r])
                if c >= 0 { variance.add(y, respondent: r, domain: offset + c, to: sums) }
            }
            if let offset = groupOffset {
                var bits = data.groups[r]
                while bits != 0 {
                    let k = bits.trailingZeroBitCount
                    if k < groupCount { variance.add(y, respondent: r, domain: offset + k, to: sums) }
                    bits &= bits - 1
                }
            }
        }
        return sums
    }

    /// The figures of `measure`: overall, then each of `breakdowns`' groups.
    func estimates(_ measure: AwarenessMeasure, _ breakdowns: [AwarenessBreakdown], _ sums: DomainSums, _ layout: DomainLayout) -> [AwarenessEstimate] {
        let means = variance.estimates(sums)
        func figure(_ breakdown: String, _ group: String, _ d: Int) -> AwarenessEstimate {
            AwarenessEstimate(
                indicator: measure.name, label: measure.label, breakdown: breakdown, group: group, isProportion: measure.isProportion,
                mean: means[d], minimumCell: request.minimumCell)
        }
        var rows = [figure("all", "all", 0)]
        for b in breakdowns {
            for (c, name) in (data.categories[b] ?? []).enumerated() {
                if let d = layout.domain(b, c) { rows.append(figure(b.rawValue, name, d)) }
            }
        }
        return rows
    }
}
