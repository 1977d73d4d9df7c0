# The employer design the R reference scripts share (employer.R, employer_shares.R, flows.R),
# implemented independently of the tool as docs/employer-estimation.md states it: the gates
# (consent), eligible organisations N* = N (1 - out_of_scope / issued), empty strata collapsed
# into the nearest size band of their sector with respondents (a tie goes to the smaller band),
# and design weights w = N*_S / n_S. Sourced by each script with
#   source(file.path(dirname(sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE)[1])), "design.R"))
suppressMessages(library(survey))
options(survey.lonely.psu = "adjust")
num <- function(x) suppressWarnings(as.numeric(x))
bands <- c("micro", "small", "medium", "large")

# The respondents of the clean data file `clean`, each with its stratum of estimation S, the
# stratum's eligible organisations Nstar and its design weight w, weighted to the frame `frame_path`.
employer_respondents <- function(clean, frame_path) {
  d <- read.csv(clean, colClasses = "character", na.strings = "")
  frame <- read.csv(frame_path, colClasses = "character", na.strings = "")
  d <- d[!is.na(d$consent) & d$consent == "yes", ]
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
  d
}

# Each role's per-employer values of the respondents `d` within horizon `hz` (short, medium,
# long), as a list named "ROLE.figure" (employed, vacancies, hard_to_fill, new_positions,
# leavers, demand): 0 where the employer does not report the role; unknown new positions and
# leavers imputed by the unweighted mean of employers of the same size band with the role that
# answered, else of all such employers.
employer_role_values <- function(d, hz) {
  years <- c(short = 0.5, medium = 1, long = 2)
  field <- c(short = "new_6m", medium = "new_1y", long = "new_2y")
  roles <- sub("_staff$", "", grep("_staff$", names(d), value = TRUE))
  has <- function(r) sapply(strsplit(ifelse(is.na(d$roles), "", d$roles), " "), function(x) r %in% x)
  impute <- function(v, h) {
    out <- v
    for (i in which(h & is.na(v))) {
      same <- h & !is.na(v) & d$size_band == d$size_band[i]
      pool <- if (any(same)) v[same] else v[h & !is.na(v)]
      if (length(pool) > 0) out[i] <- mean(pool)
    }
    out
  }
  zero <- function(v, h) ifelse(h & !is.na(v), v, 0)
  vars <- list()
  for (r in roles) {
    h <- has(r)
    expects <- d[[paste0(r, "_expects")]]
    newp <- num(d[[paste0(r, "_", field[hz])]])
    newp[h & !is.na(expects) & expects == "no"] <- 0
    leavers <- num(d[[paste0(r, "_leavers_12m")]])
    newp <- zero(impute(ifelse(h, newp, NA), h), h)
    leavers <- zero(impute(ifelse(h, leavers, NA), h), h)
    vars[[paste0(r, ".employed")]] <- zero(num(d[[paste0(r, "_staff")]]), h)
    vars[[paste0(r, ".vacancies")]] <- zero(num(d[[paste0(r, "_vacancies")]]), h)
    vars[[paste0(r, ".hard_to_fill")]] <- zero(num(d[[paste0(r, "_hard_to_fill")]]), h)
    vars[[paste0(r, ".new_positions")]] <- newp
    vars[[paste0(r, ".leavers")]] <- leavers
    vars[[paste0(r, ".demand")]] <- vars[[paste0(r, ".vacancies")]] + newp + leavers * years[[hz]]
  }
  vars
}
