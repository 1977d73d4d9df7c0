import Foundation

/// The population margins stored for raking, next to the sampling frames (``WeightingSource``).
extension WorkforceStore {
    /// Reads, checks and stores population margins as the next version of the stored margins.
    ///
    /// - Throws: ``WorkforceError/badData(_:_:)`` as ``PopulationMargins/init(url:)``; nothing is stored then.
    package func importMargins(_ url: URL) throws(WorkforceError) -> PopulationMargins {
        let bytes = try FileInput.readBytes(url, name: url.path, limit: FileInput.smallTableLimit)
        let margins = try PopulationMargins(url: url)
        let source = try write { db in
            let rows = margins.variables.reduce(0) { $0 + $1.margins.count }
            let source = try Self.insertFile(db, .margins, url, bytes, rows: rows, total: Int(margins.total))
            let id = db.lastInsertedRowID
            for (breakdown, list) in margins.variables {
                for m in list {
                    try db.execute(
                        "INSERT INTO population_margin (file_id, line, variable, category, population) VALUES (?, ?, ?, ?, ?)",
                        [id, m.location.line ?? 0, breakdown.rawValue, m.category, Int(m.population)])
                }
            }
            return source
        }
        return PopulationMargins(variables: margins.variables, source: source)
    }

    /// The population margins `choice` names: a file, the latest stored version, or none.
    ///
    /// - Returns: `nil` for ``WeightingChoice/none`` or when no margins are stored.
    package func populationMargins(_ choice: WeightingChoice) throws(WorkforceError) -> PopulationMargins? {
        switch choice {
        case .none: return nil
        case .file(let url): return try PopulationMargins(url: url)
        case .stored:
            guard let (id, source) = try latest(.margins) else { return nil }
            let rows = try read { db in
                try db.rows("SELECT line, variable, category, population FROM population_margin WHERE file_id = ? ORDER BY line", [id]).map { row in
                    (line: try row.int("line"), variable: try row.string("variable"), category: try row.string("category"), population: try row.value("population"))
                }
            }
            var variables: [(breakdown: AwarenessBreakdown, margins: [PopulationMargins.Margin])] = []
            for row in rows {
                // What `margins import` checked must still hold: a stored margin that fails the
                // checks would rake to nonsense ("converged in 0 iterations; weights 1 to 1").
                let population = row.population.double ?? .nan
                guard let breakdown = AwarenessBreakdown(rawValue: row.variable), population.isFinite, population >= 1,
                    population == population.rounded()
                else {
                    throw .badData(
                        SourceLocation(file: path),
                        "table population_margin, line \(row.line) of \(source.locationName): variable \(valuePrefix(row.variable)), population \(row.population.string ?? "null") fails the checks of `margins import` (a known variable, a whole number from 1); the database was damaged or edited by hand: import the margins again (`workforce margins import FILE`) or restore a copy")
                }
                let margin = PopulationMargins.Margin(
                    category: row.category, population: population, location: SourceLocation(file: source.locationName, line: row.line))
                if let i = variables.firstIndex(where: { $0.breakdown == breakdown }) {
                    variables[i].margins.append(margin)
                } else {
                    variables.append((breakdown, [margin]))
                }
            }
            return PopulationMargins(variables: variables, source: source)
        }
    }
}
