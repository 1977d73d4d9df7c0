# The awareness figures of `workforce awareness` against R's survey package (issue 19).
# Usage: Rscript awareness.R WORK MARGINS, where WORK holds data-<wave>.csv (the clean data
# file), scoring.csv (the codebook's scoring rules) and, for each case (raked, raked-design,
# design), <case>-<wave>.csv and <case>-compare.csv written by the tool.
source(file.path(dirname(sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE))), "awareness-lib.R"))

reference <- function(d, case) {
  des <- design(d, case)
  attr(des, "case") <- case
  figures <- list()
  measures <- c(intersect(unique(scoring$indicator), names(d)), "knowledge_score", intersect("net_recognition", names(d)))
  for (y in measures) {
    proportion <- !(y %in% c("knowledge_score", "net_recognition"))
    figures[[paste(y, "all", "all")]] <- figure(des, d, y, rep(TRUE, nrow(d)), proportion)
    for (g in levels(d$district)) figures[[paste(y, "district", g)]] <- figure(des, d, y, d$district == g, proportion)
  }
  figures
}

check_wave <- function(case, wave, figures) {
  tool <- read.csv(file.path(work, paste0(case, "-", wave, ".csv")), stringsAsFactors = FALSE, colClasses = "character")
  for (i in seq_len(nrow(tool))) {
    row <- tool[i, ]
    key <- paste(row$indicator, row$breakdown, row$group)
    r <- figures[[key]]
    what <- paste(case, wave, key)
    if (is.null(r)) { fail(what, "has no reference"); next }
    checked <<- checked + 1
    if (row$status != r$status) { fail(what, "status", row$status, "R", r$status); next }
    if (r$status == "suppressed") next
    if (row$status %in% c("published", "review")) {
      close(paste(what, "n"), number(row$n), r$n, 0)
      close(paste(what, "p"), number(row$p), r$p, 1e-9)
      close(paste(what, "se"), number(row$se), r$se, 1e-4, relative = TRUE)
      close(paste(what, "deff"), number(row$deff), r$deff, 3e-4, relative = TRUE)
      close(paste(what, "n_eff"), number(row$n_eff), r$neff, 3e-4, relative = TRUE)
      close(paste(what, "ci_low"), number(row$ci_low), r$low, 1e-6)
      close(paste(what, "ci_high"), number(row$ci_high), r$high, 1e-6)
      flagged <- grepl("review before publishing", row$reason)
      if (row$status == "published" && flagged != r$review) fail(what, "review flag", flagged, "R df", r$df)
    }
  }
}

# The change on the stacked design (issue 30, `stacked_waves` in awareness-lib.R):
# svyby(~y, ~wave, covmat = TRUE) and svycontrast(followup - baseline).
stacked_design <- function(case) stacked_waves(data[["baseline"]], data[["followup-1"]], case)

# svyby(covmat = TRUE) stops on a raked design in survey 4.1 ("number of items to replace"), so
# the change is also the wave coefficient of svyglm(y ~ wave), the same linearised contrast: on
# the unraked design both are computed and must agree (1e-9), on the raked one svyglm stands in.
stacked_change <- function(stacked, y, breakdown, group, raked) {
  s <- stacked$data
  keep <- !is.na(s[[y]]) & (if (breakdown == "all") TRUE else s[[breakdown]] == group)
  if (length(unique(s$wave[keep])) < 2) return(NULL)
  sub <- subset(stacked$design, keep)
  model <- svyglm(as.formula(paste0(y, " ~ wave")), sub)
  glm <- list(diff = unname(coef(model)["wavefollowup"]), se = unname(SE(model)["wavefollowup"]))
  if (raked) return(glm)
  by <- svyby(as.formula(paste0("~", y)), ~wave, sub, svymean, covmat = TRUE)
  change <- svycontrast(by, c(-1, 1))
  result <- list(diff = unname(coef(change)), se = unname(SE(change))[1])
  close(paste("svyglm against svyby", y, breakdown, group), glm$se, result$se, 1e-9 * max(result$se, 1e-3))
  result
}

check_compare <- function(case, base, followup) {
  stacked <- if (grepl("design", case)) stacked_design(case) else NULL
  tool <- read.csv(file.path(work, paste0(case, "-compare.csv")), stringsAsFactors = FALSE, colClasses = "character")
  tool$reference_p <- NA_real_
  for (i in seq_len(nrow(tool))) {
    row <- tool[i, ]
    key <- paste(row$indicator, row$breakdown, row$group)
    a <- base[[key]]
    b <- followup[[key]]
    what <- paste(case, "compare", key)
    if (is.null(a) || is.null(b)) { fail(what, "has no reference"); next }
    expected <- combined(a, b)
    checked <<- checked + 1
    if (row$status != expected) { fail(what, "status", row$status, "R", expected); next }
    if (!(expected %in% c("published", "review"))) next
    d <- b$p - a$p
    se <- sqrt(a$se^2 + b$se^2)
    if (!is.null(stacked)) {
      joint <- stacked_change(stacked, row$indicator, row$breakdown, row$group, grepl("raked", case))
      if (is.null(joint)) { fail(what, "no stacked reference"); next }
      close(paste(what, "stacked diff"), d, joint$diff, 1e-9)
      se <- joint$se
      if (se < 1e-12) se <- 0
    }
    zz <- if (se > 0) d / se else 0
    pv <- if (se > 0) 2 * pnorm(-abs(zz)) else 1
    tool$reference_p[i] <- pv
    if (row$indicator %in% c("knowledge_score", "net_recognition")) {
      low <- d - z * se
      high <- d + z * se
    } else {
      # Newcombe's square-and-add interval (1998, method 10) from the two Korn-Graubard intervals.
      low <- d - sqrt((b$p - b$low)^2 + (a$high - a$p)^2)
      high <- d + sqrt((b$high - b$p)^2 + (a$p - a$low)^2)
    }
    close(paste(what, "diff"), number(row$diff), d, 1e-9)
    close(paste(what, "se_diff"), number(row$se_diff), se, if (is.null(stacked)) 1e-4 else 1e-6, relative = TRUE)
    close(paste(what, "diff_ci_low"), number(row$diff_ci_low), low, 1e-4)
    close(paste(what, "diff_ci_high"), number(row$diff_ci_high), high, 1e-4)
    close(paste(what, "z"), number(row$z), zz, 1e-3, relative = TRUE)
    close(paste(what, "p_value"), number(row$p_value), pv, 1e-4)
  }
  # Benjamini-Hochberg within each breakdown (the overall rows are one family): p.adjust on
  # R's own p-values.
  for (family in unique(tool$breakdown)) {
    members <- which(tool$breakdown == family & !is.na(tool$reference_p))
    q <- p.adjust(tool$reference_p[members], method = "BH")
    for (j in seq_along(members)) {
      close(paste(case, "compare q", tool$indicator[members[j]], family, tool$group[members[j]]),
            number(tool$q_value[members[j]]), q[j], 1e-4)
    }
  }
}

# Each target group against the rest: the coefficient of being in the group in svyglm(y ~ in),
# which is p_in - p_out with the linearised (sandwich) standard error of the difference.
check_contrast <- function(case, d) {
  tool <- read.csv(file.path(work, paste0(case, "-contrast.csv")), stringsAsFactors = FALSE, colClasses = "character")
  tool$reference_p <- NA_real_
  for (i in seq_len(nrow(tool))) {
    row <- tool[i, ]
    y <- row$indicator
    proportion <- !(y %in% c("knowledge_score", "net_recognition"))
    inside <- vapply(strsplit(d$target_groups, " "), function(g) row$group %in% g, TRUE)
    d$inside <- as.numeric(inside)
    des <- design(d, case)
    attr(des, "case") <- case
    a <- figure(des, d, y, inside, proportion)
    b <- figure(des, d, y, !inside, proportion)
    expected <- combined(a, b)
    what <- paste(case, "contrast", y, row$group)
    checked <<- checked + 1
    if (row$status != expected) { fail(what, "status", row$status, "R", expected); next }
    if (!(expected %in% c("published", "review"))) next
    keep <- !is.na(d[[y]])
    model <- svyglm(as.formula(paste0(y, " ~ inside")), subset(des, keep))
    diff <- unname(coef(model)["inside"])
    se <- unname(SE(model)["inside"])
    if (se < 1e-12) se <- 0  # no variance (p of 1 on both sides), as the tool says
    pv <- if (se > 0) 2 * pnorm(-abs(diff / se)) else 1
    tool$reference_p[i] <- pv
    close(paste(what, "diff"), number(row$diff), diff, 1e-9)
    close(paste(what, "se_diff"), number(row$se_diff), se, 1e-4, relative = TRUE)
    close(paste(what, "p_value"), number(row$p_value), pv, 1e-4)
  }
  members <- which(!is.na(tool$reference_p))
  q <- p.adjust(tool$reference_p[members], method = "BH")
  for (j in seq_along(members)) close(paste(case, "contrast q", members[j]), number(tool$q_value[members[j]]), q[j], 1e-4)
}

data <- list(baseline = load("baseline"), "followup-1" = load("followup-1"))
for (case in c("raked", "raked-design", "design")) {
  figures <- lapply(data, reference, case = case)
  for (wave in names(data)) check_wave(case, wave, figures[[wave]])
  check_compare(case, figures[["baseline"]], figures[["followup-1"]])
  check_contrast(case, data[["baseline"]])
  published <- sum(vapply(figures[["baseline"]], function(f) f$status == "published", TRUE))
  cat(sprintf("%s: %d baseline figures published of %d\n", case, published, length(figures[["baseline"]])))
}
cat(sprintf("awareness against R's survey %s: %d checks, %d mismatches\n", packageVersion("survey"), checked, failures))
if (failures > 0) quit(status = 1)
