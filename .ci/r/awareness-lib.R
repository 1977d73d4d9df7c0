# Shared by awareness.R and impact.R: the checks' counters and comparison, each respondent's
# indicators scored by the codebook's rules, the wave's data and design (stratified clusters,
# raked on the bundled margins), two waves stacked in one design, and the reference figure of
# one domain (Korn-Graubard as NCHS 2017 writes it, on R's p and se). Both scripts take the
# arguments WORK MARGINS: `work` holds the files compared and scoring.csv.
suppressMessages(library(survey))
options(survey.lonely.psu = "adjust")
args <- commandArgs(trailingOnly = TRUE)
work <- args[1]
margins <- read.csv(args[2], stringsAsFactors = FALSE)
scoring <- read.csv(file.path(work, "scoring.csv"), stringsAsFactors = FALSE, colClasses = "character")
z <- qnorm(0.975)
failures <- 0
checked <- 0

fail <- function(...) {
  failures <<- failures + 1
  if (failures <= 200) cat("MISMATCH:", ..., "\n")
}
close <- function(what, tool, reference, tolerance, relative = FALSE) {
  checked <<- checked + 1
  if (is.na(tool) || is.na(reference)) {
    if (!(is.na(tool) && is.na(reference))) fail(what, "tool", tool, "R", reference)
    return(invisible())
  }
  scale <- if (relative) max(abs(reference), 1e-12) else 1
  if (abs(tool - reference) / scale > tolerance) fail(what, "tool", format(tool, digits = 15), "R", format(reference, digits = 15))
}

# Each respondent's indicators, scored from the raw answers by the codebook's rules.
score <- function(d) {
  for (i in seq_len(nrow(scoring))) {
    rule <- scoring[i, ]
    if (!(rule$question %in% names(d))) next
    ones <- strsplit(rule$ones, " ")[[1]]
    zeros <- strsplit(rule$zeros, " ")[[1]]
    answers <- strsplit(d[[rule$question]], " ")
    d[[rule$indicator]] <- vapply(answers, function(a) {
      if (length(a) == 0) return(NA_real_)
      if (any(a %in% ones)) 1 else if (any(a %in% zeros)) 0 else NA_real_
    }, 0)
  }
  knowledge <- unique(scoring$indicator[scoring$group == "knowledge"])
  k <- as.matrix(d[, intersect(knowledge, names(d)), drop = FALSE])
  d$knowledge_score <- ifelse(rowSums(!is.na(k)) > 0, rowMeans(k, na.rm = TRUE), NA_real_)
  if (all(c("recognises_campaign", "claims_decoy_slogan") %in% names(d))) {
    d$net_recognition <- d$recognises_campaign - d$claims_decoy_slogan
  }
  d
}

load <- function(wave) {
  d <- read.csv(file.path(work, paste0("data-", wave, ".csv")), stringsAsFactors = FALSE, colClasses = "character")
  d <- d[d$consent == "yes" & d$age_check == "yes", ]
  d <- score(d)
  # A blank enumeration area: the respondent is its own cluster.
  blank <- is.na(d$enumeration_area) | d$enumeration_area == ""
  d$ea <- ifelse(blank, paste0("blank-", seq_len(nrow(d))), d$enumeration_area)
  d$stratum <- interaction(d$district, d$urban_rural, drop = TRUE)
  d$district <- factor(d$district)
  d
}

population <- function(variable, column, d) {
  m <- margins[margins$variable == variable, ]
  frame <- data.frame(m$category, m$population, stringsAsFactors = FALSE)
  names(frame) <- c(column, "Freq")
  frame
}

design <- function(d, case) {
  des <- if (grepl("design", case)) {
    svydesign(ids = ~ea, strata = ~stratum, weights = ~1, nest = TRUE, data = d)
  } else {
    svydesign(ids = ~1, weights = ~1, data = d)
  }
  if (grepl("raked", case)) {
    des <- suppressWarnings(rake(
      des, list(~district, ~sex, ~age_band, ~urban_rural),
      list(population("district", "district", d), population("sex", "sex", d), population("age", "age_band", d),
           population("urban", "urban_rural", d)),
      control = list(maxit = 2000, epsilon = 1e-15)))
  }
  des
}

# Two waves in one design (issue 30): an enumeration area of both waves one PSU within its
# stratum, a respondent without an area its own unit in its own wave, each wave raked to its own
# margins (every margin crossed with the wave). The columns both waves have are kept.
stacked_waves <- function(a, b, case) {
  columns <- intersect(names(a), names(b))
  a <- a[, columns]
  b <- b[, columns]
  a$wave <- "baseline"
  b$wave <- "followup"
  s <- rbind(a, b)
  s$wave <- factor(s$wave)
  s$ea <- ifelse(grepl("^blank-", s$ea), paste(s$wave, s$ea), s$ea)
  s$stratum <- interaction(s$district, s$urban_rural, drop = TRUE)
  des <- svydesign(ids = ~ea, strata = ~stratum, weights = ~1, nest = TRUE, data = s)
  if (grepl("raked", case)) {
    crossed <- function(variable, column) {
      m <- population(variable, column, s)
      rbind(cbind(wave = "baseline", m), cbind(wave = "followup", m))
    }
    des <- suppressWarnings(rake(
      des, list(~wave + district, ~wave + sex, ~wave + age_band, ~wave + urban_rural),
      list(crossed("district", "district"), crossed("sex", "sex"), crossed("age", "age_band"), crossed("urban", "urban_rural")),
      control = list(maxit = 2000, epsilon = 1e-15)))
  }
  list(design = des, data = s)
}

# The reference figure of one domain: p (or mean), se, deff, n_eff, interval, status, df.
figure <- function(des, d, y, inside, proportion) {
  keep <- !is.na(d[[y]]) & inside
  n <- sum(keep)
  if (n < 10) return(list(n = n, status = "suppressed"))
  sub <- subset(des, keep)
  m <- svymean(as.formula(paste0("~", y)), sub, na.rm = TRUE)
  p <- unname(coef(m))
  se <- unname(SE(m))[1]
  w <- weights(des)[keep]
  if (is.na(p) || is.na(se)) stop(paste("no estimate for", y, n))
  spread <- if (proportion) p * (1 - p) else sum(w * (d[[y]][keep] - p)^2) / sum(w)
  # p of 0 or 1 (to rounding): no variance, as the tool says (se 0, deff undefined, n_eff = n).
  if (spread < 1e-12) { spread <- 0; se <- 0 }
  deff <- if (spread > 0) se^2 / (spread / n) else NA
  neff <- if (se > 0) min(n, spread / se^2) else n
  df <- length(unique(d$ea[keep])) - length(unique(d$stratum[keep]))
  if (!grepl("design", attr(des, "case"))) df <- n - 1
  review <- df < 8
  if (proportion) {
    # Korn-Graubard as NCHS 2017 (Parker et al., Vital Health Stat 2(175)) writes it, on R's p and se.
    ndf <- neff * (qt(0.975, n - 1) / qt(0.975, df))^2
    x <- p * ndf
    low <- if (x <= 0) 0 else qbeta(0.025, x, ndf - x + 1)
    high <- if (x >= ndf) 1 else qbeta(0.975, x + 1, ndf - x)
    width <- high - low
    status <- if (neff < 30 || width >= 0.30 || (width > 0.05 && p > 0 && width > 1.30 * p)) "unreliable" else
      if (p < 1e-12 || p > 1 - 1e-12) "review" else "published"
    # The complement's rule: a published p whose 1 - p would fail the relative width is reviewed.
    review <- review || (width > 0.05 && p < 1 && width > 1.30 * (1 - p))
  } else {
    low <- p - z * se
    high <- p + z * se
    status <- if (neff < 30 || (se > 0 && se >= 0.30 * abs(p))) "unreliable" else "published"
  }
  list(n = n, p = p, se = se, deff = deff, neff = neff, low = low, high = high, status = status, df = df, review = review)
}


number <- function(x) suppressWarnings(as.numeric(x))

# A difference's status from its two figures': the worse of the two.
combined <- function(a, b) {
  for (status in c("suppressed", "unreliable", "review")) if (a$status == status || b$status == status) return(status)
  "published"
}

