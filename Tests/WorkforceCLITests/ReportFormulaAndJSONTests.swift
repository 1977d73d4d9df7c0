import Foundation
import Testing

/// Catalog text that a spreadsheet would run (`=HYPERLINK(...)`) is neutralised in the report's
/// HTML and Markdown as in its CSV, and JSON output escapes bidirectional controls.
@Suite struct ReportFormulaAndJSONTests {
    @Test func formulasAreNeutralisedInReportHTMLAndMarkdown() throws {
        let (database, imported) = try OutputSafetyTests.hostileCatalog()
        try #require(imported.code == 0, "\(imported.stderr)")
        let out = database.scratch.url.appendingPathComponent("report")
        let report = try database.run(["report", "--out", out.path])
        try #require(report.code == 0, "\(report.stderr)")
        let html = try String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(html.contains(">&#39;=HYPERLINK(&quot;http://x&quot;"))
        #expect(!html.contains(">=HYPERLINK("))
        let md = try String(contentsOf: out.appendingPathComponent("report.md"), encoding: .utf8)
        #expect(md.contains("| '=HYPERLINK(\"http://x\""))
        #expect(!md.contains("| =HYPERLINK(") && !md.contains("\n=HYPERLINK("))
    }

    @Test func jsonOutputsEscapeBidiControls() throws {
        let (database, imported) = try OutputSafetyTests.hostileCatalog()
        try #require(imported.code == 0, "\(imported.stderr)")
        let listed = try database.run(["catalog", "--format", "json"])
        #expect(listed.code == 0)
        #expect(listed.stdout.contains(#"\u202efdp.exe"#))
        #expect(!listed.stdout.unicodeScalars.contains("\u{202E}"))
        let out = database.scratch.url.appendingPathComponent("report")
        #expect(try database.run(["report", "--out", out.path]).code == 0)
        let json = try String(contentsOf: out.appendingPathComponent("tables/catalog.json"), encoding: .utf8)
        #expect(json.contains(#"\u202efdp.exe"#))
        #expect(!json.unicodeScalars.contains("\u{202E}"))
        _ = try JSONSerialization.jsonObject(with: Data(json.utf8))
    }
}
