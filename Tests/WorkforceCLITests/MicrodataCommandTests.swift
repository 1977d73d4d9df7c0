import Foundation
import Testing

/// `workforce responses KIND --format sav|dta|r` and `--codebook` end to end.
@Suite struct MicrodataCommandTests {
    /// A database holding 12 imported awareness responses.
    static func awareness() throws -> TestDatabase {
        let database = try TestDatabase(surveys: ["awareness"])
        let codebook = database.scratch.url.appendingPathComponent("forms/awareness_baseline.codebook.json")
        let export = try ResponsesCommandTests.koboExport(codebook: codebook, rows: 12)
        let file = database.scratch.url.appendingPathComponent("kobo.csv")
        try Data(export.text.utf8).write(to: file)
        let imported = try database.run(["import", "awareness", file.path])
        guard imported.code == 0 else { throw TestFailure(imported.stderr) }
        return database
    }

    @Test func eachFormatIsWrittenWithItsCasesAndTheCodebookSuppressesSmallCells() throws {
        let database = try Self.awareness()
        let sav = database.scratch.path("a.sav")
        #expect(try database.run(["responses", "awareness", "--format", "sav", "--out", sav]).code == 0)
        let savBytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: sav)))
        #expect(String(decoding: savBytes[0..<4], as: UTF8.self) == "$FL2")
        #expect(savBytes[80] == 12 && savBytes[72] == 1)  // 12 cases, compressed
        let plain = database.scratch.path("plain.sav")
        #expect(try database.run(["responses", "awareness", "--format", "sav", "--uncompressed", "--out", plain]).code == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: plain))[72] == 0)

        let dta = database.scratch.path("a.dta")
        let weighted = try database.run([
            "responses", "awareness", "--format", "dta", "--weights", "--strata", "district,urban", "--cluster", "district", "--out", dta,
        ])
        #expect(weighted.code == 0, "\(weighted.stderr)")
        let dtaText = String(decoding: try Data(contentsOf: URL(fileURLWithPath: dta)), as: UTF8.self)
        #expect(dtaText.hasPrefix("<stata_dta><header><release>118</release>"))
        for name in ["weight", "stratum", "cluster", "district=", "urban_rural="] { #expect(dtaText.contains(name), "\(name)") }

        let script = database.scratch.path("a.R")
        #expect(try database.run(["responses", "awareness", "--format", "r", "--out", script]).code == 0)
        let csv = try csvRows(String(contentsOfFile: database.scratch.path("a.csv"), encoding: .utf8))
        #expect(csv.count == 13)
        #expect(csv[0].contains("target_groups_parent") && csv[0].contains("district"))
        let rText = try String(contentsOfFile: script, encoding: .utf8)
        #expect(rText.contains("responses[[\"district\"]] <- factor(responses[[\"district\"]], levels = c(1, 2, 3, 4, 5, 6)"))
        #expect(rText.contains("attr(responses[[\"district\"]], \"label\") <- \"In which district do you live?\""))

        let book = try database.run(["responses", "awareness", "--codebook"])
        #expect(book.code == 0, "\(book.stderr)")
        #expect(book.stdout.hasPrefix("# Codebook: awareness responses, wave baseline"))
        #expect(book.stdout.contains("| 1 | `yes` | Yes | 12 |"))  // every respondent consented
        #expect(book.stdout.contains("| <5 |"))  // 12 respondents over 6 districts: small cells
        #expect(!book.stdout.contains("| 1 | `belize` | Belize | 1 |"))
        let html = try database.run(["responses", "awareness", "--codebook", "--format", "html", "--labels", "es"])
        #expect(html.stdout.hasPrefix("<!DOCTYPE html>"))
        #expect(html.stdout.contains("¿En qué distrito vive?"))
    }

    @Test(arguments: [
        (["responses", "awareness", "--weights"], "--weights goes with"),
        (["responses", "awareness", "--format", "r"], "--out FILE.R"),
        (["responses", "awareness", "--format", "html"], "--format html goes with --codebook"),
        (["responses", "awareness", "--codebook", "--format", "csv"], "md or html"),
        (["responses", "awareness", "--format", "sav", "--margins", "m.csv"], "--margins goes with --weights"),
        (["responses", "awareness", "--format", "sav", "--weights", "--frame", "f.csv"], "--frame is for employers"),
        (["responses", "employer", "--format", "sav", "--weights"], "--frame FILE"),
        (["responses", "employer", "--format", "sav", "--weights", "--frame", "f.csv", "--strata", "district"], "--strata is for awareness"),
        (["responses", "university", "--format", "dta", "--weights"], "no survey weights"),
        (["responses", "employer", "--format", "sav", "--licensed"], "--licensed goes with --weights"),
        (["responses", "awareness", "--format", "sav", "--weights", "--licensed"], "--licensed is for employers"),
        (["responses", "awareness", "--format", "sav", "--split-multiple"], "always have one 0/1 variable"),
        (["responses", "awareness", "--format", "spss"], "--format"),
    ])
    func optionsThatDoNotGoTogetherAreUsageErrors(arguments: [String], message: String) throws {
        let database = try TestDatabase()
        let result = try database.run(arguments)
        #expect(result.code == 64, "\(result.stderr)")
        #expect(result.stderr.contains(message), "\(result.stderr)")
    }

    @Test func respondentsWithoutAClusterAnswerAreClustersOfTheirOwn() throws {
        let database = try Self.awareness()
        let script = database.scratch.path("c.R")
        let result = try database.run(["responses", "awareness", "--format", "r", "--weights", "--cluster", "reported_incident", "--out", script])
        #expect(result.code == 0, "\(result.stderr)")
        let rows = try csvRows(String(contentsOfFile: database.scratch.path("c.csv"), encoding: .utf8))
        let question = try #require(rows[0].firstIndex(of: "reported_incident"))
        let cluster = try #require(rows[0].firstIndex(of: "cluster"))
        let weight = try #require(rows[0].firstIndex(of: "weight"))
        var byAnswer: [String: Set<String>] = [:]
        var own: [String] = []
        for row in rows.dropFirst() {
            #expect(row[weight] == "1")  // no margins: every respondent weighs 1
            if row[question].isEmpty { own.append(row[cluster]) } else { byAnswer[row[question], default: []].insert(row[cluster]) }
        }
        #expect(!own.isEmpty && !byAnswer.isEmpty)
        // One cluster per answer, coded in name order (1, 2, ...); each blank its own code after them.
        #expect(byAnswer.values.allSatisfy { $0.count == 1 })
        let named = byAnswer.values.compactMap { $0.first.flatMap { Int($0) } }.sorted()
        #expect(named == Array(1...byAnswer.count))
        #expect(own.compactMap(Int.init).sorted() == Array((byAnswer.count + 1)...(byAnswer.count + own.count)))
    }

    @Test func aClusterQuestionTheFormLacksIsAUsageError() throws {
        let database = try Self.awareness()
        // The awareness form has enumeration_area (issue 19); it has no village.
        let result = try database.run(["responses", "awareness", "--format", "dta", "--weights", "--cluster", "village", "--out", "x.dta"])
        #expect(result.code == 64)
        #expect(result.stderr.contains("no question village"))
        let unwritable = try database.run(["responses", "awareness", "--format", "dta", "--out", "/nonexistent/folder/x.dta"])
        #expect(unwritable.code == 73)
        #expect(unwritable.stderr.contains("the folder /nonexistent/folder does not exist"), "\(unwritable.stderr)")
        // A file where the folder should be is named as such, not "The file doesn't exist".
        #expect(FileManager.default.createFile(atPath: database.scratch.path("afile"), contents: Data()))
        let blocked = try database.run(["responses", "awareness", "--format", "sav", "--out", database.scratch.path("afile/x.sav")])
        #expect(blocked.code == 73)
        #expect(blocked.stderr.contains("afile is a file, not a folder"), "\(blocked.stderr)")
    }
}
