# Reference national flows (issue 27) with R's survey package, from the clean data file, the frame
# and the catalog's annual completions, implemented independently of the tool: gates, collapsed
# strata, eligible organisations, design weights, the imputation of new_jobs_12m, then svytotal of
# the component variables together and svycontrast of the nonlinear flows (svyratio for the ratio
# of role-holdings to people).
# Usage: Rscript flows.R clean.csv frame.csv completions out.csv
here <- dirname(sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE)[1]))
source(file.path(here, "design.R"))
args <- commandArgs(trailingOnly = TRUE)
completions <- as.numeric(args[3])
d <- employer_respondents(args[1], args[2])

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
