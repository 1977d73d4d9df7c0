import Foundation

/// The report's statement of its publication rules: the grade table with its source, in the
/// report's language; the bounds come from ``QualityGrade/bounds``, never restated in words.
extension WorkforceReport {
    /// The grade table: grade, CV range, meaning, what readers see.
    static func gradeTable(_ language: ReaderLanguage = .en) -> ResultTable {
        let phrase = Words.bundled.phrasebook(language)
        let percent = { (x: Double) in bound(x, language) }
        let bounds = Dictionary(QualityGrade.bounds.map { ($0.0, $0.1) }, uniquingKeysWith: { a, _ in a })
        var table = ResultTable(columns: ["grade", "cv", "meaning", "shown"].map { phrase("report.grades.column.\($0)") })
        var low: Double?
        for grade in [QualityGrade.a, .b, .c, .d, .e] {
            guard let high = bounds[grade] else { continue }
            let range = low.map { phrase(grade == .e ? "report.grades.range.to" : "report.grades.range.between", ["low": percent($0), "high": percent(high)]) }
                ?? phrase("report.grades.range.under", ["high": percent(high)])
            table.append([.text(grade.rawValue), .text(range), .text(grade.phrase.text(language)), .text(phrase(grade == .e ? "report.grades.shown.caution" : "report.grades.shown.published"))])
            low = high
        }
        table.append([
            .text(QualityGrade.f.rawValue), .text(phrase("report.grades.range.f", ["low": percent(low ?? 0), "min": String(QualityGrade.minimumUnits)])),
            .text(QualityGrade.f.phrase.text(language)), .text(phrase("report.grades.shown.withheld")),
        ])
        table.append([.text("-"), .text(phrase("report.grades.range.none")), .text(QualityGrade.noCases.phrase.text(language)), .text(phrase("report.grades.shown.no_cases"))])
        return table
    }

    /// The grade table and its source for the methodology section.
    static func gradeBlocks(_ language: ReaderLanguage) -> [ReportBlock] {
        let phrase = Words.bundled.phrasebook(language)
        return [
            .heading(level: 3, text: phrase("report.grades.heading")),
            .paragraph([.text(phrase("report.grades.lead", ["source": phrase("report.grades.source", ["limit": bound(QualityGrade.publicationLimit, language), "guide": guide])]))], style: .note),
            .table(gradeTable(language)),
        ]
    }

    /// The publication the grades' cut-off comes from, by its title.
    static let guide = "Guide to the Labour Force Survey, 71-543-G, Data quality"

    /// A grade bound as a percentage without a needless decimal: "5%", "33.3%" ("5 %" in Spanish).
    static func bound(_ x: Double, _ language: ReaderLanguage) -> String {
        let text = Figure.fixed(100 * x, 1)
        return (text.hasSuffix(".0") ? String(text.dropLast(2)) : text) + (language == .es ? "\u{00A0}%" : "%")
    }
}
