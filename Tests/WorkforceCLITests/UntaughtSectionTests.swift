import Foundation
import Testing

/// The registrar's answer in the report: the needed KSAs no course in Belize teaches, by work
/// role, each by its statement with its id, ranked by demand, with the closest institutions.
@Suite(.serialized) struct UntaughtSectionTests {
    @Test func theReportListsWhatNoCourseTeachesByStatementAndRole() throws {
        let out = try ReaderOutputTests.demo.get().out
        let markdown = try String(contentsOf: out.appendingPathComponent("report.md"), encoding: .utf8)
        let start = try #require(markdown.range(of: "## What no course in Belize teaches\n"))
        let section = (String(markdown[start.upperBound...]).components(separatedBy: "\n## ").first ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(section.contains("### "), "grouped by role")
        #expect(section.contains("Closest: "))
        // Each KSA by its statement with its id beside it.
        #expect(section.range(of: #"\| (Knowledge|Skill|Ability) [^|]+ \([KSA]\d{4}\) \|"#, options: .regularExpression) != nil, "\(section.prefix(800))")

        // Every KSA listed is needed and taught by no offering: the by-KSA table agrees.
        let untaught = try String(contentsOf: out.appendingPathComponent("tables/untaught_ksas.csv"), encoding: .utf8)
        let byKSA = try String(contentsOf: out.appendingPathComponent("tables/gaps_by_ksa.csv"), encoding: .utf8)
        let header = byKSA.split(separator: "\r\n").first?.split(separator: ",").map(String.init) ?? []
        let taughtColumn = try #require(header.firstIndex(of: "taught"))
        var taught: [String: String] = [:]
        for line in byKSA.split(separator: "\r\n").dropFirst() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            // The KSA id is first; the taught count is a plain number (the text column may hold commas, quoted).
            if let id = fields.first, fields.count > taughtColumn { taught[id] = fields.reversed().dropFirst(header.count - 1 - taughtColumn).first }
        }
        let ids = untaught.split(separator: "\r\n").dropFirst().compactMap { $0.split(separator: ",").dropFirst(2).first.map(String.init) }
        #expect(!ids.isEmpty)
        for id in Set(ids) { #expect(taught[id] == "0", "\(id) is listed as untaught but the by-KSA table says \(taught[id] ?? "nothing")") }
        // The summary's count of untaught KSAs is the number listed.
        #expect(section.hasPrefix("\(Set(ids).count) needed KSAs no course in Belize teaches"), "\(section.prefix(200))")
    }
}
