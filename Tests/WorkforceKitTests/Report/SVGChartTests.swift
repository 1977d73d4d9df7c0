import Foundation
import Testing

@testable import WorkforceKit

/// The report's charts: labels whole, an axis title, an error bar on every estimate, withheld
/// figures in words, a `viewBox` that scales, and a height that fits a printed page.
@Suite struct SVGChartTests {
    static func count(_ needle: String, in text: String) -> Int { text.components(separatedBy: needle).count - 1 }

    /// The label's words as the chart draws them, joined back.
    static func labelText(_ svg: String) -> [String] {
        svg.components(separatedBy: "<text x=\"4\" y=").dropFirst().compactMap { part -> String? in
            guard part.contains("<tspan") else { return nil }
            let body = part.components(separatedBy: "</text>").first ?? ""
            return body.components(separatedBy: "<tspan").dropFirst().map { ($0.components(separatedBy: ">").dropFirst().first ?? "").components(separatedBy: "<").first ?? "" }.joined(separator: " ")
        }
    }

    @Test func longLabelsAreWrappedWholeNeverCut() {
        let label = "Cyber Instructional Curriculum Developer (grade C: unreliable) with a long tail of words"
        let svg = SVGChart.bars(
            title: "t", labels: [label, "Short"], series: [SVGChart.Series(name: "openings", values: [10, 4], color: "#000", low: [2, 1], high: [18, 7])],
            axis: "People within the next year")
        #expect(Self.labelText(svg) == [label, "Short"])
        #expect(!svg.contains("…"))
        #expect(SVGChart.wrapped(label, 20).allSatisfy { $0.count <= 20 })
        #expect(SVGChart.wrapped("Supercalifragilisticexpialidocious word", 10) == ["Supercalifragilisticexpialidocious", "word"])
    }

    @Test func everyEstimateHasAnErrorBarAndTheAxisHasItsTitle() {
        let svg = SVGChart.bars(
            title: "t", labels: ["a", "b", "c"],
            series: [
                SVGChart.Series(name: "openings (95% CI)", values: [10, 4, 6], color: "#000", low: [2, 1, 0], high: [18, 7, 12]),
                SVGChart.Series(name: "completers", values: [3, 0, 1], color: "#f00"),
            ], axis: "People within the next year")
        // Three estimates and the legend's sample of an interval.
        #expect(Self.count("class=\"ci\"", in: svg) == 4)
        #expect(svg.contains("class=\"axis-title\"") && svg.contains(">People within the next year</text>"))
        #expect(svg.contains("viewBox=\"0 0 400 ") && svg.contains("width=\"100%\""))
    }

    @Test func theAxisReachesBelowZeroForANegativeInterval() {
        let svg = SVGChart.bars(
            title: "t", labels: ["gap"], series: [SVGChart.Series(name: "gap", values: [5], color: "#000", low: [-12], high: [22])], axis: "People")
        // Steps of 10 from -20 to 30: a tick at -20 and the zero line drawn dark.
        #expect(svg.contains(">-20</text>") && svg.contains(">30</text>"))
        #expect(svg.contains("stroke=\"#555\"/>"))
    }

    @Test func withheldFiguresAreWrittenInWords() {
        let svg = SVGChart.intervals(
            title: "t", labels: ["Knows phishing", "Uses 2FA"],
            series: [
                SVGChart.Dots(name: "baseline", color: "#000", points: [(0.4, 0.35, 0.45), nil]),
                SVGChart.Dots(name: "followup-1", color: "#f00", points: [nil, (0.5, 0.45, 0.55)], notes: ["withheld, effective sample size under 30", nil], marks: ["", " *"]),
            ], axis: "Share of respondents (%)", marks: [nil, "withheld: fewer than 10 respondents"])
        #expect(svg.contains(">followup-1: withheld, effective sample size under 30</text>"))
        #expect(svg.contains(">withheld: fewer than 10 respondents</text>"))
        // The marked row draws no point: one point and its error bar, plus the legend's two.
        #expect(Self.count("<circle", in: svg) == 3)
        #expect(svg.contains(">40.0%</text>") && !svg.contains(">50.0%</text>"))
    }

    @Test func aSignificantChangeIsMarkedAfterItsValue() {
        let svg = SVGChart.intervals(
            title: "t", labels: ["Uses 2FA", "Backs up"],
            series: [
                SVGChart.Dots(name: "baseline", color: "#000", points: [(0.4, 0.35, 0.45), (0.3, 0.25, 0.35)]),
                SVGChart.Dots(name: "followup-1", color: "#f00", points: [(0.5, 0.45, 0.55), (0.31, 0.26, 0.36)], marks: [" *", ""]),
            ], axis: "Share of respondents (%)")
        #expect(svg.contains(">50.0% *</text>") && svg.contains(">31.0%</text>") && !svg.contains(">31.0% *"))
        // Two rows of two points, each with its error bar, and the legend's two.
        #expect(Self.count("class=\"ci\"", in: svg) == 6)
    }

    /// Printed at 28rem (448 px) wide, a chart must stay under a Letter page's 233 mm less 32 mm
    /// of margins (760 px at 96 dpi): its height at most 1.69 times its width. The report's
    /// largest: 10 roles with two-line labels and two series, 10 KSAs with three-line labels.
    @Test(arguments: [(10, 2, 2), (10, 3, 1), (9, 2, 2)])
    func theReportsLargestChartsFitAPrintedPage(rows: Int, lines: Int, series: Int) throws {
        let words = String(repeating: "word ", count: lines * SVGChart.labelCharacters / 5 - 1)
        let labels = (0..<rows).map { "\($0) \(words)" }
        #expect(labels.allSatisfy { SVGChart.wrapped($0, SVGChart.labelCharacters).count == lines })
        let svg = SVGChart.bars(
            title: "t", labels: labels,
            series: Array([
                SVGChart.Series(name: "openings", values: labels.map { _ in 10 }, color: "#000", low: labels.map { _ in 5 }, high: labels.map { _ in 15 }),
                SVGChart.Series(name: "completers", values: labels.map { _ in 3 }, color: "#f00"),
            ].prefix(series)), axis: "People")
        let box = try #require(svg.components(separatedBy: "viewBox=\"0 0 ").dropFirst().first?.components(separatedBy: "\"").first)
        let size = box.split(separator: " ").compactMap { Double($0) }
        #expect(size.count == 2 && size[1] / size[0] <= 1.69, "\(box)")
    }

    @Test func theFigureCarriesItsBase() {
        let figure = SVGChart.figure("<svg></svg>", base: "Base: 138 responding employers, weighted to the sampling frame.")
        #expect(figure == "<figure class=\"chart\"><svg></svg><figcaption>Base: 138 responding employers, weighted to the sampling frame.</figcaption></figure>")
    }
}
