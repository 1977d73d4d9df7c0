import Foundation
import Testing
import WorkforceKit

/// The demo's report: the committed sample is what the demo writes, its figures agree, text
/// from data is escaped. Re-record the sample:
/// `WORKFORCE_RECORD_SAMPLE=1 swift test --filter ReportCommandTests` (it runs the demo with
/// SOURCE_DATE_EPOCH=1767225600, 2026-01-01, and copies the report into Reports/sample/).
@Suite(.serialized) struct ReportCommandTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let epoch = ["SOURCE_DATE_EPOCH": "1767225600"]

    static func reportFiles(_ folder: URL) throws -> [String] {
        let tables = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("tables").path).sorted().map { "tables/" + $0 }
        return ["report.html", "report.md", "explorer.html"] + tables
    }

    @Test func theSampleReportIsWhatTheDemoWrites() throws {
        let scratch = try Scratch()
        let out = scratch.url.appendingPathComponent("demo")
        let result = try runWorkforce(["demo", "--out", out.path], in: scratch.url, environment: Self.epoch)
        #expect(result.code == 0, "\(result.stderr)")
        #expect(result.stdout.contains("The report: \(out.path)/report.html"))
        let sample = Self.repository.appendingPathComponent("Reports/sample")
        if ProcessInfo.processInfo.environment["WORKFORCE_RECORD_SAMPLE"] == "1" {
            // The report's own files only: the committed screenshot (report.png) stays.
            try? FileManager.default.removeItem(at: sample.appendingPathComponent("tables"))
            for name in ["report.html", "report.md", "explorer.html"] { try? FileManager.default.removeItem(at: sample.appendingPathComponent(name)) }
            try FileManager.default.createDirectory(at: sample.appendingPathComponent("tables"), withIntermediateDirectories: true)
            for name in try Self.reportFiles(out) {
                try FileManager.default.copyItem(at: out.appendingPathComponent(name), to: sample.appendingPathComponent(name))
            }
        }
        #expect(try Self.reportFiles(out) == (try Self.reportFiles(sample)))
        for name in try Self.reportFiles(out) {
            let written = try String(contentsOf: out.appendingPathComponent(name), encoding: .utf8)
            let committed = try String(contentsOf: sample.appendingPathComponent(name), encoding: .utf8)
            #expect(written == committed, "\(name) differs from Reports/sample; re-record with WORKFORCE_RECORD_SAMPLE=1")
        }

        // Every figure of the HTML summary is the JSON's number, written with the figure's own
        // rounding (counts whole with thousands separated, shares one decimal, ratios two); the
        // JSON gives numbers, never words (issue 33).
        let html = try String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8)
        let summary = try jsonRows(try String(contentsOf: out.appendingPathComponent("tables/summary.json"), encoding: .utf8))
        #expect(summary.count >= 8)
        for row in summary {
            let label = try #require(row["figure"] as? String)
            let value = try #require(row["value"] as? Double, "\(label) has no number")
            let unit = try #require(row["unit"] as? String)
            let status = try #require(row["status"] as? String)
            let shown = unit == "share" ? String(format: "%.1f%%", 100 * value) : unit == "ratio" ? String(format: "%.2f", value) : grouped(value)
            let escaped = label.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            let opening = "data-figure=\"\(escaped)\">"
            if status == "published" {
                #expect(html.contains(opening + shown), "\(label) = \(shown)")
            } else {
                #expect(html.contains(opening) && !html.contains(opening + shown + " (95% CI"), "\(label) is withheld but shown")
            }
            if let low = row["ci_low"] as? Double, let high = row["ci_high"] as? Double { #expect(low <= value && value <= high, "\(label)") }
        }
        #expect(html.contains("Synthetic demo data"))
        #expect(!html.contains("<script"))  // the report needs no script
        // Suppression reaches every output: suppressed rows carry no figures. Unreliable (grade F)
        // and dominated rows keep them in JSON, and no reader's output shows them.
        let markdown = try String(contentsOf: out.appendingPathComponent("report.md"), encoding: .utf8)
        for row in try jsonRows(try String(contentsOf: out.appendingPathComponent("tables/gaps_by_role.json"), encoding: .utf8)) {
            let status = row["status"] as? String
            if status == "suppressed" || status == "not_surveyed" { #expect(row["demand"] is NSNull) }
            if status == "unreliable" || status == "dominated" {
                let demand = try #require(row["demand"] as? Double)
                #expect(row["reason"] is String)
                let name = try #require(row["role_name"] as? String)
                // Its table row says why and shows no figure; no main point names it.
                let line = try #require(markdown.split(separator: "\n").first { $0.hasPrefix("| \(name) (") })
                #expect(line.contains("withheld:") && !line.contains("95% CI") && demand >= 0, "\(line)")
                #expect(!(markdown.components(separatedBy: "## Summary").first ?? "").contains(name))
            }
            if row["quality"] as? String == "F" { #expect(status != "published") }
        }
    }

    /// `demo --lang es` writes the same report in Spanish: its pages are the committed
    /// Reports/sample-es/ (re-recorded with the English sample), its tables are the English
    /// sample's, and its banner and prose are Spanish.
    @Test func theSpanishSampleIsWhatTheDemoWritesWithLangEs() throws {
        let scratch = try Scratch()
        let out = scratch.url.appendingPathComponent("demo-es")
        let result = try runWorkforce(["demo", "--lang", "es", "--out", out.path], in: scratch.url, environment: Self.epoch)
        #expect(result.code == 0, "\(result.stderr)")
        let sample = Self.repository.appendingPathComponent("Reports/sample-es")
        let pages = ["report.html", "report.md", "explorer.html"]
        if ProcessInfo.processInfo.environment["WORKFORCE_RECORD_SAMPLE"] == "1" {
            try FileManager.default.createDirectory(at: sample, withIntermediateDirectories: true)
            for name in pages {
                try? FileManager.default.removeItem(at: sample.appendingPathComponent(name))
                try FileManager.default.copyItem(at: out.appendingPathComponent(name), to: sample.appendingPathComponent(name))
            }
        }
        for name in pages {
            let written = try String(contentsOf: out.appendingPathComponent(name), encoding: .utf8)
            let committed = try String(contentsOf: sample.appendingPathComponent(name), encoding: .utf8)
            #expect(written == committed, "\(name) differs from Reports/sample-es; re-record with WORKFORCE_RECORD_SAMPLE=1")
            // A withheld figure's reason is Spanish, and a Spanish figure ("+3 (-5 a 11)") is not
            // taken for a formula and written with a `'` in front.
            #expect(!written.contains("coefficient of variation"), "\(name): an English reason")
            #expect(!written.contains("&#39;+") && !written.contains("&#39;-") && !written.contains("| '+") && !written.contains("| '-"), "\(name): a figure marked as a formula")
        }
        // The machine tables are the same in every language: the English sample's.
        let english = Self.repository.appendingPathComponent("Reports/sample")
        let tables = try Self.reportFiles(out).filter { $0.hasPrefix("tables/") }
        #expect(tables == (try Self.reportFiles(english)).filter { $0.hasPrefix("tables/") })
        for name in tables {
            let written = try String(contentsOf: out.appendingPathComponent(name), encoding: .utf8)
            #expect(written == (try String(contentsOf: english.appendingPathComponent(name), encoding: .utf8)), "\(name) differs in Spanish")
        }
        let html = try String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(html.contains("<html lang=\"es\">") && html.contains(Words.bundled.text("report.demo.banner", .es)))
        #expect(!html.contains("Synthetic demo data"))
        let explorer = try String(contentsOf: out.appendingPathComponent("explorer.html"), encoding: .utf8)
        #expect(explorer.contains(Markup.escape(Words.bundled.text("report.demo.banner", .es))))
    }

    /// A whole number with thousands separated, as the report writes counts.
    func grouped(_ value: Double) -> String {
        let digits = String(Int(abs(value).rounded()))
        var out = ""
        for (i, c) in digits.reversed().enumerated() {
            if i > 0 && i % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return (value.rounded() < 0 ? "-" : "") + String(out.reversed())
    }

    @Test func textFromDataIsEscapedAndCSVCellsAreNeutralised() throws {
        let database = try TestDatabase()
        let hostile = "<script>alert(1)</script>"
        let catalog = "institution,code,title,level,delivery_mode,annual_completions,ksa_ids,last_updated\n"
            + "\"\"\"><img src=x onerror=alert(2)>\",C1,\"\(hostile)\",certificate,online,5,K0001 K0002,2026-01-01\n"
            + "Galen University,C2,\"=cmd|' /C calc'!A0\",certificate,online,5,K0003,2026-01-01\n"
            + "Galen University,C3,\"@SUM(A1)\",certificate,online,5,K0004,2026-01-01\n"
        let file = database.scratch.url.appendingPathComponent("hostile.csv")
        try Data(catalog.utf8).write(to: file)
        #expect(try database.run(["import", "catalog", file.path]).code == 0)
        let out = database.scratch.url.appendingPathComponent("report")
        let result = try database.run(["report", "--out", out.path])
        #expect(result.code == 0, "\(result.stderr)")
        for page in ["report.html", "explorer.html"] {
            let text = try String(contentsOf: out.appendingPathComponent(page), encoding: .utf8)
            #expect(!text.contains("<script>alert(1)"), "\(page)")
            #expect(!text.contains("<img src=x"), "\(page)")
            #expect(!text.contains("\"><img"), "\(page)")
        }
        let html = try String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("No employer responses are imported"))
        let csv = try String(contentsOf: out.appendingPathComponent("tables/catalog.csv"), encoding: .utf8)
        #expect(csv.contains("'=cmd|"))
        #expect(csv.contains("'@SUM(A1)"))
        for field in try csvRows(csv).joined() {
            if let first = field.first { #expect(!"=+-@\t\r".contains(first) || Double(field) != nil, "\(field)") }
        }
    }

    /// The report's sentences carry institution names from the catalog: in report.md they stay
    /// text (no raw HTML, no terminal controls), as in report.html.
    @Test func planSentencesInTheMarkdownReportKeepCatalogTextAsText() throws {
        let scratch = try Scratch()
        let db = scratch.path("demo.sqlite")
        try #require(try runWorkforce(["demo", "--out", scratch.path("demo"), "--db", db], in: scratch.url).code == 0)
        let catalog = try String(contentsOf: repositoryRoot.appendingPathComponent("Surveys/demo/catalog.csv"), encoding: .utf8)
            .replacingOccurrences(of: "University of Belize", with: "Univ <img src=x onerror=alert(9)> \u{1B}[31m")
        try Data(catalog.utf8).write(to: scratch.url.appendingPathComponent("hostile.csv"))
        #expect(try runWorkforce(["import", "catalog", scratch.path("hostile.csv"), "--db", db], in: scratch.url).code == 0)
        let report = try runWorkforce(["report", "--db", db, "--out", scratch.path("report")], in: scratch.url)
        try #require(report.code == 0, "\(report.stderr)")
        let md = try String(contentsOf: scratch.url.appendingPathComponent("report/report.md"), encoding: .utf8)
        // Sentences (not table rows) that name the institution: the plan's, or the closest
        // institutions of "What no course in Belize teaches".
        let planLines = md.split(separator: "\n").filter { !$0.hasPrefix("|") && $0.contains("onerror") }
        #expect(!planLines.isEmpty, "the hostile institution should appear in the report's sentences")
        #expect(!md.contains("<img"))
        #expect(!md.contains("\u{1B}"))
        #expect(planLines.allSatisfy { $0.contains("&lt;img src=x onerror=alert(9)> \\u{1B}[31m") })
    }
}
