import Foundation
import Testing

@testable import WorkforceKit

/// One rule for formula-like text, the same in every writer (issue 34).
@Suite struct NeutralisationTests {
    static let formulas = [
        "=HYPERLINK(\"http://x\",\"click\")", "@SUM(A1)", "+cmd|' /C calc'!A0", "-2+3", "-2 (two below)", "+SUM(1)", "\t=1", "\r=1",
        "=1+1", "-- no idea", "-2 a b", "-1 to =2", "+1 (IC 95 % 2 to cmd)",
    ]
    static let figures = ["-2", "+1.5", "12%", "+59 (-24 to 142)", "+8.4 (95% CI +4.9 to +11.9)", "+2.5 (95% CI -1.0 to +6.0)", "-1,234.5", "plain text", "", "2026-01-01", "a-b",
        // The same figures as the Spanish report writes them, a range and the "no grade" dash.
        "-39 to 0", "-", "+3 (-5 a 11)", "+2.8 (IC 95 % +0.3 a +5.2)", "+6.6 (IC 95\u{00A0}% +5.3 a +7.9)", "-1\u{00A0}234", "+5.0\u{00A0}%",
    ]

    @Test func theRule() {
        for text in Self.formulas { #expect(Neutralisation.isFormulaLike(text), "\(text)") }
        for text in Self.figures { #expect(!Neutralisation.isFormulaLike(text), "\(text)") }
    }

    @Test func everyWriterAppliesTheSameRule() {
        let writer = CSVWriter()
        for text in Self.formulas + Self.figures {
            let expected = Neutralisation.isFormulaLike(text)
            var streamed: [UInt8] = []
            writer.append(text, to: &streamed)
            let field = writer.field(text)
            let unquoted = field.hasPrefix("\"") ? String(field.dropFirst()) : field
            #expect(unquoted.hasPrefix("'") == expected, "CSV field \(text)")
            #expect(String(decoding: streamed, as: UTF8.self) == field, "streamed CSV \(text)")
            #expect(Markup.markdownCell(text).hasPrefix("'") == expected, "Markdown \(text)")
            #expect(Markup.escapeCell(text).hasPrefix("&#39;") == expected, "HTML \(text)")
        }
    }

    /// `isPlain` (the export's shortcut) says a field is plain only when it is written unchanged
    /// (it may leave a signed figure to the full rule), and says it of ids, times and names.
    @Test func aPlainFieldIsOneWrittenUnchanged() {
        let texts = Self.formulas + Self.figures + [
            "dc1b77ae-0bf3-4dad-a4f0-eeb9026e6076", "2026-03-01T00:00:00", "belurb-248", "a,b", "say \"hi\"", " lead", "trail ",
            "long enough to take two words, then a comma,", "sixteen bytes ok", "line\nbreak", "tab\there", "caf\u{E9}", "\u{202E}x",
            "0123456789abcdef\"", "0123456789abcde;", "del\u{7F}", "=", "@", " ", "x",
        ]
        for writer in [CSVWriter(), CSVWriter(neutralizeFormulas: false), CSVWriter(delimiter: ";")] {
            for text in texts {
                var written: [UInt8] = []
                writer.append(text, to: &written)
                let plain = Array(text.utf8).withUnsafeBufferPointer { writer.isPlain($0) }
                if plain { #expect(written == Array(text.utf8), "\(text) with delimiter \(writer.delimiter)") }
            }
            for text in ["dc1b77ae-0bf3-4dad-a4f0-eeb9026e6076", "2026-03-01T00:00:00", "belurb-248", "sixteen bytes ok", "x", ""] {
                #expect(Array(text.utf8).withUnsafeBufferPointer { writer.isPlain($0) }, "\(text)")
            }
        }
    }

    @Test func controlAndBidiCharactersAreShownEscapedInCSV() {
        let payload = "\u{1B}]0;pwned\u{07}\u{1B}[2J \u{202E}fdp.exe \u{85}"
        let writer = CSVWriter()
        var streamed: [UInt8] = []
        writer.append(payload, to: &streamed)
        for text in [writer.field(payload), String(decoding: streamed, as: UTF8.self)] {
            #expect(!text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x202E || $0.value == 0x85 }, "\(text)")
            #expect(text.contains("\\u{1B}]0;pwned\\u{7}"))
        }
        #expect(CSVWriter(neutralizeFormulas: false).field(payload) == payload)
    }

    @Test func theRExportWritesAnswersUnchanged() {
        let set = MicrodataSet(
            variables: [MicrodataVariable(name: "comment", source: "comment", label: "Comment", kind: .text)],
            cases: [[.text("-2 (two below)")], [.text("=1+1")]], title: "t")
        let csv = RScriptWriter().csv(set)
        #expect(csv == "comment\r\n-2 (two below)\r\n=1+1\r\n")
        #expect(RScriptWriter().script(set, csv: "x.csv").contains("\"comment\" = \"character\""))
    }

    @Test func theExplorerCarriesTheRuleInJavaScript() {
        #expect(ExplorerScript.text.contains("function neutralise(s)"))
        #expect(ExplorerScript.text.contains("const s = neutralise(x)"))
    }

    @Test func theXLSFormCSVNeutralisesTextsButNotExpressions() {
        let sheets = [
            XLSXWriter.Sheet(name: "survey", rows: [["type", "name", "label::English (en)", "relevant"], ["text", "q", "=HYPERLINK(\"x\")", "${a} = 'b'"]])
        ]
        let csv = XLSForm.csv(sheets)
        #expect(csv.contains("'=HYPERLINK("))
        #expect(csv.contains("${a} = 'b'"))
    }
}
