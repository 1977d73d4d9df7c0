import Foundation
import Testing
@testable import WorkforceKit
@testable import Formats

/// The pieces of the workbook reader: serial dates, number formats, OOXML escapes, the XML
/// scanner and the CSV text a sheet becomes.
@Suite struct XLSXReaderTests {
    /// Serials checked against Excel's own (and Python's `datetime(1899, 12, 30) + timedelta`).
    @Test(arguments: [
        (1.0, false, "1900-01-01"), (59.0, false, "1900-02-28"), (61.0, false, "1900-03-01"),
        (25_569.0, false, "1970-01-01"), (45_000.0, false, "2023-03-15"), (45_000.5, false, "2023-03-15T12:00:00"),
        (46_114.380_011_574_1, false, "2026-04-02T09:07:13"), (2_958_465.0, false, "9999-12-31"),
        (0.0, true, "1904-01-01"), (43_538.0, true, "2023-03-15"), (1.25, true, "1904-01-02T06:00:00"),
    ])
    func serialDates(_ serial: Double, _ date1904: Bool, _ expected: String) {
        #expect(ExcelDate.text(serial: serial, date1904: date1904) == expected)
    }

    @Test(arguments: [0.0, 60.0, -1.0, 2_958_466.0, .nan])
    func numbersThatAreNoDateStayNumbers(_ serial: Double) {
        #expect(ExcelDate.text(serial: serial, date1904: false) == nil)
    }

    @Test(arguments: [
        ("yyyy-mm-dd", XLSXStyles.Kind.date), ("d/m/yy", .date), ("[$-409]mmmm d, yyyy;@", .date), ("mmm", .date),
        ("yyyy\\-mm\\-dd\\ hh:mm:ss", .date), ("h:mm AM/PM", .time), ("[h]:mm:ss", .time), ("mm:ss", .time),
        ("General", .number), ("0.00", .number), ("#,##0;[Red]-#,##0", .number), ("\"day\" 0", .number), ("0.0E+00", .number),
        ("@", .number),
    ])
    func numberFormats(_ code: String, _ kind: XLSXStyles.Kind) {
        #expect(XLSXStyles.kind(ofFormat: code) == kind)
    }

    @Test func builtInFormats() {
        #expect(XLSXStyles.builtin(14) == .date)
        #expect(XLSXStyles.builtin(22) == .date)
        #expect(XLSXStyles.builtin(20) == .time)
        #expect(XLSXStyles.builtin(0) == .number)
        #expect(XLSXStyles.builtin(49) == .number)
    }

    @Test func ooxmlEscapes() {
        #expect(OOXMLText.decode(Array("a_x000D_\nb".utf8)) == Array("a\r\nb".utf8))
        #expect(OOXMLText.decode(Array("snake_x005F_case".utf8)) == Array("snake_case".utf8))
        #expect(OOXMLText.decode(Array("_xD83D__xDE00_".utf8)) == Array("😀".utf8))
        #expect(OOXMLText.decode(Array("plain_text_".utf8)) == Array("plain_text_".utf8))
    }

    @Test func locationsNameTheSheetAndCell() {
        #expect(SourceLocation(file: "export.xlsx", line: 17, column: 3, sheet: "Sheet1").description == "export.xlsx:Sheet1!C17")
        #expect(SourceLocation(file: "export.xlsx", line: 17, sheet: "Sheet1").description == "export.xlsx:Sheet1!17:17")
        #expect(SourceLocation(file: "e.xlsx", line: 2, column: 28, sheet: "My sheet").description == "e.xlsx:'My sheet'!AB2")
        #expect(SourceLocation(file: "e.csv", line: 2, column: 28).description == "e.csv:2:28")
    }

    private func scan(_ xml: String) throws -> [XMLScanner.Event] {
        let scanner = XMLScanner(MemoryByteSource(Array(xml.utf8)), name: "part.xml")
        var events: [XMLScanner.Event] = []
        while let event = try scanner.next() { events.append(event) }
        return events
    }

    @Test func theScannerReadsTagsAttributesEntitiesAndCDATA() throws {
        let events = try scan("<?xml version=\"1.0\"?><!-- c --><x:row r='2'><c a=\"&lt;&#65;&#x42;\"/>t&amp;&quot;<![CDATA[<b>]]]></x:row>")
        #expect(
            events == [
                .start("row", ["r": "2"], selfClosing: false), .start("c", ["a": "<AB"], selfClosing: true), .text(Array("t&\"".utf8)),
                .text(Array("<b>]".utf8)), .end("row"),
            ])
    }

    @Test(arguments: [
        ("<!DOCTYPE x [<!ENTITY a \"aaaa\">]><x>&a;</x>", "document type declaration"),
        ("<x>&bogus;</x>", "not one XML predefines"),
        ("<x a=b/>", "not quoted"),
        ("<x", "ends inside"),
        ("<x>&#0;</x>", "not a character"),
    ])
    func theScannerRefusesWhatNoSpreadsheetWrites(_ xml: String, _ says: String) {
        #expect {
            _ = try scan(xml)
        } throws: { error in
            "\(error)".contains(says) && "\(error)".hasPrefix("part.xml:1:")
        }
    }

    @Test(arguments: [("C17", 2), ("A1", 0), ("Z3", 25), ("AA3", 26), ("XFD1", 16_383), ("17", nil), ("ABCD1", nil)] as [(String, Int?)])
    func cellReferences(_ reference: String, _ column: Int?) {
        #expect(XLSXSheetSource.column(ofReference: reference) == column)
    }
}
