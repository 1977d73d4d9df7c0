/// Everything the workforce development plan is computed from: per role its gap (with its
/// interval and quality) and what employers said about proficiency, per offering what it
/// teaches, how many complete it and how long it takes. The plan is a pure function of this
/// value (``WorkforcePlan/build(_:)``); ``PlanInput/init(_:lengths:maxGrowth:)``
/// builds it from the gap analysis.
public struct PlanInput: Sendable, Equatable {
    /// A figure with its 95% interval; no interval when it has no sampling error computed.
    public struct Estimate: Sendable, Equatable {
        public var value: Double
        public var ciLow: Double?
        public var ciHigh: Double?

        public init(_ value: Double, ciLow: Double? = nil, ciHigh: Double? = nil) {
            self.value = value
            self.ciLow = ciLow
            self.ciHigh = ciHigh
        }
    }

    /// Whether a role's figures are published (only published roles enter the plan).
    public enum Status: String, Sendable, Equatable {
        case published, suppressed
        case notSurveyed = "not_surveyed"
    }

    public struct Role: Sendable, Equatable {
        public var id: String
        public var name: String
        /// The role's current K, S and A statements.
        public var ksas: Set<String>
        public var status: Status
        /// `gap_h(r)` in people within the horizon.
        public var gap: Estimate
        /// `demand_h(r)`: ranks the KSAs a new course must teach.
        public var demand: Double
        /// The estimate's quality grade (A, B, C), `nil` without sampling error.
        public var quality: String?
        /// The share of the role's demand from critical-infrastructure employers, 0 to 1.
        public var criticalShare: Double
        /// Role-holdings (a person with two roles counts in each), for career pathways.
        public var employed: Double
        /// Role-holdings in employers whose typical proficiency is below the required one.
        public var belowRequired: Double
        public var meanShortfall: Double?
        /// KSAs employers report their staff lack, most reported first; `nil` where the form
        /// did not ask.
        public var lacking: [String]?

        public init(
            id: String, name: String, ksas: Set<String>, status: Status, gap: Estimate, demand: Double, quality: String? = nil,
            criticalShare: Double = 0, employed: Double = 0, belowRequired: Double = 0, meanShortfall: Double? = nil, lacking: [String]? = nil
        ) {
            self.id = id
            self.name = name
            self.ksas = ksas
            self.status = status
            self.gap = gap
            self.demand = demand
            self.quality = quality
            self.criticalShare = criticalShare
            self.employed = employed
            self.belowRequired = belowRequired
            self.meanShortfall = meanShortfall
            self.lacking = lacking
        }
    }

    /// What supplies people: a standalone offering or a programme with its courses.
    public struct Offering: Sendable, Equatable {
        public var code: String
        public var institution: String
        public var title: String
        public var level: String
        /// Years from extra intake to extra completions.
        public var lengthYears: Double
        public var completions: Double
        /// `share_p(r)` per role id (each completion counted once over the roles it prepares for).
        public var shares: [String: Double]
        public var ksas: Set<String>

        public init(
            code: String, institution: String, title: String, level: String, lengthYears: Double, completions: Double, shares: [String: Double],
            ksas: Set<String>
        ) {
            self.code = code
            self.institution = institution
            self.title = title
            self.level = level
            self.lengthYears = lengthYears
            self.completions = completions
            self.shares = shares
            self.ksas = ksas
        }
    }

    public var roles: [Role]
    public var offerings: [Offering]
    /// `years(h)`: 0.5, 1 or 2.
    public var horizonYears: Double
    /// The horizon in words, e.g. "medium term (1 year)".
    public var horizonWords: String
    /// An offering grows by at most `maxGrowth × completions` a year (1: at most double).
    public var maxGrowth: Double
    /// The share of completers who take a role in the country (1: every one, an upper bound).
    public var entryRate: Double

    public init(roles: [Role], offerings: [Offering], horizonYears: Double, horizonWords: String, maxGrowth: Double = 1, entryRate: Double = 1) {
        self.roles = roles
        self.offerings = offerings
        self.horizonYears = horizonYears
        self.horizonWords = horizonWords
        self.maxGrowth = maxGrowth
        self.entryRate = entryRate
    }

    /// A new course the plan creates: a short course dedicated to one role.
    public static let newCourseLength = 0.25

    /// The default length of an offering of catalog level `level`, in years: short course and
    /// certification preparation 0.25, certificate 1, associate 2, master 2, bachelor 4;
    /// `nil` for a level the catalog does not define.
    public static func defaultLength(level: String) -> Double? {
        switch level {
        case "short_course", "certification_prep": 0.25
        case "certificate": 1
        case "associate", "master": 2
        case "bachelor": 4
        default: nil
        }
    }

    /// `avail = max(0, years(h) - length)`: the people one extra completion a year adds
    /// within the horizon.
    public func available(afterLength length: Double) -> Double { max(0, horizonYears - length) }
}
