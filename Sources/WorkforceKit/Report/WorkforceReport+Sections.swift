import Foundation

extension WorkforceReport {
    static func methodologySection(
        _ data: ReportData, _ tables: inout [(name: String, table: ResultTable)]
    ) -> Section {
        let options = data.options, context = data.context
        let lines: [String] = [
            "Respondents: only those who consented (and, in the awareness survey, said they are 18 or older) are counted; a row with a \"no\" at a gate is kept in the data with its gate answers only.",
            "Employer weights: \(context?.inputs.weighting.frame == nil ? "none (every employer weighs 1; \(WeightingSource.noneNote(.frame, choice: options.frameChoice))): the employer figures describe the responding employers only and carry no sampling error" : "design weights `w = N*/n` per stratum of sector and size band of the \(context?.inputs.weighting.frame?.source.words ?? ""), with `N* = organisations x (1 - out of scope / issued)`; a stratum with no respondent joins the nearest size band of its sector; a sector with no respondent is not represented. Response rate = respondents / (issued - out of scope); consent refusals are non-respondents").",
            "Standard errors: stratified sampling without replacement, `V = Σ N*² (1 - n/N*) s² / n` per stratum (a single-respondent stratum contributes `(1 - 1/N*) (w y)²`), as R's survey package computes with `svydesign(ids = ~1, strata, fpc, weights)` and `lonely.psu = adjust`; 95% interval of a count = estimate ± 1.96 SE with its lower bound floored at 0; quality grade on the CV of demand (the table below). Ratios (hard-to-fill rate, shortfalls, capability shares) are linearised; a share's 95% interval is Korn-Graubard's (Clopper-Pearson on the effective sample size with the design's degrees of freedom, R's `svyciprop(method = \"beta\")`), so it never leaves 0 to 100%, and a share of exactly 0% or 100% has no interval and is for review; differences (gaps, changes) may be negative.",
            "Horizon: \(options.horizon.words). Demand = vacancies + new positions expected within the horizon + replacement of leavers (last year's leavers x the horizon's years: 0.5, 1 or 2). Unknown leavers and new positions take the mean of the employers of the same size band with the role that answered; the variance treats imputed values as observed. Role figures count role-holdings: a person with two roles counts in each.",
            "`coverage(p, r) = |K_p ∩ K_r| / |K_r|` over the role's current K, S and A; an offering prepares for the roles with coverage >= θ = \(Cell.double(options.theta).plainText); `share_p(r) = coverage(p, r) / Σ coverage(p, r')` over those roles, so each completion is counted once; supply = Σ completions x years x share x entry rate (the realised entry rate, capped at 1, unless --entry-rate gives one); gap = demand - supply; a programme teaches the union of its courses' KSAs and counts its completions once. The shortage adds up the positive gaps of every surveyed role, withheld ones included (only their cells are withheld), the surplus the negative ones; roles the survey did not ask about are outside both.",
            flowMethodology,
            "KSA demand = Σ demand of the published roles needing the KSA; KSA supply = Σ completions x years of the offerings teaching it.",
            qualityRules,
            editRules,
            planMethodology(options),
            "Disclosure control: an employer row is withheld when fewer than 5 responding employers contribute, when its employed or demand total fails the p% rule (p = 10), or to protect another withheld row of its table (secondary suppression within every published area, category, the country and the sector, district and size tables); awareness cells with fewer than 10 respondents are withheld. The rules apply in every table, chart, CSV, JSON file, the plan and the explorer.",
        ] + awarenessMethodology(options, margins: data.awarenessDesign.margins?.source, design: data.awareness?.baseline.designs.first)
        var html = "<ul>" + lines.map { "<li>\(ReportHTML.prose($0))</li>" }.joined() + "</ul>"
        var md = lines.map { "- \(Markup.markdownText($0))" }.joined(separator: "\n") + "\n\n"
        let grades = gradeSection()
        html += grades.html
        md += grades.markdown
        if let context { (html, md) = responseRates(context, html, md, &tables) }
        let batches = data.batches, instruments = data.instruments
        tables.append(("data_batches", batches))
        tables.append(("instruments", instruments))
        html += "<h3>The data behind this report</h3>" + ReportHTML.table(batches) + "<h3>Instrument versions</h3>" + ReportHTML.table(instruments)
        md += "### The data behind this report\n\n" + markdown(batches) + "### Instrument versions\n\n" + markdown(instruments)
        return Section(id: "methodology", title: "Methodology", html: html, markdown: md)
    }
}
