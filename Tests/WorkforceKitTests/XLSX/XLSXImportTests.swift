import Foundation
import Testing
@testable import WorkforceKit

/// Excel workbooks import as their CSV twins do (Fixtures/xlsx: `kobotoolbox-awareness.csv` and
/// the workbook `make_xlsx.py` writes from it; the same workbook saved by LibreOffice Calc 7
/// with `soffice --headless --convert-to xlsx`; the catalog in the 1904 date system), and hostile
/// archives (`make_hostile.py`) are refused with nothing stored.
@Suite struct XLSXImportTests {
    static let folder = repositoryRoot.appendingPathComponent("Tests/WorkforceKitTests/Fixtures/xlsx")
    static func fixture(_ name: String) -> URL { folder.appendingPathComponent(name) }

    /// Everything stored of each response, without its line (a CSV line differs from the sheet
    /// row after a quoted line break).
    private func stored(_ store: WorkforceStore) throws -> [[DatabaseValue]] {
        try store.db.rows("SELECT response_key, submitted_at, answers FROM response ORDER BY response_key").map(\.values)
    }

    private func rejected(_ store: WorkforceStore) throws -> [[DatabaseValue]] {
        try store.db.rows("SELECT raw FROM rejected_row ORDER BY id").map(\.values)
    }

    @Test(arguments: ["kobotoolbox-awareness.xlsx", "kobotoolbox-awareness.libreoffice.xlsx"])
    func aKoboWorkbookImportsCellForCellAsItsCSVTwin(_ workbook: String) throws {
        let (_, csvStore) = try storeWithInstruments([(.awareness, "baseline")])
        let twin = try importFile(csvStore, Self.fixture("kobotoolbox-awareness.csv"), .awareness)
        let (_, store) = try storeWithInstruments([(.awareness, "baseline")])
        let summary = try importFile(store, Self.fixture(workbook), .awareness)
        #expect(twin.imported == 7 && twin.quarantined == 2)
        #expect(summary.dialect == .koboToolbox)
        #expect(summary.fromWorkbook)
        #expect(summary.container == "sheet Sheet1, the workbook's first")
        #expect((summary.rowsRead, summary.imported, summary.quarantined) == (twin.rowsRead, twin.imported, twin.quarantined))
        #expect(summary.metaColumns == twin.metaColumns)
        #expect(try stored(store) == stored(csvStore))
        #expect(try rejected(store) == rejected(csvStore))
        // Dates (Excel serials with a date style) come back as the export's ISO text.
        #expect(try store.db.scalar("SELECT submitted_at FROM response WHERE response_key = (SELECT min(response_key) FROM response)") != .null)
        #expect(try stored(store).allSatisfy { ($0[1].string ?? "").count == 19 })
    }

    @Test func quarantineAndMessagesNameTheSheetAndCell() throws {
        let (_, store) = try storeWithInstruments([(.awareness, "baseline")])
        let summary = try importFile(store, Self.fixture("kobotoolbox-awareness.xlsx"), .awareness)
        let messages = summary.problems.map(\.description)
        #expect(messages.contains { $0.hasPrefix("kobotoolbox-awareness.xlsx:Sheet1!E7: value \"atlantis\" is not a choice of district") })
        #expect(messages.contains { $0.hasPrefix("kobotoolbox-awareness.xlsx:Sheet1!8:8: target_groups is required") })
        let rows = try store.db.rows("SELECT line, reasons FROM rejected_row ORDER BY line")
        #expect(rows.map { $0[0] } == [.integer(7), .integer(8)])
        #expect(rows.first?[1].string?.contains("\"line\":7,\"column\":5") == true)
    }

    @Test func theSameResponsesFromAWorkbookAfterTheirCSVAreDuplicates() throws {
        let (_, store) = try storeWithInstruments([(.awareness, "baseline")])
        try importFile(store, Self.fixture("kobotoolbox-awareness.csv"), .awareness)
        let again = try importFile(store, Self.fixture("kobotoolbox-awareness.xlsx"), .awareness)
        #expect(again.imported == 0 && again.duplicates == 7)
        let third = try importFile(store, Self.fixture("kobotoolbox-awareness.libreoffice.xlsx"), .awareness)
        #expect(third.imported == 0 && third.duplicates == 7)
    }

    @Test func aCatalogWorkbookInThe1904SystemStoresTheSameOfferingsAsItsCSV() throws {
        func offerings(_ file: URL) throws -> [[DatabaseValue]] {
            let (_, store) = try storeWithNICE2017()
            let summary = try CatalogImporter.run(store: store, url: file, name: file.lastPathComponent, framework: nil, dryRun: false)
            #expect(summary.imported == 12, "\(summary.problems)")
            return try store.db.rows(
                """
                SELECT code, title, level, delivery_mode, hours, credits, annual_intake, annual_completions, programme, last_updated
                FROM offering ORDER BY code
                """
            ).map(\.values)
        }
        let csv = try offerings(repositoryRoot.appendingPathComponent("Tests/WorkforceKitTests/Fixtures/catalog/catalog.csv"))
        let xlsx = try offerings(Self.fixture("catalog-1904.xlsx"))
        #expect(xlsx == csv)
        #expect(xlsx.first?.last == .text("2026-06-30"))
    }

    @Test(arguments: [
        ("bomb.xlsx", "inflates to more than the 2000 bytes it declares"),
        ("declared-4gb.xlsx", "declares 4294901760 bytes uncompressed"),
        ("zip64.xlsx", "Zip64"),
        ("encrypted.xlsx", "encrypted"),
        ("truncated.xlsx", "truncated"),
    ])
    func hostileArchivesAreRefusedWithNothingStored(_ file: String, _ says: String) throws {
        let (_, store) = try storeWithInstruments([(.awareness, "baseline")])
        do {
            _ = try importFile(store, Self.fixture("hostile/\(file)"), .awareness)
            Issue.record("\(file) was imported")
        } catch let error as WorkforceError {
            #expect(error.exitCode == .dataError)
            #expect("\(error)".contains(says), "\(error)")
        }
        #expect(try store.db.scalar("SELECT count(*) FROM import_batch") == .integer(0))
        #expect(try store.db.scalar("SELECT count(*) FROM response") == .integer(0))
    }
}
