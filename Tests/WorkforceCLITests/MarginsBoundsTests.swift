import Foundation
import Testing

/// Margins at the edge of their range give finite figures; beyond it they are refused, located.
@Suite struct MarginsBoundsTests {
    @Test func marginsAtTheLargestPopulationGiveFiniteFigures() throws {
        let database = try AwarenessCommandTests.database(rows: 200)
        let text = """
            variable,category,population
            district,belize,300000000
            district,cayo,200000000
            district,corozal,100000000
            district,orange_walk,100000000
            district,stann_creek,150000000
            district,toledo,150000000
            urban,urban,400000000
            urban,rural,600000000

            """
        let path = database.scratch.path("huge-margins.csv")
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        let raked = try database.run(["awareness", "--margins", path, "--format", "json"])
        #expect(raked.code == 0, "\(raked.stderr)")
        #expect(!raked.stdout.lowercased().contains("nan") && !raked.stderr.lowercased().contains("nan"), "\(raked.stdout.prefix(500))")
        for row in try jsonRows(raked.stdout) where row["suppressed"] as? Bool == false {
            #expect(row["n_eff"] is Double, "\(row)")
            let low = row["ci_low"] as? Double ?? -1, high = row["ci_high"] as? Double ?? -1
            #expect(low >= 0 && high <= 1 && low <= high)
        }
        let sizes = try runWorkforce(["sample-size", "--margin", "0.05", "--by", "district", "--margins", path, "--format", "json"], in: database.scratch.url)
        #expect(sizes.code == 0, "\(sizes.stderr)")
        #expect(try jsonRows(sizes.stdout).count == 6)
    }

    @Test(arguments: ["1e308", "99999999999999999999", "inf"])
    func sampleSizeByDistrictRefusesHostileMarginsInsteadOfCrashing(_ population: String) throws {
        let scratch = try Scratch()
        let path = scratch.path("m.csv")
        try Data("variable,category,population\ndistrict,belize,\(population)\ndistrict,cayo,1000\n".utf8).write(to: URL(fileURLWithPath: path))
        let result = try runWorkforce(["sample-size", "--margin", "0.05", "--by", "district", "--margins", path], in: scratch.url)
        #expect(result.code == 65, "\(result.stderr)")
        #expect(result.stderr.contains("m.csv:2:17") && result.stderr.contains(population), "\(result.stderr)")
    }
}
