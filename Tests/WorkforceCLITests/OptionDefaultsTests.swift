import Foundation
import Testing

/// An option's default is declared once, with the option: help shows it from there, and no
/// command writes a default of its own beside the declaration (`?? 0.5`, `?? "baseline"`).
@Suite struct OptionDefaultsTests {
    @Test(arguments: [
        (["survey", "--help"], "--wave <name>", "(default: baseline)."),
        (["survey", "--help"], "--lang <codes>", "(default: en,es)."),
        (["gaps", "--help"], "--wave <name>", "(default: baseline)."),
        (["awareness", "--help"], "--wave <name>", "(default: baseline)."),
        (["gaps", "--help"], "--theta <x>", "(default: 0.5)."),
        (["plan", "--help"], "--by <what>", "(default: action)."),
        (["plan", "--help"], "--max-growth <g>", "(default: 0.5)."),
    ])
    func helpShowsTheDeclaredDefault(_ arguments: [String], _ option: String, _ shown: String) {
        let help = runInProcess(arguments).stdout
        let line = help.split(separator: "\n").first { $0.trimmingCharacters(in: .whitespaces).hasPrefix(option) }
        #expect(line?.hasSuffix(shown) == true, "\(line ?? "no line for \(option)")")
    }

    /// Where leaving --wave out lets the header choose, help does not claim a default.
    @Test func importsWaveHasNoDefault() {
        let help = runInProcess(["import", "--help"]).stdout
        let line = help.split(separator: "\n").first { $0.contains("--wave <name>") && $0.hasPrefix("  ") }
        #expect(line.map { !$0.contains("default") } == true, "\(line ?? "")")
    }

    @Test func discussionsQuoteTheDeclaredDefaults() {
        #expect(runInProcess(["catalog", "--help"]).stdout.contains("--theta (default 0.5)"))
        #expect(runInProcess(["survey", "--help"]).stdout.contains("--out (default Surveys/generated/)"))
        #expect(runInProcess(["demo", "--help"]).stdout.contains("(default Reports/demo/,"))
    }

    @Test func positionalsAreTyped() {
        let sampleSize = runInProcess(["sample-size", "census", "--margin", "0.05"])
        #expect(sampleSize.code == 64)
        #expect(sampleSize.stderr.contains("awareness") && sampleSize.stderr.contains("employer"), "\(sampleSize.stderr)")
        let imported = runInProcess(["import", "census", "x.csv"])
        #expect(imported.code == 64 && imported.stderr.contains("catalog"), "\(imported.stderr)")
    }

    /// No command file gives an option a literal default of its own (`invocation[x] ?? 0.5`).
    @Test func commandsWriteNoDefaultsOfTheirOwn() throws {
        let folder = repositoryRoot.appendingPathComponent("Sources/WorkforceCLI/Commands")
        // `responses --labels`: no value means choice names in CSV, English in sav/dta/r.
        let allowed = [#"invocation[labels] ?? "en""#]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasSuffix(".swift") {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                guard line.range(of: #"invocation\[[^\]]+\] \?\? ("|[0-9]|\[")"#, options: .regularExpression) != nil,
                    !allowed.contains(where: { line.contains($0) })
                else { continue }
                Issue.record("\(name):\(n + 1): a default beside the option's declaration: \(line.trimmingCharacters(in: .whitespaces))")
            }
        }
    }
}
