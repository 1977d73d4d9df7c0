import Foundation

/// The organisations issued per stratum, stored per employer wave (table `frame_unit`), and the
/// import queries of responses that disagree with them.
extension WorkforceStore {
    /// The rules of the queries raised against the units list.
    package static let unitRules = ["unit_unknown", "unit_stratum"]

    /// `frame import --units FILE [--wave W]`: checks the list and stores it as wave `wave`'s
    /// (replacing that wave's earlier list), then queries the wave's stored responses against it.
    ///
    /// - Returns: the list and how many responses were queried.
    /// - Throws: the list's located errors (``FrameUnits``); nothing is stored then.
    package func importUnits(_ url: URL, bank: ItemBank, wave: String?) throws(WorkforceError) -> (units: FrameUnits, queried: Int) {
        let units = try FrameUnits(url: url, sectors: bank.choiceNames("sectors"), sizeBands: bank.choiceNames("size_bands"))
        guard !units.units.isEmpty else { throw .badData(SourceLocation(file: url.path, line: 2), "the units list has no organisations") }
        let key = Self.waveKey(wave), now = Clock.timestamp(), name = url.lastPathComponent
        try write { db in
            try db.execute("DELETE FROM frame_unit WHERE wave = ?", [key])
            for u in units.units {
                try db.execute(
                    "INSERT INTO frame_unit (wave, org_code, sector, size_band, file, line, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    [key, u.code, u.stratum.sector, u.stratum.sizeBand, name, u.line, now])
            }
        }
        return (units, try queryUnits(wave: wave))
    }

    /// The codes issued to wave `wave`, with their strata (empty when no list is stored).
    package func storedUnits(wave: String?) throws(WorkforceError) -> [String: SamplingFrame.Stratum] {
        try read { db in
            var units: [String: SamplingFrame.Stratum] = [:]
            try db.forEachRow("SELECT org_code, sector, size_band FROM frame_unit WHERE wave = ?", [Self.waveKey(wave)]) { row in
                units[try row.string("org_code")] = SamplingFrame.Stratum(sector: try row.string("sector"), sizeBand: try row.string("size_band"))
            }
            return units
        }
    }

    /// Raises again the queries of wave `wave`'s stored employer responses against its units
    /// list: an `org_code` not on the list (`unit_unknown`), or a sector or size band other than
    /// the list's (`unit_stratum`). The responses are kept; `imports --queries BATCH` lists the
    /// queries. Without a stored list nothing is queried.
    ///
    /// - Returns: how many responses were queried.
    @discardableResult
    package func queryUnits(wave: String?) throws(WorkforceError) -> Int {
        let units = try storedUnits(wave: wave)
        guard !units.isEmpty else { return 0 }
        let reader: ResponseReader
        do {
            reader = try ResponseReader(store: self, kind: .employer, wave: wave, respondentsOnly: true)
        } catch WorkforceError.noInput {
            return 0
        }
        guard let c = reader.index(of: "org_code") else { return 0 }
        let s = reader.index(of: "sector"), b = reader.index(of: "size_band")
        var queries: [(response: Int64, batch: Int64, rule: String, message: String)] = []
        var batches: Set<Int64> = []
        do {
            try reader.forEach { record in
                batches.insert(record.batchID)
                guard case .text(let code) = record.values[c], !code.isEmpty else { return }
                let sector = s.flatMap { record.values[$0].chosen.first } ?? "", band = b.flatMap { record.values[$0].chosen.first } ?? ""
                guard let issued = units[code] else {
                    queries.append(
                        (record.responseID, record.batchID, "unit_unknown", "org_code \(code) is not on the units list of employer wave \(Self.waveKey(wave)); check the code against the invitation letters"))
                    return
                }
                if issued.sector != sector || issued.sizeBand != band {
                    queries.append(
                        (
                            record.responseID, record.batchID, "unit_stratum",
                            "org_code \(code) was issued in stratum \(issued.sector) x \(issued.sizeBand), but the response says \(sector) x \(band); check which is right"
                        ))
                }
            }
        } catch let error as WorkforceError {
            throw error
        } catch {
            throw .other("\(error)")
        }
        let rules = Self.unitRules.map { "'\($0)'" }.joined(separator: ", ")
        try write { db in
            for batch in batches { try db.execute("DELETE FROM import_query WHERE batch_id = ? AND rule IN (\(rules))", [batch]) }
            for q in queries {
                try db.execute(
                    "INSERT INTO import_query (batch_id, line, field, header, rule, message) SELECT batch_id, line, NULL, 'org_code', ?, ? FROM response WHERE id = ?",
                    [q.rule, q.message, q.response])
            }
        }
        return queries.count
    }
}
