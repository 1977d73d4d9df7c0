import Foundation

/// The three XLSForm sheets of an instrument (`survey`, `choices`, `settings`), and the CSV and
/// Markdown layouts of them that pyxform reads.
///
/// XLSForm has no hint per choice. A question whose choices have hints and are few (at most
/// ``maxHintedChoices``, such as the proficiency levels) gets them as lines of its own hint;
/// a longer list (the work roles) keeps them for the printed forms and the codebook, and each
/// role's page carries its description as the group hint.
package enum XLSForm {
    static let maxHintedChoices = 8

    /// The hint written for `q`: its own, then one line per choice with a hint.
    static func hint(_ q: Question, _ instrument: Instrument) -> LocalizedText {
        guard let choices = q.listName.flatMap({ instrument.choiceList($0) })?.choices, choices.count <= maxHintedChoices,
            choices.contains(where: { !$0.hint.isEmpty })
        else { return q.hint }
        var hint = q.hint
        for language in instrument.languages {
            let lines = choices.compactMap { c in c.hint[language.code].map { "\(c.label[language.code] ?? c.name): \($0)" } }
            hint[language.code] = ([q.hint[language.code]].compactMap { $0 } + lines).joined(separator: "\n")
        }
        return hint
    }

    /// The sheets, each a header row then data rows.
    package static func sheets(_ instrument: Instrument, version: String) -> [XLSXWriter.Sheet] {
        // An unfilled placeholder becomes the form's neutral words ("ask the person who gave you
        // this questionnaire"): a phone screen has no blank to write on.
        let instrument = instrument.neutralizingPlaceholders()
        let languages = instrument.languages
        func columns(_ base: String) -> [String] { languages.map { "\(base)::\($0.xlsformName)" } }
        func texts(_ text: LocalizedText) -> [String] { languages.map { text[$0.code] ?? "" } }

        let header = ["type", "name"] + columns("label") + columns("hint")
            + ["required", "relevant", "constraint"] + columns("constraint_message") + ["appearance"]
        var survey = [header]
        let empty = Array(repeating: "", count: languages.count)
        for item in instrument.items {
            switch item {
            case .beginGroup(let g):
                survey.append(
                    ["begin_group", g.name] + texts(g.label) + texts(g.hint) + ["", g.relevant ?? "", ""] + empty
                        + [g.appearance ?? ""])
            case .endGroup:
                survey.append(["end_group", ""] + empty + empty + ["", "", ""] + empty + [""])
            case .question(let q):
                survey.append(
                    [q.xlsformType, q.name] + texts(q.label) + texts(hint(q, instrument))
                        + [q.required ? "yes" : "", q.relevant ?? "", q.constraint ?? ""]
                        + (q.constraint == nil ? empty : texts(q.constraintMessage)) + [q.appearance ?? ""])
            }
        }
        var choices = [["list_name", "name"] + columns("label")]
        for list in instrument.choiceLists {
            for choice in list.choices { choices.append([list.name, choice.name] + texts(choice.label)) }
        }
        let first = languages.first ?? .english
        let settings = [
            ["form_title", "form_id", "version", "default_language"],
            [instrument.title[first.code] ?? instrument.formID, instrument.formID, version, first.xlsformName],
        ]
        return [
            XLSXWriter.Sheet(name: "survey", rows: survey), XLSXWriter.Sheet(name: "choices", rows: choices),
            XLSXWriter.Sheet(name: "settings", rows: settings),
        ]
    }

    /// pyxform's CSV layout: a row holding the sheet name in the first column, then the
    /// sheet's rows shifted one column right.
    ///
    /// Texts (the `label`, `hint` and message columns, where translations and `--fill` values
    /// go) are neutralised by the one rule (``Neutralisation``) with their control characters
    /// shown escaped, as in every CSV the tool writes; names, types and expressions are written
    /// as they are (pyxform reads them).
    package static func csv(_ sheets: [XLSXWriter.Sheet]) -> String {
        let writer = CSVWriter(neutralizeFormulas: false)
        let textColumns = ["label", "hint", "guidance_hint", "constraint_message", "required_message", "form_title"]
        var out = ""
        for sheet in sheets {
            out += writer.record([sheet.name])
            let header = sheet.rows.first ?? []
            let isText = header.map { name in textColumns.contains { name == $0 || name.hasPrefix($0 + "::") } }
            for (r, row) in sheet.rows.enumerated() {
                let cells = row.enumerated().map { c, cell in r > 0 && c < isText.count && isText[c] ? Neutralisation.cell(textSafe(cell)) : cell }
                out += writer.record([""] + cells)
            }
        }
        return out
    }

    /// pyxform's Markdown layout: `| survey |`, then `| | type | name | ... |` rows.
    package static func markdown(_ sheets: [XLSXWriter.Sheet]) -> String {
        func cell(_ s: String) -> String {
            s.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\r\n", with: " ")
                .replacingOccurrences(of: "\n", with: " ")
        }
        var out = ""
        for sheet in sheets {
            out += "| \(sheet.name) |\n"
            for row in sheet.rows { out += "| | " + row.map(cell).joined(separator: " | ") + " |\n" }
        }
        return out
    }
}
