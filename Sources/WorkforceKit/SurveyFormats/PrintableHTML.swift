/// A questionnaire as a self-contained HTML page for paper interviews where there is no
/// connectivity: sections, numbered questions, tick boxes, skip instructions written out,
/// a page break before each main section, sized for US Letter paper.
public enum PrintableHTML {
    /// The page for `instrument` in one `language` (a code such as `en`).
    public static func page(_ instrument: Instrument, language: String, version: String) -> String {
        let layout = QuestionnaireLayout(instrument, language: language)
        let e = Markup.escape
        var out = """
            <!DOCTYPE html>
            <html lang="\(e(language))">
            <head>
            <meta charset="utf-8">
            <title>\(e(layout.text(instrument.title)))</title>
            <style>
            \(css)
            </style>
            </head>
            <body>
            <header>
            <h1>\(e(layout.text(instrument.title)))</h1>
            <p class="meta">\(e(layout.metadata(version: version)))</p>
            <table class="admin"><tr><td>\(e(layout.words["interviewer"])):</td><td class="blank"></td><td>\(e(layout.words["interview_date"])):</td><td class="blank"></td><td>\(e(layout.words["questionnaire_no"])):</td><td class="blank"></td></tr></table>
            <p class="legend">\(e(layout.words["legend"]))</p>
            </header>

            """
        var depth = 0
        var sections = 0
        for item in instrument.items {
            switch item {
            case .beginGroup(let group):
                depth += 1
                let keep = group.appearance == "field-list"
                // Main sections start a new page, except the first; short kept-together ones flow.
                let newPage = depth == 1 && !keep && sections > 0
                if depth == 1 { sections += 1 }
                let classes = ["section"] + (keep ? ["keep"] : []) + (depth > 1 ? ["sub"] : []) + (newPage ? ["newpage"] : [])
                out += "<section class=\"\(classes.joined(separator: " "))\" id=\"\(e(group.name))\">\n"
                out += "<h\(min(depth + 1, 4))>\(e(layout.text(group.label)))</h\(min(depth + 1, 4))>\n"
                if let relevant = group.relevant, let instruction = layout.skip.instruction(relevant, section: true) {
                    out += "<p class=\"skip\">\(e(instruction))</p>\n"
                }
                if !group.hint.isEmpty { out += "<p class=\"hint\">\(e(layout.text(group.hint)))</p>\n" }
            case .endGroup:
                depth -= 1
                out += "</section>\n"
            case .question(let q):
                out += question(q, layout)
            }
        }
        out += "</body>\n</html>\n"
        return out
    }

    private static func question(_ q: Question, _ layout: QuestionnaireLayout) -> String {
        let e = Markup.escape
        if q.type == .note { return "<p class=\"note\">\(e(layout.text(q.label)))</p>\n" }
        var out = "<div class=\"q\" id=\"q-\(e(q.name))\">\n"
        let number = layout.numbers[q.name].map(String.init) ?? ""
        out += "<p class=\"label\"><span class=\"num\">\(number).</span> \(e(layout.text(q.label)))"
        out += q.required ? " <span class=\"req\" title=\"\(e(layout.words["required"]))\">*</span>" : ""
        out += " <span class=\"name\">[\(e(q.name))]</span></p>\n"
        if let relevant = q.relevant, let instruction = layout.skip.instruction(relevant) { out += "<p class=\"skip\">\(e(instruction))</p>\n" }
        if !q.hint.isEmpty { out += "<p class=\"hint\">\(e(layout.text(q.hint)))</p>\n" }
        if let instruction = layout.answerInstruction(q) { out += "<p class=\"instr\">\(e(instruction))</p>\n" }
        switch q.type {
        case .selectOne, .selectMultiple:
            let box = q.type == .selectOne ? "○" : "☐"
            let choices = layout.choices(q)
            let columns = choices.count > 12 ? " cols" : ""
            out += "<ul class=\"choices\(columns)\">\n"
            for choice in choices {
                let hint = layout.text(choice.hint)
                out += "<li><span class=\"box\">\(box)</span> \(e(layout.text(choice.label)))"
                out += hint.isEmpty ? "</li>\n" : "<span class=\"chint\">\(e(hint))</span></li>\n"
            }
            out += "</ul>\n"
        case .integer, .decimal, .date:
            out += "<div class=\"answer short\"></div>\n"
        case .text:
            out += "<div class=\"answer line\"></div>\n<div class=\"answer line\"></div>\n"
        case .note:
            break
        }
        out += "</div>\n"
        return out
    }

    static let css = """
        @page { size: Letter; margin: 0.6in 0.6in 0.7in 0.6in; }
        body { font-family: "Helvetica Neue", Arial, sans-serif; font-size: 11pt; line-height: 1.35; color: #000; max-width: 7.3in; margin: 0 auto; }
        h1 { font-size: 17pt; margin: 0 0 4pt; }
        h2 { font-size: 13pt; border-bottom: 1.5pt solid #000; padding-bottom: 2pt; margin: 14pt 0 6pt; }
        h3, h4 { font-size: 11.5pt; background: #eee; padding: 2pt 4pt; margin: 10pt 0 4pt; }
        .meta { font-size: 9pt; color: #333; margin: 0 0 6pt; }
        .legend, .note { font-size: 10pt; }
        .note { border-left: 3pt solid #999; padding-left: 6pt; }
        table.admin { width: 100%; border-collapse: collapse; font-size: 10pt; margin: 6pt 0; }
        table.admin td { padding: 2pt 4pt 2pt 0; white-space: nowrap; }
        table.admin td.blank { border-bottom: 0.75pt solid #000; width: 30%; }
        section { margin-bottom: 8pt; }
        section.newpage { break-before: page; }
        section.keep, .q { break-inside: avoid; }
        .q { margin: 0 0 9pt; }
        .label { margin: 0; font-weight: 600; }
        .num { display: inline-block; min-width: 2.2em; }
        .req { color: #000; }
        .name { font-weight: normal; font-size: 8pt; color: #555; font-family: monospace; }
        .skip { font-style: italic; margin: 1pt 0 1pt 2.2em; font-size: 10pt; }
        .hint, .instr { margin: 1pt 0 1pt 2.2em; font-size: 9.5pt; color: #222; }
        .instr { font-style: italic; }
        ul.choices { list-style: none; margin: 2pt 0 0 2.2em; padding: 0; }
        ul.choices.cols { columns: 2; column-gap: 18pt; }
        ul.choices li { margin: 1pt 0; break-inside: avoid; }
        .chint { display: block; margin-left: 1.2em; font-size: 9pt; color: #333; }
        .box { font-size: 12pt; display: inline-block; width: 1.2em; }
        .answer { margin-left: 2.2em; border-bottom: 0.75pt solid #000; height: 18pt; }
        .answer.short { width: 1.6in; }
        @media screen { body { padding: 0.4in; } }
        """
}
