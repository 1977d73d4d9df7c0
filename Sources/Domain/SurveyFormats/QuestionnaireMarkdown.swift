/// A questionnaire as Markdown, for reading and reviewing: headings for sections, numbered
/// questions, tick boxes as task-list items, skip instructions in italics.
package enum QuestionnaireMarkdown {
    package static func document(_ instrument: Instrument, language: String, version: String) -> String {
        let layout = QuestionnaireLayout(instrument, language: language)
        var out = "# \(Markup.markdownText(layout.text(instrument.title)))\n\n\(layout.metadata(version: version))\n\n"
        out += "\(layout.words["legend"])\n"
        var depth = 0
        for item in instrument.items {
            switch item {
            case .beginGroup(let group):
                depth += 1
                out += "\n" + String(repeating: "#", count: min(depth + 1, 4)) + " \(Markup.markdownText(layout.text(group.label)))\n"
                if let relevant = group.relevant, let instruction = layout.skip.instruction(relevant, section: true) { out += "\n_\(Markup.markdownText(instruction))_\n" }
                if !group.hint.isEmpty { out += "\n\(Markup.markdownText(layout.text(group.hint)))\n" }
            case .endGroup:
                depth -= 1
            case .question(let q):
                if q.type == .note {
                    out += "\n> \(Markup.markdownText(layout.text(q.label)))\n"
                    continue
                }
                let number = layout.numbers[q.name].map(String.init) ?? ""
                out += "\n**\(number). \(Markup.markdownText(layout.text(q.label)))**\(q.required ? " \\*" : "") `\(q.name)`\n"
                if let relevant = q.relevant, let instruction = layout.skip.instruction(relevant) { out += "\n_\(Markup.markdownText(instruction))_\n" }
                if !q.hint.isEmpty { out += "\n\(Markup.markdownText(layout.text(q.hint)))\n" }
                if let instruction = layout.answerInstruction(q) { out += "\n_\(Markup.markdownText(instruction))_\n" }
                let choices = layout.choices(q)
                if !choices.isEmpty {
                    out += "\n" + choices.map { choice in
                        let hint = Markup.markdownText(layout.text(choice.hint))
                        return "- [ ] \(Markup.markdownText(layout.text(choice.label)))" + (hint.isEmpty ? "" : ": _\(hint)_")
                    }.joined(separator: "\n") + "\n"
                }
            }
        }
        return out
    }
}
