import Foundation

/// The report's opening: up to eight sentences a minister can quote, written from the typed
/// figures with their uncertainty (the ONS bulletin's "main points"). A figure that is missing,
/// withheld or has no interval gives fewer sentences or says so in words, never a wrong one.
package struct MainPoints: Sendable {
    /// A share or score (0 to 1) with its 95% interval.
    package struct Share: Sendable, Equatable {
        package var value: Double
        package var interval: ClosedRange<Double>?

        package init(_ value: Double, interval: ClosedRange<Double>?) {
            self.value = value
            self.interval = interval
        }
    }

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

    /// One indicator's published change between two waves.
    package struct Change: Sendable, Equatable {
        package var indicator: String
        package var from: Double
        package var to: Double
        package var interval: ClosedRange<Double>?
        package var q: Double?

        package init(indicator: String, from: Double, to: Double, interval: ClosedRange<Double>?, q: Double?) {
            self.indicator = indicator
            self.from = from
            self.to = to
            self.interval = interval
            self.q = q
        }
    }

    /// The awareness figures the main points use.
    package struct Awareness: Sendable {
        package var baseline: String
        /// The baseline's knowledge score (share of knowledge questions answered right), when published.
        package var knowledge: Share?
        /// The follow-up wave compared with the baseline, and its published overall changes.
        package var followup: String?
        package var changes: [Change]
        /// Net slogan recognition at the follow-up, when published.
        package var netRecognition: Share?

        package init(baseline: String, knowledge: Share?, followup: String? = nil, changes: [Change] = [], netRecognition: Share? = nil) {
            self.baseline = baseline
            self.knowledge = knowledge
            self.followup = followup
            self.changes = changes
            self.netRecognition = netRecognition
        }
    }

    package var employers: Employers?
    package var awareness: Awareness?
    /// The plan's "What to do" sentence (its two largest levers): always the last point.
    package var whatToDo: String?
    /// The indicator whose change is told in words (the knowledge score).
    package var headlineIndicator = AwarenessData.knowledgeIndicator
    package static let limit = 8

    package init(employers: Employers? = nil, awareness: Awareness? = nil) {
        self.employers = employers
        self.awareness = awareness
    }

    /// The sentences, most important first, at most ``limit``.
    package var sentences: [String] {
        var ranked: [(rank: Int, text: String)] = []
        if let e = employers { ranked += employerSentences(e) }
        if let a = awareness { ranked += awarenessSentences(a) }
        // "What to do" is always the last point, within the limit; the rest keep their order.
        let room = Self.limit - (whatToDo == nil ? 0 : 1)
        let kept = Set(ranked.indices.sorted { (ranked[$0].rank, $0) < (ranked[$1].rank, $1) }.prefix(room))
        return ranked.indices.filter(kept.contains).map { ranked[$0].text } + (whatToDo.map { [$0] } ?? [])
    }

    // Ranks: which sentences stay when there are more than eight (lower stays).
    private func employerSentences(_ e: Employers) -> [(rank: Int, text: String)] {
        var out: [(Int, String)] = []
        let within = Self.within(e.horizon)
        let base = e.openings.se == nil ? " among the \(plural(e.respondents, "responding employer")) (unweighted: no interval)" : ""
        if let flows = e.flows {
            out += flowSentences(flows, base: base)
            if let needed = e.neededKSAs, let untaught = e.untaughtKSAs, needed > 0 { out.append((7, ksaSentence(needed, untaught))) }
            return out
        }
        let openingsGrade = e.openingsGrade ?? QualityGrade(e.openings), shortageGrade = e.shortageGrade ?? QualityGrade(e.shortage)
        if !e.catalog {
            out.append((1, openingsGrade == .f
                ? "How many cybersecurity openings employers expect \(within) is too unreliable to publish (\(Self.unreliable)); no training catalog is imported."
                : "Employers expect \(Self.about(e.openings)) cybersecurity openings \(within)\(base)\(Self.interval(e.openings, grade: openingsGrade)); no training catalog is imported, so how many of them courses will fill is not known."))
            return out
        }
        if shortageGrade == .f {
            out.append((1, "How many more cybersecurity openings employers expect \(within) than courses will fill is too unreliable to publish (\(Self.unreliable))."))
        } else if e.shortage.value.rounded() < 1 {
            out.append((1, "Courses are expected to produce enough completers for the openings employers expect \(within) in every published cybersecurity role\(base)."))
        } else {
            out.append((1, "Employers expect \(Self.about(e.shortage)) more cybersecurity openings \(within) than courses will fill\(base)\(Self.interval(e.shortage, grade: shortageGrade))."))
        }
        let roles = e.shortages.filter { $0.gap.value.rounded() >= 1 && $0.grade != .f }
        let named = Array(roles.prefix(3))
        if !named.isEmpty {
            let list = Self.list(named.map { "\($0.name) (\(Self.figure($0.gap))\($0.grade?.needsCaution == true ? "; use with caution" : ""))" })
            var text: String
            // Every role with a positive gap counts, also one that rounds to 0.
            let all = e.shortages.count
            switch named.count {
            case all where all == 1: text = "The shortage is in one role: \(list)"
            case all: text = "The shortage is in \(Self.words(all)) roles: \(list)"
            case 1: text = "The largest shortage is for \(list), of the \(Self.words(all)) roles with a shortage"
            default: text = "The largest shortages are for \(list), of the \(Self.words(all)) roles with a shortage"
            }
            if named.count > 1, let lowFirst = named.first?.gap.ciLow, let highLast = named.last?.gap.ciHigh, lowFirst <= highLast {
                text += "; their intervals overlap, so their order is not certain"
            }
            if e.withheldShortages > 0 {
                // The total counts them: say so, so that the roles named do not read as all of it.
                text = "Among the published roles, " + text.prefix(1).lowercased() + text.dropFirst()
                text += "; \(Self.words(e.withheldShortages)) more \(e.withheldShortages == 1 ? "role has a shortage that counts in the total but is" : "roles have a shortage that counts in the total but are") withheld"
            }
            out.append((2, text + "."))
        }
        if openingsGrade == .f {
            out.append((3, "How many openings employers expect in all is too unreliable to publish (\(Self.unreliable)); the national catalog's courses will produce \(Figure.count(e.completers)) completers in that time."))
        } else {
            out.append((3, "Employers expect \(Self.about(e.openings)) openings in all\(base)\(Self.interval(e.openings, grade: openingsGrade)), from vacancies, new positions and replacing leavers; the national catalog's courses will produce \(Figure.count(e.completers)) completers in that time."))
        }
        if let needed = e.neededKSAs, let untaught = e.untaughtKSAs, needed > 0 {
            out.append((7, ksaSentence(needed, untaught)))
        }
        if let people = e.people, people.value.rounded() >= 1, (e.peopleGrade ?? QualityGrade(people)) != .f {
            let whereWords = people.se == nil ? "the \(plural(e.respondents, "responding employer"))" : "the organisations the survey represents"
            out.append((9, "About \(Figure.count(people.value)) different people do cybersecurity work in \(whereWords)\(Self.interval(people, grade: e.peopleGrade ?? QualityGrade(people)))."))
        }
        return out
    }

    private func ksaSentence(_ needed: Int, _ untaught: Int) -> String {
        untaught == 0
            ? "Every one of the \(needed) knowledge, skill and ability items (KSAs) the roles with openings need is taught by at least one course in the national catalog."
            : "\(Self.capitalised(Self.words(untaught))) of the \(needed) knowledge, skill and ability items (KSAs) the roles with openings need \(untaught == 1 ? "is" : "are") taught by no course in the national catalog."
    }

    private func awarenessSentences(_ a: Awareness) -> [(rank: Int, text: String)] {
        var out: [(Int, String)] = []
        if let k = a.knowledge {
            out.append((4, "In the \(a.baseline) survey, people answered \(Figure.percent(k.value)) of the knowledge questions correctly on average\(Self.interval(k))."))
        }
        if let followup = a.followup, !a.changes.isEmpty {
            let significant = a.changes.filter { ($0.q ?? 1) < 0.05 }
            let rose = significant.filter { $0.to > $0.from }.count, fell = significant.count - rose
            let test = "by more than chance would explain (Benjamini-Hochberg q < 0.05)"
            let between = "Between the \(a.baseline) and \(followup) surveys"
            let compared = a.changes.count == 1 ? "the one indicator compared" : "the \(Self.words(a.changes.count)) indicators compared"
            out.append((5, significant.isEmpty
                ? "\(between), \(a.changes.count == 1 ? "\(compared) did not change" : "none of \(compared) changed") \(test)."
                : "\(between), \(Self.words(significant.count)) of \(compared) changed \(test): \(rose == 0 ? "none" : Self.words(rose)) rose and \(fell == 0 ? "none" : Self.words(fell)) fell."))
            if let k = a.changes.first(where: { $0.indicator == headlineIndicator }) {
                let change = "\(Self.points(k.to - k.from)) points\(k.interval.map { ", 95% CI \(Self.points($0.lowerBound)) to \(Self.points($0.upperBound))" } ?? "")"
                let verdict = (k.q ?? 1) < 0.05 ? "" : "; this is not a significant change"
                out.append((6, "The share of knowledge questions answered correctly went from \(Figure.percent(k.from)) to \(Figure.percent(k.to)) (\(change))\(verdict)."))
            }
        }
        if let followup = a.followup, let net = a.netRecognition {
            out.append((10, net.value > 0
                ? "In the \(followup) survey, \(Figure.percent(net.value)) of people recognised a real campaign slogan beyond what false claims of a made-up slogan explain\(Self.interval(net))."
                : "In the \(followup) survey, people recognised real campaign slogans no more often than they claimed a made-up one (net recognition \(Figure.percent(net.value))\(net.interval.map { ", 95% CI \(Figure.percent($0.lowerBound)) to \(Figure.percent($0.upperBound))" } ?? ""))."))
        }
        return out
    }

    // MARK: words

    /// "within the next year".
    static func within(_ h: Horizon) -> String {
        switch h {
        case .short: "in the next six months"
        case .medium: "in the next year"
        case .long: "in the next two years"
        }
    }

    /// "about 430" (a whole number: the estimate is not exact).
    static func about(_ e: Estimate) -> String { (e.se == nil ? "" : "about ") + Figure.count(e.value) }

    /// Why a figure is not quoted.
    static let unreliable = "its coefficient of variation is over 33.3% or it rests on fewer than 10 employers"

    /// " (95% CI 323 to 537)", with "; use with caution" on a grade E figure (a reader quoting
    /// it must see the caution); "" without an interval.
    static func interval(_ e: Estimate, grade: QualityGrade?) -> String {
        guard let low = e.ciLow, let high = e.ciHigh else { return "" }
        var text = " (95% CI \(Figure.count(low)) to \(Figure.count(high))"
        if grade?.needsCaution == true { text += "; use with caution" }
        return text + ")"
    }

    static func interval(_ s: Share) -> String {
        s.interval.map { " (95% CI \(Figure.percent($0.lowerBound)) to \(Figure.percent($0.upperBound)))" } ?? ""
    }

    /// "108; 95% CI 58 to 158".
    static func figure(_ e: Estimate) -> String {
        Figure.count(e.value) + (e.ciLow.flatMap { low in e.ciHigh.map { "; 95% CI \(Figure.count(low)) to \(Figure.count($0))" } } ?? "")
    }

    /// A difference of shares in percentage points, signed: "+5.3".
    static func points(_ d: Double) -> String {
        let text = Figure.fixed(100 * d, 1)
        return (d > 0 && text != "0.0" ? "+" : "") + text
    }

    static func list(_ items: [String]) -> String {
        items.count <= 1 ? items.joined() : items.dropLast().joined(separator: ", ") + " and " + (items.last ?? "")
    }

    /// Numbers to ten in words, as a bulletin writes them.
    static func words(_ n: Int) -> String {
        let names = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]
        return n >= 0 && n < names.count ? names[n] : String(n)
    }

    static func capitalised(_ s: String) -> String { s.prefix(1).uppercased() + s.dropFirst() }
}
