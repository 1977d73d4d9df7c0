/// A weighted proportion over valid answers: `p = Σ w·y / Σ w`, with the effective sample size
/// `n_eff = (Σ w)² / Σ w²` (Kish) that its interval uses.
package struct ProportionEstimate: Sendable, Equatable {
    /// Unweighted respondents with a valid answer.
    package var n: Int
    package var sumWeights: Double
    package var sumSquaredWeights: Double
    package var sumWeightedOnes: Double

    package init(n: Int = 0, sumWeights: Double = 0, sumSquaredWeights: Double = 0, sumWeightedOnes: Double = 0) {
        self.n = n
        self.sumWeights = sumWeights
        self.sumSquaredWeights = sumSquaredWeights
        self.sumWeightedOnes = sumWeightedOnes
    }

    /// Adds one respondent's valid answer `y` (0 or 1) with weight `w`.
    @inline(__always)
    package mutating func add(_ y: Bool, weight w: Double) {
        n += 1
        sumWeights += w
        sumSquaredWeights += w * w
        if y { sumWeightedOnes += w }
    }

    /// The estimate from plain counts: `ones` of `n`, every weight 1.
    package static func counts(_ ones: Int, of n: Int) -> ProportionEstimate {
        ProportionEstimate(n: n, sumWeights: Double(n), sumSquaredWeights: Double(n), sumWeightedOnes: Double(ones))
    }

    /// `p`, or `nil` with no valid answer.
    package var p: Double? { sumWeights > 0 ? sumWeightedOnes / sumWeights : nil }

    /// `(Σ w)² / Σ w²`; equal to `n` when every weight is equal.
    package var effectiveSize: Double { sumSquaredWeights > 0 ? sumWeights * sumWeights / sumSquaredWeights : 0 }

    /// The 95% Wilson interval on `n_eff`.
    package var wilson: ClosedRange<Double>? {
        guard let p else { return nil }
        return Wilson.interval(p: p, n: effectiveSize)
    }
}

/// Wilson's score interval for a proportion (Newcombe 1998, "Two-sided confidence intervals for
/// the single proportion", method 3, without continuity correction).
package enum Wilson {
    /// The interval for proportion `p` observed on `n` (effective) respondents, at `z`.
    package static func interval(p: Double, n: Double, z: Double = Normal.z95) -> ClosedRange<Double> {
        guard n > 0 else { return 0...1 }
        let z2 = z * z
        let denominator = 1 + z2 / n
        let centre = (p + z2 / (2 * n)) / denominator
        let half = z / denominator * (p * (1 - p) / n + z2 / (4 * n * n)).squareRoot()
        return max(0, centre - half)...min(1, centre + half)
    }
}

/// Comparing two independent proportions (a follow-up wave against the baseline).
package struct ProportionDifference: Sendable, Equatable {
    /// `p_followup - p_base`.
    package var difference: Double
    /// Newcombe's hybrid score interval (1998, "Interval estimation for the difference between
    /// independent proportions", method 10), from each wave's Wilson interval on its `n_eff`.
    package var interval: ClosedRange<Double>
    /// The two-proportion z statistic with the pooled proportion, on the effective sizes.
    package var z: Double
    /// Its two-sided p-value.
    package var pValue: Double

    /// A difference worked out elsewhere (the knowledge score's, from two means).
    package init(difference: Double, interval: ClosedRange<Double>, z: Double, pValue: Double) {
        self.difference = difference
        self.interval = interval
        self.z = z
        self.pValue = pValue
    }

    /// Compares `followup` with `base`, each a proportion with its effective size.
    package init(base p2: Double, n2: Double, followup p1: Double, n1: Double, z zCritical: Double = Normal.z95) {
        difference = p1 - p2
        let w1 = Wilson.interval(p: p1, n: n1, z: zCritical)
        let w2 = Wilson.interval(p: p2, n: n2, z: zCritical)
        let lowerDistance = ((p1 - w1.lowerBound) * (p1 - w1.lowerBound) + (w2.upperBound - p2) * (w2.upperBound - p2)).squareRoot()
        let upperDistance = ((w1.upperBound - p1) * (w1.upperBound - p1) + (p2 - w2.lowerBound) * (p2 - w2.lowerBound)).squareRoot()
        interval = (difference - lowerDistance)...(difference + upperDistance)
        let pooled = (p1 * n1 + p2 * n2) / (n1 + n2)
        let se = (pooled * (1 - pooled) * (1 / n1 + 1 / n2)).squareRoot()
        z = se > 0 ? difference / se : 0
        pValue = se > 0 ? Normal.twoSidedPValue(z) : 1
    }
}

/// A weighted mean of a score in [0, 1] (the knowledge score), with a normal 95% interval on
/// the effective size: `m ± z·s/√n_eff`, `s² = Σ w (x - m)² / Σ w`.
package struct MeanEstimate: Sendable, Equatable {
    package var n = 0
    package var sumWeights = 0.0
    package var sumSquaredWeights = 0.0
    package var sumWeightedValues = 0.0
    package var sumWeightedSquares = 0.0

    package init() {}

    @inline(__always)
    package mutating func add(_ x: Double, weight w: Double) {
        n += 1
        sumWeights += w
        sumSquaredWeights += w * w
        sumWeightedValues += w * x
        sumWeightedSquares += w * x * x
    }

    package var mean: Double? { sumWeights > 0 ? sumWeightedValues / sumWeights : nil }
    package var effectiveSize: Double { sumSquaredWeights > 0 ? sumWeights * sumWeights / sumSquaredWeights : 0 }

    package var interval: ClosedRange<Double>? {
        guard let mean, effectiveSize > 0 else { return nil }
        let variance = max(0, sumWeightedSquares / sumWeights - mean * mean)
        let half = Normal.z95 * (variance / effectiveSize).squareRoot()
        return max(0, mean - half)...min(1, mean + half)
    }
}
