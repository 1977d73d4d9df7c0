/// The tool's national shortfall for the employer microdata's R script to compute again and print
/// beside its own (issue 27): the catalog's completions are a census the responses lack.
package struct FlowHeadline: Sendable, Equatable {
    /// `shortfall`, people a year, as `gaps --by total` gives it with the same frame.
    package var shortfall: Double
    /// The catalog's annual completions.
    package var completions: Double
    /// `--entry-rate`, when one replaced the realised rate.
    package var entryRate: Double?

    package init(shortfall: Double, completions: Double, entryRate: Double? = nil) {
        self.shortfall = shortfall
        self.completions = completions
        self.entryRate = entryRate
    }
}

extension RScriptWriter {
    /// Lines that compute the headline shortfall with `svytotal` + `svycontrast` on the file's
    /// design (weight, stratum, fpc) and print it beside the tool's value; none without the
    /// design or the flow questions.
    func flowLines(_ set: MicrodataSet, _ headline: FlowHeadline?) -> [String] {
        let names = Set(set.variables.map(\.name))
        guard let headline, ["weight", "stratum", "fpc"].allSatisfy(names.contains), FlowAnswers.names.allSatisfy(names.contains) else { return [] }
        let rate = headline.entryRate.map { "\(JSONWriter.number($0))" } ?? "NA"
        return [
            "# The national shortfall in people a year (issue 27), with svycontrast on this file's design:",
            "# shortfall = new jobs + exits - (completions x entry rate + hires from abroad + hires from other work).",
            "if (requireNamespace(\"survey\", quietly = TRUE)) {",
            "  options(survey.lonely.psu = \"adjust\")",
            "  d <- subset(responses, !is.na(weight))",
            "  num <- function(x) as.numeric(d[[x]])",
            "  asked <- !is.na(num(\"vacant_jobs\")) | !is.na(num(\"leavers_people_12m\")) | !is.na(num(\"hires_12m\"))",
            "  # \"Don't know\" new jobs take the mean of the asked employers of the same size band (else of all).",
            "  nj <- num(\"new_jobs_12m\"); known <- asked & !is.na(nj)",
            "  for (i in which(asked & is.na(nj))) {",
            "    same <- known & d$size_band == d$size_band[i]",
            "    pool <- if (any(same, na.rm = TRUE)) nj[which(same)] else nj[known]",
            "    if (length(pool) > 0) nj[i] <- mean(pool)",
            "  }",
            "  d$nj <- nj",
            "  for (v in c(\(FlowAnswers.names.map(Self.literal).joined(separator: ", ")), \"nj\")) d[[v]] <- ifelse(is.na(as.numeric(d[[v]])), 0, as.numeric(d[[v]]))",
            "  design <- survey::svydesign(ids = ~1, strata = ~stratum, fpc = ~fpc, weights = ~weight, data = d)",
            "  t <- survey::svytotal(~nj + leavers_people_12m + left_to_employer_bz + left_abroad + left_cyber_work + hires_12m + hired_from_education + hired_from_employer_bz + hired_from_abroad + hired_from_other_work, design)",
            "  C <- \(JSONWriter.number(headline.completions)); given <- \(rate)",
            "  b <- coef(t); known_hires <- b[[\"hired_from_education\"]] + b[[\"hired_from_employer_bz\"]] + b[[\"hired_from_abroad\"]] + b[[\"hired_from_other_work\"]]",
            "  realised <- if (C > 0 && known_hires > 0) b[[\"hired_from_education\"]] * b[[\"hires_12m\"]] / known_hires / C else NA",
            "  exits <- quote((left_abroad + left_cyber_work) * leavers_people_12m / (left_to_employer_bz + left_abroad + left_cyber_work))",
            "  arriving <- quote((hired_from_abroad + hired_from_other_work) * hires_12m / (hired_from_education + hired_from_employer_bz + hired_from_abroad + hired_from_other_work))",
            "  education <- quote(hired_from_education * hires_12m / (hired_from_education + hired_from_employer_bz + hired_from_abroad + hired_from_other_work))",
            "  entering <- if (!is.na(given)) bquote(.(C * given) + .(arriving)) else if (!is.na(realised) && realised <= 1) bquote(.(education) + .(arriving)) else bquote(.(C) + .(arriving))",
            "  k <- survey::svycontrast(t, bquote(nj + .(exits) - (.(entering))))",
            "  cat(sprintf(\"Shortfall, people a year: R %.6f (SE %.6f); workforce %.6f\\n\", coef(k)[[1]], survey::SE(k)[[1]], \(JSONWriter.number(headline.shortfall))))",
            "}",
        ]
    }
}
