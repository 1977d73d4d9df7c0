import Foundation
import Testing
@testable import WorkforceKit

/// ODK Central's "Download all" `.zip` and hand-made workbooks (stored, uncompressed parts, as
/// the tool's own ZipWriter writes them) through the response importer.
@Suite struct ZipInputTests {
    static let odkCSV: [UInt8] = {
        let url = responseFixture("odk-central.csv")
        return (try? FileInput.readBytes(url, name: "odk-central.csv")) ?? []
    }()

    private func zip(_ entries: [(String, [UInt8])], in folder: TemporaryFolder, as name: String = "download.zip") throws -> URL {
        var writer = ZipWriter()
        for (path, bytes) in entries { writer.add(path, bytes) }
        return try folder.write(name, bytes: writer.finish())
    }

    private func importZip(_ url: URL, entry: String? = nil) throws -> (ImportSummary, WorkforceStore, TemporaryFolder) {
        let (folder, store) = try storeWithInstruments([(.awareness, "baseline")])
        let summary = try ResponseImporter.run(
            store: store, url: url, name: url.lastPathComponent, options: ImportOptions(kind: .awareness, entry: entry))
        return (summary, store, folder)
    }

    @Test func theMainCSVNamedAfterTheFormIsImportedAndItsRepeatsAreNot() throws {
        let folder = try TemporaryFolder()
        let url = try zip(
            [
                ("awareness_baseline-incident_details.csv", Array("PARENT_KEY,KEY,detail\nuuid:1,uuid:1/x[1],x\n".utf8)),
                ("awareness_baseline.csv", Self.odkCSV), ("media/photo.jpg", [0xFF, 0xD8, 0xFF]),
            ], in: folder)
        let (summary, _, _) = try importZip(url)
        #expect(summary.dialect == .odkCentral)
        #expect(summary.imported == 3, "\(summary.problems)")
        #expect(summary.container == "awareness_baseline.csv from the archive: named after the form awareness_baseline; not imported: awareness_baseline-incident_details.csv")
    }

    @Test func withoutTheFormsNameTheFileTheOthersExtendIsTheMainOne() throws {
        let folder = try TemporaryFolder()
        let url = try zip([("survey-roles.csv", Array("a\n1\n".utf8)), ("survey.csv", Self.odkCSV)], in: folder)
        let (summary, _, _) = try importZip(url)
        #expect(summary.imported == 3)
        #expect(summary.container?.contains("survey.csv from the archive: the main CSV; the others are its repeat groups'") == true)
    }

    @Test func severalUnrelatedCSVsAskForEntry() throws {
        let folder = try TemporaryFolder()
        let url = try zip([("first.csv", Self.odkCSV), ("second.csv", Self.odkCSV)], in: folder)
        #expect {
            _ = try importZip(url)
        } throws: { error in
            guard case WorkforceError.usage(let message) = error else { return false }
            return message.contains("several CSV files (first.csv, second.csv)") && message.contains("--entry NAME")
        }
        let (summary, store, _) = try importZip(url, entry: "second.csv")
        #expect(summary.imported == 3)
        #expect(summary.container == "second.csv from the archive: asked for with --entry")
        #expect(try store.db.scalar("SELECT file FROM import_batch") == .text("download.zip"))
        #expect {
            _ = try importZip(url, entry: "third.csv")
        } throws: { error in
            "\(error)".contains("has no entry third.csv; its CSV files are first.csv, second.csv")
        }
    }

    @Test func aZipWithoutCSVIsBadData() throws {
        let folder = try TemporaryFolder()
        let url = try zip([("notes.txt", Array("hello".utf8))], in: folder)
        #expect {
            _ = try importZip(url)
        } throws: { error in
            (error as? WorkforceError)?.exitCode == .dataError && "\(error)".contains("holds no CSV file")
        }
    }

    @Test func anOfficeEncryptedOrOldExcelFileIsRefused() throws {
        let folder = try TemporaryFolder()
        let url = try folder.write("locked.xlsx", bytes: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 504))
        #expect {
            _ = try importZip(url)
        } throws: { error in
            (error as? WorkforceError)?.exitCode == .dataError && "\(error)".contains("password-protected workbook")
        }
    }

    @Test func theFirstWorksheetIsReadNotAChartSheetBeforeIt() throws {
        let folder = try TemporaryFolder()
        let rels = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        var writer = ZipWriter()
        writer.add(
            "xl/workbook.xml",
            Array(
                "<workbook xmlns:r=\"\(rels)\"><sheets><sheet name=\"Chart\" r:id=\"c\"/><sheet name=\"Data\" r:id=\"d\"/></sheets></workbook>".utf8))
        writer.add(
            "xl/_rels/workbook.xml.rels",
            Array(
                "<Relationships><Relationship Id=\"c\" Type=\"\(rels)/chartsheet\" Target=\"chartsheets/sheet1.xml\"/><Relationship Id=\"d\" Type=\"\(rels)/worksheet\" Target=\"worksheets/sheet2.xml\"/></Relationships>"
                    .utf8))
        writer.add("xl/chartsheets/sheet1.xml", Array("<chartsheet/>".utf8))
        writer.add("xl/worksheets/sheet2.xml", Array("<worksheet><sheetData><row><c t=\"inlineStr\"><is><t>x</t></is></c></row></sheetData></worksheet>".utf8))
        let url = try folder.write("chart.xlsx", bytes: writer.finish())
        let workbook = try XLSXWorkbook(archive: try ZipArchive(url: url, name: "chart.xlsx"))
        #expect(workbook.sheetName == "Data")
        #expect(workbook.sheetEntry.name == "xl/worksheets/sheet2.xml")
    }

    /// A workbook of one sheet whose `<sheetData>` is `rows`, stored uncompressed.
    private func workbook(_ rows: String, in folder: TemporaryFolder, shared: [String] = []) throws -> URL {
        var writer = ZipWriter()
        let rels = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        writer.add("[Content_Types].xml", Array("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>".utf8))
        writer.add(
            "xl/workbook.xml",
            Array("<workbook xmlns:r=\"\(rels)\"><sheets><sheet name=\"Answers\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>".utf8))
        writer.add(
            "xl/_rels/workbook.xml.rels",
            Array(
                "<Relationships><Relationship Id=\"rId1\" Type=\"\(rels)/worksheet\" Target=\"/xl/worksheets/sheet1.xml\"/><Relationship Id=\"rId2\" Type=\"\(rels)/sharedStrings\" Target=\"sharedStrings.xml\"/></Relationships>"
                    .utf8))
        writer.add("xl/sharedStrings.xml", Array(("<sst>" + shared.map { "<si><t>\($0)</t></si>" }.joined() + "</sst>").utf8))
        writer.add("xl/worksheets/sheet1.xml", Array("<worksheet><sheetData>\(rows)</sheetData></worksheet>".utf8))
        return try folder.write("hand.xlsx", bytes: writer.finish())
    }

    /// The CSV text the first sheet of `url` becomes.
    private func csv(_ url: URL) throws -> String {
        let archive = try ZipArchive(url: url, name: "hand.xlsx")
        let source = try XLSXSheetSource(try XLSXWorkbook(archive: archive), file: "hand.xlsx")
        var out: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 5)
        while true {
            let n = try buffer.withUnsafeMutableBufferPointer { b throws(WorkforceError) in try source.read(into: b) }
            if n == 0 { break }
            out += buffer[0..<n]
        }
        return String(decoding: out, as: UTF8.self)
    }

    @Test func aSheetBecomesCSVAsWideAsItsHeader() throws {
        let folder = try TemporaryFolder()
        let url = try workbook(
            """
            <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><r><t>b</t></r><r><t>ee</t></r></is></c><c r="C1" t="s"><v>1</v></c><c r="D1" s="3"/></row>\
            <row r="3"><c r="B3" t="b"><v>1</v></c></row>\
            <row r="4"><c r="A4" s="1"/></row>\
            <row r="5"><c t="str"><v>a,"b"</v></c><c t="d"><v>2024-05-01T00:00:00</v></c><c r="C5" t="e"><v>#N/A</v></c></row>\
            <row><c r="A6"><v>2.5</v><f>A1*2</f></c><c r="E6"><v>9</v></c></row>
            """, in: folder, shared: ["id", "line_x000A_two"])
        #expect(try csv(url) == "id,bee,\"line\ntwo\"\n,TRUE,\n\"a,\"\"b\"\"\",2024-05-01,#N/A\n=A1*2,,,,9\n")  // a formula cell: its formula as typed, not its cached 2.5
    }

    @Test func aCellPastTheRowLimitIsCutAndItsRowMarkedForQuarantine() throws {
        let folder = try TemporaryFolder()
        let big = String(repeating: "x", count: 3 << 20)
        let url = try workbook(
            "<row r=\"1\"><c t=\"inlineStr\"><is><t>a</t></is></c><c t=\"inlineStr\"><is><t>b</t></is></c></row>"
                + "<row r=\"2\"><c t=\"inlineStr\"><is><t>\(big)</t></is></c><c><v>1</v></c></row><row r=\"3\"><c><v>2</v></c><c><v>3</v></c></row>",
            in: folder)
        let sheet = try XLSXSheetSource(try XLSXWorkbook(archive: try ZipArchive(url: url, name: "hand.xlsx")), file: "hand.xlsx")
        let reader = CSVReader(source: sheet, name: "hand.xlsx")
        reader.sheetRows = sheet.rows
        reader.maxRecordBytes = ImportLimits.rowBytes
        #expect(try reader.nextRecord() && reader.fields == ["a", "b"])
        #expect(try reader.nextRecord())
        #expect(reader.recordTruncated)
        #expect(reader.recordLine == 2)
        #expect(reader.recordLocation.description == "hand.xlsx:Answers!2:2")
        #expect(try reader.nextRecord() && reader.fields == ["2", "3"] && reader.recordLine == 3)
        #expect(reader.location(ofField: 1).description == "hand.xlsx:Answers!B3")
        #expect(try !reader.nextRecord())
    }

    @Test(arguments: [
        ("<row r=\"2\"><c r=\"A2\"><v>1</v></c></row><row r=\"2\"><c r=\"A2\"><v>1</v></c></row>", "out of order"),
        ("<row r=\"1\"><c r=\"B1\"><v>1</v></c><c r=\"A1\"><v>1</v></c></row>", "hand.xlsx:Answers!1:1: cell reference \"A1\" is malformed or out of order"),
        ("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>7</v></c></row>", "shared string \"7\""),
        ("<row r=\"1\"><c r=\"A1\"><v>1</v></c>", "ends inside row 1"),
    ])
    func malformedSheetsSayWhere(_ rows: String, _ says: String) throws {
        let folder = try TemporaryFolder()
        let url = try workbook(rows, in: folder)
        #expect {
            _ = try csv(url)
        } throws: { error in
            "\(error)".contains(says)
        }
    }
}
