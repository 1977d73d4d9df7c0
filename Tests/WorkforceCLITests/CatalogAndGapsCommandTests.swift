import Foundation
import Testing
import WorkforceKit

@Suite struct CatalogAndGapsCommandTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("WorkforceKitTests/Fixtures/catalog/catalog.csv")

    static func write(_ database: TestDatabase, _ name: String, _ text: String) throws -> String {
        let path = database.scratch.path(name)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// A database with the fixture catalog and, with `employers`, that many synthetic employer
    /// responses on PR-CIR-001 and OV-MGT-001 (KoboToolbox layout).
    static func database(employers: Int = 0, secondWave: Int = 0) throws -> TestDatabase {
        let database = try TestDatabase()
        let imported = try database.run(["import", "catalog", fixture.path])
        guard imported.code == 0 else { throw TestFailure(imported.stderr) }
        if employers > 0 {
            let survey = try database.run(["survey", "employer", "--roles", "PR-CIR-001,OV-MGT-001", "--ksa-gaps", "--out", database.scratch.path("forms")])
            guard survey.code == 0 else { throw TestFailure(survey.stderr) }
            let text = try String(contentsOf: database.scratch.url.appendingPathComponent("forms/employer.codebook.json"), encoding: .utf8)
            let codebook = try ParsedCodebook(json: try JSONParser.parse(Array(text.utf8), name: "codebook"), source: "codebook")
            var generator = SyntheticResponses(codebook: codebook, seed: 7)
            var lines = [generator.header(.koboToolbox).joined(separator: ",")]
            for n in 0..<employers {
                lines.append(generator.row(.koboToolbox, id: "e\(n)", submitted: "2026-05-01T10:00:00").map { "\"\($0)\"" }.joined(separator: ","))
            }
            let file = try write(database, "employers.csv", lines.joined(separator: "\n") + "\n")
            let result = try database.run(["import", "employer", file])
            guard result.code == 0, result.stdout.contains("\(employers) imported") else {
                throw TestFailure(result.stdout + result.stderr + "\n" + (lines.dropFirst().first ?? ""))
            }
            if secondWave > 0 {
                var later = SyntheticResponses(codebook: codebook, seed: 8)
                var rows = [later.header(.koboToolbox).joined(separator: ",")]
                for n in 0..<secondWave {
                    rows.append(later.row(.koboToolbox, id: "w2-\(n)", submitted: "2027-05-01T10:00:00").map { "\"\($0)\"" }.joined(separator: ","))
                }
                let second = try database.run(["import", "employer", try write(database, "wave2.csv", rows.joined(separator: "\n") + "\n"), "--wave", "2027"])
                guard second.code == 0, second.stdout.contains("\(secondWave) imported") else { throw TestFailure(second.stdout + second.stderr) }
            }
        }
        return database
    }

    @Test func uncoveredKSAsOfAnInstitutionAreNeededAndUntaughtThere() throws {
        let database = try Self.database()
        let result = try database.run([
            "courses", "uncovered", "--institution", "University of Belize", "--roles", "PR-CIR-001,OV-MGT-001", "--format", "json",
        ])
        #expect(result.code == 0, "\(result.stderr)")
        let rows = try jsonRows(result.stdout)
        // Independently: the roles' current KSAs, and what each institution's fixture rows teach.
        let ksas = { (role: String) throws -> Set<String> in
            Set(try jsonRows(try database.run(["framework", "list", "ksas", "--role", role, "--format", "json"]).stdout)
                .filter { $0["withdrawn"] as? Bool != true }.compactMap { $0["id"] as? String })
        }
        let needed = try ksas("PR-CIR-001").union(try ksas("OV-MGT-001"))
        let catalog = try jsonRows(try database.run(["catalog", "--format", "json"]).stdout)
        #expect(catalog.count == 12)
        var taughtBy: [String: [String: [String]]] = [:]  // KSA → institution → codes
        let text = try String(contentsOf: Self.fixture, encoding: .utf8)
        for line in try csvRows(text).dropFirst() where line.count > 9 {
            for id in line[9].split(whereSeparator: { " ,;".contains($0) }).map(String.init) {
                taughtBy[id, default: [:]][line[0], default: []].append(line[1])
            }
        }
        let ids = Set(rows.compactMap { $0["ksa_id"] as? String })
        #expect(ids == needed.filter { taughtBy[$0]?["University of Belize"] == nil })
        for row in rows {
            let id = try #require(row["ksa_id"] as? String)
            let elsewhere = (taughtBy[id] ?? [:]).filter { $0.key != "University of Belize" }
            let expected = elsewhere.sorted { $0.key < $1.key }.map { "\($0.key) (\($0.value.joined(separator: ", ")))" }.joined(separator: "; ")
            #expect(row["taught_elsewhere_by"] as? String == expected)
            #expect(row["demand"] as? Double == 0)
        }
        let national = try jsonRows(try database.run(["courses", "uncovered", "--roles", "PR-CIR-001,OV-MGT-001", "--format", "json"]).stdout)
        #expect(Set(national.compactMap { $0["ksa_id"] as? String }) == needed.filter { taughtBy[$0] == nil })
    }

    @Test func reimportingOneInstitutionReplacesOnlyItsOfferingsAndKeepsHistory() throws {
        let database = try Self.database()
        let changed = "institution,code,title,level,delivery_mode,annual_completions,ksa_ids,last_updated\n"
            + "Galen University,GAL-SEC,Secure Systems,associate,online,14,K0001 K0002,2026-09-01\n"
        let result = try database.run(["import", "catalog", try Self.write(database, "galen.csv", changed)])
        #expect(result.code == 0, "\(result.stderr)")
        let now = try jsonRows(try database.run(["catalog", "--format", "json"]).stdout)
        #expect(now.filter { $0["institution"] as? String == "Galen University" }.compactMap { $0["code"] as? String } == ["GAL-SEC"])
        #expect(now.filter { $0["institution"] as? String == "University of Belize" }.count == 5)
        let before = try jsonRows(try database.run(["catalog", "--as-of", "1", "--format", "json"]).stdout)
        #expect(before.filter { $0["institution"] as? String == "Galen University" }.compactMap { $0["code"] as? String } == ["GAL-NET", "GAL-RISK"])
    }

    @Test func badCatalogRowsAreQuarantinedWithTheirPlace() throws {
        let database = try Self.database()
        let text = """
            institution,code,title,level,delivery_mode,annual_completions,ksa_ids,last_updated
            Galen University,G1,Good,associate,online,3,K0001,2026-09-01
            Galen University,G2,Unknown id,associate,online,3,K9999,2026-09-01
            Galen University,G3,Negative,associate,online,-4,K0001,2026-09-01
            Galen University,G4,"=HYPERLINK(""x"")",associate,online,2,K0001 K0085,2026-09-01

            """
        let result = try database.run(["import", "catalog", try Self.write(database, "bad.csv", text)])
        #expect(result.code == 0, "\(result.stderr)")
        #expect(result.stdout.contains("read 4 rows: 2 imported, 0 duplicates skipped, 2 quarantined"))
        #expect(result.stderr.contains("bad.csv:3:51: K9999 is not a KSA of framework nice-2017"))
        #expect(result.stderr.contains("bad.csv:4:47: annual_completions -4 is below its minimum 0"))
        #expect(result.stderr.contains("bad.csv:5:60: K0085 is withdrawn"))
        #expect(result.stderr.contains("bad.csv:5:21: title"))
        let csv = try database.run(["catalog", "--institution", "GALEN university", "--format", "csv"]).stdout
        #expect(csv.contains("'=HYPERLINK"))
        let json = try jsonRows(try database.run(["catalog", "--institution", "Galen University", "--format", "json"]).stdout)
        #expect(json.contains { $0["title"] as? String == "=HYPERLINK(\"x\")" })
        let unknown = try database.run(["catalog", "--institution", "Atlantis Polytechnic"])
        #expect(unknown.code == 64)
        #expect(unknown.stderr.contains("University of Belize"))
        // Nothing stored before is lost: the fixture's other institutions are still there.
        #expect(try jsonRows(try database.run(["catalog", "--format", "json"]).stdout).count == 10 + 2)
    }

    @Test func gapsBeforeAnyEmployerImportSayWhatToImport() throws {
        let database = try Self.database()
        let result = try database.run(["gaps"])
        #expect(result.code == 66)
        #expect(result.stderr.contains("workforce import employer"))
    }

    @Test func gapRowsAddUp() throws {
        let database = try Self.database(employers: 40)
        let roles = try jsonRows(try database.run(["gaps", "--by", "role", "--format", "json"]).stdout)
        #expect(!roles.isEmpty)
        for row in roles where row["suppressed"] as? Bool == false {
            let demand = try #require(row["demand"] as? Double)
            let vacancies = try #require(row["vacancies"] as? Double), new = try #require(row["new_positions"] as? Double)
            #expect(abs(demand - (vacancies + new)) < 1e-9)
        }
        let reported = Set(roles.filter { ($0["respondents"] as? Double ?? 0) > 0 }.compactMap { $0["role_id"] as? String })
        #expect(reported == ["PR-CIR-001", "OV-MGT-001"])
        let areas = try jsonRows(try database.run(["gaps", "--by", "area", "--format", "json", "--no-suppress"]).stdout)
        let all = try jsonRows(try database.run(["gaps", "--by", "role", "--format", "json", "--no-suppress"]).stdout)
        let totalDemand = all.reduce(0.0) { $0 + ($1["demand"] as? Double ?? 0) }
        #expect(abs(areas.reduce(0.0) { $0 + ($1["demand"] as? Double ?? 0) } - totalDemand) < 1e-9)
        for by in ["ksa", "category", "sector", "district", "size", "proficiency", "lacking", "capability"] {
            let result = try database.run(["gaps", "--by", by, "--format", "json"])
            #expect(result.code == 0, "\(by): \(result.stderr)")
        }
        let csv = try database.run(["gaps", "--no-suppress", "--format", "csv"]).stdout
        #expect(csv.hasPrefix("# NOT FOR PUBLICATION"))
    }

    @Test(arguments: [
        ("sector,size_band,organisations\natlantis,small,4\n", "frame.csv:2:1: unknown sector \"atlantis\""),
        ("sector,size_band,organisations\nenergy,small,many\n", "frame.csv:2:14: organisations \"many\" is not a whole number"),
    ])
    func badFramesSayWhere(_ text: String, _ message: String) throws {
        let database = try Self.database(employers: 6)
        let result = try database.run(["gaps", "--frame", try Self.write(database, "frame.csv", text)])
        #expect(result.code == 65)
        #expect(result.stderr.contains(message), "\(result.stderr)")
    }

    @Test func aFrameWeightsAndNamesEmptyStrata() throws {
        let database = try Self.database(employers: 30)
        let frame = (["sector,size_band,organisations"] + ["agriculture", "agro_processing", "energy", "water", "retail_commerce", "tourism", "transport", "telecommunications", "ict_bpo", "banking_finance", "offshore_finance", "credit_unions_insurance", "health", "education", "government_security", "local_government", "other"].flatMap { s in ["micro", "small", "medium", "large"].map { "\(s),\($0),20" } }).joined(separator: "\n") + "\n"
        let result = try database.run(["gaps", "--frame", try Self.write(database, "frame.csv", frame), "--format", "json"])
        #expect(result.code == 0, "\(result.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let notes = (object?["notes"] as? [String] ?? []).joined(separator: " ")
        #expect(notes.contains("Weighted to the sampling frame"))
        #expect(notes.contains("Collapsed: "))
        #expect(notes.contains("Not represented (no responding employer in the sector)"))
        #expect(notes.contains("Kish design effect of the weights"))
        #expect(notes.contains("the response rate is unknown"))
    }

    @Test(arguments: [
        // More respondents than organisations: the frame counts other units.
        ("organisations-below-respondents", 1, nil, nil, "the frame and the survey count different units"),
        ("issued-below-respondents", 1000, 1, nil, "eligible issued organisations"),
        ("issued-above-organisations", 10, 20, nil, "issued (20) is more than its organisations (10)"),
        ("out-of-scope-above-issued", 10, 5, 6, "out_of_scope (6) is more than issued (5)"),
    ] as [(String, Int, Int?, Int?, String)])
    func framesThatCannotBeRightAreRefused(_ name: String, _ organisations: Int, _ issued: Int?, _ out: Int?, _ message: String) throws {
        let database = try Self.database(employers: 30)
        // Every stratum of the form at 1000 organisations, except one.
        let sectors = ["agriculture", "agro_processing", "energy", "water", "retail_commerce", "tourism", "transport", "telecommunications", "ict_bpo", "banking_finance", "offshore_finance", "credit_unions_insurance", "health", "education", "government_security", "local_government", "other"]
        var lines = ["sector,size_band,organisations,issued,out_of_scope"]
        let responses = try JSONSerialization.jsonObject(with: Data(try database.run(["responses", "employer", "--format", "json"]).stdout.utf8)) as? [String: Any]
        // The stratum with the most respondents (at least 2, so that 1 organisation or 1 issued is too few).
        let rows = ((responses?["rows"] as? [[String: Any]]) ?? []).filter { ($0["consent"] as? String) == "yes" }
        let counts = Dictionary(grouping: rows) { "\($0["sector"] as? String ?? ""),\($0["size_band"] as? String ?? "")" }.mapValues(\.count)
        let target = try #require(counts.max { ($0.value, $1.key) < ($1.value, $0.key) }).key
        try #require((counts[target] ?? 0) >= 2)
        for s in sectors {
            for b in ["micro", "small", "medium", "large"] {
                let key = "\(s),\(b)"
                lines.append(key == target ? "\(key),\(organisations),\(issued.map(String.init) ?? ""),\(out.map(String.init) ?? "")" : "\(key),1000,,")
            }
        }
        let result = try database.run(["gaps", "--frame", try Self.write(database, "frame.csv", lines.joined(separator: "\n") + "\n")])
        #expect(result.code == 65, "\(name): \(result.stderr)")
        #expect(result.stderr.contains(message), "\(name): \(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    @Test(arguments: ["99999999999999999999", "1e300", "inf", "NaN", "0x10", "+7", "-1", "2.5", "1000000001"])
    func frameCountsAreWholeNumbersInRange(_ count: String) throws {
        let database = try Self.database(employers: 6)
        let result = try database.run(["gaps", "--frame", try Self.write(database, "frame.csv", "sector,size_band,organisations\nenergy,small,\(count)\n")])
        #expect(result.code == 65)
        #expect(result.stderr.contains("frame.csv:2:14: organisations"), "\(result.stderr)")
    }

    @Test func twoEmployerWavesAreComparedRoleByRole() throws {
        let database = try Self.database(employers: 30, secondWave: 25)
        let frame = try Self.write(database, "frame.csv", (["sector,size_band,organisations"] + ["agriculture", "agro_processing", "energy", "water", "retail_commerce", "tourism", "transport", "telecommunications", "ict_bpo", "banking_finance", "offshore_finance", "credit_unions_insurance", "health", "education", "government_security", "local_government", "other"].flatMap { s in ["micro", "small", "medium", "large"].map { "\(s),\($0),40" } }).joined(separator: "\n") + "\n")
        func rows(_ arguments: [String]) throws -> [[String: Any]] {
            let result = try database.run(arguments + ["--frame", frame, "--no-suppress", "--format", "json"])
            #expect(result.code == 0, "\(result.stderr)")
            return (try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])?["rows"] as? [[String: Any]] ?? []
        }
        let first = try rows(["gaps"]), second = try rows(["gaps", "--wave", "2027"])
        #expect(first.count > 0 && second.count > 0)
        let compared = try rows(["gaps", "--compare", "baseline", "2027"])
        for row in compared where row["status"] as? String == "published" {
            let id = try #require(row["role_id"] as? String)
            let a = try #require(first.first { $0["role_id"] as? String == id }), b = try #require(second.first { $0["role_id"] as? String == id })
            for figure in ["employed", "vacancies", "demand"] {
                let (x, y) = (a[figure] as? Double ?? 0, b[figure] as? Double ?? 0)
                let (sx, sy) = (a[figure + "_se"] as? Double ?? 0, b[figure + "_se"] as? Double ?? 0)
                let se = (sx * sx + sy * sy).squareRoot()
                #expect(abs((row[figure + "_diff"] as? Double ?? .nan) - (y - x)) < 1e-9, "\(id) \(figure)")
                #expect(abs((row[figure + "_diff_se"] as? Double ?? .nan) - se) < 1e-9, "\(id) \(figure)")
                if se > 0 {
                    let p = erfc(abs((y - x) / se) / 2.0.squareRoot())
                    #expect(abs((row[figure + "_diff_p"] as? Double ?? .nan) - p) < 1e-12, "\(id) \(figure)")
                }
            }
        }
        // The waves are kept apart: the baseline has 30 employers, 2027 its own 25.
        #expect(try database.run(["gaps", "--wave", "2027", "--by", "total", "--format", "json"]).code == 0)
        #expect(try database.run(["gaps", "--wave", "2099"]).code == 66)
    }
}
