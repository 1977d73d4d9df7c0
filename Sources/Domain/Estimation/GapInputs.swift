/// The inputs of every employer figure: employer answers with their survey design, the
/// framework's roles (and which of them the form asked about), the catalog's supply units.
package struct GapInputs: Sendable {
    package var employers: [EmployerResponse]
    package var weighting: EmployerWeighting
    package var roles: [RoleProfile]
    /// The roles the employer form asked about; the others are `not_surveyed`.
    package var surveyed: Set<String>
    package var units: [SupplyUnit]
    package var offerings: [Offering]
    package var theta: Double
    package var horizon: Horizon
    /// The share of completers assumed to take a role in the country (an upper bound at 1).
    package var entryRate: Double
    /// Whether ``entryRate`` was given (`--entry-rate`) rather than the realised rate (or 1 without flow questions).
    package var entryRateGiven = false
    /// Impute item non-response (leavers, new positions) as ``ItemImputation`` says.
    package var impute: Bool
    /// Winsorise each role's employer demand at the Kokic-Bell cut-offs (`--winsorise`).
    package var winsorise = false
    /// Demand's standard errors by the Rao-Shao jackknife that imputes again in every replicate
    /// (``ImputationJackknife``; `--imputation-variance`), for roles and groups of roles.
    package var imputationVariance = false

    /// One weight per employer (1 without a sampling frame).
    package var weights: [Double] { weighting.weights }

    package init(
        employers: [EmployerResponse], weighting: EmployerWeighting? = nil, roles: [RoleProfile], surveyed: Set<String>? = nil,
        units: [SupplyUnit], offerings: [Offering] = [], theta: Double = 0.5, horizon: Horizon = .medium, entryRate: Double = 1,
        impute: Bool = true
    ) {
        self.employers = employers
        self.weighting = weighting ?? .unweighted(employers.count)
        self.roles = roles
        // Without the form's list: the roles any employer reported.
        self.surveyed = surveyed ?? employers.reduce(into: Set<String>()) { $0.formUnion($1.roles.keys) }
        self.units = units
        self.offerings = offerings
        self.theta = theta
        self.horizon = horizon
        self.entryRate = entryRate
        self.impute = impute
    }
}
