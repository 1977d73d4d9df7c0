import Foundation

/// Where a response key is looked for by `purge --response KEY`: a kind or form (`--form`) and a
/// wave (`--wave`), either or both unset for "any".
package struct ResponseScope: Sendable {
    /// A kind (`awareness`) or a form id (`awareness_baseline`).
    package var form: String?
    package var wave: String?

    package init(form: String? = nil, wave: String? = nil) {
        self.form = form
        self.wave = wave
    }
}

/// One stored response or quarantined row a key names.
struct KeyMatch {
    var batch: Int64
    var kind: String
    var formID: String
    var wave: String?
    var global: Bool
    var line: Int
    /// `response.id`, or `nil` for a quarantined row.
    var response: Int64?
    var rejected: Int64?
    /// The stored text (answers or raw row), for the check after `--vacuum`.
    var text: String

    /// The respondent it names: a global id is one respondent in its kind; a form-local one,
    /// one in its form and wave.
    var respondent: String { global ? "\(kind) (tool-wide id)" : "\(kind), form \(formID)\(wave.map { ", wave \($0)" } ?? "")" }
}

extension WorkforceStore {
    /// Every stored response and quarantined row that `key` (normalised) names within `scope`.
    static func keyMatches(_ key: String, _ scope: ResponseScope, _ db: Database) throws -> [KeyMatch] {
        let key = ResponseKey.normalised(key)
        var matches: [KeyMatch] = []
        func inScope(kind: String, form: String, wave: String?) -> Bool {
            (scope.form == nil || scope.form == kind || scope.form == form) && (scope.wave == nil || scope.wave == wave)
        }
        var localIDs: [Int64: [String]] = [:]
        func global(header: String, dialect: String, instrument: Int64?) throws -> (column: Int?, global: Bool) {
            let fields = (try? CSVReader(string: header, name: "header").readRecord()?.fields) ?? []
            let marked = try WorkforceStore.localIDs(instrument: instrument, db, cache: &localIDs)
            let column = ColumnPlan.identityColumn(in: fields, dialect: ImportDialect(rawValue: dialect) ?? .template, localIDs: marked)
            return (column, column.map { ResponseKey.isGlobal(column: fields[$0]) } ?? true)
        }
        let stored = try db.rows(
            """
            SELECT r.id, r.batch_id, b.kind, coalesce(i.form_id, '') AS form_id, b.wave, b.header, b.dialect, r.line, r.answers, b.instrument_id
            FROM response r JOIN import_batch b ON b.id = r.batch_id LEFT JOIN instrument i ON i.id = b.instrument_id
            WHERE r.response_key = ? ORDER BY r.id
            """, [key])
        for row in stored {
            let kind = try row.string("kind"), form = try row.string("form_id"), wave = try row.optionalString("wave")
            guard inScope(kind: kind, form: form, wave: wave) else { continue }
            matches.append(
                KeyMatch(
                    batch: try row.int64("batch_id"), kind: kind, formID: form, wave: wave,
                    global: try global(header: try row.string("header"), dialect: try row.string("dialect"), instrument: try row.optionalInt64("instrument_id"))
                        .global,
                    line: try row.int("line"), response: try row.int64("id"), rejected: nil, text: try row.string("answers")))
        }
        let batches = try db.rows(
            """
            SELECT b.id, b.kind, coalesce(i.form_id, '') AS form_id, b.wave, b.header, b.dialect, b.instrument_id FROM import_batch b
            LEFT JOIN instrument i ON i.id = b.instrument_id WHERE b.quarantined > 0 AND b.instrument_id IS NOT NULL ORDER BY b.id
            """)
        for batch in batches {
            let batchID = try batch.int64("id")
            let kind = try batch.string("kind"), form = try batch.string("form_id"), wave = try batch.optionalString("wave")
            guard inScope(kind: kind, form: form, wave: wave) else { continue }
            let (column, isGlobal) = try global(header: try batch.string("header"), dialect: try batch.string("dialect"), instrument: try batch.optionalInt64("instrument_id"))
            try db.forEachRow("SELECT id, raw, line FROM rejected_row WHERE batch_id = ?", [batchID]) { row in
                let raw = try row.string("raw")
                let fields = (try? CSVReader(string: raw, name: "raw").readRecord()?.fields) ?? []
                let hit: Bool
                if let column, column < fields.count {
                    hit = ResponseKey.normalised(fields[column]) == key
                } else {
                    // A row cut short at the import limits, or unreadable: the key is in it, so it goes.
                    hit = !key.isEmpty && raw.contains(key)
                }
                guard hit else { return }
                matches.append(
                    KeyMatch(
                        batch: batchID, kind: kind, formID: form, wave: wave, global: isGlobal, line: try row.int("line"),
                        response: nil, rejected: try row.int64("id"), text: raw))
            }
        }
        return matches
    }

    /// Deletes the response and quarantined rows `key` names in `scope`, refusing a key that
    /// names more than one respondent.
    static func purgeKey(_ key: String, _ scope: ResponseScope, _ db: Database, _ summary: inout PurgeSummary) throws {
        let matches = try keyMatches(key, scope, db)
        guard !matches.isEmpty else {
            // Something asked for that is not there: no input (66), not a wrong command line.
            throw WorkforceError.noInput(
                path: "response key \(valuePrefix(ResponseKey.normalised(key)))",
                reason: "no stored or quarantined response has the key \(valuePrefix(ResponseKey.normalised(key)))"
                    + (scope.form != nil || scope.wave != nil ? " in that form and wave" : "") + "; `workforce responses KIND` lists the stored keys")
        }
        let respondents = Array(Set(matches.map(\.respondent))).sorted()
        guard respondents.count == 1 else {
            let listed = matches.prefix(20).map { m in
                "  \(m.respondent): \(m.response != nil ? "stored response" : "quarantined row") of batch \(m.batch), line \(m.line)"
            }
            throw WorkforceError.usage(
                "the key \(valuePrefix(ResponseKey.normalised(key))) names \(respondents.count) different respondents; "
                    + "give --form KIND_OR_FORM and --wave WAVE to say which:\n" + listed.joined(separator: "\n"))
        }
        for m in matches {
            if let id = m.response {
                try db.execute("DELETE FROM response WHERE id = ?", [id])
                // The batch's counts stay true: the response is no longer there.
                try db.execute("UPDATE import_batch SET rows_read = rows_read - 1, imported = imported - 1 WHERE id = ?", [m.batch])
                summary.responses += 1
            } else if let id = m.rejected {
                try db.execute("DELETE FROM rejected_row WHERE id = ?", [id])
                try db.execute("UPDATE import_batch SET rows_read = rows_read - 1, quarantined = quarantined - 1 WHERE id = ?", [m.batch])
                summary.rejectedRows += 1
            }
            if !summary.batches.contains(m.batch) { summary.batches.append(m.batch) }
            summary.personalValues.formUnion(personalValues(in: m.text))
        }
        summary.purgedKey = ResponseKey.normalised(key)
        summary.purgedScope = scope
        guard try keyMatches(key, scope, db).isEmpty else {
            throw WorkforceError.internalError("after deleting the rows of key \(valuePrefix(key)), a row with the key is still stored; nothing was deleted")
        }
    }

    /// The values of a purged row that identify a person on their own: e-mail addresses, and
    /// phone or identity numbers (digits, spaces, `+ - ( ) .`, seven digits or more, not a date).
    static func personalValues(in text: String) -> Set<String> {
        var values: Set<String> = []
        let separators = CharacterSet(charactersIn: "\",[]{}\n\r\t;")
        for piece in text.components(separatedBy: separators) {
            let value = piece.trimmingCharacters(in: .whitespaces)
            guard value.count >= 6 else { continue }
            let phoneLike = value.allSatisfy { $0.isASCII && ($0.isNumber || " +-().".contains($0)) }
                && value.filter(\.isNumber).count >= 7 && value.range(of: #"^\d{4}-\d{2}-\d{2}"#, options: .regularExpression) == nil
            if value.contains("@") || phoneLike { values.insert(value) }
        }
        return values
    }

    /// After `VACUUM`: the personal values of the purged rows that the database file, its WAL
    /// or its journal still holds, other than those another stored row holds too.
    func lingeringValues(_ values: Set<String>) throws -> [String] {
        guard !values.isEmpty else { return [] }
        var files: [Data] = []
        for suffix in ["", "-wal", "-journal"] {
            if let data = FileManager.default.contents(atPath: path + suffix) { files.append(data) }
        }
        var lingering: [String] = []
        for value in values.sorted() {
            guard files.contains(where: { $0.range(of: Data(value.utf8)) != nil }) else { continue }
            let held = try db.scalar(
                "SELECT (SELECT count(*) FROM response WHERE instr(answers, ?1) > 0 OR instr(submitted_at, ?1) > 0) + (SELECT count(*) FROM rejected_row WHERE instr(raw, ?1) > 0)",
                [value]).int ?? 0
            if held == 0 { lingering.append(value) }
        }
        return lingering
    }
}
