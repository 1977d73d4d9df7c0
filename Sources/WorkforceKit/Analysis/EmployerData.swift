/// The strategy's time horizons: short term 6 months, medium 1 year, long 2 years.
public enum Horizon: String, Sendable, CaseIterable {
    case short, medium, long

    /// Supply years within the horizon.
    public var years: Double {
        switch self {
        case .short: 0.5
        case .medium: 1
        case .long: 2
        }
    }

    /// The role question (its topic's last part) giving positions expected within the horizon.
    public var field: String {
        switch self {
        case .short: "new_6m"
        case .medium: "new_1y"
        case .long: "new_2y"
        }
    }

    public var words: String {
        switch self {
        case .short: "short term (6 months)"
        case .medium: "medium term (1 year)"
        case .long: "long term (2 years)"
        }
    }
}

/// What one employer reported about one work role. A number not answered (not asked, or
/// "don't know") is `nil` and contributes nothing to a sum: no imputation.
public struct RoleReport: Sendable, Equatable {
    public var staff: Double?
    public var vacancies: Double?
    public var hardToFill: Double?
    /// Positions expected within each horizon (`new_6m`, `new_1y`, `new_2y`: cumulative).
    public var expected: [Horizon: Double]
    public var requiredLevel: Int?
    public var currentLevel: Int?
    /// The KSA ids staff lack, when the question was asked (`--ksa-gaps` forms, staff > 0).
    public var lacking: [String]?

    public init(
        staff: Double? = nil, vacancies: Double? = nil, hardToFill: Double? = nil, expected: [Horizon: Double] = [:],
        requiredLevel: Int? = nil, currentLevel: Int? = nil, lacking: [String]? = nil
    ) {
        self.staff = staff
        self.vacancies = vacancies
        self.hardToFill = hardToFill
        self.expected = expected
        self.requiredLevel = requiredLevel
        self.currentLevel = currentLevel
        self.lacking = lacking
    }
}

/// One employer's answers, as the gap analysis needs them.
public struct EmployerResponse: Sendable, Equatable {
    public var sector: String?
    public var sizeBand: String?
    public var district: String?
    /// The roles it reported (ticked), by NICE id.
    public var roles: [String: RoleReport]
    /// Per capability kind (`basic`, `advanced`, `incident`): whether it is confident in each
    /// task answered ("very" or "fairly" confident); "don't know" and not asked are left out.
    public var confident: [String: [Bool]]

    public init(sector: String? = nil, sizeBand: String? = nil, district: String? = nil, roles: [String: RoleReport] = [:], confident: [String: [Bool]] = [:]) {
        self.sector = sector
        self.sizeBand = sizeBand
        self.district = district
        self.roles = roles
        self.confident = confident
    }
}

extension EmployerResponse {
    /// Every employer response, read through ``ResponseReader``. Which question is which comes
    /// from the codebook: per-role questions by their topic `role:<ROLE-ID>:<field>`,
    /// capability tasks by their topic `basic`, `advanced` or `incident`, the profile by name
    /// (`sector`, `size_band`, `district`).
    ///
    /// - Throws: ``WorkforceError/noInput(path:reason:)`` before any employer import, saying
    ///   what to import.
    public static func all(in store: WorkforceStore) throws -> [EmployerResponse] {
        let reader = try ResponseReader(store: store, kind: .employer)
        var roleFields: [(column: Int, role: String, field: String)] = []
        var capability: [(column: Int, kind: String)] = []
        for (c, column) in reader.columns.enumerated() {
            let parts = (column.topic ?? "").split(separator: ":").map(String.init)
            if parts.count == 3, parts[0] == "role" { roleFields.append((c, parts[1], parts[2])) }
            if let topic = column.topic, ["basic", "advanced", "incident"].contains(topic) { capability.append((c, topic)) }
        }
        let profile = ["sector", "size_band", "district"].map { reader.index(of: $0) }
        var employers: [EmployerResponse] = []
        try reader.forEach { record in
            func choice(_ c: Int?) -> String? { c.flatMap { record.values[$0].chosen.first } }
            var employer = EmployerResponse(sector: choice(profile[0]), sizeBand: choice(profile[1]), district: choice(profile[2]))
            for (c, role, field) in roleFields {
                let value = record.values[c]
                if value == .notAsked { continue }
                var report = employer.roles[role] ?? RoleReport()
                switch field {
                case "staff": report.staff = value.number
                case "vacancies": report.vacancies = value.number
                case "hard_to_fill": report.hardToFill = value.number
                case "required_level": report.requiredLevel = value.chosen.first.flatMap { Int($0) }
                case "current_level": report.currentLevel = value.chosen.first.flatMap { Int($0) }
                case "ksa_gaps": report.lacking = value.chosen.map { $0.uppercased() }
                default:
                    if let horizon = Horizon.allCases.first(where: { $0.field == field }), let n = value.number { report.expected[horizon] = n }
                }
                employer.roles[role] = report
            }
            for (c, kind) in capability {
                switch record.values[c].chosen.first {
                case "very", "fairly": employer.confident[kind, default: []].append(true)
                case "not_very", "not_at_all": employer.confident[kind, default: []].append(false)
                default: break
                }
            }
            employers.append(employer)
        }
        return employers
    }
}
