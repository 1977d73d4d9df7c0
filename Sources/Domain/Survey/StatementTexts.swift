import Foundation

/// Knowledge, skill and ability statements in one language other than NIST's English: the
/// project's own, unofficial Spanish translation of the statements the compact KSA checklists
/// of the `belize-core` role set ask about (`Frameworks/translations/ksas.es.csv`, columns
/// `framework`, `statement_id`, `text`; `Frameworks/SOURCES.md` says where it comes from). A
/// statement it lacks keeps its English text in the Spanish forms, and `workforce survey` says so.
package struct StatementTexts: Sendable {
    /// Keyed by framework name, then statement id.
    private var texts: [String: [String: String]]

    /// No texts: every statement keeps its English.
    package init() { texts = [:] }

    /// Reads a statement-texts CSV file.
    ///
    /// - Throws: ``WorkforceError/badData(_:_:)`` located at a row with an empty cell, a
    ///   repeated statement, or a missing column.
    package init(url: URL) throws(WorkforceError) {
        var texts: [String: [String: String]] = [:]
        for row in try ItemBank.rows(url, required: ["framework", "statement_id", "text"]) {
            let framework = row["framework"], id = row["statement_id"]
            guard !framework.isEmpty, !id.isEmpty, !row["text"].isEmpty else {
                throw .badData(row.location, "framework, statement_id and text must not be empty")
            }
            guard texts[framework]?[id] == nil else { throw .badData(row.location, "statement \(id) of \(framework) appears twice") }
            texts[framework, default: [:]][id] = row["text"]
        }
        self.texts = texts
    }

    /// The bundled Spanish translation.
    package static func bundledSpanish(environment: [String: String] = ProcessInfo.processInfo.environment) throws(WorkforceError)
        -> StatementTexts
    {
        try StatementTexts(url: BundledData.home(environment: environment).appendingPathComponent("Frameworks/translations/ksas.es.csv"))
    }

    /// The text of a statement, or `nil` when the file has none for it.
    package func text(framework: String, statementID: String) -> String? { texts[framework]?[statementID] }
}
