# The change of each role's employer totals between two waves with R's survey package, on the
# two waves stacked into one design (docs/employer-estimation.md, "Linked waves"), implemented
# independently of the tool: each wave weighted to the frame as design.R does, an organisation
# code given once in each wave in the same stratum (sector x size band) one PSU (linked), every
# other row its own PSU; strata: each stratum's linked organisations, and each wave's other rows;
# fpc: a wave's part its wave's sampling fraction n/N*, the linked part the mean of the two;
# svytotal of d = y * (wave == 2) - y * (wave == 1).
# Also each wave's own svytotal (fpc = N*), for the independent-samples sqrt(V1 + V2).
# Usage: Rscript linked.R first.csv second.csv frame.csv horizon out.csv
here <- dirname(sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE)[1]))
source(file.path(here, "design.R"))
args <- commandArgs(trailingOnly = TRUE)
hz <- args[4]
waves <- lapply(1:2, function(t) {
  d <- employer_respondents(args[t], args[3])
  d$wave <- t
  d$row <- paste0("w", t, "-", seq_len(nrow(d)))
  d$fraction <- as.numeric(table(d$S)[d$S]) / d$Nstar
  list(d = d, vars = employer_role_values(d, hz))
})
code <- lapply(waves, function(x) ifelse(is.na(x$d$org_code), NA, x$d$org_code))
once <- lapply(code, function(cs) { tab <- table(cs); names(tab)[tab == 1] })
common <- intersect(once[[1]], once[[2]])
stratum <- lapply(1:2, function(t) setNames(waves[[t]]$d$S, code[[t]]))
linked <- common[stratum[[1]][common] == stratum[[2]][common]]
org <- lapply(1:2, function(t) ifelse(!is.na(code[[t]]) & code[[t]] %in% linked, code[[t]], waves[[t]]$d$row))
# The stacked strata: each stratum split into its linked organisations ("both") and each wave's
# other rows; a wave's part has the wave's fraction, the linked part the mean of the two.
part <- lapply(1:2, function(t) paste(waves[[t]]$d$S, ifelse(org[[t]] %in% linked, "both", t)))
wf <- lapply(waves, function(x) tapply(x$d$fraction, x$d$S, mean))
pi <- lapply(1:2, function(t) {
  s <- waves[[t]]$d$S
  ifelse(org[[t]] %in% linked, (wf[[1]][s] + wf[[2]][s]) / 2, wf[[t]][s])
})

result <- data.frame()
for (v in names(waves[[1]]$vars)) {
  parts <- strsplit(v, ".", fixed = TRUE)[[1]]
  if (!(parts[2] %in% c("employed", "vacancies", "demand"))) next
  y1 <- waves[[1]]$vars[[v]]; y2 <- waves[[2]]$vars[[v]]
  if (is.null(y2)) next
  stacked <- data.frame(org = c(org[[1]], org[[2]]), part = c(part[[1]], part[[2]]), pi = c(pi[[1]], pi[[2]]),
    w = c(waves[[1]]$d$w, waves[[2]]$d$w), wave = rep(1:2, c(length(y1), length(y2))), y = c(y1, y2))
  stacked$d <- stacked$y * (stacked$wave == 2) - stacked$y * (stacked$wave == 1)
  des <- svydesign(ids = ~org, strata = ~part, weights = ~w, fpc = ~pi, data = stacked)
  t <- svytotal(~d, des)
  own <- sapply(1:2, function(k) {
    x <- waves[[k]]$d
    x$y <- waves[[k]]$vars[[v]]
    SE(svytotal(~y, svydesign(ids = ~1, strata = ~S, fpc = ~Nstar, weights = ~w, data = x)))[[1]]
  })
  # The linked organisations contributing in either wave, and the correlation of their weighted
  # contributions w1 y1 and w2 y2.
  x1 <- (waves[[1]]$d$w * y1)[match(linked, code[[1]])]
  x2 <- (waves[[2]]$d$w * y2)[match(linked, code[[2]])]
  some <- x1 != 0 | x2 != 0
  r <- if (sum(some) >= 3 && sd(x1[some]) > 0 && sd(x2[some]) > 0) cor(x1[some], x2[some]) else NA
  result <- rbind(result, data.frame(id = toupper(gsub("_", "-", parts[1])), figure = parts[2], change = coef(t)[[1]],
    se = SE(t)[[1]], se_independent = sqrt(sum(own^2)), linked = length(linked), contributing = sum(some), correlation = r))
}
write.csv(result, args[5], row.names = FALSE)
