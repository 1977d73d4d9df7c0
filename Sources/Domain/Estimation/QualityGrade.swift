/// Statistics Canada's quality grades of an estimate by its coefficient of variation, with the
/// meanings of its data tables (A excellent to F too unreliable to be published) and the Labour
/// Force Survey's publication cut-off of 33.3% (Statistics Canada, *Guide to the Labour Force
/// Survey*, 71-543-G, "Data quality"), applied to a row's demand (or its main figure).
///
/// | grade | CV | meaning |
/// |---|---|---|
/// | A | under 5% | excellent |
/// | B | 5% to under 10% | very good |
/// | C | 10% to under 15% | good |
/// | D | 15% to under 25% | acceptable |
/// | E | 25% to 33.3% | use with caution |
/// | F | over 33.3%, or fewer than 10 contributing units | too unreliable to be published |
///
/// A zero estimate with no sampling error has no CV: it is ``noCases``, not A.
package enum QualityGrade: String, Sendable, Equatable, Comparable, CaseIterable {
    case a = "A"
    case b = "B"
    case c = "C"
    case d = "D"
    case e = "E"
    case f = "F"
    /// A figure of 0 with a standard error of 0: no employer reported any (no CV to grade).
    case noCases = "no_cases"

    /// Fewer contributing units than this make a figure F whatever its CV.
    package static let minimumUnits = 10
    /// The upper CV bound of each grade A to E (a CV at or above a bound takes the next grade;
    /// E includes 33.3% itself).
    package static let bounds: [(QualityGrade, Double)] = [(.a, 0.05), (.b, 0.10), (.c, 0.15), (.d, 0.25), (.e, 0.333)]

    /// The grade of `estimate` resting on `units` contributing units (`nil`: not counted);
    /// `nil` without a standard error (unweighted figures, which describe the respondents only).
    package init?(_ estimate: Estimate, units: Int? = nil) {
        guard let se = estimate.se else { return nil }
        guard let cv = estimate.cv else {
            // A zero figure: no cases when exact; a zero with sampling error cannot be graded.
            self = se == 0 ? .noCases : .f
            return
        }
        if let units, units < Self.minimumUnits {
            self = .f
            return
        }
        // E includes its bound: F is over 33.3%.
        self = Self.bounds.first { cv < $0.1 || ($0.0 == .e && cv <= $0.1) }?.0 ?? .f
    }

    /// Whether a figure of this grade may reach a reader (F may not).
    package var isPublishable: Bool { self != .f }

    /// Whether a figure of this grade must carry "use with caution" wherever it is shown.
    package var needsCaution: Bool { self == .e }

    /// The grade's meaning in words ("good"), from `Surveys/banks/words/estimation.csv`.
    package var phrase: Phrase { Phrase("estimation.grade.\(self == .noCases ? "no_cases" : rawValue.lowercased())") }

    package var words: String { phrase.text(.en) }

    /// The grade for a reader: "C: good", or "no cases" (no letter: there is no CV to grade).
    package var label: String { self == .noCases ? words : "\(rawValue): \(words)" }

    /// The words in Spanish.
    package var palabras: String { phrase.text(.es) }

    /// Why an F figure is withheld: its CV or its few units.
    package static func reasonPhrase(_ estimate: Estimate, units: Int?) -> Phrase {
        if let units, units < minimumUnits { return .phrase("estimation.grade.reason.units", ["min": .count(Double(minimumUnits)), "units": .count(Double(units))]) }
        if let cv = estimate.cv { return .phrase("estimation.grade.reason.cv", ["cv": .text(Figure.percent(cv)), "limit": .text(percent(Self.publicationLimit))]) }
        return .phrase("estimation.grade.reason.none")
    }

    /// Why an F figure is withheld, in English.
    package static func reason(_ estimate: Estimate, units: Int?) -> String { reasonPhrase(estimate, units: units).text(.en) }

    /// The CV above which a figure is F (E's upper bound, 33.3%).
    package static var publicationLimit: Double { bounds.last?.1 ?? 0.333 }

    /// A bound as readers see it: "5%", "33.3%".
    static func percent(_ share: Double) -> String { ColumnKind.trimmed(Figure.fixed(100 * share, 1)) + "%" }

    /// The grades, their CV bounds and the publication rules, as one note.
    package static var note: Phrase {
        var values: [String: Phrase.Value] = ["units": .count(Double(minimumUnits)), "dominance": .text(percent(RowFigures.dominanceLimit))]
        for (grade, bound) in bounds {
            values[grade.rawValue.lowercased()] = .text(percent(bound))
            values[grade.rawValue.lowercased() + "_num"] = .text(ColumnKind.trimmed(Figure.fixed(100 * bound, 1)))
        }
        return .phrase("analysis.note.quality", values)
    }

    /// A before F; "no cases" after F.
    package static func < (a: Self, b: Self) -> Bool {
        let order = allCases
        return (order.firstIndex(of: a) ?? 0) < (order.firstIndex(of: b) ?? 0)
    }
}
