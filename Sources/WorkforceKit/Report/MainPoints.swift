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
    /// The language of the sentences (`report.points.*` of `Surveys/banks/words/report.csv`).
    package var language: ReaderLanguage = .en
    package static let limit = 8

    package init(employers: Employers? = nil, awareness: Awareness? = nil, language: ReaderLanguage = .en) {
        self.employers = employers
        self.awareness = awareness
        self.language = language
    }

    var phrase: Phrasebook { Words.bundled.phrasebook(language) }

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

    private func ksaSentence(_ needed: Int, _ untaught: Int) -> String {
        untaught == 0
            ? phrase("report.points.ksas_taught", ["needed": String(needed)])
            : phrase("report.points.ksas_untaught.\(untaught == 1 ? "one" : "other")", ["count": Self.capitalised(words(untaught)), "needed": String(needed)])
    }

    private func awarenessSentences(_ a: Awareness) -> [(rank: Int, text: String)] {
        var out: [(Int, String)] = []
        let p = phrase
        if let k = a.knowledge {
            out.append((4, p("report.points.knowledge", ["wave": a.baseline, "percent": percent(k.value), "interval": interval(k)])))
        }
        if let followup = a.followup, !a.changes.isEmpty {
            let significant = a.changes.filter { ($0.q ?? 1) < 0.05 }
            let rose = significant.filter { $0.to > $0.from }.count, fell = significant.count - rose
            let test = p("report.points.test")
            let between = p("report.points.between", ["baseline": a.baseline, "followup": followup])
            let compared = a.changes.count == 1 ? p("report.points.compared.one") : p("report.points.compared.other", ["count": words(a.changes.count)])
            let values = ["between": between, "compared": compared, "test": test]
            out.append((5, significant.isEmpty
                ? p("report.points.unchanged.\(a.changes.count == 1 ? "one" : "other")", values)
                : p("report.points.changed", values.merging([
                    "count": words(significant.count), "rose": rose == 0 ? p("report.points.none") : words(rose),
                    "fell": fell == 0 ? p("report.points.none") : words(fell),
                ]) { _, b in b })))
            if let k = a.changes.first(where: { $0.indicator == headlineIndicator }) {
                let ci = k.interval.map { p("report.points.points_ci", ["low": Self.points($0.lowerBound), "high": Self.points($0.upperBound)]) } ?? ""
                let change = p("report.points.points", ["points": Self.points(k.to - k.from), "ci": ci])
                let verdict = (k.q ?? 1) < 0.05 ? "" : p("report.points.not_significant")
                out.append((6, p("report.points.knowledge_change", ["from": percent(k.from), "to": percent(k.to), "change": change, "verdict": verdict])))
            }
        }
        if let followup = a.followup, let net = a.netRecognition {
            out.append((10, net.value > 0
                ? p("report.points.net", ["wave": followup, "percent": percent(net.value), "interval": interval(net)])
                : p("report.points.net_none", [
                    "wave": followup, "percent": percent(net.value),
                    "ci": net.interval.map { p("report.points.points_ci", ["low": percent($0.lowerBound), "high": percent($0.upperBound)]) } ?? "",
                ])))
        }
        return out
    }

    // MARK: words

    /// A count in the sentences' language: "1,043" or "1 043".
    func count(_ x: Double) -> String { Figure.count(x, language.rawValue) }

    func percent(_ x: Double) -> String { Figure.percent(x, language.rawValue) }

    /// "about 430" (a whole number: the estimate is not exact).
    func about(_ e: Estimate) -> String { e.se == nil ? count(e.value) : phrase("report.points.about", ["value": count(e.value)]) }

    /// Why a figure is not quoted (its bounds filled from ``QualityGrade``).
    var unreliable: String {
        phrase("report.points.unreliable", ["limit": WorkforceReport.bound(QualityGrade.publicationLimit, language), "min": String(QualityGrade.minimumUnits)])
    }

    /// " (95% CI 323 to 537)", with "; use with caution" on a grade E figure (a reader quoting
    /// it must see the caution); "" without an interval.
    func interval(_ e: Estimate, grade: QualityGrade?) -> String {
        guard let low = e.ciLow, let high = e.ciHigh else { return "" }
        return phrase("report.points.interval", ["low": count(low), "high": count(high), "caution": grade?.needsCaution == true ? phrase("report.points.caution") : ""])
    }

    func interval(_ s: Share) -> String {
        s.interval.map { phrase("report.points.interval", ["low": percent($0.lowerBound), "high": percent($0.upperBound), "caution": ""]) } ?? ""
    }

    /// "108; 95% CI 58 to 158".
    func figure(_ e: Estimate) -> String {
        e.ciLow.flatMap { low in e.ciHigh.map { phrase("report.points.figure_ci", ["value": count(e.value), "low": count(low), "high": count($0)]) } } ?? count(e.value)
    }

    /// A difference of shares in percentage points, signed: "+5.3".
    static func points(_ d: Double) -> String {
        let text = Figure.fixed(100 * d, 1)
        return (d > 0 && text != "0.0" ? "+" : "") + text
    }

    func list(_ items: [String]) -> String {
        items.count <= 1 ? items.joined() : phrase("report.points.list", ["first": items.dropLast().joined(separator: ", "), "last": items.last ?? ""])
    }

    /// Numbers to ten in words, as a bulletin writes them.
    func words(_ n: Int) -> String { n >= 0 && n <= 10 ? phrase("report.points.number.\(n)") : String(n) }

    static func capitalised(_ s: String) -> String { s.prefix(1).uppercased() + s.dropFirst() }
}
