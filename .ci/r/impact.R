# Campaign impact (`workforce awareness --impact` and `--dose-response`, issue 30) against R's
# survey package on the held-out follow-up wave, for each case (raked, raked-design, design):
# exposed (a real slogan recognised, the decoy not claimed) against unexposed (neither), decoy
# claimers left out, on the respondents with the indicator, exposure and every covariate:
# - raw: the exposure coefficient of svyglm(y ~ exposed), the difference of the two weighted
#   means with its linearised SE;
# - adjusted: svypredmeans(svyglm(y ~ covariates, family = quasibinomial()), ~exposed) and
#   svycontrast(exposed - unexposed): both margins, the difference, its SE, the interval, p and
#   the BH q across the indicators (p.adjust), all to 1e-6;
# - dose-response: each indicator's share by channels seen (0, 1, 2, 3+), decoy claimers left
#   out, as every awareness figure (p, se, Korn-Graubard interval, NCHS status);
# - the difference-in-differences of campaign districts against the others between the waves,
#   on the stacked design when clustered (svyglm(y ~ wave * campaign)), to 1e-6.
# Usage: Rscript impact.R WORK MARGINS, where WORK holds data-<wave>.csv, scoring.csv,
# campaigns.csv and, per case, <case>-impact.csv, <case>-dose.csv and <case>-did.csv written by the tool.
source(file.path(dirname(sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE))), "awareness-lib.R"))

covariates <- c("sex", "age_band", "district", "urban_rural", "education", "internet_use")
channels <- c("campaign_seen_tv", "campaign_seen_radio", "campaign_seen_text", "campaign_seen_social_media",
              "campaign_seen_billboards", "campaign_seen_school", "campaign_seen_community")

d <- load("followup-1")
d$exposed <- ifelse(!is.na(d$claims_decoy_slogan) & d$claims_decoy_slogan == 0, d$recognises_campaign, NA)
answered <- Reduce(`&`, lapply(covariates, function(v) !is.na(d[[v]]) & d[[v]] != ""))
seen <- rowSums(as.matrix(d[, channels]) == 1, na.rm = TRUE)
d$dose <- ifelse(!is.na(d$campaign_seen_any) & !is.na(d$claims_decoy_slogan) & d$claims_decoy_slogan == 0,
                 as.character(pmin(seen, 3)), NA)
d$dose[!is.na(d$dose) & d$dose == "3"] <- "3+"
measures <- c(unique(scoring$indicator[scoring$group %in% c("knowledge", "behaviour")]), "knows_where_to_report", "knowledge_score")

# One indicator's reference figures on `des` (the wave's design for this case).
reference_impact <- function(des, y) {
  keep <- !is.na(d[[y]]) & !is.na(d$exposed) & answered
  first <- which(keep)[1]
  # Respondents outside the analysis stay in the design with weight 0 (domain estimation) but
  # take the first analysed respondent's covariates, so that no level exists only among them,
  # and an answer of 0: survey 4.1.1's svypredmeans builds its model matrix with na.omit, so a
  # missing answer in the design would drop rows and misalign the derivative of the margins
  # (R recycles the shorter matrix, with a warning) and give a wrong coefficient part.
  values <- list(.keep = keep, .y = ifelse(keep, d[[y]], 0), .exposed = d$exposed)
  for (v in covariates) values[[paste0("c_", v)]] <- factor(ifelse(keep, d[[v]], d[[v]][first]))
  des <- do.call(update, c(list(des), values))
  sub <- subset(des, .keep)
  result <- list(n_exposed = sum(keep & d$exposed == 1), n_unexposed = sum(keep & d$exposed == 0))
  raw <- svyglm(.y ~ .exposed, sub)
  result$raw_diff <- unname(coef(raw)[".exposed"])
  result$raw_se <- unname(SE(raw)[".exposed"])
  model <- suppressWarnings(svyglm(as.formula(paste(".y ~", paste0("c_", covariates, collapse = " + "))), sub,
                  family = quasibinomial(), control = glm.control(epsilon = 1e-14, maxit = 100)))
  means <- suppressWarnings(svypredmeans(model, ~factor(.exposed)))
  change <- svycontrast(means, c("1" = 1, "0" = -1))
  result$adjusted_exposed <- unname(coef(means)["1"])
  result$adjusted_unexposed <- unname(coef(means)["0"])
  result$adjusted_diff <- unname(coef(change))
  result$adjusted_se <- unname(SE(change))[1]
  result$ci_low <- result$adjusted_diff - z * result$adjusted_se
  result$ci_high <- result$adjusted_diff + z * result$adjusted_se
  result$p_value <- 2 * pnorm(-abs(result$adjusted_diff / result$adjusted_se))
  result
}

check_impact <- function(case) {
  des <- design(d, case)
  tool <- read.csv(file.path(work, paste0(case, "-impact.csv")), stringsAsFactors = FALSE, colClasses = "character")
  if (!setequal(tool$indicator, measures)) fail(case, "impact indicators", paste(sort(tool$indicator), collapse = " "), "R", paste(sort(measures), collapse = " "))
  tool$reference_p <- NA_real_
  for (i in seq_len(nrow(tool))) {
    row <- tool[i, ]
    what <- paste(case, "impact", row$indicator)
    r <- reference_impact(des, row$indicator)
    close(paste(what, "n_exposed"), number(row$n_exposed), r$n_exposed, 0)
    close(paste(what, "n_unexposed"), number(row$n_unexposed), r$n_unexposed, 0)
    checked <<- checked + 1
    if (row$status != "published") { fail(what, "status", row$status, "R published"); next }
    for (column in c("raw_diff", "adjusted_exposed", "adjusted_unexposed", "adjusted_diff", "ci_low", "ci_high", "p_value")) {
      close(paste(what, column), number(row[[column]]), r[[column]], 1e-6)
    }
    for (column in c("raw_se", "adjusted_se")) close(paste(what, column), number(row[[column]]), r[[column]], 1e-6, relative = TRUE)
    tool$reference_p[i] <- r$p_value
  }
  members <- which(!is.na(tool$reference_p))
  q <- p.adjust(tool$reference_p[members], method = "BH")
  for (j in seq_along(members)) close(paste(case, "impact q", tool$indicator[members[j]]), number(tool$q_value[members[j]]), q[j], 1e-6)
}

check_dose <- function(case) {
  des <- design(d, case)
  attr(des, "case") <- case
  tool <- read.csv(file.path(work, paste0(case, "-dose.csv")), stringsAsFactors = FALSE, colClasses = "character")
  levels <- c("0", "1", "2", "3+")
  if (nrow(tool) != length(measures) * length(levels)) fail(case, "dose rows", nrow(tool), "R", length(measures) * length(levels))
  for (i in seq_len(nrow(tool))) {
    row <- tool[i, ]
    what <- paste(case, "dose", row$indicator, row$group)
    proportion <- row$indicator != "knowledge_score"
    r <- figure(des, d, row$indicator, !is.na(d$dose) & d$dose == row$group, proportion)
    checked <<- checked + 1
    if (row$status != r$status) { fail(what, "status", row$status, "R", r$status); next }
    if (!(r$status %in% c("published", "review"))) next
    close(paste(what, "n"), number(row$n), r$n, 0)
    close(paste(what, "p"), number(row$p), r$p, 1e-9)
    close(paste(what, "se"), number(row$se), r$se, 1e-6, relative = TRUE)
    close(paste(what, "ci_low"), number(row$ci_low), r$low, 1e-6)
    close(paste(what, "ci_high"), number(row$ci_high), r$high, 1e-6)
  }
}

# The difference-in-differences of `awareness --compare baseline followup-1 --campaigns`: the
# districts of campaigns.csv whose campaign overlaps the fieldwork (the baseline's first to the
# follow-up's last submission day) against the others. With clusters, the interaction
# coefficient of svyglm(y ~ wave * campaign) on the stacked design (each enumeration area one
# PSU of both waves within its stratum, each wave raked to its own margins); without, each
# wave's svyglm(y ~ campaign) and the two variances added (independent waves).
baseline <- load("baseline")
campaigns <- read.csv(file.path(work, "campaigns.csv"), stringsAsFactors = FALSE, colClasses = "character")
fieldwork <- range(substr(c(baseline$submitted_at, d$submitted_at), 1, 10))
chosen <- unique(campaigns$district[campaigns$end >= fieldwork[1] & campaigns$start <= fieldwork[2]])

# The campaign districts, a 0/1 column of a wave's data.
in_campaign <- function(w) {
  w$campaign <- as.numeric(as.character(w$district) %in% chosen)
  w
}
stacked <- function(case) stacked_waves(in_campaign(baseline), in_campaign(d), case)

check_did <- function(case) {
  tool <- read.csv(file.path(work, paste0(case, "-did.csv")), stringsAsFactors = FALSE, colClasses = "character")
  if (!setequal(tool$indicator, measures)) fail(case, "did indicators", paste(sort(tool$indicator), collapse = " "))
  joint <- if (grepl("design", case)) stacked(case) else NULL
  separate <- lapply(list(in_campaign(baseline), in_campaign(d)), function(w) list(design = design(w, case), data = w))
  tool$reference_p <- NA_real_
  for (i in seq_len(nrow(tool))) {
    row <- tool[i, ]
    y <- row$indicator
    what <- paste(case, "did", y)
    checked <<- checked + 1
    if (row$status != "published") { fail(what, "status", row$status, "R published"); next }
    if (!is.null(joint)) {
      keep <- !is.na(joint$data[[y]]) & joint$data$district != ""
      model <- svyglm(as.formula(paste(y, "~ wave * campaign")), subset(joint$design, keep))
      did <- unname(coef(model)["wavefollowup:campaign"])
      se <- unname(SE(model)["wavefollowup:campaign"])
    } else {
      parts <- lapply(separate, function(w) {
        keep <- !is.na(w$data[[y]]) & w$data$district != ""
        model <- svyglm(as.formula(paste(y, "~ campaign")), subset(w$design, keep))
        c(unname(coef(model)["campaign"]), unname(SE(model)["campaign"]))
      })
      did <- parts[[2]][1] - parts[[1]][1]
      se <- sqrt(parts[[1]][2]^2 + parts[[2]][2]^2)
    }
    close(paste(what, "did"), number(row$did), did, 1e-9)
    close(paste(what, "se"), number(row$se), se, 1e-6, relative = TRUE)
    close(paste(what, "ci_low"), number(row$ci_low), did - z * se, 1e-6)
    close(paste(what, "ci_high"), number(row$ci_high), did + z * se, 1e-6)
    tool$reference_p[i] <- 2 * pnorm(-abs(did / se))
    close(paste(what, "p_value"), number(row$p_value), tool$reference_p[i], 1e-6)
  }
  members <- which(!is.na(tool$reference_p))
  q <- p.adjust(tool$reference_p[members], method = "BH")
  for (j in seq_along(members)) close(paste(case, "did q", tool$indicator[members[j]]), number(tool$q_value[members[j]]), q[j], 1e-6)
}

for (case in c("raked", "raked-design", "design")) {
  check_impact(case)
  check_dose(case)
  check_did(case)
}
cat(sprintf("campaign districts in the fieldwork: %s\n", paste(chosen, collapse = ", ")))
cat(sprintf("campaign impact against R's survey %s: %d checks, %d mismatches\n", packageVersion("survey"), checked, failures))
if (failures > 0) quit(status = 1)
