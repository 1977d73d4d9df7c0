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

/// Builds shared test inputs once per test process: a database with NICE 2017 loaded (copied
/// for each test) and built instruments.
final class FixtureCache: @unchecked Sendable {  // all state guarded by `lock`
    static let shared = FixtureCache()
    private let lock = NSLock()
    private var database: URL?
    private var instruments: [String: Instrument] = [:]

    /// A database file with NICE 2017 loaded, closed (its WAL checkpointed), to copy.
    func nice2017Database() throws -> URL {
        lock.lock()
        defer { lock.unlock() }
        if let database { return database }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("workforce-tests-nice2017-\(UUID().uuidString).sqlite")
        do {
            let store = try WorkforceStore(path: url.path, create: true)
            try store.saveFramework(try FrameworkCSVLoader.load(folder: frameworksFolder("nice-2017")))
        }
        database = url
        return url
    }

    func instrument(_ key: String, _ build: () throws -> Instrument) throws -> Instrument {
        lock.lock()
        if let cached = instruments[key] {
            lock.unlock()
            return cached
        }
        lock.unlock()
        let built = try build()
        lock.lock()
        instruments[key] = built
        lock.unlock()
        return built
    }
}

/// A new database in a temporary folder with NICE 2017 loaded (the default framework).
func storeWithNICE2017() throws -> (TemporaryFolder, WorkforceStore) {
    let folder = try TemporaryFolder()
    try FileManager.default.copyItem(at: try FixtureCache.shared.nice2017Database(), to: folder.url.appendingPathComponent("f.sqlite"))
    let store = try WorkforceStore(path: folder.path("f.sqlite"), create: false)
    return (folder, store)
}

/// The item bank committed under `Surveys/banks/`.
func bundledBank() throws -> ItemBank {
    try ItemBank(folder: repositoryRoot.appendingPathComponent("Surveys/banks"))
}

/// Builds an instrument from the bundled bank and NICE 2017.
func buildInstrument(
    _ kind: InstrumentKind, roles roleIDs: [String]? = nil, wave: String? = nil, languages: [Language] = Language.supported,
    ksaGaps: Bool = false, ksaLimit: Int? = KSAChecklist.defaultLength
) throws -> Instrument {
    let key = "\(kind)|\(roleIDs ?? [])|\(wave ?? "")|\(languages.map(\.code))|\(ksaGaps)|\(ksaLimit.map(String.init) ?? "all")"
    return try FixtureCache.shared.instrument(key) {
        try buildUncached(kind, roles: roleIDs, wave: wave, languages: languages, ksaGaps: ksaGaps, ksaLimit: ksaLimit)
    }
}

private func buildUncached(
    _ kind: InstrumentKind, roles roleIDs: [String]?, wave: String?, languages: [Language], ksaGaps: Bool, ksaLimit: Int?
) throws -> Instrument {
    let (_, store) = try storeWithNICE2017()
    let f = try store.framework(named: nil)
    let roles = kind == .employer ? try store.surveyRoles(f, ids: roleIDs, category: nil) : []
    let request = SurveyRequest(kind: kind, wave: try wave.map { try Wave($0) }, languages: languages, ksaGaps: ksaGaps, ksaLimit: ksaLimit)
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

/// A database with NICE 2017 and the given instruments recorded, ready for imports.
func storeWithInstruments(_ instruments: [(InstrumentKind, String?)]) throws -> (TemporaryFolder, WorkforceStore) {
    let (folder, store) = try storeWithNICE2017()
    for (kind, wave) in instruments {
        let roleIDs: [String]? = kind == .employer ? ["PR-CIR-001", "OV-MGT-001"] : nil
        let instrument = try buildInstrument(kind, roles: roleIDs, wave: wave)
        try store.recordInstrument(instrument, codebook: Codebook.json(instrument))
    }
    return (folder, store)
}

/// Imports `url` into `store`.
@discardableResult
func importFile(_ store: WorkforceStore, _ url: URL, _ kind: InstrumentKind, encoding: TextEncoding? = nil, dryRun: Bool = false)
    throws -> ImportSummary
{
    try ResponseImporter.run(
        store: store, url: url, name: url.lastPathComponent, options: ImportOptions(kind: kind, dryRun: dryRun, encoding: encoding))
}

/// The stored answers of every response, in file order.
func storedAnswers(_ store: WorkforceStore) throws -> [String] {
    try store.db.rows("SELECT answers FROM response ORDER BY batch_id, line").compactMap { $0[0].string }
}

func responseFixture(_ name: String) -> URL {
    repositoryRoot.appendingPathComponent("Tests/WorkforceKitTests/Fixtures/responses").appendingPathComponent(name)
}
