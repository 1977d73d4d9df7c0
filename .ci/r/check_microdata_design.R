# CI check: R's survey package, on the design variables of `workforce responses awareness
# --format r --weights --margins FILE --strata ...`, reproduces the tool's raked estimates.
# Usage: Rscript .ci/r/check_microdata_design.R SCRIPT.R EXPECTED.tsv
# EXPECTED.tsv: question, codes scored 1 (comma-separated), codes scored 0, the tool's p.
suppressPackageStartupMessages(library(survey))
args <- commandArgs(trailingOnly = TRUE)
script <- args[[1]]
expected <- read.delim(args[[2]], header = FALSE, colClasses = "character", col.names = c("question", "ones", "zeros", "p"))
local({
  commandArgs <- function(trailingOnly = FALSE) sub("\\.R$", ".csv", script)
  source(script, local = TRUE)
  assign("responses", responses, envir = globalenv())
})
respondents <- subset(responses, !is.na(weight))
design <- svydesign(ids = ~1, strata = ~stratum, weights = ~weight, data = respondents)
problems <- character()
for (i in seq_len(nrow(expected))) {
  code <- as.integer(respondents[[expected$question[i]]])
  ones <- as.integer(strsplit(expected$ones[i], ",")[[1]])
  zeros <- as.integer(strsplit(expected$zeros[i], ",")[[1]])
  design <- update(design, x = ifelse(code %in% ones, 1, ifelse(code %in% zeros, 0, NA)))
  got <- coef(svymean(~x, design, na.rm = TRUE))[[1]]
  if (abs(got - as.numeric(expected$p[i])) > 1e-9) {
    problems <- c(problems, sprintf("%s: svymean %.12f, the tool %s", expected$question[i], got, expected$p[i]))
  }
}
if (length(problems) > 0) {
  cat(problems, sep = "\n")
  quit(status = 1)
}
cat(sprintf("R survey: %d raked estimates reproduced\n", nrow(expected)))
