import Foundation

/// The labelled files of `workforce responses KIND --format sav|dta|r`.
package enum MicrodataFormat: String, Sendable, CaseIterable {
    /// An SPSS system file.
    case sav
    /// A Stata 118 dataset.
    case dta
    /// An R script and the CSV it reads.
    case r
}

/// Writes a ``MicrodataSet`` in one of the ``MicrodataFormat``s.
package struct MicrodataExport: Sendable {
    package var format: MicrodataFormat
    /// SPSS: bytecode compression (the default) or none.
    package var compressed: Bool
    package var created: Date

    /// The tool's national shortfall, for the employer R script to compute again beside it.
    package var headline: FlowHeadline?

    package init(format: MicrodataFormat, compressed: Bool = true, created: Date = Clock.now()) {
        self.format = format
        self.compressed = compressed
        self.created = created
    }

    /// The file's bytes (`.sav`, `.dta`; for `.r`, the script reading `csvName`).
    ///
    /// - Throws: ``WorkforceError/badData(_:_:)`` for more variables than Stata 118 holds.
    package func bytes(_ set: MicrodataSet, csvName: String = "data.csv") throws(WorkforceError) -> [UInt8] {
        if format == .dta, set.variables.count > 32_767 {
            throw .badData(
                nil, "Stata 118 holds at most 32,767 variables and these responses have \(set.variables.count); write --format sav or r instead")
        }
        return switch format {
        case .sav: SPSSWriter(compressed: compressed, created: created).write(set)
        case .dta: StataWriter(created: created).write(set)
        case .r: Array(RScriptWriter().script(set, csv: csvName, headline: headline).utf8)
        }
    }

    /// Writes the file at `url`; for `.r`, the script at `url` and the CSV beside it (same
    /// name, extension `.csv`). Each file is written whole or not at all, and a failed export
    /// leaves nothing it wrote: both paths are checked before either is written, and the CSV is
    /// removed again when the script cannot be written.
    ///
    /// - Returns: the files written.
    /// - Throws: ``WorkforceError/cannotCreate(path:reason:)`` (73) when a file cannot be written.
    @discardableResult
    package func write(_ set: MicrodataSet, to url: URL) throws(WorkforceError) -> [URL] {
        switch format {
        case .sav, .dta:
            try Self.save(try bytes(set), url)
            return [url]
        case .r:
            let script = try OutputPath.file(url)
            let csv = try OutputPath.file(script.deletingPathExtension().appendingPathExtension("csv"))
            guard csv.path != script.path else {
                throw .usage("--out \(url.lastPathComponent): name the R script FILE.R; its CSV is written beside it as FILE.csv")
            }
            let scriptBytes = try bytes(set, csvName: csv.lastPathComponent)
            try Self.save(Array(RScriptWriter().csv(set).utf8), csv)
            do {
                try Self.save(scriptBytes, script)
            } catch {
                try? FileManager.default.removeItem(at: csv)
                throw error
            }
            return [url, csv]
        }
    }

    package static func save(_ bytes: [UInt8], _ url: URL) throws(WorkforceError) {
        try OutputFolder.writeFile(bytes, to: url)
    }
}
