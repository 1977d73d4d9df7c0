# Employer shares with Korn-Graubard intervals, with R survey's svyciprop(method = "beta"), from the
# clean data file and the frame, implemented independently of the tool: gates, collapsed strata,
# eligible organisations, design weights; per role and KSA the share of employers asked who name it.
# Usage: Rscript employer_shares.R clean.csv frame.csv out.csv
suppressMessages(library(survey))
options(survey.lonely.psu = "adjust")
args <- commandArgs(trailingOnly = TRUE)
d <- read.csv(args[1], colClasses = "character", na.strings = "")
frame <- read.csv(args[2], colClasses = "character", na.strings = "")
d <- d[!is.na(d$consent) & d$consent == "yes", ]
num <- function(x) { v <- suppressWarnings(as.numeric(x)); v }
bands <- c("micro", "small", "medium", "large")

# Eligible organisations per frame stratum.
frame$N <- num(frame$organisations)
if (!("issued" %in% names(frame))) frame$issued <- NA
if (!("out_of_scope" %in% names(frame))) frame$out_of_scope <- NA
iss <- num(frame$issued); oos <- num(frame$out_of_scope); oos[is.na(oos)] <- 0
frame$Nstar <- ifelse(!is.na(iss) & iss > 0, frame$N * (1 - oos / iss), frame$N)

# Collapse: an empty stratum joins the nearest band of its sector with respondents (tie: smaller).
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
    best <- answered[order(dist, match(answered, bands))][1]
    frame$merged[i] <- paste(s, best)
  }
}
pop <- tapply(frame$Nstar[!is.na(frame$merged)], frame$merged[!is.na(frame$merged)], sum)
d$S <- d$key
d$Nstar <- as.numeric(pop[d$S])
n <- table(d$S)
d$w <- d$Nstar / as.numeric(n[d$S])

roles <- sub("_staff$", "", grep("_staff$", names(d), value = TRUE))
has <- function(r) sapply(strsplit(ifelse(is.na(d$roles), "", d$roles), " "), function(x) r %in% x)

# Lacking KSAs: asked = the role's ksa_gaps question answered; named = the KSA ticked (an
# exclusive answer such as "none" is not a KSA).
exclusive <- c("none", "dont_know", "prefer_not", "does_not_know")
result <- data.frame()
for (r in roles) {
  answer <- d[[paste0(r, "_ksa_gaps")]]
  if (is.null(answer)) next
  asked <- !is.na(answer)
  if (!any(asked)) next
  chosen <- strsplit(ifelse(asked, answer, ""), " ")
  ksas <- setdiff(unique(unlist(chosen)), c(exclusive, ""))
  for (k in ksas) {
    data <- data.frame(S = d$S, Nstar = d$Nstar, w = d$w, asked = asked, y = sapply(chosen, function(x) k %in% x) * 1)
    des <- svydesign(ids = ~1, strata = ~S, fpc = ~Nstar, weights = ~w, data = data)
    sub <- subset(des, asked)
    ci <- svyciprop(~y, sub, method = "beta")
    m <- svymean(~y, sub)
    result <- rbind(result, data.frame(role = toupper(gsub("_", "-", r)), ksa = toupper(k), share = coef(m)[[1]], se = SE(m)[[1]],
      low = attr(ci, "ci")[[1]], high = attr(ci, "ci")[[2]]))
  }
}
write.csv(result, args[3], row.names = FALSE)
