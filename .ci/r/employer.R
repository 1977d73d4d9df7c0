# Reference employer estimates with R's survey package, from the clean data file and the frame,
# implemented independently of the tool: gates, item imputation, collapsed strata, eligible
# organisations, design weights, svytotal per role and per district for every horizon.
# Usage: Rscript employer.R clean.csv frame.csv out.csv
here <- dirname(sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE)[1]))
source(file.path(here, "design.R"))
args <- commandArgs(trailingOnly = TRUE)
d <- employer_respondents(args[1], args[2])

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
