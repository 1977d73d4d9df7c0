import Testing
@testable import WorkforceKit

/// Text from files reaches terminals, CSV and Markdown: control characters (ESC sequences) and
/// bidirectional controls are shown escaped, HTML in Markdown stays text, formulas are
/// neutralised in Markdown as in CSV.
@Suite struct TextSafetyTests {
    static let hostile = "a\u{1B}[31mred\u{1B}[0m \u{202E}txt.exe\u{202C} \u{2066}x\u{2069} \u{9B}2J \u{7}"

    @Test func terminalTextEscapesC0C1AndBidiControls() {
        let safe = terminalSafe(Self.hostile)
        #expect(safe == "a\\u{1B}[31mred\\u{1B}[0m \\u{202E}txt.exe\\u{202C} \\u{2066}x\\u{2069} \\u{9B}2J \\u{7}")
        #expect(terminalSafe("line\nnext") == "line\nnext")
        #expect(terminalSafe("line\nnext", keepLineFeeds: false) == "line\\u{A}next")
        #expect(terminalSafe("Belmopan — café, 東京") == "Belmopan — café, 東京")
    }

    static let table = ResultTable(
        columns: ["title", "n"],
        rows: [
            [.text(hostile), .int(1)], [.text("<script>alert(1)</script> & <img src=x onerror=alert(2)>"), .int(2)],
            [.text("=HYPERLINK(\"http://x\",\"click\")"), .int(-3)], [.text("tab\there\r\nline"), .double(-0.5)],
        ])

    @Test(arguments: [OutputFormat.csv, .md, .table])
    func noRawControlReachesTextOutput(_ format: OutputFormat) {
        let text = Self.table.rendered(as: format)
        for scalar in text.unicodeScalars {
            let v = scalar.value
            #expect(!(v < 0x20 && v != 0x0A && v != 0x0D && v != 0x09) && !(0x7F...0x9F).contains(v), "\(format): U+\(String(v, radix: 16))")
            #expect(![0x061C, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069].contains(v), "\(format)")
        }
        #expect(text.contains("\\u{202E}"))
    }

    @Test func markdownKeepsHTMLAsTextAndNeutralisesFormulas() {
        let md = Self.table.rendered(as: .md)
        #expect(!md.contains("<script>"))
        #expect(!md.contains("<img"))
        #expect(md.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;img src=x onerror=alert(2)&gt;"))
        #expect(md.contains("| '=HYPERLINK(\"http://x\",\"click\") | -3 |"))  // a negative number stays a number
        // `n` holds respondents: a reader sees whole numbers.
        #expect(md.contains("| tab\there line | 0 |"))
        #expect(Markup.markdownCell("-1", isNumber: true) == "-1")
        #expect(Markup.markdownCell("@SUM(A1)") == "'@SUM(A1)")
        #expect(Markup.markdownCell("-2+HYPERLINK(\"http://x\")") == "'-2+HYPERLINK(\"http://x\")")
        #expect(Markup.markdownCell("+cmd|' /C calc'!A0") == "'+cmd\\|' /C calc'!A0")
        // A signed figure for a reader is not a formula.
        #expect(Markup.markdownCell("+59 (-24 to 142)") == "+59 (-24 to 142)")
        #expect(Markup.markdownCell("-0.5") == "-0.5")
    }

    @Test func csvKeepsTabsAndLineBreaksInQuotedFields() {
        let csv = Self.table.rendered(as: .csv)
        #expect(csv.contains("\"tab\there\r\nline\""))
        #expect(csv.contains("'=HYPERLINK("))
        #expect(csv.contains("a\\u{1B}[31mred"))
    }
}

@Suite struct SpreadsheetCellTests {
    @Test(arguments: [(1, "A"), (8, "H"), (26, "Z"), (27, "AA"), (52, "AZ"), (53, "BA"), (702, "ZZ"), (703, "AAA")])
    func columnLettersAreTheSpreadsheets(_ number: Int, _ letters: String) {
        #expect(SourceLocation.columnLetters(number) == letters)
    }

    @Test func aFieldsPlaceReadsAsASpreadsheetCell() {
        let place = SourceLocation(file: "a.csv", line: 3, column: 72, field: 8, header: "district")
        #expect(place.description == "a.csv:3:72")
        #expect(place.spreadsheetCell == "line 3, column H `district`")
        #expect(ImportProblem(location: place, message: "bad").description == "a.csv:3:72: bad [line 3, column H `district`]")
        #expect(SourceLocation(file: "a.csv", line: 3).spreadsheetCell == nil)
    }

    @Test func aWrappedColumnShowsItsTextWhole() {
        var table = ResultTable(columns: ["line", "reasons"], rows: [[.int(3), .text(String(repeating: "word ", count: 40) + "end")]])
        table.wrapped = ["reasons"]
        let text = table.rendered(as: .table)
        #expect(!text.contains("…"))
        #expect(text.split(separator: "\n").allSatisfy { $0.count <= 90 })
        #expect(text.replacingOccurrences(of: "\n      ", with: " ").contains(String(repeating: "word ", count: 40) + "end"))
    }
}

@Suite struct MarkdownTextTests {
    /// Running Markdown from data (an institution's name in a plan sentence) stays text: no raw
    /// HTML, no terminal controls; code spans keep their characters.
    @Test func htmlAndControlsInRunningMarkdownStayText() {
        let text = "Taught by UB at Univ <img src=x onerror=alert(9)> \u{1B}[31m \u{2066}x\u{2069} & co; see `n_eff < 30`"
        let md = Markup.markdownText(text)
        #expect(md == "Taught by UB at Univ &lt;img src=x onerror=alert(9)> \\u{1B}[31m \\u{2066}x\\u{2069} & co; see `n_eff < 30`")
        // An unpaired backtick opens no code span: what follows it is escaped.
        #expect(Markup.markdownText("an odd ` backtick <b>") == "an odd ` backtick &lt;b>")
    }
}
