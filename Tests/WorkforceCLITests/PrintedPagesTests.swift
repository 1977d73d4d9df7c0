import Foundation
import Testing
import WorkforceKit

/// `workforce survey` says how many Letter pages each printed form takes, and warns above 20.
@Suite struct PrintedPagesTests {
    @Test func surveySaysThePageCountAndWarnsAboveTwenty() throws {
        let database = try TestDatabase()
        let long = try database.run(["survey", "employer", "--role-set", "belize-core", "--ksa-gaps", "--ksa-top", "all", "--out", "long"])
        #expect(long.code == 0, "\(long.stderr)")
        let pages = long.stdout.split(separator: "\n").filter { $0.contains("prints on about") }
        #expect(pages.count == 2, "\(long.stdout)")
        #expect(long.stderr.contains("warning: employer.en.html prints on about") && long.stderr.contains("more than 20"), "\(long.stderr)")
        #expect(long.stderr.contains("leave out --ksa-top all"), "\(long.stderr)")
        // Every KSA of every role has no Spanish text: the warning says how many and names some.
        #expect(long.stderr.contains("KSA statements asked about have no Spanish text") && long.stderr.contains("more);"), "\(long.stderr)")
        let short = try database.run(["survey", "employer", "--role-set", "belize-core", "--out", "short"])
        #expect(short.stdout.contains("employer.en.html prints on about"))
        #expect(!short.stderr.contains("more than 20"), "\(short.stderr)")
    }

    /// The compact KSA-gap layout (each role's ten KSAs most in demand) keeps the belize-core
    /// form under 25 pages in both languages; `.ci/check_print.sh` counts Chromium's pages.
    @Test func theCompactKSAChecklistsKeepTheFormUnderTwentyFivePages() throws {
        let database = try TestDatabase()
        let compact = try database.run(["survey", "employer", "--role-set", "belize-core", "--ksa-gaps", "--out", "compact"])
        #expect(compact.code == 0, "\(compact.stderr)")
        let counts = compact.stdout.split(separator: "\n").filter { $0.contains("prints on about") }.compactMap { line in
            line.split(separator: " ").first { Int($0) != nil }.flatMap { Int($0) }
        }
        #expect(counts.count == 2 && counts.allSatisfy { (17..<25).contains($0) }, "\(compact.stdout)")
        // Every statement of the belize-core checklists has its Spanish text.
        #expect(!compact.stderr.contains("no Spanish text"), "\(compact.stderr)")
        let html = try String(contentsOf: database.scratch.url.appendingPathComponent("compact/employer.es.html"), encoding: .utf8)
        #expect(html.contains("K0005: Conocimiento de las ciberamenazas y vulnerabilidades."))
        #expect(html.contains("class=\"q row sel long\" id=\"q-pr_cir_001_ksa_gaps\""))
        let three = try database.run(["survey", "employer", "--roles", "PR-CIR-001", "--ksa-gaps", "--ksa-top", "3", "--out", "three"])
        #expect(three.code == 0, "\(three.stderr)")
        let codebook = try String(contentsOf: database.scratch.url.appendingPathComponent("three/employer.codebook.json"), encoding: .utf8)
        #expect(codebook.contains("\"k0003\"") && !codebook.contains("\"k0004\""))
    }

    @Test(arguments: [
        (["--ksa-top", "5"], "--ksa-top goes with --ksa-gaps"),
        (["--ksa-gaps", "--ksa-top", "0"], "a whole number from 1 to 1000, or all"),
        (["--ksa-gaps", "--ksa-top", "ten"], "a whole number from 1 to 1000, or all"),
    ])
    func aWrongKSATopIsAUsageError(_ extra: [String], _ message: String) throws {
        let database = try TestDatabase()
        let result = try database.run(["survey", "employer", "--roles", "PR-CIR-001", "--out", "x"] + extra)
        #expect(result.code == 64, "\(result.stderr)")
        #expect(result.stderr.contains(message), "\(result.stderr)")
    }

    @Test func theEstimateGrowsWithTheText() {
        let question = "<div class=\"q\"><p class=\"label\">" + String(repeating: "word ", count: 30) + "</p><ul class=\"choices\"><li>Yes</li><li>No</li></ul></div>"
        let one = PrintedPages.estimate(html: "<html><body><h1>Form</h1>" + question + "</body></html>")
        let many = PrintedPages.estimate(html: "<html><body><h1>Form</h1>" + String(repeating: question, count: 200) + "</body></html>")
        #expect(one == 1)
        // 200 questions of two lines and two options (4 lines, about 70 points): about 20 pages.
        #expect((17...23).contains(many), "\(many)")
    }
}
