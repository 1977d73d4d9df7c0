import Foundation

/// The employer main points: the flow or the openings and the shortage, the roles short of
/// people, the KSAs no course teaches and the people doing the work.
extension MainPoints {
    package struct Role: Sendable, Equatable {
        package var name: String
        package var gap: Estimate
        /// The grade of the role's figures (its demand): E carries its caution; F is never quoted.
        package var grade: QualityGrade?

        package init(name: String, gap: Estimate, grade: QualityGrade? = nil) {
            self.name = name
            self.gap = gap
            self.grade = grade
        }
    }

    /// The employer figures the main points use.
    package struct Employers: Sendable {
        package var respondents: Int
        package var horizon: Horizon
        /// Openings no completer will fill: the positive gaps of every surveyed role, withheld ones included.
        package var shortage: Estimate
        package var openings: Estimate
        /// Completers within the horizon (a census of the catalog: no sampling error).
        package var completers: Double
        /// Different people doing cybersecurity work (`nil`: the form did not ask).
        package var people: Estimate?
        /// Published roles with a positive gap, largest first.
        package var shortages: [Role]
        /// Whether a training catalog is imported (without one, supply is unknown, not 0).
        package var catalog: Bool
        /// KSAs the published roles with openings need, and how many of them no offering teaches.
        package var neededKSAs: Int?
        package var untaughtKSAs: Int?
        /// The flow model's figures; when present they open the main points instead of the openings.
        package var flows: Flows?
        /// Surveyed roles with a shortage whose figures are withheld (they count in `shortage`).
        package var withheldShortages = 0
        /// The grades of the openings, the shortage and the people figure (`nil`: graded on their CV alone).
        package var openingsGrade: QualityGrade?
        package var shortageGrade: QualityGrade?
        package var peopleGrade: QualityGrade?

        package init(
            respondents: Int, horizon: Horizon, shortage: Estimate, openings: Estimate, completers: Double, people: Estimate? = nil,
            shortages: [Role], catalog: Bool, neededKSAs: Int? = nil, untaughtKSAs: Int? = nil, openingsGrade: QualityGrade? = nil,
            shortageGrade: QualityGrade? = nil, peopleGrade: QualityGrade? = nil, flows: Flows? = nil
        ) {
            self.flows = flows
            self.openingsGrade = openingsGrade
            self.shortageGrade = shortageGrade
            self.peopleGrade = peopleGrade
            self.respondents = respondents
            self.horizon = horizon
            self.shortage = shortage
            self.openings = openings
            self.completers = completers
            self.people = people
            self.shortages = shortages
            self.catalog = catalog
            self.neededKSAs = neededKSAs
            self.untaughtKSAs = untaughtKSAs
        }
    }

    // Ranks: which sentences stay when there are more than eight (lower stays).
    func employerSentences(_ e: Employers) -> [(rank: Int, text: String)] {
        var out: [(Int, String)] = []
        let p = phrase
        let within = p("report.points.within.\(e.horizon.rawValue)")
        let responding = p("report.points.responding.\(e.respondents == 1 ? "one" : "other")", ["count": String(e.respondents)])
        let base = e.openings.se == nil ? p("report.points.base_unweighted", ["respondents": responding]) : ""
        if let flows = e.flows {
            out += flowSentences(flows, base: base)
            if let needed = e.neededKSAs, let untaught = e.untaughtKSAs, needed > 0 { out.append((7, ksaSentence(needed, untaught))) }
            return out
        }
        let openingsGrade = e.openingsGrade ?? QualityGrade(e.openings), shortageGrade = e.shortageGrade ?? QualityGrade(e.shortage)
        let completers = count(e.completers)
        if !e.catalog {
            out.append((1, openingsGrade == .f
                ? p("report.points.no_catalog_unreliable", ["within": within, "unreliable": unreliable])
                : p("report.points.no_catalog", ["openings": about(e.openings), "within": within, "base": base, "interval": interval(e.openings, grade: openingsGrade)])))
            return out
        }
        if shortageGrade == .f {
            out.append((1, p("report.points.shortage_unreliable", ["within": within, "unreliable": unreliable])))
        } else if e.shortage.value.rounded() < 1 {
            out.append((1, p("report.points.enough", ["within": within, "base": base])))
        } else {
            out.append((1, p("report.points.shortage", ["shortage": about(e.shortage), "within": within, "base": base, "interval": interval(e.shortage, grade: shortageGrade)])))
        }
        let roles = e.shortages.filter { $0.gap.value.rounded() >= 1 && $0.grade != .f }
        let named = Array(roles.prefix(3))
        if !named.isEmpty {
            let listed = list(named.map {
                p("report.points.role", ["name": $0.name, "figure": figure($0.gap), "caution": $0.grade?.needsCaution == true ? p("report.points.caution") : ""])
            })
            var text: String
            // Every role with a positive gap counts, also one that rounds to 0.
            let all = e.shortages.count
            switch named.count {
            case all where all == 1: text = p("report.points.shortage_in_one", ["list": listed])
            case all: text = p("report.points.shortage_in", ["count": words(all), "list": listed])
            case 1: text = p("report.points.largest_one", ["list": listed, "count": words(all)])
            default: text = p("report.points.largest", ["list": listed, "count": words(all)])
            }
            if named.count > 1, let lowFirst = named.first?.gap.ciLow, let highLast = named.last?.gap.ciHigh, lowFirst <= highLast {
                text += p("report.points.overlap")
            }
            if e.withheldShortages > 0 {
                // The total counts them: say so, so that the roles named do not read as all of it.
                text = p("report.points.among_published", ["text": text.prefix(1).lowercased() + text.dropFirst()])
                text += p("report.points.withheld.\(e.withheldShortages == 1 ? "one" : "other")", ["count": words(e.withheldShortages)])
            }
            out.append((2, text + "."))
        }
        if openingsGrade == .f {
            out.append((3, p("report.points.openings_unreliable", ["unreliable": unreliable, "completers": completers])))
        } else {
            out.append((3, p("report.points.openings", [
                "openings": about(e.openings), "base": base, "interval": interval(e.openings, grade: openingsGrade), "completers": completers,
            ])))
        }
        if let needed = e.neededKSAs, let untaught = e.untaughtKSAs, needed > 0 {
            out.append((7, ksaSentence(needed, untaught)))
        }
        if let people = e.people, people.value.rounded() >= 1, (e.peopleGrade ?? QualityGrade(people)) != .f {
            let whereWords = people.se == nil ? p("report.points.where_responding", ["respondents": responding]) : p("report.points.where_represented")
            out.append((9, p("report.points.people", [
                "people": count(people.value), "where": whereWords, "interval": interval(people, grade: e.peopleGrade ?? QualityGrade(people)),
            ])))
        }
        return out
    }

    func ksaSentence(_ needed: Int, _ untaught: Int) -> String {
        untaught == 0
            ? phrase("report.points.ksas_taught", ["needed": String(needed)])
            : phrase("report.points.ksas_untaught.\(untaught == 1 ? "one" : "other")", ["count": Self.capitalised(words(untaught)), "needed": String(needed)])
    }
}
