# CI check: the R script of `workforce responses KIND --format r` gives every select_one as a
# factor whose values read as the clean CSV's English labels, and a "label" attribute on every
# variable. Usage: Rscript .ci/r/check_microdata.R SCRIPT.R LABELS.csv
args <- commandArgs(trailingOnly = TRUE)
script <- args[[1]]
labelled <- read.csv(args[[2]], colClasses = "character", na.strings = "", check.names = FALSE, fileEncoding = "UTF-8")
csv <- sub("\\.R$", ".csv", script)
local({
  commandArgs <- function(trailingOnly = FALSE) csv
  source(script, local = TRUE)
  assign("responses", responses, envir = globalenv())
})
stopifnot(nrow(responses) == nrow(labelled))
problems <- character()
factors <- 0
for (name in names(responses)) {
  column <- responses[[name]]
  if (is.null(attr(column, "label"))) problems <- c(problems, paste(name, "has no label attribute"))
  if (is.factor(column)) {
    factors <- factors + 1
    want <- labelled[[name]]
    got <- as.character(column)
    same <- (is.na(got) & is.na(want)) | (!is.na(got) & !is.na(want) & got == want)
    if (!all(same)) problems <- c(problems, sprintf("%s: factor differs from the labelled CSV in %d rows", name, sum(!same)))
  }
}
if (factors == 0) problems <- c(problems, "no factor")
if (length(problems) > 0) {
  cat(problems, sep = "\n")
  quit(status = 1)
}
cat(sprintf("R: %d factors match the labelled CSV\n", factors))
