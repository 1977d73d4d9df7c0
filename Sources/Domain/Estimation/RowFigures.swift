/// The employer figures of one row of a table (a role, an area, a sector, the country): every
/// total is a weighted estimate with its standard error, for one horizon.
///
/// Role-holdings: a person with two roles counts in each.
package struct RowFigures: Sendable, Equatable {
    package var employed: Estimate
    package var vacancies: Estimate
    package var hardToFill: Estimate
    /// New positions expected within the horizon.
    package var newPositions: Estimate
    /// People who left in the last 12 months.
    package var leavers: Estimate
    /// `leavers · years(h)`: last year's leavers as the annual replacement need.
    package var replacement: Estimate
    /// `vacancies + new_positions_h + replacement_h`.
    package var demand: Estimate
    /// `hard_to_fill / vacancies` (linearised, with the Korn-Graubard interval of a share over
    /// the employers with vacancies), without vacancies `nil`.
    package var hardToFillRate: Estimate?
    /// Responding employers contributing (reporting the role, or any role of the group).
    package var respondents: Int
    /// The share of the demand from the single largest weighted respondent; `nil` without demand.
    package var largestShare: Double?
    /// Primary disclosure: fewer than 5 respondents, or employed or demand failing the p% rule.
    package var sensitive: Bool
    /// The share of the weighted demand that is imputed (leavers and new positions filled in by
    /// ``ItemImputation``); `nil` when not known (groups) or without demand.
    package var imputedShare: Double? = nil

    /// Above this imputed share a figure is graded no better than E.
    package static let imputedLimit = 0.5

    package static let empty = RowFigures(
        employed: .zero, vacancies: .zero, hardToFill: .zero, newPositions: .zero, leavers: .zero, replacement: .zero, demand: .zero,
        hardToFillRate: nil, respondents: 0, largestShare: nil, sensitive: true)

    /// The grade of the row's demand: its CV, and F under 10 contributing employers.
    package var quality: QualityGrade? {
        guard let grade = QualityGrade(demand, units: respondents) else { return nil }
        // Mostly imputed: no better than E, whatever the CV says.
        if let share = imputedShare, share > Self.imputedLimit, grade < .e { return .e }
        return grade
    }

    /// The demand formula, written once: `vacancies + new_positions + leavers · years`, the
    /// openings within a horizon of `years` (each employer's, then weighted). The plan's annual
    /// flow is the same formula with no vacancies (a stock it spreads separately), the new
    /// positions as a year's worth and one year of leavers.
    package static func demand(vacancies: Double, newPositions: Double, leavers: Double, years: Double) -> Double {
        vacancies + newPositions + leavers * years
    }

    /// A cell more than this share from one employer is withheld as `dominated`.
    package static let dominanceLimit = 0.5

    /// `status` after the quality rules: a published row whose largest employer gives more than
    /// half of its demand is `dominated`; otherwise one graded F is `unreliable`.
    package func qualityStatus(_ status: EstimateStatus) -> EstimateStatus {
        guard status == .published else { return status }
        // Dominance first: an outlier that dominates a cell usually makes it F as well, and the
        // reader should learn the cause.
        if let share = largestShare, share > Self.dominanceLimit { return .dominated }
        if quality == .f { return .unreliable }
        return status
    }

    /// Why a row with `status` is withheld (`nil` for a row that is not withheld by a quality rule).
    package func withheldPhrase(_ status: EstimateStatus) -> Phrase? {
        let reason = Phrase.Value.phrase(QualityGrade.reasonPhrase(demand, units: respondents))
        let share: [String: Phrase.Value] = ["share": .text(Figure.percent(largestShare ?? 0)), "limit": .text(QualityGrade.percent(Self.dominanceLimit))]
        switch status {
        case .unreliable: return .phrase("estimation.withheld.unreliable", ["reason": reason])
        case .dominated:
            return quality == .f ? .phrase("estimation.withheld.dominated_and_f", share.merging(["reason": reason]) { a, _ in a }) : .phrase("estimation.withheld.dominated", share)
        case .suppressed, .published, .notSurveyed: return nil
        }
    }

    /// Why a row with `status` is withheld, in `language`.
    package func withheldReason(_ status: EstimateStatus, _ language: ReaderLanguage = .en) -> String? { withheldPhrase(status)?.text(language) }
}

/// Each employer's values for one row (dense: one entry per employer, 0 where it does not
/// contribute), from which ``RowFigures`` are estimated.
package struct EmployerValues: Sendable {
    package var staff: [Double]
    package var vacancies: [Double]
    package var hardToFill: [Double]
    package var newPositions: [Double]
    package var leavers: [Double]
    /// Whether the employer contributes to the row (reports the role, or one of the group's).
    package var reporting: [Bool]

    package init(count: Int) {
        staff = Array(repeating: 0, count: count)
        vacancies = staff
        hardToFill = staff
        newPositions = staff
        leavers = staff
        reporting = Array(repeating: false, count: count)
    }

    /// Adds employer `e`'s report on one role.
    package mutating func add(_ e: Int, _ report: RoleReport, _ horizon: Horizon) {
        reporting[e] = true
        staff[e] += report.staff ?? 0
        vacancies[e] += report.vacancies ?? 0
        hardToFill[e] += report.hardToFill ?? 0
        newPositions[e] += report.expected[horizon] ?? 0
        leavers[e] += report.leavers ?? 0
    }

    /// Adds another row's values (a role to its area).
    package mutating func add(_ other: EmployerValues) {
        for e in staff.indices where other.reporting[e] {
            reporting[e] = true
            staff[e] += other.staff[e]
            vacancies[e] += other.vacancies[e]
            hardToFill[e] += other.hardToFill[e]
            newPositions[e] += other.newPositions[e]
            leavers[e] += other.leavers[e]
        }
    }

    /// Keeps only the employers `include` accepts (a domain: a district, a sector).
    package func restricted(to include: (Int) -> Bool) -> EmployerValues {
        var v = self
        for e in staff.indices where !include(e) {
            v.reporting[e] = false
            v.staff[e] = 0
            v.vacancies[e] = 0
            v.hardToFill[e] = 0
            v.newPositions[e] = 0
            v.leavers[e] = 0
        }
        return v
    }

    /// Each employer's demand within `years` (``RowFigures/demand(vacancies:newPositions:leavers:years:)``).
    package func demand(years: Double) -> [Double] {
        (0..<staff.count).map { RowFigures.demand(vacancies: vacancies[$0], newPositions: newPositions[$0], leavers: leavers[$0], years: years) }
    }

    /// The row's estimates under `design`.
    package func figures(_ design: StratifiedDesign, years: Double) -> RowFigures {
        let demand = demand(years: years)
        let leavers = design.total(self.leavers)
        let vacancies = design.total(self.vacancies)
        let employed = design.total(staff)
        let demandTotal = design.total(demand)
        let contributions = demand.indices.map { design.weights[$0] * demand[$0] }
        let largest = contributions.max() ?? 0
        let respondents = reporting.reduce(0) { $0 + ($1 ? 1 : 0) }
        let sensitive =
            respondents < Disclosure.minimumEmployers || Disclosure.failsPPercent(contributions)
            || Disclosure.failsPPercent(staff.indices.lazy.map { design.weights[$0] * self.staff[$0] })
        return RowFigures(
            employed: employed, vacancies: vacancies, hardToFill: design.total(hardToFill), newPositions: design.total(newPositions),
            leavers: leavers, replacement: leavers.scaled(years), demand: demandTotal,
            hardToFillRate: vacancies.value > 0 ? design.proportion(hardToFill, in: self.vacancies) : nil, respondents: respondents,
            largestShare: demandTotal.value > 0 ? largest / demandTotal.value : nil, sensitive: sensitive)
    }
}
