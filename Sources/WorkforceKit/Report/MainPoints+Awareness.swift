import Foundation

/// The awareness main points: the baseline knowledge score, the change at the follow-up and
/// net slogan recognition.
extension MainPoints {
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

    func awarenessSentences(_ a: Awareness) -> [(rank: Int, text: String)] {
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
}
