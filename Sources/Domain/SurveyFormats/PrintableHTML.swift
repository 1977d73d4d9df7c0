/// A questionnaire as a self-contained HTML page for paper interviews where there is no
/// connectivity: sections, numbered questions, tick boxes, skip instructions written out,
/// a page break before each main section, sized for US Letter paper.
package enum PrintableHTML {
    /// The page for `instrument` in one `language` (a code such as `en`).
    package static func page(_ instrument: Instrument, language: String, version: String) -> String {
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
        // A kept-together section (field-list: a work role's questions) prints compactly, and a
        // choice list's descriptions print once: later uses refer to the first.
        var compact = false
        var described: [String: Int] = [:]
        // The first kept-together section's question numbers: later ones print short wording
        // and refer to them.
        var firstCompact: [Int] = []
        var compactSections = 0
        for (index, item) in instrument.items.enumerated() {
            switch item {
            case .beginGroup(let group):
                depth += 1
                let keep = group.appearance == "field-list"
                // Sections flow one after another (a heading stays with what follows it); a
                // kept-together section (a work role's questions) moves whole to the next page
                // when it does not fit, and the form's main sections are not forced onto new pages.
                if depth == 1 { sections += 1 }
                if depth == 1 {
                    compact = keep
                    if keep { compactSections += 1 }
                }
                // The first work role's section, with the full wording and the level descriptions, is
                // longer than a page can hold twice: it may break between its questions.
                let first = depth == 1 && keep && compactSections == 1
                // So may a section holding a checklist (a KSA-gap question): kept whole, each would
                // leave most of a page blank.
                let flows = depth == 1 && keep && !first && holdsChecklist(instrument.items[(index + 1)...], layout)
                let classes = ["section"] + (keep ? ["keep"] : []) + (first ? ["first"] : []) + (flows ? ["flows"] : []) + (depth > 1 ? ["sub"] : [])
                out += "<section class=\"\(classes.joined(separator: " "))\" id=\"\(e(group.name))\">\n"
                out += "<h\(min(depth + 1, 4))>\(e(layout.text(group.label)))</h\(min(depth + 1, 4))>\n"
                if let relevant = group.relevant, let instruction = layout.skip.instruction(relevant, section: true) {
                    out += "<p class=\"skip\">\(e(instruction))</p>\n"
                }
                // A later work role's description is already under its tick box in the roles question.
                if !group.hint.isEmpty, !(depth == 1 && keep && compactSections > 1) {
                    out += "<p class=\"hint\">\(e(layout.text(group.hint)))</p>\n"
                }
                if depth == 1 && keep, compactSections > 1, let from = firstCompact.first, let to = firstCompact.last {
                    let words = layout.words["short_wording"].replacingOccurrences(of: "{from}", with: String(from))
                        .replacingOccurrences(of: "{to}", with: String(to))
                    out += "<p class=\"instr\">\(e(words))</p>\n"
                }
                if depth == 1 && keep { out += "<div class=\"rows\">\n" }
            case .endGroup:
                if depth == 1 && compact { out += "</div>\n" }
                depth -= 1
                out += "</section>\n"
            case .question(let q):
                let short = compact && compactSections > 1 && !q.shortLabel.isEmpty
                if compact, compactSections == 1, let n = layout.numbers[q.name] { firstCompact.append(n) }
                out += question(short ? q.shortened : q, layout, compact: compact, described: &described)
            }
        }
        out += "</body>\n</html>\n"
        return out
    }

    /// Whether `q` prints as a checklist in a work role's rows: a select_multiple of more than
    /// ``checklistOptions`` options (a KSA-gap question), too tall to keep whole in a column.
    static func isChecklist(_ q: Question, _ layout: QuestionnaireLayout) -> Bool {
        q.type == .selectMultiple && layout.choices(q).count > checklistOptions
    }

    static let checklistOptions = 6

    /// Whether the group that `items` continues holds a checklist before it ends.
    static func holdsChecklist(_ items: ArraySlice<SurveyItem>, _ layout: QuestionnaireLayout) -> Bool {
        var depth = 1
        for item in items {
            switch item {
            case .beginGroup: depth += 1
            case .endGroup:
                depth -= 1
                if depth == 0 { return false }
            case .question(let q): if isChecklist(q, layout) { return true }
            }
        }
        return false
    }

    private static func question(_ q: Question, _ layout: QuestionnaireLayout, compact: Bool, described: inout [String: Int]) -> String {
        let e = Markup.escape
        if q.type == .note {
            // A conditional note (the end of the form for someone who declined) says when it applies.
            let condition = q.relevant.flatMap { layout.skip.instruction($0) }.map { "<span class=\"skip\">\(e($0))</span> " } ?? ""
            return "<p class=\"note\">\(condition)\(e(layout.text(q.label)))</p>\n"
        }
        let number = layout.numbers[q.name].map(String.init) ?? ""
        let label = e(layout.text(q.label)) + (q.required ? " <span class=\"req\" title=\"\(e(layout.words["required"]))\">*</span>" : "")
            + " <span class=\"name\">[\(e(q.name))]</span>"
        let skip = q.relevant.flatMap { layout.skip.instruction($0) }
        let hint = q.hint.isEmpty ? nil : layout.text(q.hint)
        let instruction = layout.answerInstruction(q)
        var out: String
        let numeric = [.integer, .decimal, .date].contains(q.type)
        if compact {
            // A row: the number, the question with its instructions in small type on one line,
            // the answer box with the question's name under it.
            // A choice question spans the box column too (its choices need the width), its name after its label.
            // A checklist may break between its options, down a column and onto the next page.
            let kind = numeric ? "" : isChecklist(q, layout) ? " sel long" : " sel"
            out = "<div class=\"q row\(kind)\" id=\"q-\(e(q.name))\">\n<span class=\"num\">\(number).</span>\n<div class=\"body\">\n"
            let bare = e(layout.text(q.label)) + (q.required ? " <span class=\"req\" title=\"\(e(layout.words["required"]))\">*</span>" : "")
            out += "<p class=\"label\">\(numeric ? bare : label)</p>\n"
            // "Tick one." goes without saying beside a line of ○ boxes.
            let tick = q.type == .selectOne && !q.isGate ? nil : instruction
            var notes = [skip, hint, tick].compactMap { $0 }
            if let list = q.listName, let first = described[list], let n = layout.numbers[q.name], first != n {
                notes.append(layout.words["described_at"].replacingOccurrences(of: "{n}", with: String(first)))
            }
            if !notes.isEmpty { out += "<p class=\"instr\">\(e(notes.joined(separator: " ")))</p>\n" }
        } else {
            let long = layout.choices(q).count > 12
            out = "<div class=\"q\(long ? " long" : "")\" id=\"q-\(e(q.name))\">\n"
            out += "<p class=\"label\"><span class=\"num\">\(number).</span> \(label)</p>\n"
            if let skip { out += "<p class=\"skip\">\(e(skip))</p>\n" }
            if let hint { out += "<p class=\"hint\">\(e(hint))</p>\n" }
            if let instruction { out += "<p class=\"instr\">\(e(instruction))</p>\n" }
        }
        switch q.type {
        case .selectOne, .selectMultiple:
            let box = q.type == .selectOne ? "○" : "☐"
            let choices = layout.choices(q)
            let list = q.listName ?? ""
            var showHints = true
            if compact, choices.contains(where: { !$0.hint.isEmpty }) {
                if let first = described[list], let number = layout.numbers[q.name], first != number {
                    showHints = false
                } else if let number = layout.numbers[q.name] {
                    described[list] = number
                }
            }
            // Short answers on one line ("○ Yes  ○ No  ○ Don't know"), long lists in two columns.
            let short = choices.count <= 6 && choices.allSatisfy { layout.text($0.label).count <= 32 && (!showHints || $0.hint.isEmpty) }
            let columns = choices.count > 12 ? " cols" : (short ? " inline" : "")
            out += "<ul class=\"choices\(columns)\">\n"
            // Each option's code, which the typing template accepts: its position, or its name when the names are numbers.
            let namesAreCodes = ChoiceMatcher.namesAreNumbers(choices.map(\.name))
            for (position, choice) in choices.enumerated() {
                let hint = showHints ? layout.text(choice.hint) : ""
                let code = namesAreCodes ? choice.name : String(position + 1)
                out += "<li><span class=\"box\">\(box)</span> <span class=\"code\">\(e(code))</span> \(e(layout.text(choice.label)))"
                out += hint.isEmpty ? "</li>\n" : "<span class=\"chint\">\(e(hint))</span></li>\n"
            }
            out += "</ul>\n"
        case .integer, .decimal, .date:
            out += compact
                ? "</div>\n<div class=\"box-cell\"><div class=\"answer short\"></div><span class=\"name\">[\(e(q.name))]</span></div>\n</div>\n"
                : "<div class=\"answer short\"></div>\n</div>\n"
            return out
        case .text:
            out += "<div class=\"answer line\"></div>\n<div class=\"answer line\"></div>\n"
        case .note:
            break
        }
        out += compact ? "</div>\n</div>\n" : "</div>\n"
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
        h2, h3, h4 { break-after: avoid; }
        section.keep, .q { break-inside: avoid; }
        .q.long, section.keep.first, section.keep.flows { break-inside: auto; }
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
        ul.choices.inline li { display: inline-block; margin-right: 14pt; }
        section.keep { font-size: 10pt; line-height: 1.25; }
        section.keep h2 { break-after: avoid; margin-top: 10pt; }
        section.keep > .skip, section.keep > .hint { margin-left: 0; }
        .rows { columns: 2; column-gap: 12pt; font-size: 9.5pt; }
        .rows ul.choices.inline li { margin-right: 7pt; font-size: 9pt; }
        .rows ul.choices .box { font-size: 10pt; width: 1em; }
        .q.row { break-inside: avoid; display: grid; grid-template-columns: 2em 1fr 1.05in; column-gap: 6pt; margin: 0 0 2pt; }
        .q.row .num { min-width: 0; font-weight: 600; }
        .q.row p { margin: 0; }
        .q.row .skip, .q.row .instr { font-size: 8.5pt; }
        .q.row ul.choices { margin: 1pt 0 0; }
        .q.row.sel { grid-template-columns: 2em 1fr; }
        .q.row.long { break-inside: auto; }
        .q.row.sel .name { font-size: 6pt; }
        .q.row .box-cell { align-self: end; }
        .q.row .answer.short { margin: 0; width: auto; height: 14pt; }
        .q.row .box-cell .name { font-size: 6pt; white-space: nowrap; }
        ul.choices li { margin: 1pt 0; break-inside: avoid; }
        ul.choices .code { font-size: 7.5pt; color: #444; font-variant-numeric: tabular-nums; }
        .chint { display: block; margin-left: 1.2em; font-size: 9pt; color: #333; }
        .box { font-size: 12pt; display: inline-block; width: 1.2em; }
        .answer { margin-left: 2.2em; border-bottom: 0.75pt solid #000; height: 18pt; }
        .answer.short { width: 1.6in; }
        @media screen { body { padding: 0.4in; } }
        """
}

extension Question {
    /// The question as a later work-role section prints it: its short wording, without the
    /// hint (the first section gives both in full).
    var shortened: Question {
        var q = self
        q.label = shortLabel
        q.hint = [:]
        return q
    }
}
