import Foundation

extension WorkforceStore {
    /// Reads, checks and stores a sampling frame as the next version of the stored frame.
    ///
    /// The checks are those of `--frame FILE` (``SamplingFrame/init(url:sectors:sizeBands:)``,
    /// with the employer form's sectors and size bands of `bank`); nothing is stored when one fails.
    ///
    /// - Parameters:
    ///   - url: the frame file.
    ///   - bank: the item bank whose `sectors` and `size_bands` the frame's strata must use.
    ///   - wave: the employer wave whose fieldwork (`issued`, `out_of_scope`) the file gives
    ///     (`nil`: the baseline).
    /// - Returns: the stored version and the frame.
    /// - Throws: ``WorkforceError/badData(_:_:)`` at the file, line and column of the first problem.
    package func importFrame(_ url: URL, bank: ItemBank, wave: String? = nil) throws(WorkforceError) -> SamplingFrame {
        let bytes = try FileInput.readBytes(url, name: url.path, limit: FileInput.smallTableLimit)
        let frame = try SamplingFrame(url: url, sectors: bank.choiceNames("sectors"), sizeBands: bank.choiceNames("size_bands"))
        guard !frame.order.isEmpty else { throw .badData(SourceLocation(file: url.path, line: 2), "the frame has no strata") }
        try checkFitsStoredEmployers(frame, url, wave: wave)
        let source = try write { db in
            let source = try Self.insertFile(db, .frame, url, bytes, rows: frame.order.count, total: Int(frame.totalOrganisations))
            let id = db.lastInsertedRowID
            if let wave = Wave.employerColumn(wave) { try db.execute("UPDATE weighting_file SET wave = ? WHERE id = ?", [wave, id]) }
            for stratum in frame.order {
                let c = frame.strata[stratum] ?? SamplingFrame.Counts(organisations: 0)
                try db.execute(
                    "INSERT INTO frame_stratum (file_id, line, sector, size_band, organisations, issued, out_of_scope) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    [id, frame.lines[stratum] ?? 0, stratum.sector, stratum.sizeBand, Int(c.organisations), c.issued.map { Int($0) }, c.outOfScope.map { Int($0) }])
            }
            return source
        }
        var stored = frame
        stored.source = source
        stored.file = source.locationName
        return stored
    }

    /// Refuses a frame that the stored employer responses cannot be weighted to (a respondent's
    /// stratum missing, fewer organisations or eligible issued organisations than respondents),
    /// as every employer command would, so that the current frame stays in use.
    private func checkFitsStoredEmployers(_ frame: SamplingFrame, _ url: URL, wave: String?) throws(WorkforceError) {
        let employers: [EmployerResponse]
        do {
            employers = try EmployerResponse.all(from: ResponseReader(store: self, kind: .employer, wave: wave, respondentsOnly: true))
        } catch WorkforceError.noInput {
            return  // no employer import yet: nothing to weight
        } catch {
            throw WorkforceError(error, path: path)
        }
        guard !employers.isEmpty else { return }
        do {
            _ = try EmployerWeighting(employers: employers, frame: frame)
        } catch {
            guard case .badData(_, let message) = error else { throw error }
            throw .badData(
                nil,
                "\(message). The stored employer responses cannot be weighted to this frame, so it was not stored; the current frame stays in use")
        }
    }

    static func insertFile(_ db: Database, _ kind: WeightingSource.Kind, _ url: URL, _ bytes: [UInt8], rows: Int, total: Int) throws -> WeightingSource {
        let version = (try db.scalar("SELECT max(version) FROM weighting_file WHERE kind = ?", [kind.rawValue]).int ?? 0) + 1
        let source = WeightingSource(kind: kind, file: url.lastPathComponent, version: version, sha256: SHA256.hex(bytes), importedAt: Clock.timestamp())
        try db.execute(
            "INSERT INTO weighting_file (kind, version, file, sha256, rows, total, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [kind.rawValue, version, source.file, source.sha256 ?? "", rows, total, source.importedAt ?? ""])
        return source
    }

    /// The current stored version of `kind` when it has the same bytes (SHA-256) as the file
    /// at `url`: importing that file again would store nothing new.
    ///
    /// - Throws: ``WorkforceError/noInput(path:reason:)`` when the file cannot be read.
    package func storedWeighting(_ kind: WeightingSource.Kind, sameAs url: URL) throws(WorkforceError) -> WeightingSource? {
        let bytes = try FileInput.readBytes(url, name: url.path, limit: FileInput.smallTableLimit)
        guard let current = try latest(kind)?.source, current.sha256 == SHA256.hex(bytes) else { return nil }
        return current
    }

    /// The latest stored version of `kind`, or `nil` when none is stored.
    package func storedWeighting(_ kind: WeightingSource.Kind) throws(WorkforceError) -> WeightingSource? {
        try latest(kind)?.source
    }

    /// The latest stored version of `kind` and its row id, or `nil` when none is stored.
    func latest(_ kind: WeightingSource.Kind) throws(WorkforceError) -> (id: Int64, source: WeightingSource)? {
        try read { db in
            let rows = try db.rows(
                "SELECT id, file, version, sha256, imported_at FROM weighting_file WHERE kind = ? ORDER BY version DESC LIMIT 1", [kind.rawValue])
            guard let row = rows.first else { return nil }
            return (
                try row.int64("id"),
                WeightingSource(
                    kind: kind, file: try row.string("file"), version: try row.int("version"), sha256: try row.string("sha256"),
                    importedAt: try row.string("imported_at"))
            )
        }
    }

    /// The sampling frame `choice` names: a file, the latest stored version, or none.
    ///
    /// A stored frame's strata are checked again against `sectors` and `sizeBands` (the employer
    /// form's lists), with errors at the stored file's line.
    ///
    /// - Returns: `nil` for ``WeightingChoice/none`` or when no frame is stored.
    /// - Throws: the frame file's errors; ``WorkforceError/badData(_:_:)`` for a stored stratum
    ///   the form does not have.
    package func samplingFrame(_ choice: WeightingChoice, sectors: [String], sizeBands: [String]) throws(WorkforceError) -> SamplingFrame? {
        switch choice {
        case .none: return nil
        case .file(let url): return try SamplingFrame(url: url, sectors: sectors, sizeBands: sizeBands)
        case .stored:
            guard let (id, source) = try latest(.frame) else { return nil }
            return try storedFrame(id: id, source: source, sectors: sectors, sizeBands: sizeBands)
        }
    }

    /// The stored frame file `id`, checked again against the form's lists.
    func storedFrame(id: Int64, source: WeightingSource, sectors: [String], sizeBands: [String]) throws(WorkforceError) -> SamplingFrame {
        let rows = try read { db in
            try db.rows(
                "SELECT line, sector, size_band, organisations, issued, out_of_scope FROM frame_stratum WHERE file_id = ? ORDER BY line", [id]
            ).map { row in
                (
                    line: try row.int("line"), stratum: SamplingFrame.Stratum(sector: try row.string("sector"), sizeBand: try row.string("size_band")),
                    counts: SamplingFrame.Counts(
                        organisations: try row.double("organisations"), issued: try row.optionalDouble("issued"),
                        outOfScope: try row.optionalDouble("out_of_scope"))
                )
            }
        }
        var lines: [SamplingFrame.Stratum: Int] = [:]
        let strata = rows.map { row in
            lines[row.stratum] = row.line
            return (row.stratum, row.counts)
        }
        for (stratum, counts) in strata {
            let values = [counts.organisations] + [counts.issued, counts.outOfScope].compactMap { $0 }
            guard values.allSatisfy({ $0.isFinite && $0 >= 0 && $0 == $0.rounded() && $0 <= 1_000_000_000 }) else {
                throw .badData(
                    SourceLocation(file: path),
                    "table frame_stratum, line \(lines[stratum] ?? 0) of \(source.locationName): stratum \(valuePrefix(stratum.sector)) x \(valuePrefix(stratum.sizeBand)) has counts `frame import` never stores; the database was damaged or edited by hand: import the frame again (`workforce frame import FILE`) or restore a copy")
            }
        }
        var frame = SamplingFrame(strata: strata, file: source.locationName, source: source)
        frame.lines = lines
        try frame.check(sectors: sectors, sizeBands: sizeBands)
        return frame
    }

    /// Every stored frame and margins version, the current one of each kind marked.
    package func weightingFiles() throws(WorkforceError) -> ResultTable {
        try table(
            """
            SELECT kind, version, file, rows, total, imported_at, sha256,
                   version = (SELECT max(version) FROM weighting_file w WHERE w.kind = f.kind) AS current
            FROM weighting_file f ORDER BY kind, version
            """, [], booleans: ["current"])
    }
}
