import Foundation

/// The bounds of reading an `.xlsx`, part by part, whatever its ZIP container declares.
package enum XLSXLimits {
    /// A worksheet is streamed, never held: up to 2 GiB uncompressed (a declared 4 GB is refused).
    package static let sheetBytes = 1 << 31
    /// The shared strings are held in memory.
    package static let sharedStringsBytes = 128 << 20
    package static let sharedStrings = 2_000_000
    /// The workbook, its relationships and its styles.
    package static let partBytes = 16 << 20
    /// Columns A to XFD, as in Excel.
    package static let columns = 16_384
}

/// What reading the first worksheet of an `.xlsx` needs from the rest of the workbook: where
/// that sheet is and what it is called, the shared strings, which cell styles are dates, and
/// whether dates count from 1904.
package struct XLSXWorkbook {
    package let archive: ZipArchive
    /// The sheet's name, as its tab shows it.
    package let sheetName: String
    package let sheetEntry: ZipArchive.Entry
    package let date1904: Bool
    let sharedStrings: SharedStrings
    let styles: XLSXStyles

    static let officeDocument = "/officeDocument"

    /// Whether `archive` is a spreadsheet (it has a workbook part), as opposed to a ZIP of CSV files.
    package static func isWorkbook(_ archive: ZipArchive) -> Bool {
        archive.entry("xl/workbook.xml") != nil || (archive.entry("[Content_Types].xml") != nil && archive.entries.contains { $0.name.hasSuffix("workbook.xml") })
    }

    /// Reads the workbook, its relationships, shared strings and styles.
    ///
    /// - Throws: ``WorkforceError/badData(_:_:)`` for a workbook without a worksheet, a part that is
    ///   missing, malformed or past ``XLSXLimits``.
    package init(archive: ZipArchive) throws(WorkforceError) {
        self.archive = archive
        let name = archive.name
        // The main part, from the package relationships (xl/workbook.xml for every writer seen).
        var workbookPath = "xl/workbook.xml"
        if let rels = archive.entry("_rels/.rels") {
            let links = try Self.relationships(archive, rels, base: "")
            if let main = links.first(where: { $0.type.hasSuffix(Self.officeDocument) }) { workbookPath = main.target }
        }
        guard let workbookEntry = archive.entry(workbookPath) else {
            throw .badData(SourceLocation(file: name), "the file is a ZIP archive without a workbook part (\(workbookPath)); it is not an .xlsx: save it from the spreadsheet as .xlsx or CSV")
        }
        let scanner = XMLScanner(try archive.open(workbookEntry, limit: XLSXLimits.partBytes), name: "\(name)/\(workbookPath)")
        var sheets: [(name: String, id: String)] = []
        var date1904 = false
        while let event = try scanner.next() {
            guard case .start(let tag, let attributes, _) = event else { continue }
            if tag == "workbookPr", let flag = attributes["date1904"] { date1904 = flag == "1" || flag == "true" }
            if tag == "sheet", let sheet = attributes["name"], let id = attributes["id"] { sheets.append((sheet, id)) }
        }
        self.date1904 = date1904

        let folder = workbookPath.contains("/") ? String(workbookPath[..<(workbookPath.lastIndex(of: "/") ?? workbookPath.endIndex)]) : ""
        let relsPath = (folder.isEmpty ? "" : folder + "/") + "_rels/" + (workbookPath.split(separator: "/").last.map(String.init) ?? "") + ".rels"
        guard let relsEntry = archive.entry(relsPath) else {
            throw .badData(SourceLocation(file: name), "the workbook has no relationships part (\(relsPath)); save the file again from the spreadsheet")
        }
        let links = try Self.relationships(archive, relsEntry, base: folder)
        // The first sheet that is a worksheet (a chart sheet holds no cells).
        let worksheets = sheets.compactMap { sheet in
            links.first { $0.id == sheet.id && $0.type.hasSuffix("/worksheet") }.map { (sheet.name, $0.target) }
        }
        guard let (sheetName, target) = worksheets.first else { throw .badData(SourceLocation(file: name), "the workbook has no worksheet") }
        guard let sheetEntry = archive.entry(target) else {
            throw .badData(SourceLocation(file: name), "the first worksheet, \(sheetName), has no part in the archive; save the file again from the spreadsheet")
        }
        self.sheetName = sheetName
        self.sheetEntry = sheetEntry
        if let link = links.first(where: { $0.type.hasSuffix("/sharedStrings") }), let entry = archive.entry(link.target) {
            sharedStrings = try SharedStrings.read(archive, entry)
        } else {
            sharedStrings = SharedStrings()
        }
        if let link = links.first(where: { $0.type.hasSuffix("/styles") }), let entry = archive.entry(link.target) {
            styles = try XLSXStyles(XMLScanner(try archive.open(entry, limit: XLSXLimits.partBytes), name: "\(name)/\(entry.name)"))
        } else {
            styles = XLSXStyles()
        }
    }


    // MARK: Parts

    struct Relationship {
        var id: String
        var type: String
        /// The archive path of the part it points to.
        var target: String
    }

    static func relationships(_ archive: ZipArchive, _ entry: ZipArchive.Entry, base: String) throws(WorkforceError) -> [Relationship] {
        let scanner = XMLScanner(try archive.open(entry, limit: XLSXLimits.partBytes), name: "\(archive.name)/\(entry.name)")
        var links: [Relationship] = []
        while let event = try scanner.next() {
            guard case .start("Relationship", let a, _) = event, let id = a["Id"], let target = a["Target"] else { continue }
            if a["TargetMode"] == "External" { continue }
            links.append(Relationship(id: id, type: a["Type"] ?? "", target: resolve(target, base: base)))
        }
        return links
    }

    /// A relationship target as an archive path: absolute (`/xl/...`) or relative to `base`.
    static func resolve(_ target: String, base: String) -> String {
        var parts: [Substring] = target.hasPrefix("/") ? [] : base.split(separator: "/")
        for piece in target.split(separator: "/") {
            if piece == ".." {
                if !parts.isEmpty { parts.removeLast() }
            } else if piece != "." {
                parts.append(piece)
            }
        }
        return parts.joined(separator: "/")
    }
}
