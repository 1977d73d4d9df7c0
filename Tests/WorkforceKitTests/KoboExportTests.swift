import Foundation
import Testing
@testable import WorkforceKit
@testable import Domain

/// Exports written by KoboToolbox's own exporter (formpack, by `.ci/check_kobo_exports.py`) of the
/// awareness form, one file per layout: XML values or labels (English, Spanish), select_multiple
/// both, summary or details, groups in headers or not, `/`, `-` or `.`, CSV with `;` and XLSX.
/// Each stores every row, with the same answers as the XML-values export.
@Suite struct KoboExportTests {
    static let folder = repositoryRoot.appendingPathComponent("Tests/WorkforceKitTests/Fixtures/kobotoolbox")
    static let files: [String] = {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasPrefix("awareness-") }.sorted()
    }()

    /// The answers stored from `file`, by response id, and the import's summary.
    static func stored(_ file: String) throws -> (answers: [String: String], summary: ImportSummary) {
        let (scratch, store) = try storeWithInstruments([(.awareness, "baseline")])
        _ = scratch
        let summary = try importFile(store, folder.appendingPathComponent(file), .awareness)
        var answers: [String: String] = [:]
        for row in try store.db.rows("SELECT response_key, answers FROM response") { answers[row[0].string ?? ""] = row[1].string }
        return (answers, summary)
    }

    @Test func thereIsAFileForEveryLayout() {
        for part in ["-xml-", "-en-", "-es-", "-both-", "-summary-", "-details-", "-groups-", "-nogroups-", "-slash", "-dash", "-dot", ".csv", ".xlsx"] {
            #expect(Self.files.contains { $0.contains(part) }, "no fixture for \(part)")
        }
    }

    @Test(arguments: files)
    func everyLayoutStoresTheSameAnswers(_ file: String) throws {
        let reference = try Self.stored(file.hasSuffix(".xlsx") ? "awareness-xml-both-groups-slash.xlsx" : "awareness-xml-both-groups-slash.csv")
        let (answers, summary) = try Self.stored(file)
        #expect(summary.quarantined == 0, "\(file): \(summary.problems.prefix(3))")
        #expect(summary.unknownColumns.isEmpty, "\(file): \(summary.unknownColumns.prefix(5))")
        #expect(summary.imported == summary.rowsRead && summary.imported >= 8)
        #expect(answers == reference.answers, "\(file)")
        #expect(summary.noteColumns.count == 4, "\(file): \(summary.noteColumns)")
    }

    /// KoboToolbox's XLSX writes an answer typed as `=1+2` as a formula with a cached 0: it is
    /// read as typed, with a warning naming the cell.
    @Test func formulaCellsAreReadAsTyped() throws {
        let (scratch, store) = try storeWithInstruments([(.awareness, "baseline")])
        _ = scratch
        let summary = try importFile(store, Self.folder.appendingPathComponent("awareness-en-both-groups-slash.xlsx"), .awareness)
        let first = try #require(summary.warnings.first)
        #expect(first.description.contains("awareness-en-both-groups-slash.xlsx:awareness!H2:"), "\(first)")
        #expect(first.message.contains("the cell holds a formula; read as its text \"=1+2\""), "\(first)")
        let texts = try store.db.rows("SELECT answers FROM response").compactMap { $0[0].string }
        #expect(texts.contains { $0.contains("\"=1+2\"") } && texts.contains { $0.contains("\"=B2\"") })
        #expect(!texts.contains { $0.contains("\"0\"") })
    }

    /// Labels joined by spaces that split two ways are a located error naming both readings.
    @Test func anAmbiguousSplitNamesBothReadings() {
        let matcher = ChoiceMatcher([
            Choice(name: "a", label: ["en": "Radio"], hint: [:]), Choice(name: "b", label: ["en": "ads"], hint: [:]),
            Choice(name: "c", label: ["en": "Radio ads"], hint: [:]), Choice(name: "d", label: ["en": "Posters"], hint: [:]),
        ])
        #expect(matcher.spacedReadings("Posters Radio") == [[0, 3]])
        #expect(matcher.spacedReadings("radio ADS").count == 2)
        #expect(Set(matcher.spacedReadings("Radio ads")) == [[2], [0, 1]])
        #expect(matcher.spacedReadings("Radio stuff").isEmpty)
    }
}
