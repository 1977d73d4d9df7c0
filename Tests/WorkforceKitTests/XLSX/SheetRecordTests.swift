import Foundation
import Testing
@testable import Formats
@testable import WorkforceKit

/// A worksheet's rows taken as fields (``XLSXSheetSource/reader(name:)``, how the importer reads
/// a workbook) against the same rows written as CSV text and parsed (the sheet as a
/// ``ByteSource``): the same fields, sheet rows, cut records and locations, and the same errors
/// (``agree(_:_:)``), on the fixtures' workbooks, the hostile archives and hand-made sheets (byte-order marks,
/// quotes and line breaks in cells, a row past the byte limit, rows wider than the header).
@Suite struct SheetRecordTests {
    /// Every record of `url`'s first sheet, one line each, read one way or the other, then the
    /// error if one stops it.
    static func records(_ url: URL, asFields: Bool) -> [String] {
        var out: [String] = []
        do {
            let workbook = try XLSXWorkbook(archive: try ZipArchive(url: url, name: "book.xlsx"))
            let sheet = try XLSXSheetSource(workbook, file: "book.xlsx")
            let reader: CSVReader
            if asFields {
                reader = sheet.reader(name: "book.xlsx")
            } else {
                reader = CSVReader(source: sheet, name: "book.xlsx")
                reader.sheetRows = sheet.rows
            }
            reader.maxRecordBytes = ImportLimits.rowBytes
            reader.maxFields = ImportLimits.fields
            while try reader.nextRecord() {
                let fields = (0..<reader.fieldCount).map { reader.fieldBytes($0).count > 40 ? "\(reader.fieldBytes($0).count) bytes" : reader.field($0) }
                out.append(
                    "\(reader.recordLine) \(reader.recordLocation) \(reader.location(ofField: 1)) cut \(reader.recordTruncated) \(reader.truncatedField): \(fields)")
            }
        } catch {
            out.append("error: \(error)")
        }
        return out
    }

    /// The two readings agree: the same records, or the same error after the same records, save
    /// that CSV text is read ahead in chunks, so that an error there surfaces before the records
    /// just before it are read, where the fields path gives them first.
    static func agree(_ fields: [String], _ text: [String]) -> Bool {
        guard let error = fields.last, error.hasPrefix("error: ") else { return fields == text }
        guard text.last == error else { return false }
        return fields.dropLast().starts(with: text.dropLast())
    }

    static let handMade: [String] = [
        // A byte-order mark (twice) before the first header cell, and one in a later row.
        "<row r=\"1\"><c t=\"inlineStr\"><is><t>\u{FEFF}\u{FEFF}id</t></is></c><c t=\"inlineStr\"><is><t>b</t></is></c></row><row r=\"2\"><c t=\"inlineStr\"><is><t>\u{FEFF}x</t></is></c></row>",
        // A byte-order mark in a first cell that CSV quotes (it keeps the mark).
        "<row r=\"1\"><c t=\"inlineStr\"><is><t>\u{FEFF}a,b</t></is></c><c t=\"inlineStr\"><is><t>c</t></is></c></row>",
        // Quotes, separators and line breaks in cells; cells left out; a row wider than the header.
        "<row r=\"1\"><c t=\"inlineStr\"><is><t>a</t></is></c><c t=\"inlineStr\"><is><t>b</t></is></c></row><row r=\"4\"><c r=\"B4\" t=\"str\"><v>say \"hi\", &#10;then\r&#10;go</v></c></row><row r=\"5\"><c r=\"A5\"><v>1</v></c><c r=\"D5\"><v>4</v></c></row>",
        // A row past the byte limit, and a row after it.
        "<row r=\"1\"><c t=\"inlineStr\"><is><t>a</t></is></c><c t=\"inlineStr\"><is><t>b</t></is></c></row><row r=\"2\"><c t=\"inlineStr\"><is><t>\(String(repeating: "x", count: (1 << 20) + 5))</t></is></c><c><v>1</v></c><c><v>2</v></c></row><row r=\"3\"><c><v>2</v></c><c><v>3</v></c></row>",
        // A header alone, one cell.
        "<row r=\"1\"><c t=\"inlineStr\"><is><t>only</t></is></c></row>",
        // Errors: rows out of order, a missing shared string, a NUL.
        "<row r=\"1\"><c t=\"inlineStr\"><is><t>a</t></is></c></row><row r=\"3\"><c><v>1</v></c></row><row r=\"2\"><c><v>1</v></c></row>",
        "<row r=\"1\"><c t=\"inlineStr\"><is><t>a</t></is></c></row><row r=\"2\"><c t=\"s\"><v>9</v></c></row>",
        "<row r=\"1\"><c t=\"inlineStr\"><is><t>a</t></is></c></row><row r=\"2\"><c t=\"inlineStr\"><is><t>x&#0;y</t></is></c></row>",
        // The sheet ends inside a row.
        "<row r=\"1\"><c t=\"inlineStr\"><is><t>a</t></is></c></row><row r=\"2\"><c><v>1</v></c>",
    ]

    static func workbook(_ rows: String, in folder: TemporaryFolder, name: String) throws -> URL {
        var writer = ZipWriter()
        let rels = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        writer.add("[Content_Types].xml", Array("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>".utf8))
        writer.add(
            "xl/workbook.xml",
            Array("<workbook xmlns:r=\"\(rels)\"><sheets><sheet name=\"Answers\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>".utf8))
        writer.add(
            "xl/_rels/workbook.xml.rels",
            Array("<Relationships><Relationship Id=\"rId1\" Type=\"\(rels)/worksheet\" Target=\"/xl/worksheets/sheet1.xml\"/></Relationships>".utf8))
        let end = rows.hasSuffix("</c>") ? "" : "</sheetData></worksheet>"
        writer.add("xl/worksheets/sheet1.xml", Array("<worksheet><sheetData>\(rows)\(end)".utf8))
        return try folder.write(name, bytes: writer.finish())
    }

    @Test(arguments: handMade.indices)
    func handMadeSheetsGiveTheSameRecordsBothWays(_ index: Int) throws {
        let folder = try TemporaryFolder()
        let url = try Self.workbook(Self.handMade[index], in: folder, name: "hand\(index).xlsx")
        let fields = Self.records(url, asFields: true)
        #expect(!fields.isEmpty)
        #expect(Self.agree(fields, Self.records(url, asFields: false)), "\(fields)")
    }

    @Test func theBOMIsDroppedFromTheFirstCellAsCSVDropsIt() throws {
        let folder = try TemporaryFolder()
        let url = try Self.workbook(Self.handMade[0], in: folder, name: "bom.xlsx")
        let fields = Self.records(url, asFields: true)
        #expect(fields.first?.hasSuffix("[\"id\", \"b\"]") == true)
        #expect(fields.last?.hasSuffix("[\"\u{FEFF}x\", \"\"]") == true)
    }

    @Test func aFirstRowOfAByteOrderMarkAloneIsSkippedAndTheRowsKeepTheirNumbers() throws {
        // Read as CSV text, the blank line the mark leaves is skipped but its row number is not,
        // so the text path names every later row one too early; the fields path names them right.
        let folder = try TemporaryFolder()
        let url = try Self.workbook(
            "<row r=\"1\"><c t=\"inlineStr\"><is><t>\u{FEFF}</t></is></c></row><row r=\"2\"><c t=\"inlineStr\"><is><t>id</t></is></c></row><row r=\"3\"><c><v>7</v></c></row>",
            in: folder, name: "bom-row.xlsx")
        let fields = Self.records(url, asFields: true)
        #expect(fields.count == 2)
        #expect(fields.first?.hasPrefix("2 ") == true && fields.first?.hasSuffix("[\"id\"]") == true)
        #expect(fields.last?.hasPrefix("3 ") == true && fields.last?.hasSuffix("[\"7\"]") == true)
    }

    @Test(arguments: [
        "kobotoolbox-awareness.xlsx", "kobotoolbox-awareness.libreoffice.xlsx", "catalog-1904.xlsx", "hostile/bomb.xlsx",
        "hostile/declared-4gb.xlsx", "hostile/truncated.xlsx", "hostile/zip64.xlsx", "hostile/encrypted.xlsx",
    ])
    func fixtureWorkbooksGiveTheSameRecordsBothWays(_ file: String) {
        let url = XLSXImportTests.fixture(file)
        let fields = Self.records(url, asFields: true)
        #expect(!fields.isEmpty)
        #expect(Self.agree(fields, Self.records(url, asFields: false)), "\(fields)")
    }
}
