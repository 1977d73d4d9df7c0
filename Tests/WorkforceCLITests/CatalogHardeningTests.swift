import Foundation
import Testing

/// Hostile and careless catalogs: numbers, programme structure, headers, retirement.
@Suite struct CatalogHardeningTests {
    static let header = "institution,code,title,level,delivery_mode,annual_completions,ksa_ids,programme,last_updated\n"

    func importCatalog(_ database: TestDatabase, _ rows: String, _ extra: [String] = []) throws -> CommandResult {
        try database.run(["import", "catalog", try CatalogAndGapsCommandTests.write(database, "c\(rows.hashValue).csv", Self.header + rows)] + extra)
    }

    @Test(arguments: ["1e3", "0x10", "+7", "inf", "NaN", "9223372036854775807", "99999999999999999999", "7.0", "1000001"])
    func completionsAreWholeNumbersInDigitsWithinTheirRange(_ value: String) throws {
        let database = try TestDatabase()
        let result = try importCatalog(database, "Galen University,G1,Good,associate,online,\(value),K0001,,2026-09-01\n")
        #expect(result.code == 0, "\(result.stderr)")
        #expect(result.stdout.contains("0 imported") && result.stdout.contains("1 quarantined"), "\(value): \(result.stdout)")
        #expect(result.stderr.contains(":2:43:"), "\(value): \(result.stderr)")
    }

    @Test func programmeCyclesAndChainsAreQuarantinedWhereTheyAre() throws {
        let database = try TestDatabase()
        let result = try importCatalog(
            database,
            """
            Galen University,A,Cycle A,associate,online,10,K0001,B,2026-09-01
            Galen University,B,Cycle B,associate,online,10,K0002,a,2026-09-01
            Galen University,P,Programme,bachelor,online,10,K0003,,2026-09-01
            Galen University,C,Course,bachelor,online,10,K0004,P,2026-09-01
            Galen University,D,Too deep,bachelor,online,10,K0005,c,2026-09-01
            Galen University,SELF,Self,bachelor,online,10,K0006,self,2026-09-01

            """)
        #expect(result.code == 0, "\(result.stderr)")
        #expect(result.stdout.contains("2 imported") && result.stdout.contains("4 quarantined"), "\(result.stdout)")
        #expect(result.stderr.contains(":2:54: programme B is itself a course of programme a"), "\(result.stderr)")
        #expect(result.stderr.contains("[line 2, column H `programme`]"), "\(result.stderr)")
        #expect(result.stderr.contains(":3:54: programme a is itself a course of programme B"), "\(result.stderr)")
        #expect(result.stderr.contains(":6:54: programme c is itself a course of programme P"), "\(result.stderr)")
        #expect(result.stderr.contains("an offering cannot belong to itself"), "\(result.stderr)")
        let codes = try jsonRows(try database.run(["catalog", "--format", "json"]).stdout).compactMap { $0["code"] as? String }
        #expect(codes.sorted() == ["C", "P"])
    }

    @Test func headerColumnsDifferingOnlyInCaseAreAnError() throws {
        let database = try TestDatabase()
        let text = "institution,code,title,level,delivery_mode,annual_completions,ksa_ids,last_updated,Annual_Completions\n"
            + "Galen University,G1,Good,associate,online,3,K0001,2026-09-01,300\n"
        let result = try database.run(["import", "catalog", try CatalogAndGapsCommandTests.write(database, "twice.csv", text)])
        #expect(result.code == 65)
        #expect(result.stderr.contains("twice.csv:1:9:") && result.stderr.contains("another letter case"), "\(result.stderr)")
    }

    @Test func ksaIDsOfOnlySeparatorsAreRequired() throws {
        let database = try TestDatabase()
        let result = try importCatalog(database, "Galen University,G1,Good,associate,online,3,\", ;\",,2026-09-01\n")
        #expect(result.stdout.contains("1 quarantined"), "\(result.stdout)")
        #expect(result.stderr.contains("ksa_ids is required"), "\(result.stderr)")
    }

    @Test func quarantinedCatalogRowsKeepOnlyTheirFirstKilobyte() throws {
        let database = try TestDatabase()
        let long = String(repeating: "é", count: 3000)
        let result = try importCatalog(database, "Galen University,G1,\(long),associate,online,-1,K0001,,2026-09-01\n")
        #expect(result.stdout.contains("1 quarantined"), "\(result.stdout)")
        let rows = try jsonRows(try database.run(["imports", "--rejected", "1", "--format", "json"]).stdout)
        let raw = try #require(rows.first?["raw"] as? String)
        #expect(raw.utf8.count <= 1024 && raw.utf8.count > 1000)
        #expect(raw.hasPrefix("Galen University,G1,éé"))
    }

    @Test func retiringOfferingsNeedsReplaceAndIsListed() throws {
        let database = try TestDatabase()
        #expect(try database.run(["import", "catalog", CatalogAndGapsCommandTests.fixture.path]).code == 0)
        let before = try database.run(["catalog", "--format", "csv"]).stdout
        let one = "Galen University,GAL-NET,Network Defence,associate,online,12,K0001,,2026-09-01\n"
        let refused = try importCatalog(database, one)
        #expect(refused.code == 64)
        #expect(refused.stderr.contains("Galen University GAL-RISK") && refused.stderr.contains("--replace"), "\(refused.stderr)")
        #expect(!refused.stderr.contains("GAL-NET"))
        #expect(try database.run(["catalog", "--format", "csv"]).stdout == before)
        #expect(try jsonRows(try database.run(["imports", "--format", "json"]).stdout).count == 1)
        let dry = try importCatalog(database, one, ["--dry-run"])
        #expect(dry.code == 0 && dry.stdout.contains("would retire"), "\(dry.stdout)")
        let replaced = try importCatalog(database, one, ["--replace"])
        #expect(replaced.code == 0, "\(replaced.stderr)")
        #expect(replaced.stdout.contains("retired 1 offering") && replaced.stdout.contains("Galen University GAL-RISK"), "\(replaced.stdout)")
        // Re-listing every code replaces them without --replace.
        let same = try importCatalog(database, one)
        #expect(same.code == 0, "\(same.stderr)")
        #expect(!same.stdout.contains("retire"))
    }
}
