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

    /// What each assumption is, in words, at its low and high side.
    static func assumptionWords(_ name: String) -> (what: String, low: String, high: String) {
        switch name {
        case "unknown_destinations": ("where leavers of unknown destination went", "none of them left cybersecurity work in Belize", "all of them did")
        case "unknown_sources": ("where hires of unknown source came from", "none of them were new to cybersecurity work in Belize", "all of them were")
        case "new_jobs_realised": ("whether employers create the new jobs they expect", "half of them are created", "all of them are")
        default: ("the entry rate of completers", "it is at the low end of its interval", "it is at the high end")
        }
    }

    /// The sentences of the flow model: the two headline figures, the largest assumption, the roles, people and role-holdings.
    func flowSentences(_ f: Flows, base: String) -> [(rank: Int, text: String)] {
        var out: [(Int, String)] = []
        let s = f.shortfall
        let interval = Self.signedInterval(s)
        if s.value.rounded() >= 1 {
            out.append((1, "Belize needs \(Self.about(s)) more people a year to enter cybersecurity work than now enter it\(base)\(interval); this is a projection from last year's hires and leavers, not a count."))
        } else if s.value.rounded() <= -1 {
            out.append((1, "About \(Figure.count(-s.value)) more people a year enter cybersecurity work in Belize than employers need\(base)\(interval): no shortfall of people at today's rate of entry; this is a projection from last year's hires and leavers, not a count."))
        } else {
            out.append((1, "About as many people a year enter cybersecurity work in Belize as employers need\(base)\(interval)."))
        }
        let hard = f.hardToFillJobs.value.rounded() >= 1 ? ", \(Figure.count(f.hardToFillJobs.value)) of them hard to fill" : ", none of them hard to fill"
        let vacantGrade = QualityGrade(f.vacantJobs)
        if vacantGrade == .f {
            out.append((1, "How many cybersecurity jobs are vacant now is too unreliable to publish (\(Self.unreliable))."))
        } else {
            out.append((1, "\(Self.capitalised(Self.about(f.vacantJobs))) cybersecurity jobs are vacant now\(hard)\(Self.interval(f.vacantJobs, grade: vacantGrade)); jobs now are a stock, not part of the yearly figure."))
        }
        if let (low, high) = f.largest, max(abs(low.change), abs(high.change)).rounded() >= 1 {
            let words = Self.assumptionWords(low.assumption)
            out.append((2, "The assumption that moves the figure most is \(words.what): if \(words.low), it would be \(Figure.count(low.shortfall)) people a year; if \(words.high), \(Figure.count(high.shortfall))."))
        }
        let named = Array(f.roles.filter { $0.gap.value.rounded() >= 1 && $0.grade != .f }.prefix(3))
        if !named.isEmpty {
            out.append((3, "Allocated to work roles by their share of vacancies, new positions and leavers, the largest shortfalls are for \(Self.list(named.map { "\($0.name) (\(Self.figure($0.gap)) people a year\($0.grade?.needsCaution == true ? "; use with caution" : ""))" }))."))
        }
        if let people = f.people, let ratio = f.holdingsPerPerson, people.value.rounded() >= 1, QualityGrade(people) != .f {
            let ci = ratio.ciLow.flatMap { low in ratio.ciHigh.map { " (95% CI \(Figure.fixed(low, 1)) to \(Figure.fixed($0, 1)))" } } ?? ""
            out.append((8, "About \(Figure.count(people.value)) different people do cybersecurity work\(Self.interval(people, grade: QualityGrade(people))); they hold \(Figure.count(f.roleHoldings.value)) role-holdings, \(Figure.fixed(ratio.value, 1)) roles a person\(ci), so role mentions overstate people."))
        }
        return out
    }

    /// " (95% CI -12 to 140)": a difference's interval may cross 0.
    static func signedInterval(_ e: Estimate) -> String {
        guard let low = e.ciLow, let high = e.ciHigh else { return "" }
        // A difference is not graded by its coefficient of variation (near 0 it has none worth
        // the name): its interval, and whether it includes 0, say how sure it is.
        var text = " (95% CI \(Figure.count(low)) to \(Figure.count(high))"
        if low < 0 && high > 0 { text += "; the interval includes no shortfall" }
        return text + ")"
    }
}
