/// The awareness design stored with each wave (table `awareness_design`).
extension WorkforceStore {
    /// The design stored for `wave`, or `nil` when none is.
    package func storedAwarenessDesign(wave: String) throws(WorkforceError) -> AwarenessDesign? {
        try read { db in
            guard let row = try db.rows("SELECT strata, cluster, set_by, set_at FROM awareness_design WHERE wave = ?", [wave]).first else { return nil }
            let strata = try row.string("strata").split(separator: ",").compactMap { AwarenessBreakdown(rawValue: String($0)) }
            return AwarenessDesign(
                strata: strata, cluster: try row.optionalString("cluster"), source: .stored(by: try row.string("set_by"), at: try row.string("set_at")))
        }
    }

    /// The design an awareness figure of `wave` uses under `choice`: the given one, simple
    /// random sampling, or the stored one (the form's when none is stored).
    ///
    /// - Throws: ``WorkforceError/noInput(path:reason:)`` for a wave never imported.
    package func awarenessDesign(wave: String, _ choice: AwarenessDesignChoice) throws(WorkforceError) -> AwarenessDesign {
        switch choice {
        case .given(let strata, let cluster): return AwarenessDesign(strata: strata, cluster: cluster, source: .given)
        case .srs: return AwarenessDesign(strata: [], cluster: nil, source: .srsOption)
        case .stored:
            if let stored = try storedAwarenessDesign(wave: wave) { return stored }
            let reader = try ResponseReader(store: self, kind: .awareness, wave: wave)
            return AwarenessDesign.recorded { reader.index(of: $0) != nil }
        }
    }

    /// Records the form's design for `wave` unless one is stored already (`import awareness`).
    ///
    /// - Returns: the design recorded, or `nil` when one was stored already.
    @discardableResult
    package func recordAwarenessDesign(wave: String) throws(WorkforceError) -> AwarenessDesign? {
        guard try storedAwarenessDesign(wave: wave) == nil else { return nil }
        let reader = try ResponseReader(store: self, kind: .awareness, wave: wave)
        let design = AwarenessDesign.recorded { reader.index(of: $0) != nil }
        return try setAwarenessDesign(wave: wave, strata: design.strata, cluster: design.cluster, by: "import awareness")
    }

    /// Stores the design of `wave` (replacing the stored one), after checking that its form has
    /// the stratum questions (select_one) and the cluster question.
    ///
    /// - Throws: ``WorkforceError/noInput(path:reason:)`` for a wave never imported;
    ///   ``WorkforceError/usage(_:)`` for a question the form lacks.
    @discardableResult
    package func setAwarenessDesign(wave: String, strata: [AwarenessBreakdown], cluster: String?, by: String) throws(WorkforceError) -> AwarenessDesign {
        let reader = try ResponseReader(store: self, kind: .awareness, wave: wave)
        for b in strata {
            guard b != .group, let c = reader.index(of: b.question), reader.columns[c].type == .selectOne else {
                throw .usage("--strata \(b.rawValue): the form of wave \(wave) has no select_one question \(b.question) to stratify by")
            }
        }
        if let cluster {
            guard let c = reader.index(of: cluster), [.text, .selectOne, .integer].contains(reader.columns[c].type) else {
                throw .usage("--cluster \(cluster): the form of wave \(wave) has no text, select_one or integer question \(cluster)")
            }
        }
        let at = Clock.timestamp()
        try write { db in
            try db.execute(
                """
                INSERT INTO awareness_design (wave, strata, cluster, set_by, set_at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (wave) DO UPDATE SET strata = excluded.strata, cluster = excluded.cluster, set_by = excluded.set_by, set_at = excluded.set_at
                """,
                [wave, strata.map(\.rawValue).joined(separator: ","), cluster, by, at])
        }
        return AwarenessDesign(strata: strata, cluster: cluster, source: .stored(by: by, at: at))
    }

    /// Every stored design, a row per wave.
    package func awarenessDesigns() throws(WorkforceError) -> ResultTable {
        let rows = try read { db in try db.rows("SELECT wave, strata, cluster, set_by, set_at FROM awareness_design ORDER BY wave") }
        return ResultTable(
            columns: ["wave", "strata", "cluster", "set_by", "set_at"],
            rows: rows.map { row in (0..<5).map { row[$0].string.map(Cell.text) ?? .null } })
    }
}
