/// What a figure counts, said beside it wherever it is shown (a table's column, the summary,
/// `summary.json`): figures of different units are never added.
package enum FigureUnit: String, Sendable, CaseIterable {
    case peopleAYear = "people_a_year"
    case jobs
    case roleMentions = "role_mentions"
    case roleHoldings = "role_holdings"
    case people
    case employers
    case offerings
    case institutions
    case ksas
    case indicators
    /// A share of respondents or items (0 to 1), written as a percentage.
    case share
    /// A ratio of two figures (hires per completer, role-holdings per person).
    case ratio
}

/// One figure of the report as typed data: its value, standard error, 95% interval, unit,
/// quality grade and whether readers may see it. The HTML, the Markdown and `summary.json`
/// are written from it; nothing reads a figure back from its text.
package struct ReportFigure: Sendable, Equatable {
    /// How the value is written: an estimated count as a whole number, a share as a percentage
    /// with one decimal, a ratio with two decimals.
    package enum Style: String, Sendable {
        case count, share, ratio
    }

    /// Whether readers see the value.
    package enum Status: String, Sendable {
        case published
        /// Grade F: withheld from readers, kept in `summary.json` with its reason.
        case unreliable
        /// A total of 0 with no sampling error.
        case noCases = "no_cases"
        /// Withheld by disclosure control or for its quality; ``ReportFigure/reason`` says why, in words.
        case withheld
    }

    package var value: Double
    package var se: Double?
    package var interval: ClosedRange<Double>?
    package var unit: FigureUnit
    package var style: Style
    package var grade: QualityGrade?
    package var status: Status
    /// Why a withheld figure is withheld, kept typed until it is written in a language
    /// ("coefficient of variation 41.2%, over 33.3%").
    package var reason: Reason?

    /// Why a figure is withheld: a grade F reason, or a row's status (disclosure control,
    /// dominance, an unreliable row) with its own reason; each written in the reader's language.
    package enum Reason: Sendable, Equatable {
        case phrase(Phrase)
        case status(EstimateStatus, employers: Int, reason: Phrase?)

        package func text(_ language: ReaderLanguage) -> String {
            switch self {
            case .phrase(let p): p.text(language)
            case .status(let status, let employers, let reason):
                WorkforceReport.withheld(status, employers: employers, reason: reason?.text(language), language)
            }
        }
    }

    package init(
        _ value: Double, se: Double? = nil, interval: ClosedRange<Double>? = nil, unit: FigureUnit, style: Style = .count,
        grade: QualityGrade? = nil, status: Status = .published, reason: Reason? = nil
    ) {
        self.value = value
        self.se = se
        self.interval = interval
        self.unit = unit
        self.style = style
        self.grade = grade
        self.status = status
        self.reason = reason
    }

    /// A whole number with no sampling error (a count of respondents, offerings, institutions).
    package static func whole(_ n: Int, _ unit: FigureUnit) -> ReportFigure { ReportFigure(Double(n), unit: unit) }

    /// An estimated count with its interval, graded: F is withheld with its reason; a total of
    /// 0 with no sampling error is no cases. `grade` is `nil` for a figure judged by its
    /// interval alone (a difference such as the shortfall).
    package static func count(_ e: Estimate, _ unit: FigureUnit, grade: QualityGrade?, units: Int? = nil) -> ReportFigure {
        var figure = ReportFigure(e.value, se: e.se, interval: e.ciLow.flatMap { low in e.ciHigh.map { low...$0 } }, unit: unit, grade: grade)
        if grade == .f {
            figure.status = .unreliable
            figure.reason = .phrase(QualityGrade.reasonPhrase(e, units: units))
        } else if grade == .noCases {
            figure.status = .noCases
        }
        return figure
    }

    /// A share (0 to 1) with its interval.
    package static func share(_ value: Double, _ interval: ClosedRange<Double>?, se: Double? = nil) -> ReportFigure {
        ReportFigure(value, se: se, interval: interval, unit: .share, style: .share)
    }

    /// A ratio with its interval, two decimals.
    package static func ratio(_ e: Estimate) -> ReportFigure {
        ReportFigure(e.value, se: e.se, interval: e.ciLow.flatMap { low in e.ciHigh.map { low...$0 } }, unit: .ratio, style: .ratio)
    }

    /// The value as readers see it, with the figure's own rounding (``Figure``), without its interval.
    package func number(_ language: ReaderLanguage) -> String { Self.number(value, style, language) }

    static func number(_ v: Double, _ style: Style, _ language: ReaderLanguage) -> String {
        switch style {
        case .count: Figure.count(v, language.rawValue)
        case .share: Figure.percent(v, language.rawValue)
        case .ratio: Figure.fixed(v, 2)
        }
    }

    /// The figure as a reader reads it: "430 (95% CI 323 to 537) [E: use with caution]", a
    /// withheld figure's reason, "0 (no cases)"; words from the word tables of `language`.
    package func shown(_ language: ReaderLanguage, words: Words = .bundled) -> String {
        let phrase = words.phrasebook(language)
        switch status {
        case .unreliable: return phrase("report.figure.unreliable", ["reason": reason?.text(language) ?? ""])
        case .withheld: return reason?.text(language) ?? ""
        case .noCases: return phrase("report.figure.no_cases", ["value": number(language)])
        case .published: break
        }
        var text = number(language)
        if let interval {
            text = phrase(
                "report.figure.interval",
                ["value": text, "low": Self.number(interval.lowerBound, style, language), "high": Self.number(interval.upperBound, style, language)])
        }
        if let grade, grade != .a, grade != .noCases {
            text += " " + phrase(grade.needsCaution ? "report.figure.grade_caution" : "report.figure.grade", ["grade": grade.rawValue])
        }
        return text
    }
}
