import Foundation
import Testing

@testable import Domain
@testable import Formats
@testable import WorkforceKit

/// The invitation letter's `org_code` links an organisation's answers across employer waves
/// (issue 28, point 7): stored trimmed and in upper case, checked by its pattern, left out of a
/// public-use file, and `gaps --compare` says how many organisations it linked.
@Suite struct LinkedWavesCommandTests {
    static let sectors = ["retail_commerce", "tourism", "health"]

    /// `count` employers (consenting, in three strata of small organisations), the `n`th with
    /// `code(n)` as its org_code.
    static func rows(_ codebook: ParsedCodebook, seed: UInt64, count: Int, prefix: String, code: (Int) -> String) -> String {
        var generator = SyntheticResponses(codebook: codebook, seed: seed)
        var lines = [generator.header(.koboToolbox).joined(separator: ",")]
        for n in 0..<count {
            let row = generator.row(.koboToolbox, id: "\(prefix)\(n)", submitted: "2026-05-01T10:00:00") { name, _, _ in
                switch name {
                case "consent", "cyber_work": return .choices(["yes"])
                case "sector": return .choices([sectors[n % 3]])
                case "size_band": return .choices(["small"])
                case "org_code": return .text(code(n))
                default: return nil
                }
            }
            lines.append(row.map { "\"\($0)\"" }.joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func database() throws -> (TestDatabase, ParsedCodebook, String) {
        let database = try TestDatabase()
        let survey = try database.run(["survey", "employer", "--roles", "PR-CIR-001,OV-MGT-001", "--out", database.scratch.path("forms")])
        guard survey.code == 0 else { throw TestFailure(survey.stderr) }
        let text = try String(contentsOf: database.scratch.url.appendingPathComponent("forms/employer.codebook.json"), encoding: .utf8)
        let codebook = try ParsedCodebook(json: try JSONParser.parse(Array(text.utf8), name: "codebook"), source: "codebook")
        let frame = try CatalogAndGapsCommandTests.write(
            database, "frame.csv", "sector,size_band,organisations\n" + sectors.map { "\($0),small,60\n" }.joined())
        return (database, codebook, frame)
    }

    @Test func codesLinkOrganisationsAcrossWavesAndTheNotesSaySo() throws {
        let (database, codebook, frame) = try Self.database()
        // Written with spaces and in lower case: stored as " org-0001 " -> "ORG-0001".
        let first = Self.rows(codebook, seed: 3, count: 24, prefix: "a") { " org-\(String(format: "%04d", $0)) " }
        let second = Self.rows(codebook, seed: 4, count: 20, prefix: "b") { $0 < 15 ? "ORG-\(String(format: "%04d", $0))" : "NEW-\($0)0" }
        #expect(try database.run(["import", "employer", try CatalogAndGapsCommandTests.write(database, "one.csv", first)]).code == 0)
        let imported = try database.run(["import", "employer", try CatalogAndGapsCommandTests.write(database, "two.csv", second), "--wave", "2027"])
        #expect(imported.code == 0, "\(imported.stderr)")
        let clean = try database.run(["responses", "employer", "--format", "csv"])
        #expect(clean.stdout.contains(",ORG-0001,"))
        #expect(!clean.stdout.contains("org-0001"))
        let result = try database.run(["gaps", "--compare", "baseline", "2027", "--frame", frame, "--no-suppress", "--format", "json"])
        #expect(result.code == 0, "\(result.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let rows = try #require(json["rows"] as? [[String: Any]])
        #expect(!rows.isEmpty)
        for row in rows { #expect(row["linked_organisations"] as? Int == 15) }
        let notes = (json["notes"] as? [String] ?? []).joined(separator: " ")
        #expect(notes.contains("Linked waves: 15 organisations answered both waves"))
        // In Spanish, the words of the table.
        let spanish = try database.run(["gaps", "--compare", "baseline", "2027", "--frame", frame, "--format", "md", "--lang", "es"])
        #expect(spanish.stdout.contains("Olas vinculadas: 15 organizaciones"), "\(spanish.stdout)")
    }

    @Test func withoutCodesTheChangeIsOfIndependentSamples() throws {
        let (database, codebook, frame) = try Self.database()
        #expect(try database.run(["import", "employer", try CatalogAndGapsCommandTests.write(database, "one.csv", Self.rows(codebook, seed: 3, count: 24, prefix: "a") { _ in "" })]).code == 0)
        let second = Self.rows(codebook, seed: 4, count: 20, prefix: "b") { _ in "" }
        #expect(try database.run(["import", "employer", try CatalogAndGapsCommandTests.write(database, "two.csv", second), "--wave", "2027"]).code == 0)
        let result = try database.run(["gaps", "--compare", "baseline", "2027", "--frame", frame, "--no-suppress", "--format", "json"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        for row in json["rows"] as? [[String: Any]] ?? [] where row["demand_diff_se"] is Double {
            #expect(row["linked_organisations"] as? Int == 0)
            #expect(row["demand_diff_se"] as? Double == row["demand_diff_se_independent"] as? Double)
        }
        #expect((json["notes"] as? [String] ?? []).contains { $0.hasPrefix("Independent samples: no organisation code links the two waves") })
    }

    @Test func aCodeOutsideThePatternIsRejectedWithItsLineAndColumn() throws {
        let (database, codebook, _) = try Self.database()
        let file = try CatalogAndGapsCommandTests.write(database, "one.csv", Self.rows(codebook, seed: 3, count: 3, prefix: "a") { $0 == 1 ? "Acme Ltd" : "BZ-00\($0)" })
        let result = try database.run(["import", "employer", file])
        #expect(result.stderr.contains("one.csv:3:"), "\(result.stderr)")
        #expect(result.stderr.contains("org_code"), "\(result.stderr)")
        #expect(result.stdout.contains("2 imported"), "\(result.stdout)")
    }

    @Test func thePublicUseFileLeavesTheCodeOutAndTheLicensedFileKeepsIt() throws {
        let (database, codebook, frame) = try Self.database()
        #expect(try database.run(["import", "employer", try CatalogAndGapsCommandTests.write(database, "one.csv", Self.rows(codebook, seed: 3, count: 24, prefix: "a") { "BZ-\($0)00" })]).code == 0)
        func export(_ name: String, _ extra: [String]) throws -> (stderr: String, files: String) {
            let path = database.scratch.path(name)
            let result = try database.run(["responses", "employer", "--format", "r", "--weights", "--frame", frame, "--out", path] + extra)
            #expect(result.code == 0, "\(result.stderr)")
            let script = try String(contentsOfFile: path, encoding: .utf8)
            let data = try String(contentsOfFile: String(path.dropLast(2)) + ".csv", encoding: .utf8)
            return (result.stderr, script + data)
        }
        let publicUse = try export("public.R", [])
        #expect(!publicUse.files.contains("BZ-100"))
        #expect(publicUse.files.contains("Left out of this file: org_code"))
        #expect(publicUse.stderr.contains("Left out of this file: org_code"), "\(publicUse.stderr)")
        let licensed = try export("licensed.R", ["--licensed"])
        #expect(licensed.files.contains("org_code") && licensed.files.contains("BZ-100"))
        #expect(!licensed.files.contains("Left out of this file"))
    }
}
