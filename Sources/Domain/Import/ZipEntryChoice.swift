/// Which CSV of a `.zip` to import: ODK Central's "Download all" holds the main CSV, named
/// after the form (`employer.csv`), one per repeat group (`employer-roles.csv`) and media.
enum ZipEntryChoice {
    /// The entry to read and why it was chosen.
    ///
    /// The one asked for (`--entry`, by path or file name); else the only CSV; else the one
    /// named after `formID`; else the one every other CSV's name extends with `-` (a repeat
    /// group's file).
    ///
    /// - Throws: ``WorkforceError/usage(_:)`` when `requested` is not in the archive or several
    ///   CSVs could be the main one; ``WorkforceError/badData(_:_:)`` when it holds no CSV.
    static func choose(_ archive: ZipArchive, requested: String?, formID: String?) throws(WorkforceError) -> (ZipArchive.Entry, String) {
        let candidates = archive.entries.filter { entry in
            let file = baseName(entry.name)
            return !entry.isDirectory && entry.name.lowercased().hasSuffix(".csv") && !entry.name.hasPrefix("__MACOSX/") && !file.hasPrefix("._")
        }
        let listed = candidates.prefix(10).map(\.name).joined(separator: ", ") + (candidates.count > 10 ? ", ..." : "")
        if let requested {
            let matches = archive.entries.filter { $0.name == requested }
            let byFile = matches.isEmpty ? candidates.filter { baseName($0.name) == requested || stem($0.name) == requested } : matches
            guard let entry = byFile.first else {
                throw .usage("\(archive.name) has no entry \(requested); its CSV files are \(candidates.isEmpty ? "none" : listed)")
            }
            guard byFile.count == 1 else {
                throw .usage("\(requested) names several entries of \(archive.name) (\(byFile.map(\.name).joined(separator: ", "))); give the whole path to --entry")
            }
            return (entry, "asked for with --entry")
        }
        guard let first = candidates.first else {
            let names = archive.entries.prefix(10).map(\.name).joined(separator: ", ")
            throw .badData(
                SourceLocation(file: archive.name),
                "the ZIP archive holds no CSV file (it has \(names.isEmpty ? "nothing" : names)); import an .xlsx or the CSV export itself")
        }
        if candidates.count == 1 { return (first, "the only CSV file in it") }
        let others = { (chosen: ZipArchive.Entry) in
            candidates.filter { $0.name != chosen.name }.prefix(5).map { baseName($0.name) }.joined(separator: ", ")
        }
        if let formID, case let named = candidates.filter({ stem($0.name).lowercased() == formID.lowercased() }), named.count == 1 {
            let entry = named[0]
            return (entry, "named after the form \(formID); not imported: \(others(entry))")
        }
        let mains = candidates.filter { main in
            candidates.allSatisfy { $0.name == main.name || stem($0.name).hasPrefix(stem(main.name) + "-") }
        }
        if mains.count == 1 {
            let entry = mains[0]
            return (entry, "the main CSV; the others are its repeat groups' (\(others(entry))), not imported")
        }
        throw .usage("\(archive.name) holds several CSV files (\(listed)) and none is named after the form\(formID.map { " \($0)" } ?? ""); choose one with --entry NAME")
    }

    static func baseName(_ path: String) -> String { path.split(separator: "/").last.map(String.init) ?? path }

    /// The file name without `.csv`.
    static func stem(_ path: String) -> String {
        let file = baseName(path)
        return file.lowercased().hasSuffix(".csv") ? String(file.dropLast(4)) : file
    }
}
