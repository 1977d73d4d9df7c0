# Reference employer estimates with R's survey package, from the clean data file and the frame,
# implemented independently of the tool: gates, item imputation, collapsed strata, eligible
# organisations, design weights, svytotal per role and per district for every horizon.
# Usage: Rscript employer.R clean.csv frame.csv out.csv
here <- dirname(sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE)[1]))
source(file.path(here, "design.R"))
args <- commandArgs(trailingOnly = TRUE)
d <- employer_respondents(args[1], args[2])

years <- c(short = 0.5, medium = 1, long = 2)
result <- data.frame()
for (hz in names(years)) {
  vars <- employer_role_values(d, hz)
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
