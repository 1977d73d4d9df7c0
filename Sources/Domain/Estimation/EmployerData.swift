/// The strategy's time horizons: short term 6 months, medium 1 year, long 2 years.
package enum Horizon: String, Sendable, CaseIterable {
    case short, medium, long

    /// Supply years within the horizon.
    package var years: Double {
        switch self {
        case .short: 0.5
        case .medium: 1
        case .long: 2
        }
    }

    /// The role question (its topic's last part) giving positions expected within the horizon.
    package var field: String {
        switch self {
        case .short: "new_6m"
        case .medium: "new_1y"
        case .long: "new_2y"
        }
    }

    /// The horizon in words: "medium term (1 year)".
    package var phrase: Phrase { Phrase("analysis.horizon.\(rawValue)") }

    package var words: String { phrase.text(.en) }
}

/// Positions expected within each horizon; `nil` where the employer gave no number.
package struct ExpectedPositions: Sendable, Equatable, ExpressibleByDictionaryLiteral {
    private var values: (Double?, Double?, Double?) = (nil, nil, nil)

    package init(dictionaryLiteral elements: (Horizon, Double)...) {
        for (h, v) in elements { self[h] = v }
    }

    package subscript(_ horizon: Horizon) -> Double? {
        get {
            switch horizon {
            case .short: values.0
            case .medium: values.1
            case .long: values.2
            }
        }
        set {
            switch horizon {
            case .short: values.0 = newValue
            case .medium: values.1 = newValue
            case .long: values.2 = newValue
            }
        }
    }

    package static func == (a: Self, b: Self) -> Bool { Horizon.allCases.allSatisfy { a[$0] == b[$0] } }
}

/// What one employer reported about one work role. A number not answered (not asked, or
/// "don't know") is `nil` and contributes nothing to a sum: no imputation.
package struct RoleReport: Sendable, Equatable {
    package var staff: Double?
    package var vacancies: Double?
    package var hardToFill: Double?
    /// People who left the role in the last 12 months.
    package var leavers: Double?
    /// Positions expected within each horizon (`new_6m`, `new_1y`, `new_2y`: cumulative).
    package var expected: ExpectedPositions
    package var requiredLevel: Int?
    package var currentLevel: Int?
    /// The KSA ids staff lack, when the question was asked (`--ksa-gaps` forms, staff > 0).
    package var lacking: [String]?

    package init(
        staff: Double? = nil, vacancies: Double? = nil, hardToFill: Double? = nil, leavers: Double? = nil, expected: ExpectedPositions = [:],
        requiredLevel: Int? = nil, currentLevel: Int? = nil, lacking: [String]? = nil
    ) {
        self.staff = staff
        self.vacancies = vacancies
        self.hardToFill = hardToFill
        self.leavers = leavers
        self.expected = expected
        self.requiredLevel = requiredLevel
        self.currentLevel = currentLevel
        self.lacking = lacking
    }
}

/// One employer's answers, as the gap analysis needs them.
package struct EmployerResponse: Sendable, Equatable {
    package var sector: String?
    package var sizeBand: String?
    package var district: String?
    /// The roles it reported (ticked), by NICE id.
    package var roles: [String: RoleReport]
    /// Per capability kind (`basic`, `advanced`, `incident`): whether it is confident in each
    /// task answered ("very" or "fairly" confident); "don't know" and not asked are left out.
    package var confident: [String: [Bool]]
    /// How much of its cybersecurity work an outside company does (`none`, `some`, `all`);
    /// `nil` when not asked (no cybersecurity work) or not answered.
    package var outsourcing: String?
    /// Different people doing cybersecurity work (each counted once, whatever their roles).
    package var cyberPeople: Double?
    /// The employer-level flow questions (jobs vacant, leavers and hires in people); `nil` when
    /// the form did not ask them (an older form), all `nil` inside when this employer was not asked.
    package var flows: FlowAnswers?
    /// The code on its invitation letter (`org_code`, trimmed, upper case); `nil` when not given.
    /// Links its answers across waves (``LinkedChange``); never a name.
    package var orgCode: String?

    package init(
        sector: String? = nil, sizeBand: String? = nil, district: String? = nil, roles: [String: RoleReport] = [:], confident: [String: [Bool]] = [:],
        outsourcing: String? = nil, cyberPeople: Double? = nil, flows: FlowAnswers? = nil
    ) {
        self.flows = flows
        self.sector = sector
        self.sizeBand = sizeBand
        self.district = district
        self.roles = roles
        self.confident = confident
        self.outsourcing = outsourcing
        self.cyberPeople = cyberPeople
    }

    /// Whether the employer outsources none of its cybersecurity work (DSIT's base for skills gaps).
    package var doesItsOwnCyberWork: Bool { outsourcing != "some" && outsourcing != "all" }
}

extension EmployerResponse {
    /// Every employer response, read through ``ResponseReader``. Which question is which comes
    /// from the codebook: per-role questions by their topic `role:<ROLE-ID>:<field>`,
    /// capability tasks by their topic `basic`, `advanced` or `incident`, the profile by name
    /// (`sector`, `size_band`, `district`).
    ///
    /// Only respondents are read: an employer that declined consent is not in any figure.
    ///
    /// - Throws: ``WorkforceError/noInput(path:reason:)`` before any employer import, saying
    ///   what to import.
    package static func all(in store: WorkforceStore) throws -> [EmployerResponse] {
        try all(from: ResponseReader(store: store, kind: .employer, respondentsOnly: true))
    }

    /// The roles the employer form asked about (a question with the topic `role:<ID>:...`).
    static func surveyedRoles(_ reader: ResponseReader) -> Set<String> {
        Set(reader.columns.compactMap { column in
            let parts = (column.topic ?? "").split(separator: ":").map(String.init)
            return parts.count == 3 && parts[0] == "role" ? parts[1] : nil
        })
    }

    /// Every employer response `reader` reads (made with `respondentsOnly` for the analyses).
    static func all(from reader: ResponseReader) throws -> [EmployerResponse] {
        // Each role's questions, grouped, so that a report is built in one go.
        var roleColumns: [(role: String, fields: [(column: Int, field: String)])] = []
        var capability: [(column: Int, kind: String)] = []
        for (c, column) in reader.columns.enumerated() {
            let parts = (column.topic ?? "").split(separator: ":").map(String.init)
            if parts.count == 3, parts[0] == "role" {
                if let i = roleColumns.firstIndex(where: { $0.role == parts[1] }) {
                    roleColumns[i].fields.append((c, parts[2]))
                } else {
                    roleColumns.append((parts[1], [(c, parts[2])]))
                }
            }
            if let topic = column.topic, ["basic", "advanced", "incident"].contains(topic) { capability.append((c, topic)) }
        }
        let profile = ["sector", "size_band", "district", "cyber_outsourced", "cyber_people", "org_code"].map { reader.index(of: $0) }
        // The flow questions, by name; an older form without `vacant_jobs` has none.
        let flowColumns = reader.index(of: "vacant_jobs") == nil ? [] : FlowAnswers.names.compactMap { name in reader.index(of: name).map { (name, $0) } }
        var employers: [EmployerResponse] = []
        try reader.forEach { record in
            func choice(_ c: Int?) -> String? { c.flatMap { record.values[$0].chosen.first } }
            var employer = EmployerResponse(
                sector: choice(profile[0]), sizeBand: choice(profile[1]), district: choice(profile[2]), outsourcing: choice(profile[3]),
                cyberPeople: profile[4].flatMap { record.values[$0].number })
            if let c = profile[5], case .text(let code) = record.values[c], !code.isEmpty { employer.orgCode = code }
            if !flowColumns.isEmpty {
                var flows = FlowAnswers()
                for (name, c) in flowColumns { flows[name] = record.values[c].number }
                employer.flows = flows
            }
            employer.roles.reserveCapacity(roleColumns.count)
            for (role, fields) in roleColumns {
                var report = RoleReport()
                var asked = false
                for (c, field) in fields {
                    let value = record.values[c]
                    if value == .notAsked { continue }
                    asked = true
                    switch field {
                    case "staff": report.staff = value.number
                    case "vacancies": report.vacancies = value.number
                    case "hard_to_fill": report.hardToFill = value.number
                    case "expects":
                        // "No" means no new positions at any horizon (the counts are not asked);
                        // "don't know" leaves them unknown.
                        if value.chosen.first == "no" { for h in Horizon.allCases { report.expected[h] = 0 } }
                    case "leavers_12m": report.leavers = value.number
                    case "new_6m": report.expected[.short] = value.number
                    case "new_1y": report.expected[.medium] = value.number
                    case "new_2y": report.expected[.long] = value.number
                    case "required_level": report.requiredLevel = value.chosen.first.flatMap { Int($0) }
                    case "current_level": report.currentLevel = value.chosen.first.flatMap { Int($0) }
                    case "ksa_gaps":
                        // An exclusive answer ("none of these", "don't know") is not a KSA: the
                        // employer was asked and named none.
                        report.lacking = value.chosen.filter { !InstrumentBuilder.exclusiveChoiceNames.contains($0) }.map { $0.uppercased() }
                    default: break
                    }
                }
                if asked { employer.roles[role] = report }
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
