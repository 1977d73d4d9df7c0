import Foundation

/// The report's statement of its publication rules: the grade table with its source, and the
/// quality rules that withhold a computed figure from readers.
extension WorkforceReport {
    /// Where the grades come from.
    static let gradeSource =
        "Statistics Canada's quality indicators of its data tables (A excellent to F too unreliable to be published), with the Labour Force Survey's publication cut-off of a CV over 33.3% (Guide to the Labour Force Survey, 71-543-G, Data quality)"

    /// The quality rules in one methodology line.
    static let qualityRules =
        "Quality rules (after disclosure control; a withheld figure stays in the JSON and CSV tables with its status and reason, and no reader's output shows it): a figure graded F (CV over 33.3%, or fewer than \(QualityGrade.minimumUnits) contributing employers) is withheld as `unreliable`; a cell where one employer gives more than 50% of the weighted demand is withheld as `dominated` (each published cell shows its largest employer's share); a grade E figure carries \"use with caution\" wherever it is shown, main points included; a total of 0 with no sampling error is \"no cases\", not a grade. National and group totals (shortage, demand, role-holdings, people) add up every surveyed role, withheld ones included: only the cells are withheld."

    /// The edit rules run at import, in one methodology line.
    static let editRules =
        "Edits at import: a row reporting more staff in a role than the organisation's employees is quarantined (hard rule); a row whose openings (a role's vacancies and new positions within a year, or the organisation's) exceed half its employees, or that reports in-house staff while saying all cybersecurity work is outsourced or none is done, is kept and counted and recorded as a query to check with the organisation (`workforce imports --queries BATCH`)."

    /// The grade table: grade, CV range, meaning, what readers see.
    static func gradeTable() -> ResultTable {
        var table = ResultTable(columns: ["Grade", "Coefficient of variation", "Meaning", "In the report"])
        let rows: [(QualityGrade, String, String)] = [
            (.a, "under 5%", "published"), (.b, "5% to under 10%", "published"), (.c, "10% to under 15%", "published"),
            (.d, "15% to under 25%", "published"), (.e, "25% to 33.3%", "published with \"use with caution\""),
            (.f, "over 33.3%, or fewer than \(QualityGrade.minimumUnits) contributing employers", "withheld (status unreliable)"),
            (.noCases, "none (a total of 0 with no sampling error)", "shown as no cases"),
        ]
        for (grade, range, shown) in rows {
            table.append([.text(grade == .noCases ? "-" : grade.rawValue), .text(range), .text(grade.words), .text(shown)])
        }
        return table
    }

    /// The grade table and its source for the methodology section, in HTML and Markdown.
    static func gradeSection() -> (html: String, markdown: String) {
        let lead = "Quality grades on the coefficient of variation (CV = SE / estimate) of each row's demand, from \(gradeSource)."
        let table = gradeTable()
        return (
            "<h3>Quality grades</h3>" + ReportHTML.paragraph(lead, class: "note") + ReportHTML.table(table),
            "### Quality grades\n\n_\(lead)_\n\n" + markdown(table)
        )
    }
}
