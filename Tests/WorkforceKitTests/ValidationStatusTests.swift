import Foundation
import Testing
@testable import WorkforceKit
@testable import Domain

/// KoboToolbox's `_validation_status`: "Not approved" is quarantined unless asked for, "On hold"
/// is imported and counted, by id or by label.
@Suite struct ValidationStatusTests {
    let scratch: TemporaryFolder
    let store: WorkforceStore
    let awareness: Instrument

    init() throws {
        (scratch, store) = try storeWithInstruments([(.awareness, "baseline")])
        awareness = try buildInstrument(.awareness, wave: "baseline")
    }

    private func file(_ statuses: [String]) throws -> URL {
        let base = ResponseFile(awareness, rows: statuses.count)
        let writer = CSVWriter(neutralizeFormulas: false)
        var text = writer.record(["_uuid", "_validation_status"] + base.names)
        for (i, row) in base.rows.enumerated() { text += writer.record(["u\(i)", statuses[i]] + base.names.map { row[$0] ?? "" }) }
        return try scratch.write("statuses.csv", text)
    }

    @Test(arguments: [
        ("validation_status_not_approved", ValidationStatus.notApproved), ("Not Approved", .notApproved), ("not approved", .notApproved),
        ("validation_status_on_hold", .onHold), ("On Hold", .onHold), ("validation_status_approved", .approved), ("Approved", .approved),
        ("", .none), ("{}", .none), ("approved maybe", .none),
    ])
    func statusesAreReadByIdOrLabel(_ text: String, _ expected: ValidationStatus) {
        let bytes = Array(text.utf8)
        #expect(bytes.withUnsafeBufferPointer { ValidationStatus($0) } == expected, "\(text)")
    }

    @Test func notApprovedIsQuarantinedAndOnHoldCounted() throws {
        let url = try file(["validation_status_not_approved", "On Hold", "", "Approved", "Not approved"])
        let summary = try importFile(store, url, .awareness)
        #expect((summary.imported, summary.quarantined, summary.onHold, summary.notApproved) == (3, 2, 1, 2))
        let reasons = try store.db.scalar("SELECT group_concat(reasons, '|') FROM rejected_row").string ?? ""
        #expect(reasons.contains("the submission is marked Not approved in KoboToolbox (_validation_status); import with --include-not-approved to count it"))
        #expect(summary.json.contains("\"on_hold\": 1"))
    }

    @Test func includeNotApprovedImportsThem() throws {
        let url = try file(["validation_status_not_approved", "On Hold", ""])
        var options = ImportOptions(kind: .awareness)
        options.includeNotApproved = true
        let summary = try ResponseImporter.run(store: store, url: url, name: "statuses.csv", options: options)
        #expect((summary.imported, summary.quarantined, summary.notApprovedImported, summary.onHold) == (3, 0, 1, 1))
    }
}
