import Foundation
import Testing
@testable import WorkforceCLI
@testable import WorkforceKit

/// Every figure is finite before it is written: a NaN or an infinity is an internal error
/// (exit 70) naming the table, row and column, and nothing is written; hostile numbers in
/// margins and frames are refused where they are read, and the largest accepted ones give
/// finite figures everywhere.
@Suite struct FiniteFiguresTests {
    static func table(_ value: Double) -> ResultTable {
        ResultTable(columns: ["indicator", "p", "deff"], rows: [[.text("uses_2fa"), .double(0.5), .double(1.2)], [.text("k"), .double(0.4), .double(value)]])
    }

    /// Whether `text` shows a NaN or an infinity as Swift prints them, as a word ("nan", "-nan",
    /// "inf"; not "financial" or the role id "PR-INF-001").
    static func showsNonFinite(_ text: String) -> Bool {
        text.range(of: #"(^|[\s:,(\["])[-+]?(nan|inf|infinity)($|[\s,;.)\]"])"#, options: .regularExpression) != nil
    }

    @Test(arguments: [Double.nan, -Double.nan, .infinity, -.infinity])
    func aNonFiniteFigureIsALocatedInternalError(_ value: Double) throws {
        #expect(throws: Never.self) { try Self.table(1).checkFinite("t") }
        #expect(!Self.showsNonFinite("sector financial_services, PR-INF-001, 1.5") && Self.showsNonFinite("design effect -nan") && Self.showsNonFinite("[inf]"))
        do {
            try Self.table(value).checkFinite("report table awareness")
            Issue.record("no error for \(value)")
        } catch {
            #expect(error.exitCode == .software)
            #expect(error.description.contains("report table awareness: row 2, column deff is"), "\(error)")
        }
    }

    @Test func theCommandLineWritesNothingAndExits70() throws {
        let out = Capture()
        let err = Capture()
        let parsed = try ArgumentParser.parse(["gaps"], root: WorkforceCLI.root)
        let invocation = Invocation(parsed: parsed, environment: [:], io: CommandIO(out: out.append, err: err.append))
        do {
            try invocation.print(Self.table(.nan))
            Issue.record("printed a NaN")
        } catch {
            #expect(error.exitCode.rawValue == 70)
            #expect(error.description.contains("workforce gaps: row 2, column deff"), "\(error)")
        }
        #expect(out.value.isEmpty && err.value.isEmpty)
        try invocation.print(Self.table(0.9))
        #expect(out.value.contains("0.9"))
    }

    /// Populations near 1e300 (which once gave "design effect -nan" and intervals 0 to 1) are
    /// refused by every command that reads margins, at their line and column.
    @Test(arguments: [["awareness"], ["report", "--out", "r"], ["responses", "awareness", "--format", "sav", "--weights", "--out", "a.sav"]])
    func marginsNear1e300AreRefusedWhereverTheyAreRead(_ command: [String]) throws {
        let database = try AwarenessCommandTests.database(rows: 60)
        let path = database.scratch.path("hostile.csv")
        try Data("variable,category,population\ndistrict,belize,1e300\ndistrict,cayo,9.99e299\n".utf8).write(to: URL(fileURLWithPath: path))
        let result = try database.run(command + ["--margins", path])
        #expect(result.code == 65, "\(result.stderr)")
        #expect(result.stderr.contains("hostile.csv:2:17"), "\(result.stderr)")
        #expect(!Self.showsNonFinite(result.stdout))
    }

    /// A frame at the largest counts it accepts (10^9 organisations in a stratum) gives finite
    /// figures in gaps, the plan and the report (none stops with exit 70).
    @Test func aFrameAtItsLargestCountsGivesFiniteFigures() throws {
        let database = try TestDatabase(surveys: ["employer", "university"])
        let demo = repositoryRoot.appendingPathComponent("Surveys/demo")
        for (kind, file) in [("employer", "employers-kobotoolbox.csv"), ("catalog", "catalog.csv")] {
            let imported = try database.run(["import", kind, demo.appendingPathComponent(file).path])
            try #require(imported.code == 0, "\(imported.stderr)")
        }
        let frame = try String(contentsOf: demo.appendingPathComponent("frame.csv"), encoding: .utf8)
        var lines = frame.split(separator: "\n").map(String.init)
        for i in lines.indices.dropFirst() {
            var fields = lines[i].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            fields[2] = "1000000000"
            lines[i] = fields.joined(separator: ",")
        }
        let path = database.scratch.path("huge-frame.csv")
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: path))
        for command in [["gaps", "--by", "total"], ["gaps"], ["plan", "--by", "role"], ["report", "--out", database.scratch.path("r")]] {
            let result = try database.run(command + ["--frame", path, "--format", "json"])
            #expect(result.code == 0, "\(command): \(result.stderr)")
            #expect(!Self.showsNonFinite(result.stdout) && !Self.showsNonFinite(result.stderr), "\(command)")
        }
    }
}
