/// One employer's answers to the employer-level flow questions (issue 27): jobs vacant now,
/// expected new jobs, people who left and where they went, people hired and where they came
/// from. Counts are of jobs or people, each once, whatever their roles; asked when the
/// organisation has in-house cybersecurity work (the condition of `cyber_people`).
///
/// A number not asked or left blank is `nil`; only ``newJobs`` has a "don't know" (a blank),
/// imputed as item non-response (``ItemImputation``). Destinations and sources short of their
/// total are "not known".
package struct FlowAnswers: Sendable, Equatable {
    /// `vacant_jobs`: jobs vacant now, being recruited (a stock, jobs).
    package var vacantJobs: Double?
    /// `hard_to_fill_jobs`: of those, hard to fill.
    package var hardToFillJobs: Double?
    /// `new_jobs_12m`: new jobs (not replacements) expected within 12 months; `nil` is "don't know".
    package var newJobs: Double?
    /// `leavers_people_12m`: people who left cybersecurity jobs in the last 12 months.
    package var leavers: Double?
    /// `left_to_employer_bz`, `left_abroad`, `left_cyber_work`.
    package var leftToEmployer: Double?
    package var leftAbroad: Double?
    package var leftCyberWork: Double?
    /// `hires_12m`: people hired into cybersecurity jobs in the last 12 months.
    package var hires: Double?
    /// `hired_from_education`, `hired_from_employer_bz`, `hired_from_abroad`, `hired_from_other_work`.
    package var fromEducation: Double?
    package var fromEmployer: Double?
    package var fromAbroad: Double?
    package var fromOtherWork: Double?

    package init(
        vacantJobs: Double? = nil, hardToFillJobs: Double? = nil, newJobs: Double? = nil, leavers: Double? = nil, leftToEmployer: Double? = nil,
        leftAbroad: Double? = nil, leftCyberWork: Double? = nil, hires: Double? = nil, fromEducation: Double? = nil, fromEmployer: Double? = nil,
        fromAbroad: Double? = nil, fromOtherWork: Double? = nil
    ) {
        self.vacantJobs = vacantJobs
        self.hardToFillJobs = hardToFillJobs
        self.newJobs = newJobs
        self.leavers = leavers
        self.leftToEmployer = leftToEmployer
        self.leftAbroad = leftAbroad
        self.leftCyberWork = leftCyberWork
        self.hires = hires
        self.fromEducation = fromEducation
        self.fromEmployer = fromEmployer
        self.fromAbroad = fromAbroad
        self.fromOtherWork = fromOtherWork
    }

    /// The questions' names, in the form's order: tests, the demo generator, the microdata and
    /// analysts' scripts use them.
    package static let names = [
        "vacant_jobs", "hard_to_fill_jobs", "new_jobs_12m", "leavers_people_12m", "left_to_employer_bz", "left_abroad", "left_cyber_work",
        "hires_12m", "hired_from_education", "hired_from_employer_bz", "hired_from_abroad", "hired_from_other_work",
    ]

    /// The rule that bounds question `name` by its block's total: `name` plus the questions
    /// `before` it (in its block) is at most `total` (the form's XPath constraint on the block's
    /// last item; the others are bounded by the same total). `nil` for a question without one.
    package static func sumRule(_ name: String) -> (total: String, before: [String])? {
        let blocks: [(String, [String])] = [
            ("vacant_jobs", ["hard_to_fill_jobs"]), ("leavers_people_12m", ["left_to_employer_bz", "left_abroad", "left_cyber_work"]),
            ("hires_12m", ["hired_from_education", "hired_from_employer_bz", "hired_from_abroad", "hired_from_other_work"]),
        ]
        for (total, parts) in blocks {
            if let i = parts.firstIndex(of: name) { return (total, Array(parts[..<i])) }
        }
        return nil
    }

    /// The answer to the question `name` (one of ``names``).
    package subscript(_ name: String) -> Double? {
        get {
            switch name {
            case "vacant_jobs": vacantJobs
            case "hard_to_fill_jobs": hardToFillJobs
            case "new_jobs_12m": newJobs
            case "leavers_people_12m": leavers
            case "left_to_employer_bz": leftToEmployer
            case "left_abroad": leftAbroad
            case "left_cyber_work": leftCyberWork
            case "hires_12m": hires
            case "hired_from_education": fromEducation
            case "hired_from_employer_bz": fromEmployer
            case "hired_from_abroad": fromAbroad
            case "hired_from_other_work": fromOtherWork
            default: nil
            }
        }
        set {
            switch name {
            case "vacant_jobs": vacantJobs = newValue
            case "hard_to_fill_jobs": hardToFillJobs = newValue
            case "new_jobs_12m": newJobs = newValue
            case "leavers_people_12m": leavers = newValue
            case "left_to_employer_bz": leftToEmployer = newValue
            case "left_abroad": leftAbroad = newValue
            case "left_cyber_work": leftCyberWork = newValue
            case "hires_12m": hires = newValue
            case "hired_from_education": fromEducation = newValue
            case "hired_from_employer_bz": fromEmployer = newValue
            case "hired_from_abroad": fromAbroad = newValue
            case "hired_from_other_work": fromOtherWork = newValue
            default: break
            }
        }
    }
}
