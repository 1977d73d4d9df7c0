import Foundation
import Testing

/// The committed sample report (kept identical to what the demo writes by ReportCommandTests),
/// read as a person would: main points first, and every chart with an axis title, a base and
/// error bars, its labels whole.
@Suite struct ReportChartsTests {
    static func sample() throws -> String {
        try String(contentsOf: ReportCommandTests.repository.appendingPathComponent("Reports/sample/report.html"), encoding: .utf8)
    }

    static func count(_ needle: String, in text: String) -> Int { text.components(separatedBy: needle).count - 1 }

    @Test func theReportOpensWithItsMainPointsThenTheContents() throws {
        let html = try Self.sample()
        let points = try #require(html.range(of: "<section id=\"main-points\""))
        let contents = try #require(html.range(of: "<nav aria-label=\"Contents\">"))
        let summary = try #require(html.range(of: "<section id=\"summary\">"))
        #expect(points.lowerBound < contents.lowerBound && contents.lowerBound < summary.lowerBound)
        let section = String(html[points.lowerBound..<contents.lowerBound])
        let sentences = Self.count("<li>", in: section)
        #expect((5...8).contains(sentences), "\(sentences) main points")
        #expect(section.contains("95% CI"))
    }

    @Test func everyChartHasAnAxisTitleABaseAndErrorBars() throws {
        let html = try Self.sample()
        let charts = html.components(separatedBy: "<figure class=\"chart\">").dropFirst().map { $0.components(separatedBy: "</figure>")[0] }
        // Roles, KSAs, and the awareness indicators in five directions.
        #expect(charts.count == 7)
        #expect(Self.count("<svg", in: html) == charts.count)
        for chart in charts {
            let title = chart.components(separatedBy: "<title>").dropFirst().first?.components(separatedBy: "</title>").first ?? ""
            #expect(chart.contains("viewBox=\"0 0 400 ") && chart.contains("width=\"100%\""), "\(title)")
            #expect(chart.range(of: #"class="axis-title"[^>]*>[^<]+</text>"#, options: .regularExpression) != nil, "\(title): no axis title")
            #expect(chart.contains("<figcaption>Base: "), "\(title): no base")
            // The legend's sample interval and at least one estimate's.
            #expect(Self.count("class=\"ci\"", in: chart) >= 2, "\(title): no error bar")
            #expect(!chart.contains("…"), "\(title): a label is cut")
        }
    }
}
