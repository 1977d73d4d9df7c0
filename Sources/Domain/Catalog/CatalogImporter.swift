import Foundation

/// Imports a national training catalog file (one row per offering, the template's columns)
/// as one batch in one transaction, with the same guarantees as response imports: encodings
/// and separators detected, every cell checked with its file:line:column, bad rows quarantined
/// with every reason, `--dry-run` writing nothing.
///
/// A re-import replaces, institution by institution, the current offerings of the
/// institutions that have a valid row in the file, and keeps the others; replaced offerings
/// stay as history (`retired_by`), so `workforce catalog --as-of BATCH` shows an earlier catalog.
/// An offering the file no longer lists for its institution is retired only with `replace`:
/// without it the import changes nothing and the error lists what would be retired.
///
/// A course belongs to a programme and a programme to none: a row whose programme is itself a
/// course of a programme (a chain, or a cycle `A -> B -> A`), or is the row itself in any letter
/// case, is quarantined, so that no course's completions are counted twice.
package enum CatalogImporter {
    /// Imports `url` (shown as `name`) against framework `frameworkName` (default: the default).
    ///
    /// - Throws: ``WorkforceError/usage(_:)`` when the import would retire offerings and
    ///   `replace` is false (nothing is written); ``WorkforceError/badData(_:_:)`` for a file
    ///   that cannot be read, a header lacking columns or naming one twice in any letter case.
    package static func run(
        store: WorkforceStore, url: URL, name: String, framework frameworkName: String?, dryRun: Bool,
        encoding: TextEncoding? = nil, delimiter: UInt8? = nil, entry: String? = nil, replace: Bool = false
    ) throws(WorkforceError) -> ImportSummary {
        let framework = try store.framework(named: frameworkName)
        let template = try CatalogTemplate(bank: try ItemBank(folder: try BundledData.home().appendingPathComponent("Surveys/banks")))
        let sniffed = try InputSniffer(url: url, name: name, encoding: encoding, delimiter: delimiter, entry: entry, formID: "catalog")
        let dates = Set(template.columns.filter { $0.type == .date }.map(\.name))
        let (header, records) = try read(url, name, sniffed, dates: dates)
        var columnOf: [String: Int] = [:]
        for (i, column) in header.enumerated() {
            let folded = column.trimmingCharacters(in: .whitespaces).lowercased()
            if let first = columnOf[folded] {
                throw .badData(
                    SourceLocation(file: name, line: 1, column: i + 1),
                    "column \(valuePrefix(column)) is column \(first + 1) (\(valuePrefix(header[first]))) again, in another letter case; keep one")
            }
            columnOf[folded] = i
        }
        let required = template.columns.filter(\.required).map(\.name)
        let present = Set(header.map { $0.trimmingCharacters(in: .whitespaces).lowercased() })
        let missing = required.filter { !present.contains($0) }
        guard missing.isEmpty else {
            throw .badData(
                SourceLocation(file: name, line: 1),
                "the header lacks the catalog column\(missing.count == 1 ? "" : "s") \(missing.joined(separator: ", ")); start from catalog_template.csv (`workforce survey university` writes it)")
        }
        let known = Set(template.columns.map(\.name))
        let unknown = header.filter { !known.contains($0.trimmingCharacters(in: .whitespaces).lowercased()) && !$0.hasPrefix("_") }
        let statements = try store.statementIndex(framework)
        let roles = try store.roleIDs(framework)
        let checker = CatalogRowChecker(
            template: template, file: name, header: header, statements: statements, roles: roles, frameworkName: framework.name)

        var summary = ImportSummary(
            batchID: nil, file: name, formID: "catalog", version: "", wave: nil, dialect: .template, encoding: sniffed.encoding,
            delimiter: sniffed.delimiter, unknownColumns: unknown, metaColumns: [], dryRun: dryRun)
        summary.container = sniffed.note
        if case .workbook = sniffed.container { summary.fromWorkbook = true }
        var accepted: [(row: CatalogRow, record: CSVRecord)] = []
        var rejected: [(record: CSVRecord, reasons: [ImportProblem])] = []
        var seen: [String: Int] = [:]  // institution key + code → line
        for record in records {
            summary.rowsRead += 1
            var reasons: [ImportProblem] = []
            if record.fields.count != header.count {
                reasons.append(
                    ImportProblem(
                        location: SourceLocation(file: name, line: record.line),
                        message: "row has \(plural(record.fields.count, "field")) but the header has \(header.count); check for a missing or extra separator"))
            } else if let row = checker.check(record, problems: &reasons, warnings: &summary.warnings) {
                let key = InstitutionName.matchKey(row.institution) + "\u{1F}" + row.code.lowercased()
                if let first = seen[key] {
                    reasons.append(
                        ImportProblem(
                            location: record.location(ofField: checker.columnIndex["code"] ?? 0, in: name).inColumn(named: "code"),
                            message: "code \(row.code) of \(row.institution) is given twice (first on line \(first)); codes are unique within an institution"))
                } else {
                    seen[key] = row.line
                    accepted.append((row, record))
                    continue
                }
            }
            rejected.append((record, reasons))
            summary.problems += reasons.prefix(max(0, 20 - summary.problems.count))
        }
        guard summary.rowsRead > 0 else {
            throw .badData(SourceLocation(file: name, line: 2), "the file has a header but no rows; nothing to import")
        }
        // Programme -> course, no deeper: a row whose programme is itself a course is quarantined.
        var programmeOf: [String: String] = [:]  // institution key + code → its programme
        func key(_ institution: String, _ code: String) -> String { InstitutionName.matchKey(institution) + "\u{1F}" + code.lowercased() }
        for (row, _) in accepted { programmeOf[key(row.institution, row.code)] = row.programme ?? "" }
        var kept: [CatalogRow] = []
        for (row, record) in accepted {
            if let programme = row.programme, let above = programmeOf[key(row.institution, programme)], !above.isEmpty {
                let reason = ImportProblem(
                    location: record.location(ofField: checker.columnIndex["programme"] ?? 0, in: name).inColumn(named: "programme"),
                    message: "programme \(programme) is itself a course of programme \(above); a course belongs to a programme, and a programme to none (a chain or a cycle would count completions twice)")
                rejected.append((record, [reason]))
                summary.problems += [reason].prefix(max(0, 20 - summary.problems.count))
            } else {
                kept.append(row)
            }
        }
        rejected.sort { $0.record.line < $1.record.line }
        summary.problems.sort { ($0.location.line ?? 0) < ($1.location.line ?? 0) }
        summary.imported = kept.count
        summary.quarantined = rejected.count
        do {
            try store.db.inTransaction(.immediate) { db in
                let batch = try insertBatch(db, framework, summary, header)
                summary.batchID = batch
                let writer = CSVWriter(neutralizeFormulas: false)
                for (record, reasons) in rejected {
                    try db.execute(
                        "INSERT INTO rejected_row (batch_id, line, raw, reasons) VALUES (?, ?, ?, ?)",
                        [batch, record.line, keptPrefix(writer.line(record.fields)), ImportProblem.json(reasons)])
                }
                summary.retired = try store.offeringsRetired(by: kept, db: db)
                if !summary.retired.isEmpty && !replace && !dryRun {
                    let shown = summary.retired.prefix(20).map { "\($0.institution) \($0.code)" }.joined(separator: ", ")
                    throw WorkforceError.usage(
                        "the file does not list \(plural(summary.retired.count, "current offering")) of the institutions it names, which the import would retire: \(shown)\(summary.retired.count > 20 ? ", ..." : ""); nothing was imported. To retire them, import again with --replace; to keep them, add their rows to the file")
                }
                summary.warnings += try store.saveOfferings(kept, batch: batch, db: db, file: name)
                return dryRun ? .rollback : .commit
            }
        } catch {
            throw WorkforceError(error, path: store.path)
        }
        if dryRun { summary.batchID = nil }
        summary.problems = summary.problems.map(sniffed.locate)
        summary.warnings = summary.warnings.map(sniffed.locate)
        return summary
    }

    /// A quarantined row as stored: its first ``ImportLimits/keptBytes`` bytes, cut on a
    /// character boundary, as for response rows.
    static func keptPrefix(_ raw: String) -> String {
        guard raw.utf8.count > ImportLimits.keptBytes else { return raw }
        var cut = String(decoding: raw.utf8.prefix(ImportLimits.keptBytes), as: UTF8.self)
        while cut.unicodeScalars.last == "\u{FFFD}" { cut.unicodeScalars.removeLast() }
        return cut
    }

    /// The most offerings one catalog file may hold.
    static let maxOfferings = 100_000

    /// The header and every record, decoded as the sniffer decided.
    /// In a worksheet, the numbers of the `dates` columns are Excel serial dates.
    private static func read(
        _ url: URL, _ name: String, _ sniffed: InputSniffer, dates: Set<String>
    ) throws(WorkforceError) -> ([String], [CSVRecord]) {
        func attempt(_ encoding: TextEncoding) throws -> ([String], [CSVRecord]) {
            let reader = try sniffed.reader(url, name: name, encoding: encoding) { header in
                Set(header.indices.filter { dates.contains(header[$0].trimmingCharacters(in: .whitespaces).lowercased()) })
            }
            let header = try CSVTable(reader: reader).header
            var records: [CSVRecord] = []
            while let record = try reader.readRecord() {
                // A catalog is read whole (offerings refer to programmes on any row): bounded.
                guard records.count < maxOfferings else {
                    throw WorkforceError.badData(
                        SourceLocation(file: name, line: record.line),
                        "more than \(maxOfferings) offerings; a national catalog has hundreds: is this the right file?")
                }
                records.append(record)
            }
            return (header, records)
        }
        do {
            do {
                return try attempt(sniffed.encoding)
            } catch let error as CSVError where error.kind == .invalidUTF8 && sniffed.guessed && sniffed.encoding == .utf8 {
                return try attempt(.windows1252)
            }
        } catch let error as CSVError {
            throw .badData(error.location, error.message)
        } catch let error as WorkforceError {
            throw error
        } catch {
            throw .io(path: name, reason: "\(error)")
        }
    }

    private static func insertBatch(_ db: Database, _ framework: FrameworkRef, _ s: ImportSummary, _ header: [String]) throws -> Int64 {
        try db.execute(
            """
            INSERT INTO import_batch (framework_id, kind, file, dialect, encoding, delimiter, header, unknown_columns,
                                      rows_read, imported, duplicates, quarantined, imported_at)
            VALUES (?, 'catalog', ?, 'template', ?, ?, ?, ?, ?, ?, 0, ?, ?)
            """,
            [
                framework.id, s.file, s.encoding.rawValue, String(UnicodeScalar(s.delimiter)), CSVWriter(neutralizeFormulas: false).line(header),
                JSONWriter(indent: nil).string(.array(s.unknownColumns.map { .string($0) })), s.rowsRead, s.imported, s.quarantined,
                Clock.timestamp(),
            ])
        return db.lastInsertedRowID
    }
}
