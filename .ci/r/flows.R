# Reference national flows (issue 27) with R's survey package, from the clean data file, the frame
# and the catalog's annual completions, implemented independently of the tool: gates, collapsed
# strata, eligible organisations, design weights, the imputation of new_jobs_12m, then svytotal of
# the component variables together and svycontrast of the nonlinear flows (svyratio for the ratio
# of role-holdings to people).
# Usage: Rscript flows.R clean.csv frame.csv completions out.csv
suppressMessages(library(survey))
options(survey.lonely.psu = "adjust")
args <- commandArgs(trailingOnly = TRUE)
d <- read.csv(args[1], colClasses = "character", na.strings = "")
frame <- read.csv(args[2], colClasses = "character", na.strings = "")
completions <- as.numeric(args[3])
d <- d[!is.na(d$consent) & d$consent == "yes", ]
num <- function(x) suppressWarnings(as.numeric(x))
bands <- c("micro", "small", "medium", "large")

# Eligible organisations, collapsing and weights (as docs/employer-estimation.md says).
frame$N <- num(frame$organisations)
if (!("issued" %in% names(frame))) frame$issued <- NA
if (!("out_of_scope" %in% names(frame))) frame$out_of_scope <- NA
iss <- num(frame$issued); oos <- num(frame$out_of_scope); oos[is.na(oos)] <- 0
frame$Nstar <- ifelse(!is.na(iss) & iss > 0, frame$N * (1 - oos / iss), frame$N)
d$key <- paste(d$sector, d$size_band)
frame$key <- paste(frame$sector, frame$size_band)
frame$merged <- NA
for (s in unique(frame$sector)) {
  rows <- which(frame$sector == s)
  answered <- frame$size_band[rows][frame$key[rows] %in% d$key]
  if (length(answered) == 0) next
  for (i in rows) {
    b <- frame$size_band[i]
    if (b %in% answered) { frame$merged[i] <- frame$key[i]; next }
    if (frame$Nstar[i] <= 0) next
    dist <- abs(match(answered, bands) - match(b, bands))
    frame$merged[i] <- paste(s, answered[order(dist, match(answered, bands))][1])
  }
}
pop <- tapply(frame$Nstar[!is.na(frame$merged)], frame$merged[!is.na(frame$merged)], sum)
d$S <- d$key
d$Nstar <- as.numeric(pop[d$S])
n <- table(d$S)
d$w <- d$Nstar / as.numeric(n[d$S])

# The flow questions; not asked or blank is 0, except new_jobs_12m's "don't know" among those asked,
# which takes the unweighted mean of the asked employers of its size band that answered (else of all).
v <- function(name) { x <- num(d[[name]]); ifelse(is.na(x), 0, x) }
asked <- !is.na(num(d$vacant_jobs)) | !is.na(num(d$leavers_people_12m)) | !is.na(num(d$hires_12m))
nj <- num(d$new_jobs_12m)
for (i in which(asked & is.na(nj))) {
  same <- asked & !is.na(num(d$new_jobs_12m)) & d$size_band == d$size_band[i]
  pool <- if (any(same)) num(d$new_jobs_12m)[same] else num(d$new_jobs_12m)[asked & !is.na(num(d$new_jobs_12m))]
  if (length(pool) > 0) nj[i] <- mean(pool)
}
nj[is.na(nj)] <- 0
roles <- sub("_staff$", "", grep("_staff$", names(d), value = TRUE))
holdings <- Reduce(`+`, lapply(roles, function(r) {
  has <- sapply(strsplit(ifelse(is.na(d$roles), "", d$roles), " "), function(x) r %in% x)
  ifelse(has, v(paste0(r, "_staff")), 0)
}))
data <- data.frame(S = d$S, Nstar = d$Nstar, w = d$w,
  vac = v("vacant_jobs"), htf = v("hard_to_fill_jobs"), nj = nj, lv = v("leavers_people_12m"),
  bz = v("left_to_employer_bz"), ab = v("left_abroad"), cy = v("left_cyber_work"),
  h = v("hires_12m"), ed = v("hired_from_education"), eb = v("hired_from_employer_bz"), fa = v("hired_from_abroad"), fo = v("hired_from_other_work"),
  people = v("cyber_people"), holdings = holdings)
des <- svydesign(ids = ~1, strata = ~S, fpc = ~Nstar, weights = ~w, data = data)
t <- svytotal(~vac + htf + nj + lv + bz + ab + cy + h + ed + eb + fa + fo + people + holdings, des)
C <- completions
rate <- coef(t)[["ed"]] * coef(t)[["h"]] / (coef(t)[["ed"]] + coef(t)[["eb"]] + coef(t)[["fa"]] + coef(t)[["fo"]]) / C
exits <- quote((ab + cy) * lv / (bz + ab + cy))
fromEd <- quote(ed * h / (ed + eb + fa + fo))
arriving <- quote((fa + fo) * h / (ed + eb + fa + fo))
projected <- if (rate <= 1) bquote(.(fromEd) + .(arriving)) else bquote(.(C) + .(arriving))
contrasts <- list(
  vacant_jobs = quote(vac), hard_to_fill_jobs = quote(htf), expansion = quote(nj), leavers = quote(lv),
  exits = exits, churn = quote(bz * lv / (bz + ab + cy)), demand_flow = bquote(nj + .(exits)),
  from_education = fromEd, from_abroad = quote(fa * h / (ed + eb + fa + fo)), from_other_work = quote(fo * h / (ed + eb + fa + fo)),
  entrants = quote((ed + fa + fo) * h / (ed + eb + fa + fo)), entry_rate_realised = bquote(.(fromEd) / .(C)),
  entrants_projected = projected, shortfall = bquote(nj + .(exits) - (.(projected))),
  people = quote(people), role_holdings = quote(holdings))
result <- data.frame()
for (name in names(contrasts)) {
  k <- svycontrast(t, contrasts[[name]])
  result <- rbind(result, data.frame(figure = name, estimate = coef(k)[[1]], se = SE(k)[[1]]))
}
r <- svyratio(~holdings, ~people, des)
result <- rbind(result, data.frame(figure = "role_holdings_per_person", estimate = coef(r)[[1]], se = SE(r)[[1]]))
write.csv(result, args[4], row.names = FALSE)
