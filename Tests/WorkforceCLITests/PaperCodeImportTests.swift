import Foundation
import Testing

/// A clerk typing a paper form into the typing template (`<form>.responses.csv`) may enter the
/// code printed beside each option instead of its name; conditional notes print their condition.
@Suite struct PaperCodeImportTests {
    @Test func theTemplateAcceptsThePrintedCodes() throws {
        let database = try TestDatabase(surveys: ["awareness"])
        let forms = database.scratch.url.appendingPathComponent("forms")
        let html = try String(contentsOf: forms.appendingPathComponent("awareness_baseline.en.html"), encoding: .utf8)
        // The paper form prints the codes: k_phishing's third option is code 3.
        let phishing = try #require(html.range(of: "id=\"q-k_phishing\"").map { String(html[$0.upperBound...].prefix(1500)) })
        #expect(phishing.contains("<span class=\"code\">3</span> Ignore the link"), "\(phishing)")
        // The note that ends the form for someone who declined says when it applies.
        #expect(html.contains("<span class=\"skip\">Ask only if the answer to question 1 is “No”.</span> Thank you for your time."))

        let header = try String(contentsOf: forms.appendingPathComponent("awareness_baseline.responses.csv"), encoding: .utf8)
            .split(separator: "\n").first.map { String($0).trimmingCharacters(in: .whitespacesAndNewlines) } ?? ""
        let columns = header.split(separator: ",").map(String.init)
        // Every answer typed as a code (1: the first option), k_phishing as 3; would_report_to is
        // select_multiple: "1 3".
        let values: [String: String] = ["questionnaire_no": "17", "enumeration_area": "EA-1", "k_phishing": "3", "would_report_to": "1 3"]
        let row = columns.map { values[$0] ?? "1" }
        let file = database.scratch.url.appendingPathComponent("typed.csv")
        try Data((header + "\n" + row.joined(separator: ",") + "\n").utf8).write(to: file)
        let result = try database.run(["import", "awareness", file.path])
        #expect(result.code == 0, "\(result.stderr)")
        #expect(result.stdout.contains("1 imported") && result.stdout.contains("0 quarantined"), "\(result.stdout)\(result.stderr)")
        let stored = try database.run(["responses", "awareness", "--format", "csv"]).stdout
        #expect(stored.contains(",yes,yes,belize,urban,EA-1,") && stored.contains(",c,yes,a,"), "k_phishing code 3 is choice c: \(stored.prefix(600))")
        #expect(stored.contains("police_cyber_unit provider"), "\(stored.prefix(600))")

        // A code past the list's end is refused, and the message says codes are accepted.
        let wrong = row.enumerated().map { columns[$0.offset] == "k_phishing" ? "9" : $0.element }
        try Data((header + "\n" + wrong.joined(separator: ",").replacingOccurrences(of: "17,", with: "18,") + "\n").utf8).write(to: file)
        let refused = try database.run(["import", "awareness", file.path])
        #expect(refused.stderr.contains("or the code printed beside the option, 1 to 5"), "\(refused.stderr)")
    }
}
