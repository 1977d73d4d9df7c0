# CI check: R's survey package, on the design variables of the .r files of `workforce responses
# KIND --format r --weights ...`, reproduces the tool's estimates.
# Usage: Rscript .ci/r/check_microdata_design.R awareness SCRIPT.R EXPECTED.tsv
#   EXPECTED.tsv: question, codes scored 1 (comma-separated), codes scored 0, the tool's raked p.
#        Rscript .ci/r/check_microdata_design.R employer SCRIPT.R EXPECTED.tsv
#   EXPECTED.tsv: variable, the tool's total (`workforce gaps --frame`), its standard error.
#        Rscript .ci/r/check_microdata_design.R employer-public SCRIPT.R EXPECTED.tsv
#   the public-use file (collapsed strata): the totals only; its standard errors are the
#   collapsed-strata estimator's, not the tool's.
suppressPackageStartupMessages(library(survey))
options(survey.lonely.psu = "adjust")
args <- commandArgs(trailingOnly = TRUE)
kind <- args[[1]]
script <- args[[2]]
expected <- read.delim(args[[3]], header = FALSE, colClasses = "character")
local({
  commandArgs <- function(trailingOnly = FALSE) sub("\\.R$", ".csv", script)
  source(script, local = TRUE)
  assign("responses", responses, envir = globalenv())
})
respondents <- subset(responses, !is.na(weight))
problems <- character()
if (kind == "awareness") {
  design <- svydesign(ids = ~1, strata = ~stratum, weights = ~weight, data = respondents)
  for (i in seq_len(nrow(expected))) {
    answer_codes <- as.integer(respondents[[expected[i, 1]]])
    ones <- as.integer(strsplit(expected[i, 2], ",")[[1]])
    zeros <- as.integer(strsplit(expected[i, 3], ",")[[1]])
    design <- update(design, x = ifelse(answer_codes %in% ones, 1, ifelse(answer_codes %in% zeros, 0, NA)))
    got <- coef(svymean(~x, design, na.rm = TRUE))[[1]]
    if (abs(got - as.numeric(expected[i, 4])) > 1e-9) {
      problems <- c(problems, sprintf("%s: svymean %.12f, the tool %s", expected[i, 1], got, expected[i, 4]))
    }
  }
} else {
  design <- svydesign(ids = ~1, strata = ~stratum, fpc = ~fpc, weights = ~weight, data = respondents)
  for (i in seq_len(nrow(expected))) {
    # A role an employer did not report has no staff in it: 0 in the total.
    # (update() looks names up in the design's data first: the values need a name it lacks.)
    staff_values <- respondents[[expected[i, 1]]]
    design <- update(design, y = ifelse(is.na(staff_values), 0, staff_values))
    total <- svytotal(~y, design)
    got <- c(coef(total)[[1]], SE(total)[[1]])
    want <- as.numeric(expected[i, 2:3])
    if (kind == "employer-public") {
      got <- got[1]
      want <- want[1]
    }
    if (any(abs(got - want) > 1e-6 * pmax(1, abs(want)))) {
      problems <- c(problems, sprintf("%s: svytotal %.9f (SE %.9f), the tool %s (SE %s)", expected[i, 1], got[1], got[2], expected[i, 2], expected[i, 3]))
    }
  }
}
if (length(problems) > 0) {
  cat(problems, sep = "\n")
  quit(status = 1)
}
cat(sprintf("R survey: %d %s estimates reproduced\n", nrow(expected), kind))
