extension MainPoints {
    /// The flow model's figures the main points open with (issue 27): the shortfall in people a
    /// year and the stock of vacant jobs now, each in its own unit, never added together.
    package struct Flows: Sendable {
        /// `demand_flow - entrants_projected`, people a year.
        package var shortfall: Estimate
        /// Jobs vacant now and, of them, hard to fill.
        package var vacantJobs: Estimate
        package var hardToFillJobs: Estimate
        /// The scenario row that moves the shortfall most (its assumption's widest side), if any.
        package var largest: (low: ShortfallScenarios.Row, high: ShortfallScenarios.Row)?
        /// Published roles with the largest allocated shortfall, people a year, largest first.
        package var roles: [Role]
        package var people: Estimate?
        package var roleHoldings: Estimate
        package var holdingsPerPerson: Estimate?

        package init(
            shortfall: Estimate, vacantJobs: Estimate, hardToFillJobs: Estimate, largest: (low: ShortfallScenarios.Row, high: ShortfallScenarios.Row)?,
            roles: [Role], people: Estimate?, roleHoldings: Estimate, holdingsPerPerson: Estimate?
        ) {
            self.shortfall = shortfall
            self.vacantJobs = vacantJobs
            self.hardToFillJobs = hardToFillJobs
            self.largest = largest
            self.roles = roles
            self.people = people
            self.roleHoldings = roleHoldings
            self.holdingsPerPerson = holdingsPerPerson
        }
    }

    /// The sentences of the flow model: the two headline figures, the largest assumption, the roles, people and role-holdings.
    func flowSentences(_ f: Flows, base: String) -> [(rank: Int, text: String)] {
        var out: [(Int, String)] = []
        let p = phrase
        let s = f.shortfall
        let interval = signedInterval(s)
        if s.value.rounded() >= 1 {
            out.append((1, p("report.points.flow.short", ["about": about(s), "base": base, "interval": interval])))
        } else if s.value.rounded() <= -1 {
            out.append((1, p("report.points.flow.surplus", ["count": count(-s.value), "base": base, "interval": interval])))
        } else {
            out.append((1, p("report.points.flow.even", ["base": base, "interval": interval])))
        }
        let hard = f.hardToFillJobs.value.rounded() >= 1 ? p("report.points.flow.hard", ["count": count(f.hardToFillJobs.value)]) : p("report.points.flow.hard_none")
        let vacantGrade = QualityGrade(f.vacantJobs)
        if vacantGrade == .f {
            out.append((1, p("report.points.flow.vacant_unreliable", ["unreliable": unreliable])))
        } else {
            out.append((1, p("report.points.flow.vacant", [
                "about": Self.capitalised(about(f.vacantJobs)), "hard": hard, "interval": self.interval(f.vacantJobs, grade: vacantGrade),
            ])))
        }
        if let (low, high) = f.largest, max(abs(low.change), abs(high.change)).rounded() >= 1 {
            let name = ["unknown_destinations", "unknown_sources", "new_jobs_realised"].contains(low.assumption) ? low.assumption : "entry_rate"
            let what = p("report.flows.assumption.\(name).what")
            out.append((2, p("report.points.flow.assumption", [
                "what": what.prefix(1).lowercased() + what.dropFirst(), "low": p("report.flows.assumption.\(name).low"), "high": p("report.flows.assumption.\(name).high"),
                "low_figure": count(low.shortfall), "high_figure": count(high.shortfall),
            ])))
        }
        let named = Array(f.roles.filter { $0.gap.value.rounded() >= 1 && $0.grade != .f }.prefix(3))
        if !named.isEmpty {
            let items = named.map {
                p("report.points.flow.role", ["name": $0.name, "figure": figure($0.gap), "caution": $0.grade?.needsCaution == true ? p("report.points.caution") : ""])
            }
            out.append((3, p("report.points.flow.roles", ["list": list(items)])))
        }
        if let people = f.people, let ratio = f.holdingsPerPerson, people.value.rounded() >= 1, QualityGrade(people) != .f {
            let ci = ratio.ciLow.flatMap { low in
                ratio.ciHigh.map { p("report.points.interval", ["low": Figure.fixed(low, 1), "high": Figure.fixed($0, 1), "caution": ""]) }
            } ?? ""
            out.append((8, p("report.points.flow.people", [
                "people": count(people.value), "interval": self.interval(people, grade: QualityGrade(people)), "holdings": count(f.roleHoldings.value),
                "ratio": Figure.fixed(ratio.value, 1), "ci": ci,
            ])))
        }
        return out
    }

    /// " (95% CI -12 to 140)": a difference's interval may cross 0.
    func signedInterval(_ e: Estimate) -> String {
        guard let low = e.ciLow, let high = e.ciHigh else { return "" }
        // A difference is not graded by its coefficient of variation (near 0 it has none worth
        // the name): its interval, and whether it includes 0, say how sure it is.
        return phrase("report.points.interval", [
            "low": count(low), "high": count(high), "caution": low < 0 && high > 0 ? phrase("report.points.flow.includes_zero") : "",
        ])
    }
}
