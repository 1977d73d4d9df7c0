import Foundation

/// Which stored frame version an employer wave's figures use.
package enum FrameVersionChoice: String, Sendable, Equatable, CaseIterable {
    /// The version pinned to the wave (at its first estimate, or by `frame use VERSION --wave W`).
    case pinned
    /// The latest stored version (`--frame-version latest`): the figures are revised, and say so.
    case latest
}

/// Employer waves keep their frame and their fieldwork (issue 28, point 6).
extension WorkforceStore {
    /// The key a wave is pinned under: its name, `baseline` for the baseline.
    static func waveKey(_ wave: String?) -> String { Wave.employerColumn(wave) ?? "baseline" }

    /// The stored frame employer wave `wave` is weighted to, and what a reader must know about it.
    ///
    /// The organisations come from the version pinned to the wave; a wave without a pin is pinned
    /// to the latest version now (its first estimate). With ``FrameVersionChoice/latest`` the
    /// latest version is used instead and a note says the figures are revised, naming both
    /// versions. `issued` and `out_of_scope` come from the latest frame file imported for the
    /// wave (`frame import FILE --wave W`; without `--wave`, the baseline's); a wave with none has
    /// no response rate, and a note says how to give one.
    ///
    /// - Returns: `nil` when no frame is stored.
    /// - Throws: ``WorkforceError/badData(_:_:)`` for a stored stratum the form does not have.
    package func waveFrame(
        wave: String?, version choice: FrameVersionChoice = .pinned, sectors: [String], sizeBands: [String]
    ) throws(WorkforceError) -> (frame: SamplingFrame, notes: [Phrase])? {
        guard let latest = try latest(.frame) else { return nil }
        let key = Self.waveKey(wave)
        var notes: [Phrase] = []
        var chosen = latest
        let pinned = try pinnedFrameVersion(wave: wave)
        if let pinned, let file = try frameFile(version: pinned) {
            if choice == .latest, pinned != latest.source.version {
                notes.append(
                    .phrase("publication.wave.revised", ["wave": .text(key), "pinned": .text("v\(pinned)"), "latest": .text("v\(latest.source.version ?? 0)")]))
            } else {
                chosen = file
            }
        } else if pinned == nil, choice == .pinned {
            // The first estimate pins the frame; a database that cannot be written keeps no pin
            // and the figures use the latest frame, as before.
            try? pin(wave: wave, version: latest.source.version ?? 1, by: "first estimate")
        }
        var frame = try storedFrame(id: chosen.id, source: chosen.source, sectors: sectors, sizeBands: sizeBands)
        // The wave's own fieldwork.
        let waveColumn = Wave.employerColumn(wave)
        let own = try read { db in
            try db.rows("SELECT id FROM weighting_file WHERE kind = 'frame' AND wave IS ? ORDER BY version DESC LIMIT 1", [waveColumn]).map { try $0.int64("id") }
        }.first
        if own != chosen.id {
            var counts: [SamplingFrame.Stratum: (Double?, Double?)] = [:]
            if let own {
                let rows = try read { db in
                    try db.rows("SELECT sector, size_band, issued, out_of_scope FROM frame_stratum WHERE file_id = ?", [own]).map { row in
                        (
                            stratum: SamplingFrame.Stratum(sector: try row.string("sector"), sizeBand: try row.string("size_band")),
                            issued: try row.optionalDouble("issued"), outOfScope: try row.optionalDouble("out_of_scope")
                        )
                    }
                }
                for row in rows { counts[row.stratum] = (row.issued, row.outOfScope) }
            }
            for stratum in frame.order {
                let c = counts[stratum]
                // Fieldwork counts above the chosen version's organisations are not used.
                let issued = c?.0.flatMap { $0 <= (frame.strata[stratum]?.organisations ?? 0) ? $0 : nil }
                frame.strata[stratum]?.issued = issued
                frame.strata[stratum]?.outOfScope = issued == nil ? nil : c?.1
            }
            frame.hasIssued = frame.strata.values.contains { $0.issued != nil }
            if own == nil { notes.append(.phrase("publication.wave.no_fieldwork", ["wave": .text(key)])) }
        }
        return (frame, notes)
    }

    /// The frame `choice` names for employer wave `wave`: a file, none, or the stored frame as
    /// ``waveFrame(wave:version:sectors:sizeBands:)`` gives it; with its notes.
    package func employerFrame(
        _ choice: WeightingChoice, wave: String?, version: FrameVersionChoice = .pinned, sectors: [String], sizeBands: [String]
    ) throws(WorkforceError) -> (frame: SamplingFrame, notes: [Phrase])? {
        guard choice == .stored else { return try samplingFrame(choice, sectors: sectors, sizeBands: sizeBands).map { ($0, []) } }
        return try waveFrame(wave: wave, version: version, sectors: sectors, sizeBands: sizeBands)
    }

    /// The frame version pinned to employer wave `wave`, if any.
    package func pinnedFrameVersion(wave: String?) throws(WorkforceError) -> Int? {
        try read { db in
            try db.rows("SELECT frame_version FROM employer_wave_frame WHERE wave = ?", [Self.waveKey(wave)]).map { try $0.int("frame_version") }
        }.first
    }

    /// `frame use VERSION --wave W`: pins stored frame `version` to employer wave `wave`.
    ///
    /// - Throws: ``WorkforceError/usage(_:)`` when no frame of that version is stored.
    package func useFrame(version: Int, wave: String?) throws(WorkforceError) {
        guard try frameFile(version: version) != nil else {
            throw .usage("no sampling frame v\(version) is stored; `workforce frames` lists the stored versions")
        }
        try pin(wave: wave, version: version, by: "frame use")
    }

    private func pin(wave: String?, version: Int, by: String) throws(WorkforceError) {
        try write { db in
            try db.execute(
                "INSERT OR REPLACE INTO employer_wave_frame (wave, frame_version, pinned_at, pinned_by) VALUES (?, ?, ?, ?)",
                [Self.waveKey(wave), version, Clock.timestamp(), by])
        }
    }

    /// The stored frame file of `version`.
    func frameFile(version: Int) throws(WorkforceError) -> (id: Int64, source: WeightingSource)? {
        try read { db in
            let rows = try db.rows("SELECT id, file, version, sha256, imported_at FROM weighting_file WHERE kind = 'frame' AND version = ?", [version])
            guard let row = rows.first else { return nil }
            return (
                try row.int64("id"),
                WeightingSource(
                    kind: .frame, file: try row.string("file"), version: try row.optionalInt("version"), sha256: try row.optionalString("sha256"),
                    importedAt: try row.optionalString("imported_at"))
            )
        }
    }
}
