import Foundation
import Testing
import WorkforceKit

/// `workforce survey` says how many Letter pages each printed form takes, and warns above 20.
@Suite struct PrintedPagesTests {
    @Test func surveySaysThePageCountAndWarnsAboveTwenty() throws {
        let database = try TestDatabase()
        let long = try database.run(["survey", "employer", "--role-set", "belize-core", "--ksa-gaps", "--out", "long"])
        #expect(long.code == 0, "\(long.stderr)")
        let pages = long.stdout.split(separator: "\n").filter { $0.contains("prints on about") }
        #expect(pages.count == 2, "\(long.stdout)")
        #expect(long.stderr.contains("warning: employer.en.html prints on about") && long.stderr.contains("more than 20"), "\(long.stderr)")
        let short = try database.run(["survey", "employer", "--role-set", "belize-core", "--out", "short"])
        #expect(short.stdout.contains("employer.en.html prints on about"))
        #expect(!short.stderr.contains("more than 20"), "\(short.stderr)")
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
