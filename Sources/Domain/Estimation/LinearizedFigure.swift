/// A figure that is a smooth function of weighted totals, carried with its linearisation (the
/// delta method): beside the value, each unit's influence value `z_i = Σ_k ∂g/∂T_k · y_ik`, so
/// that the figure's variance is the design variance of the total of `z`. That is what R's
/// `svycontrast` gives for a nonlinear contrast of `svytotal`s (and `svyratio` for `Y / X`): the
/// design's variance of a total is a quadratic form in `y`, so `V(Σ_i w_i z_i) = ∇gᵀ V(T) ∇g`.
///
/// Build figures from ``total(_:_:)`` and ``constant(_:)`` with `+`, `-`, `*` and `/`, then read
/// the ``Estimate`` with ``estimate(_:isCount:)``.
package struct LinearizedFigure: Sendable, Equatable {
    package var value: Double
    /// Influence values, one per unit; `nil` for a constant (no sampling error: the catalog).
    package var influence: [Double]?

    package init(value: Double, influence: [Double]?) {
        self.value = value
        self.influence = influence
    }

    /// The weighted total `Σ w_i y_i` under `design`; its influence values are `y`.
    package static func total(_ y: [Double], _ design: StratifiedDesign) -> LinearizedFigure {
        LinearizedFigure(value: zip(design.weights, y).reduce(0) { $0 + $1.0 * $1.1 }, influence: y)
    }

    /// A figure without sampling error.
    package static func constant(_ value: Double) -> LinearizedFigure { LinearizedFigure(value: value, influence: nil) }

    /// The figure with its linearised standard error (`nil` without sampling error in the design).
    package func estimate(_ design: StratifiedDesign, isCount: Bool = true) -> Estimate {
        guard design.hasSamplingError else { return Estimate(value, se: nil, isCount: isCount) }
        guard let influence else { return Estimate(value, se: 0, isCount: isCount) }
        return Estimate(value, se: design.total(influence, isCount: false).se, isCount: isCount)
    }

    /// `a · x + b · y` of the influence values (either may be a constant's `nil`).
    private static func combine(_ x: [Double]?, _ a: Double, _ y: [Double]?, _ b: Double) -> [Double]? {
        switch (x, y) {
        case (nil, nil): return nil
        case (let x?, nil): return x.map { a * $0 }
        case (nil, let y?): return y.map { b * $0 }
        case (let x?, let y?): return zip(x, y).map { a * $0 + b * $1 }
        }
    }

    package static func + (l: Self, r: Self) -> Self { Self(value: l.value + r.value, influence: combine(l.influence, 1, r.influence, 1)) }
    package static func - (l: Self, r: Self) -> Self { Self(value: l.value - r.value, influence: combine(l.influence, 1, r.influence, -1)) }
    /// `∂(lr) = r ∂l + l ∂r`.
    package static func * (l: Self, r: Self) -> Self { Self(value: l.value * r.value, influence: combine(l.influence, r.value, r.influence, l.value)) }
    /// `∂(l/r) = (∂l - (l/r) ∂r) / r`; `nil` when `r` is 0.
    package static func / (l: Self, r: Self) -> Self? {
        guard r.value != 0 else { return nil }
        let q = l.value / r.value
        return Self(value: q, influence: combine(l.influence, 1 / r.value, r.influence, -q / r.value))
    }
    package static func * (l: Self, k: Double) -> Self { Self(value: l.value * k, influence: l.influence.map { $0.map { $0 * k } }) }
}
