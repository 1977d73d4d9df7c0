import Foundation
import Testing

@testable import WorkforceKit
@testable import Domain

@Suite struct NumberTextTests {
    @Test(arguments: [("0", 0), ("7", 7), ("007", 7), ("1000000000", 1_000_000_000), ("9223372036854775807", Int.max)])
    func wholeNumbersAreDecimalDigits(_ text: String, _ value: Int) {
        #expect(NumberText.whole(text) == value)
    }

    @Test(arguments: [
        "", " 7", "+7", "-7", "7.0", "1e3", "1e400", "0x10", "inf", "Infinity", "NaN", "nan", "1,000", "1 000", "٣",
        "9223372036854775808", "99999999999999999999",
    ])
    func anythingElseIsNotAWholeNumber(_ text: String) {
        #expect(NumberText.whole(text) == nil)
    }

    @Test(arguments: [("12", 12.0), ("12.5", 12.5), ("0.25", 0.25)])
    func decimalsHaveDigitsAndAnOptionalPoint(_ text: String, _ value: Double) {
        #expect(NumberText.decimal(text) == value)
    }

    @Test(arguments: ["1e3", "inf", "nan", "+1", "-1", ".5", "5.", "0x1p3", "1.2.3", "1234567890123456", "1e308"])
    func decimalsRefuseExponentsSignsAndSpecialValues(_ text: String) {
        #expect(NumberText.decimal(text) == nil)
    }

    @Test func aWholeNumberOutOfRangeIsALocatedError() throws {
        let here = SourceLocation(file: "f.csv", line: 3, column: 5)
        #expect(try NumberText.whole(" 42 ", in: 1...100, what: "count", at: here) == 42)
        let error = try #require(throws: WorkforceError.self) { try NumberText.whole("1e300", in: 1...100, what: "count", at: here) }
        #expect(error.exitCode == .dataError)
        #expect("\(error)".contains("f.csv:3:5") && "\(error)".contains("1e300") && "\(error)".contains("from 1 to 100"), "\(error)")
    }

    @Test func roundingToIntIsCheckedInsteadOfTrapping() {
        #expect(Int(roundingChecked: 2.5) == 3)
        #expect(Int(roundingChecked: 2.1, rule: .up) == 3)
        #expect(Int(roundingChecked: .nan) == nil)
        #expect(Int(roundingChecked: .infinity) == nil)
        #expect(Int(roundingChecked: 1e300) == nil)
        #expect(Int(roundingChecked: -1e19) == nil)
    }

    @Test func numbersPrintedInPlansAndChartsNeverTrap() {
        #expect(PlanWords.number(12) == "12")
        #expect(PlanWords.number(2.25) == "2")
        #expect(PlanWords.number(0.2) == "under 1")
        #expect(PlanWords().count(1.2, "person") == "1 person" && PlanWords().count(37, "person") == "37 people")
        #expect(PlanWords(.es).count(1049, "person") == "1\u{00A0}049 personas" && PlanWords(.es).number(0.2) == "menos de 1")
        #expect(!PlanWords.number(1e300).isEmpty)
        #expect(PlanWords.number(.infinity) == "-")
        #expect(SVGChart.number(Double(Int64.max)) != "")
        #expect(SVGChart.number(.nan) != "")
        #expect(SVGChart.number(4) == "4")
    }
}

@Suite struct MarginsFileTests {
    let folder: TemporaryFolder
    init() throws { folder = try TemporaryFolder() }
    func margins(_ text: String, _ name: String = "margins.csv") throws -> URL { try folder.write(name, text) }

    @Test(arguments: [
        ("district,belize,1e308\n", "1e308"), ("district,belize,inf\n", "inf"), ("district,belize,NaN\n", "NaN"),
        ("district,belize,0x10\n", "0x10"), ("district,belize,+7\n", "+7"), ("district,belize,100.5\n", "100.5"),
        ("district,belize,1000000001\n", "1000000001"), ("district,belize,0\n", "\"0\""),
        ("district,belize,99999999999999999999\n", "99999999999999999999"),
    ])
    func populationsAreWholeNumbersUpToOneBillion(_ row: String, _ shown: String) throws {
        let url = try margins("variable,category,population\n" + row)
        let error = try #require(throws: WorkforceError.self) { _ = try PopulationMargins(url: url) }
        #expect(error.exitCode == .dataError)
        #expect("\(error)".contains("margins.csv:2:") && "\(error)".contains(shown) && "\(error)".contains("1000000000"), "\(error)")
    }

    @Test func sumsThatWouldOverflowCannotBypassTheEqualSumCheck() throws {
        // Each within range, but the district total passes 10^9; before, 1e308 + 1e308 = inf
        // compared unequal to nothing and the check was skipped.
        let url = try margins(
            "variable,category,population\ndistrict,belize,900000000\ndistrict,cayo,900000000\nsex,female,1\nsex,male,1\n")
        let error = try #require(throws: WorkforceError.self) { _ = try PopulationMargins(url: url) }
        #expect("\(error)".contains("sum to more than 1000000000") && "\(error)".contains(":3:"), "\(error)")
        let unequal = try margins("variable,category,population\ndistrict,belize,500\ndistrict,cayo,500\nsex,female,600\nsex,male,401\n", "unequal.csv")
        let other = try #require(throws: WorkforceError.self) { _ = try PopulationMargins(url: unequal) }
        #expect("\(other)".contains("sum to 1001 but those of district to 1000"), "\(other)")
    }

    @Test func aHugeMarginsFileIsRefusedBeforeItIsRead() throws {
        let url = folder.url.appendingPathComponent("huge.csv")
        #expect(FileManager.default.createFile(atPath: url.path, contents: Data("variable,category,population\n".utf8)))
        let handle = try FileHandle(forWritingTo: url)
        try handle.truncate(atOffset: UInt64(FileInput.smallTableLimit) + 1)
        try handle.close()
        let error = try #require(throws: WorkforceError.self) { _ = try PopulationMargins(url: url) }
        #expect(error.exitCode == .dataError)
        #expect("\(error)".contains("more than the 8 MiB"), "\(error)")
    }
}
