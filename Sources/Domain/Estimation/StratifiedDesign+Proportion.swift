/// Employer shares with intervals that stay inside [0, 1].
extension StratifiedDesign {
    /// The domain's degrees of freedom and size as R `survey` counts them on `subset(design, x)`:
    /// `degf` = units in the domain minus the strata they fall in; `nrow` = units in the domain.
    package func domainSizes(_ x: [Double]) -> (units: Int, df: Int) {
        var strata = Set<Int>()
        var units = 0
        for (i, v) in x.enumerated() where v != 0 {
            units += 1
            strata.insert(stratum[i])
        }
        return (units, units - strata.count)
    }

    /// The weighted share of the units with `x = 1` that have `y = 1` (both 0/1 per unit), with
    /// its linearised standard error (``ratio(_:_:)``) and the Korn-Graubard interval of R's
    /// `svyciprop(~y, subset(design, x == 1), method = "beta")`: Clopper-Pearson on the effective
    /// sample size `p(1-p)/SE²` times `(t(n-1) / t(df))²`. A share of exactly 0 or 1 has no
    /// interval (R's divides by a zero variance) and is for review; so is one whose domain has no
    /// degrees of freedom. `nil` when no unit has `x = 1`.
    package func proportion(_ y: [Double], in x: [Double]) -> Estimate? {
        guard var share = ratio(y, x) else { return nil }
        guard let se = share.se else { return share }
        let (units, df) = domainSizes(x)
        if let interval = KornGraubard.svyciprop(p: share.value, se: se, sampleSize: units, df: Double(df)) {
            share.bounds = interval.low...interval.high
        } else {
            share.forReview = true
        }
        return share
    }
}
