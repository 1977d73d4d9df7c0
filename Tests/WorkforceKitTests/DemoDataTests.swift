import Foundation
import Testing
@testable import WorkforceKit

/// The committed demo data is what the generator writes. Re-record after changing the
/// generator or the questionnaires: `WORKFORCE_RECORD_DEMO=1 swift test --filter DemoDataTests`.
@Suite struct DemoDataTests {
    @Test func committedDemoDataIsWhatTheGeneratorWrites() throws {
        let (_, store) = try storeWithNICE2017()
        let home = try BundledData.home()
        let folder = home.appendingPathComponent("Surveys/demo")
        let margins = try String(contentsOf: home.appendingPathComponent("Surveys/margins/belize-adults-2022.csv"), encoding: .utf8)
        let files = try DemoData.files(bank: try bundledBank(), store: store, margins: margins)
        if ProcessInfo.processInfo.environment["WORKFORCE_RECORD_DEMO"] == "1" {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for file in files { try Data(file.text.utf8).write(to: folder.appendingPathComponent(file.name)) }
        }
        for file in files {
            let committed = try String(contentsOf: folder.appendingPathComponent(file.name), encoding: .utf8)
            #expect(committed == file.text, "\(file.name) differs from the generator; re-record with WORKFORCE_RECORD_DEMO=1")
        }
        // Every response file marks each row synthetic.
        for file in files where file.name.hasSuffix(".csv") && !["margins.csv", "frame.csv", "frame-2027.csv", "units.csv"].contains(file.name) {
            let lines = file.text.split(separator: "\r\n")
            #expect(lines.first?.hasSuffix("_synthetic") == true)
            #expect(lines.dropFirst().allSatisfy { $0.hasSuffix("synthetic demo data - not real responses") })
        }
    }

    /// The held-out export the R reference check reads (`.ci/awareness.sh`); re-recorded with
    /// the demo data.
    @Test func committedHeldOutAwarenessExportIsWhatTheGeneratorWrites() throws {
        let (_, store) = try storeWithNICE2017()
        let folder = try BundledData.home().appendingPathComponent("Tests/WorkforceKitTests/Fixtures/awareness-heldout")
        let files = try DemoData.heldOutAwareness(bank: try bundledBank(), store: store)
        if ProcessInfo.processInfo.environment["WORKFORCE_RECORD_DEMO"] == "1" {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for file in files { try Data(file.text.utf8).write(to: folder.appendingPathComponent(file.name)) }
        }
        for file in files {
            let committed = try String(contentsOf: folder.appendingPathComponent(file.name), encoding: .utf8)
            #expect(committed == file.text, "\(file.name) differs from the generator; re-record with WORKFORCE_RECORD_DEMO=1")
        }
    }
}
