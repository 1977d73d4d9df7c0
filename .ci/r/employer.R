# Reference employer estimates with R's survey package, from the clean data file and the frame,
# implemented independently of the tool: gates, item imputation, collapsed strata, eligible
# organisations, design weights, svytotal per role and per district for every horizon.
# Usage: Rscript employer.R clean.csv frame.csv out.csv
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
# Imputation: the unweighted mean of employers of the same size band with the role that answered,
# else of all such employers.
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
years <- c(short = 0.5, medium = 1, long = 2)
field <- c(short = "new_6m", medium = "new_1y", long = "new_2y")
result <- data.frame()
for (hz in names(years)) {
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
  data <- cbind(d[, c("S", "Nstar", "w", "district")], as.data.frame(vars, check.names = FALSE))
  names(data) <- make.names(names(data))
  des <- svydesign(ids = ~1, strata = ~S, fpc = ~Nstar, weights = ~w, data = data)
  for (v in names(vars)) {
    t <- svytotal(as.formula(paste0("~", make.names(v))), des)
    parts <- strsplit(v, ".", fixed = TRUE)[[1]]
    result <- rbind(result, data.frame(horizon = hz, group = "role", id = toupper(gsub("_", "-", parts[1])), figure = parts[2],
      estimate = coef(t)[[1]], se = SE(t)[[1]]))
  }
  # Districts (domains): every role's demand of the employers in the district.
  all <- Reduce(`+`, vars[grep("\\.demand$", names(vars))])
  for (dist in unique(d$district)) {
    des2 <- update(des, y = all * (data$district == dist))
    t <- svytotal(~y, des2)
    result <- rbind(result, data.frame(horizon = hz, group = "district", id = dist, figure = "demand", estimate = coef(t)[[1]], se = SE(t)[[1]]))
  }
}
write.csv(result, args[3], row.names = FALSE)
