/// The plan's settings (`workforce plan` options), with the defaults: a horizon of
/// 3 years, the vacancy backlog spread over the horizon, existing offerings and institutions
/// growing by at most half, new courses of 12 to 30 completions a year, retention of at most
/// a fifth of exits.
package struct PlanOptions: Sendable, Equatable {
    /// `H`: the plan closes the need by the end of year `H`.
    package var years = 3
    /// The vacancy backlog is spread evenly over this many years (`nil`: `years`).
    package var backlogYears: Double? = nil
    /// An offering grows by at most `maxGrowth × completions` a year.
    package var maxGrowth = 0.5
    /// An institution's existing offerings grow together by at most this share of its completions.
    package var institutionGrowth = 0.5
    /// A new course gives 0, or between these completions a year.
    package var minCohort = 12.0
    package var maxCohort = 30.0
    /// Career changers a year a conversion programme may take in all (today's included);
    /// `nil`: twice today's observed `from_other_work`.
    package var conversionPool: Double? = nil
    /// Exits retention may avoid, as a share of a role's exits.
    package var maxRetention = 0.2
    /// People a year a feeder role may send to upskilling, as a share of its role-holdings.
    package var maxUpskill = 0.1
    /// The most the plan may cost a year (only with `cost_per_completion` in the catalog).
    package var budget: Double? = nil

    package init() {}

    /// The years the backlog is spread over.
    package var spread: Double { backlogYears ?? Double(years) }

    /// Lengths of the levers that are not catalog offerings, in years.
    package static let newCourseLength = 0.25
    package static let conversionLength = 0.5
    package static let upskillLength = 1.0

    /// The first year (1, 2, ...) whose end sees the completers of a programme of `length` years.
    package static func firstYear(_ length: Double) -> Int { max(1, Int(length.rounded(.up))) }

    /// Whether a lever of `length` years delivers by the end of the horizon.
    package func delivers(_ length: Double) -> Bool { Self.firstYear(length) <= years }

    /// The words for the horizon: "3 years".
    package var horizonWords: String { years == 1 ? "1 year" : "\(years) years" }
}
