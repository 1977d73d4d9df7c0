/// Everything the workforce development plan is computed from: per role its need in people a
/// year (the annual shortfall with its interval, the vacancy backlog, exits) and what
/// employers said about proficiency; per offering what it teaches, how many complete it, how
/// long it takes and, when known, what a completion costs. The plan is a pure function of this
/// value (``WorkforcePlan/build(_:)``); ``PlanInput/init(_:lengths:costs:options:)`` builds it
/// from the gap analysis.
package struct PlanInput: Sendable, Equatable {
    package struct Role: Sendable, Equatable {
        package var id: String
        package var name: String
        /// The NICE category's id (`OV` for Oversee and Govern).
        package var category: String?
        /// The role's current K, S and A statements.
        package var ksas: Set<String>
        /// Only published roles enter the plan; the others are named in its notes.
        package var status: EstimateStatus
        /// The annual shortfall, people a year (negative: more enter than are needed), with its
        /// 95% interval (the low and high cases); no interval without sampling error.
        package var shortfall: Estimate
        /// Jobs vacant now allocated to the role (a stock, spread over the backlog years).
        package var backlog: Double
        /// People a year leaving cybersecurity work in Belize from the role (what retention acts on).
        package var exits: Double
        /// Role-holdings now (what upskilling draws on).
        package var employed: Double
        /// The weighted median of the proficiency employers require (1 basic to 4 expert).
        package var requiredLevel: Double?
        /// Demand in role mentions: ranks the KSAs a new course must teach.
        package var demand: Double
        /// The estimate's quality grade, `nil` without sampling error.
        package var quality: QualityGrade?
        /// KSAs employers report their staff lack, most reported first; `nil` where not asked.
        package var lacking: [String]?

        package init(
            id: String, name: String, category: String? = nil, ksas: Set<String>, status: EstimateStatus = .published, shortfall: Estimate, backlog: Double = 0,
            exits: Double = 0, employed: Double = 0, requiredLevel: Double? = nil, demand: Double = 0, quality: QualityGrade? = nil, lacking: [String]? = nil
        ) {
            self.id = id
            self.name = name
            self.category = category
            self.ksas = ksas
            self.status = status
            self.shortfall = shortfall
            self.backlog = backlog
            self.exits = exits
            self.employed = employed
            self.requiredLevel = requiredLevel
            self.demand = demand
            self.quality = quality
            self.lacking = lacking
        }

        /// An experience role is filled by upskilling, never by a new entrant course: its
        /// required proficiency is advanced (3) or above, or it is an Oversee and Govern role.
        package var isExperienceRole: Bool { (requiredLevel ?? 0) >= 3 || category == "OV" }
    }

    /// What supplies people: a standalone offering or a programme with its courses.
    package struct Offering: Sendable, Equatable {
        package var code: String
        package var institution: String
        package var title: String
        package var level: String
        /// Years from extra intake to extra completions.
        package var lengthYears: Double
        package var completions: Double
        /// `share_p(r)` per role id (each completion counted once over the roles it prepares for).
        package var shares: [String: Double]
        package var ksas: Set<String>
        /// The catalog's `cost_per_completion`, when given.
        package var costPerCompletion: Double?

        package init(
            code: String, institution: String, title: String, level: String, lengthYears: Double, completions: Double, shares: [String: Double],
            ksas: Set<String>, costPerCompletion: Double? = nil
        ) {
            self.code = code
            self.institution = institution
            self.title = title
            self.level = level
            self.lengthYears = lengthYears
            self.completions = completions
            self.shares = shares
            self.ksas = ksas
            self.costPerCompletion = costPerCompletion
        }
    }

    package var roles: [Role]
    package var offerings: [Offering]
    package var options: PlanOptions
    /// The share of completers who take a role in the country (the realised entry rate, at most 1).
    package var entryRate: Double
    /// Career changers entering cybersecurity work a year today (`from_other_work`).
    package var fromOtherWork: Double
    /// KSA statements by id, for readers.
    package var statements: [String: String]

    package init(
        roles: [Role], offerings: [Offering], options: PlanOptions = PlanOptions(), entryRate: Double = 1, fromOtherWork: Double = 0,
        statements: [String: String] = [:]
    ) {
        self.roles = roles
        self.offerings = offerings
        self.options = options
        self.entryRate = entryRate
        self.fromOtherWork = fromOtherWork
        self.statements = statements
    }

    /// Career changers a year a conversion programme may add to today's.
    package var conversionRoom: Double { max(0, (options.conversionPool ?? 2 * fromOtherWork) - fromOtherWork) }

    /// The default length of an offering of catalog level `level`, in years: short course and
    /// certification preparation 0.25, certificate 1, associate 2, master 2, bachelor 4;
    /// `nil` for a level the catalog does not define.
    package static func defaultLength(level: String) -> Double? {
        switch level {
        case "short_course", "certification_prep": 0.25
        case "certificate": 1
        case "associate", "master": 2
        case "bachelor": 4
        default: nil
        }
    }
}
