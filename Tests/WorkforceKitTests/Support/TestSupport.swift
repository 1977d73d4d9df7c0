import Foundation
@testable import WorkforceKit

/// A fresh temporary folder, removed when the value is released.
final class TemporaryFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("workforce-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    /// Writes `text` to `name` (creating folders) and returns its URL.
    @discardableResult
    func write(_ name: String, _ text: String) throws -> URL {
        try write(name, bytes: Array(text.utf8))
    }

    @discardableResult
    func write(_ name: String, bytes: [UInt8]) throws -> URL {
        let file = url.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: file)
        return file
    }
}

/// The checkout's top folder (for the bundled `Frameworks/`).
let repositoryRoot: URL = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<4 { url = url.deletingLastPathComponent() }
    return url
}()

func frameworksFolder(_ name: String) -> URL {
    repositoryRoot.appendingPathComponent("Frameworks").appendingPathComponent(name)
}

/// Number of data rows in a bundled CSV file (lines minus the header; the files hold no
/// quoted line breaks).
func dataRowCount(_ relativePath: String) throws -> Int {
    let text = try String(contentsOf: repositoryRoot.appendingPathComponent(relativePath), encoding: .utf8)
    return text.split(whereSeparator: \.isNewline).count - 1
}

/// A new database in a temporary folder with NICE 2017 loaded (the default framework).
func storeWithNICE2017() throws -> (TemporaryFolder, WorkforceStore) {
    let folder = try TemporaryFolder()
    let store = try WorkforceStore(path: folder.path("f.sqlite"), create: true)
    try store.saveFramework(try FrameworkCSVLoader.load(folder: frameworksFolder("nice-2017")))
    return (folder, store)
}

/// The item bank committed under `Surveys/banks/`.
func bundledBank() throws -> ItemBank {
    try ItemBank(folder: repositoryRoot.appendingPathComponent("Surveys/banks"))
}

/// Builds an instrument from the bundled bank and NICE 2017.
func buildInstrument(
    _ kind: InstrumentKind, roles roleIDs: [String]? = nil, wave: String? = nil, languages: [Language] = Language.supported,
    ksaGaps: Bool = false
) throws -> Instrument {
    let (_, store) = try storeWithNICE2017()
    let f = try store.framework(named: nil)
    let roles = kind == .employer ? try store.surveyRoles(f, ids: roleIDs, category: nil) : []
    let request = SurveyRequest(kind: kind, wave: try wave.map { try Wave($0) }, languages: languages, ksaGaps: ksaGaps)
    return try InstrumentBuilder.build(bank: try bundledBank(), request: request, framework: f.name, roles: roles)
}

/// Compares `actual` with the golden file at `Fixtures/golden/NAME`; with
/// `WORKFORCE_RECORD_GOLDEN=1` in the environment, writes it instead (how to re-record).
func expectGolden(_ actual: String, _ name: String) throws -> Bool {
    let url = repositoryRoot.appendingPathComponent("Tests/WorkforceKitTests/Fixtures/golden").appendingPathComponent(name)
    if ProcessInfo.processInfo.environment["WORKFORCE_RECORD_GOLDEN"] == "1" {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(actual.utf8).write(to: url)
        return true
    }
    let expected = try String(contentsOf: url, encoding: .utf8)
    return expected == actual
}
