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
