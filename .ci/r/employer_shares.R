# Employer shares with Korn-Graubard intervals, with R survey's svyciprop(method = "beta"), from the
# clean data file and the frame, implemented independently of the tool: gates, collapsed strata,
# eligible organisations, design weights; per role and KSA the share of employers asked who name it.
# Usage: Rscript employer_shares.R clean.csv frame.csv out.csv
here <- dirname(sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE)[1]))
source(file.path(here, "design.R"))
args <- commandArgs(trailingOnly = TRUE)
d <- employer_respondents(args[1], args[2])

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
