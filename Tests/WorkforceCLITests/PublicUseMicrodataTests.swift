import Foundation
import Testing

/// `responses employer --format sav|dta|r --weights` writes a public-use file by default: strata
/// with fewer than 3 organisations in the frame collapsed within their sector, said in the file's
/// notes and on standard error; `--licensed` keeps them; a sector too small is refused (issue 28).
@Suite struct PublicUseMicrodataTests {
    static let frame = repositoryRoot.appendingPathComponent("Surveys/demo/frame.csv")

    /// The stratum labels of the R script's `stratum` factor.
    func strata(_ script: String) -> [String] {
        guard let line = script.split(separator: "\n").first(where: { $0.hasPrefix("responses[[\"stratum\"]] <- factor(") }),
            let open = line.range(of: "labels = c(")
        else { return [] }
        return line[open.upperBound...].dropLast(2).components(separatedBy: "\", \"").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "\"")) }
    }

    @Test func thePublicUseFileCollapsesSmallStrataAndSaysSo() throws {
        let db = try OutputFailureTests.database()
        let publicScript = db.scratch.path("public.R"), licensedScript = db.scratch.path("licensed.R")
        let public_ = try db.run(["responses", "employer", "--format", "r", "--weights", "--frame", Self.frame.path, "--out", publicScript])
        #expect(public_.code == 0, "\(public_.stderr)")
        #expect(public_.stderr.contains("note: Public-use file: strata with fewer than 3 organisations in the frame are collapsed"), "\(public_.stderr)")
        #expect(public_.stderr.contains("water x small + water x micro + water x medium + water x large (4 organisations)"), "\(public_.stderr)")
        let licensed = try db.run(["responses", "employer", "--format", "r", "--weights", "--licensed", "--frame", Self.frame.path, "--out", licensedScript])
        #expect(licensed.code == 0 && licensed.stderr.contains("note: Licensed file, not for public release: 10 strata"), "\(licensed.stderr)")
        #expect(!licensed.stderr.contains("Public-use file"))
        // The notes are typed until written: with Spanish labels, the file and standard error speak Spanish.
        let spanishScript = db.scratch.path("publico.R")
        let spanish = try db.run(["responses", "employer", "--format", "r", "--weights", "--labels", "es", "--frame", Self.frame.path, "--out", spanishScript])
        #expect(spanish.code == 0, "\(spanish.stderr)")
        #expect(spanish.stderr.contains("note: Archivo de uso público: los estratos con menos de 3 organizaciones"), "\(spanish.stderr)")
        #expect(spanish.stderr.contains("water x small + water x micro + water x medium + water x large (4 organizaciones); "), "\(spanish.stderr)")
        let spanishText = try String(contentsOfFile: spanishScript, encoding: .utf8)
        #expect(!spanish.stderr.contains("Public-use file") && spanishText.contains("#   Archivo de uso público:"))
        let publicText = try String(contentsOfFile: publicScript, encoding: .utf8)
        let licensedText = try String(contentsOfFile: licensedScript, encoding: .utf8)
        #expect(publicText.contains("#   Public-use file:") && publicText.contains("attr(responses, \"notes\")"))
        let publicStrata = strata(publicText), licensedStrata = strata(licensedText)
        #expect(licensedStrata.contains("water x large") && !publicStrata.contains("water x large"), "\(publicStrata)")
        #expect(publicStrata.count < licensedStrata.count && !publicStrata.isEmpty)
        // Every licensed stratum lies inside one public stratum of the same sector.
        for s in licensedStrata {
            let parts = Set(s.components(separatedBy: " + "))
            #expect(publicStrata.filter { parts.isSubset(of: Set($0.components(separatedBy: " + "))) }.count == 1, "\(s)")
        }
        // The weights are the same, so the files estimate the same totals.
        let publicCSV = try String(contentsOfFile: db.scratch.path("public.csv"), encoding: .utf8).components(separatedBy: "\r\n")
        let licensedCSV = try String(contentsOfFile: db.scratch.path("licensed.csv"), encoding: .utf8).components(separatedBy: "\r\n")
        // The design variables are the last three columns: weight, stratum, fpc.
        let weights = { (rows: [String]) in rows.map { $0.split(separator: ",", omittingEmptySubsequences: false).suffix(3).first ?? "" } }
        #expect(weights(publicCSV).first == "weight" && weights(publicCSV) == weights(licensedCSV))
        #expect(weights(publicCSV).contains { !$0.isEmpty && $0 != "weight" })
    }

    @Test func aSectorOfFewerThanThreeOrganisationsIsRefusedUnlessLicensed() throws {
        let db = try OutputFailureTests.database()
        let text = try String(contentsOf: Self.frame, encoding: .utf8)
            .replacingOccurrences(of: "water,micro,1,1,0", with: "water,micro,0,,")
            .replacingOccurrences(of: "water,medium,1,1,0", with: "water,medium,0,,")
        let small = db.scratch.path("small-frame.csv")
        try Data(text.utf8).write(to: URL(fileURLWithPath: small))
        let out = db.scratch.path("e.sav")
        let refused = try db.run(["responses", "employer", "--format", "sav", "--weights", "--frame", small, "--out", out])
        #expect(refused.code == 65, "\(refused.stderr)")
        #expect(refused.stderr.contains("sector water has 2 organisations in the frame, fewer than the 3"), "\(refused.stderr)")
        #expect(refused.stderr.contains("--licensed"))
        #expect(!FileManager.default.fileExists(atPath: out))
        let licensed = try db.run(["responses", "employer", "--format", "sav", "--weights", "--licensed", "--frame", small, "--out", out])
        #expect(licensed.code == 0 && FileManager.default.fileExists(atPath: out), "\(licensed.stderr)")
    }
}
