import Foundation
import WorkforceKit

/// Writes rows as an `.xlsx` laid out the way Excel and KoboToolbox's Excel export write one:
/// text in the shared strings (each distinct text once), whole numbers as number cells, empty
/// cells left out of their row, and every part deflated (dynamic Huffman blocks of 256 KiB).
/// The worksheet is compressed as it is written, so only its compressed bytes are held.
struct AwarenessWorkbookWriter {
    private var deflater = Deflater()
    private var compressed: [UInt8] = []
    private var crc: UInt32 = 0xFFFF_FFFF
    private var size = 0
    private var pending: [UInt8] = []
    private var shared: [String: Int] = [:]
    private var sharedOrder: [String] = []
    private var row = 0

    static let mainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"

    init() {
        append("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<worksheet xmlns=\"\(Self.mainNamespace)\"><sheetData>")
    }

    /// Adds one row of cells.
    mutating func add(_ cells: [String]) {
        row += 1
        var xml = "<row r=\"\(row)\">"
        for (c, value) in cells.enumerated() where !value.isEmpty {
            let reference = "\(XLSXWriter.columnName(c))\(row)"
            if row > 1, value.utf8.count < 15, value.utf8.allSatisfy({ (48...57).contains($0) }), value.first != "0" || value == "0" {
                xml += "<c r=\"\(reference)\"><v>\(value)</v></c>"
            } else {
                let index: Int
                if let known = shared[value] {
                    index = known
                } else {
                    index = sharedOrder.count
                    shared[value] = index
                    sharedOrder.append(value)
                }
                xml += "<c r=\"\(reference)\" t=\"s\"><v>\(index)</v></c>"
            }
        }
        append(xml + "</row>")
    }

    private mutating func append(_ text: String) {
        pending += Array(text.utf8)
        if pending.count >= 1 << 18 { flush(final: false) }
    }

    private mutating func flush(final: Bool) {
        crc = pending.withUnsafeBufferPointer { CRC32.update(crc, $0) }
        size += pending.count
        deflater.compress(pending, final: final)
        compressed += deflater.takeOutput()
        pending.removeAll(keepingCapacity: true)
    }

    /// Finishes the workbook and writes it to `url`; returns its size in bytes.
    mutating func finish(to url: URL) throws -> Int {
        append("</sheetData></worksheet>")
        flush(final: true)
        let head = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        let package = "http://schemas.openxmlformats.org/package/2006/relationships"
        let content = "application/vnd.openxmlformats-officedocument.spreadsheetml"
        var strings = "<sst xmlns=\"\(Self.mainNamespace)\" count=\"\(sharedOrder.count)\" uniqueCount=\"\(sharedOrder.count)\">"
        for s in sharedOrder { strings += "<si><t>\(Markup.escape(s))</t></si>" }
        strings += "</sst>"
        let parts: [(String, String)] = [
            (
                "[Content_Types].xml",
                "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                    + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                    + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                    + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"\(content).sheet.main+xml\"/>"
                    + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"\(content).worksheet+xml\"/>"
                    + "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"\(content).sharedStrings+xml\"/></Types>"
            ),
            ("_rels/.rels", "<Relationships xmlns=\"\(package)\"><Relationship Id=\"rId1\" Type=\"\(rel)/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"),
            (
                "xl/workbook.xml",
                "<workbook xmlns=\"\(Self.mainNamespace)\" xmlns:r=\"\(rel)\"><sheets><sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"
            ),
            (
                "xl/_rels/workbook.xml.rels",
                "<Relationships xmlns=\"\(package)\"><Relationship Id=\"rId1\" Type=\"\(rel)/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
                    + "<Relationship Id=\"rId2\" Type=\"\(rel)/sharedStrings\" Target=\"sharedStrings.xml\"/></Relationships>"
            ),
            ("xl/sharedStrings.xml", strings),
        ]
        var zip = ZipWriter()
        for (name, body) in parts {
            let bytes = Array((head + body).utf8)
            zip.add(name, deflated: Deflater.deflate(bytes), crc: CRC32.checksum(bytes), size: bytes.count)
        }
        zip.add("xl/worksheets/sheet1.xml", deflated: compressed, crc: crc ^ 0xFFFF_FFFF, size: size)
        let archive = zip.finish()
        try Data(archive).write(to: url)
        return archive.count
    }
}
