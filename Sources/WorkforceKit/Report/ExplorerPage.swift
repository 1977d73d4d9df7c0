/// The course-gap explorer: one self-contained page, data embedded, a little plain JavaScript,
/// that works opened straight from disk. A university picks its institution and work roles
/// (grouped by category, with a search box) and sees, beside the picker on a wide screen and
/// below it on a phone, the needed KSAs its offerings do not teach ranked by demand (the
/// figures of `courses uncovered`), who else in Belize teaches them or that nobody does, what
/// each of its offerings prepares for, and its coverage by all its offerings together.
enum ExplorerPage {
    static func page(_ report: ReportData) -> String {
        // "Core roles": the curated set of the bundled bank, when it is made for this framework
        // (none when the bundled bank cannot be read: the button then picks nothing).
        let known = Set(report.roles.map(\.id))
        let core = ((try? ItemBank.bundled().roleSet(DemoData.roleSet, framework: report.framework.name)) ?? []).filter(known.contains)
        let data = ExplorerData(
            offerings: report.offerings, roles: report.roles, context: report.context, theta: report.context?.inputs.theta ?? report.options.theta,
            categoryNames: report.names, texts: report.texts, core: core, ksaGaps: report.ksaGaps, plan: report.plan, language: report.options.language)
        return page(data, banner: report.options.banner?.text(report.options.language))
    }

    static func page(_ data: ExplorerData, banner: String?) -> String {
        // Inside <script>, "<" is written \u003c so that no text can close the element.
        let json = JSONWriter(indent: nil).string(data.json).replacingOccurrences(of: "<", with: "\\u003c")
        let phrase = Words.bundled.phrasebook(data.language)
        let say = { (key: String, values: [String: String]) in Markup.escape(phrase(key, values)) }
        let sort = { (key: String, order: String) in
            "<th scope=\"col\"><button type=\"button\" class=\"sort\" data-sort=\"\(order)\">\(say(key, ["within": data.within]))</button></th>"
        }
        var body = "<h1>\(say("report.explorer.title", [:]))</h1>"
        if let banner { body += ReportHTML.paragraph(banner, class: "synthetic") }
        body += "<p>\(say("report.explorer.lead", ["minimum": String(Disclosure.minimumEmployers)]))</p>"
        body += ReportHTML.paragraph(data.weighting, class: "note")
        body += """
            <div class="explorer">
            <form id="choices" class="picker" onsubmit="return false">
            <p><label for="institution">\(say("report.explorer.institution", [:]))</label><br><select id="institution"></select></p>
            <fieldset><legend>\(say("report.explorer.roles", [:]))</legend>
            <p><label for="role-search">\(say("report.explorer.find_role", [:]))</label><br><input type="search" id="role-search" autocomplete="off"></p>
            <p class="buttons"><button type="button" id="pick-demanded">\(say("report.explorer.pick_demanded", [:]))</button>
            <button type="button" id="pick-core">\(say("report.explorer.pick_core", [:]))</button>
            <button type="button" id="pick-none">\(say("report.explorer.pick_none", [:]))</button></p>
            <p id="chosen" class="note" aria-live="polite"></p>
            <div id="roles"></div></fieldset>
            </form>
            <div class="results">
            <h2>\(say("report.explorer.needed", [:]))</h2>
            <p id="count" aria-live="polite"></p>
            <p class="tools"><label for="filter">\(say("report.explorer.filter", [:]))</label> <input type="search" id="filter" autocomplete="off">
            <label for="sort">\(say("report.explorer.sort", [:]))</label> <select id="sort">
            <option value="demand">\(say("report.explorer.sort_demand", [:]))</option><option value="nowhere">\(say("report.explorer.sort_nowhere", [:]))</option>
            <option value="roles">\(say("report.explorer.sort_roles", [:]))</option><option value="ksa">\(say("report.explorer.sort_ksa", [:]))</option></select>
            <button type="button" id="download">\(say("report.explorer.download", [:]))</button></p>
            <p id="shown" class="note" aria-live="polite"></p>
            <table id="uncovered-table"><thead><tr>
            \(sort("report.explorer.column_ksa", "ksa"))
            <th scope="col">\(say("report.explorer.column_text", [:]))</th>
            \(sort("report.explorer.column_demand", "demand"))
            \(sort("report.explorer.column_roles", "roles"))
            \(sort("report.explorer.column_elsewhere", "nowhere"))
            <th scope="col">\(say("report.explorer.column_plan", [:]))</th>
            </tr></thead><tbody id="uncovered"></tbody></table>
            <h2>\(say("report.explorer.prepares_heading", [:]))</h2>
            <p class="note">\(say("report.explorer.prepares_note", ["percent": Figure.fixed(data.theta * 100, 0)]))</p>
            <ul id="prepared"></ul>
            <h2>\(say("report.explorer.coverage_heading", [:]))</h2>
            <p class="note">\(say("report.explorer.coverage_note", [:]))</p>
            <ul id="coverage"></ul>
            </div>
            </div>
            <script type="application/json" id="data">\(json)</script>
            """
        return ReportHTML.page(title: phrase("report.explorer.title"), body: body, script: ExplorerScript.text, extraStyle: style, language: data.language)
    }

    static let style = """
        body { max-width: 88rem; } .explorer { display: block; } .picker fieldset { border: 1px solid #ccd; padding: 0.4rem 0.6rem; margin: 0; }
        .picker select, .picker input[type=search] { width: 100%; box-sizing: border-box; font-size: 11pt; padding: 0.2rem; }
        .picker details { border-top: 1px solid #e3e7ea; padding: 0.2rem 0; } .picker summary { cursor: pointer; font-weight: bold; padding: 0.2rem 0; }
        .picker label.role { display: block; padding: 0.15rem 0 0.15rem 1.6rem; text-indent: -1.4rem; overflow-wrap: anywhere; }
        .buttons button, .tools button { margin: 0.1rem 0.2rem 0.1rem 0; } .tools input { width: 12rem; max-width: 100%; }
        th button.sort { font: inherit; font-weight: bold; background: none; border: none; padding: 0; text-align: left; cursor: pointer; text-decoration: underline dotted; }
        th[aria-sort=descending] button.sort::after { content: " \\2193"; } th[aria-sort=ascending] button.sort::after { content: " \\2191"; } td.nowhere { font-weight: bold; color: #8a1c1c; }
        .results h2:first-child { margin-top: 0.5rem; } td { overflow-wrap: break-word; } .nobr, td.id { white-space: nowrap; }
        @media (min-width: 62rem) {
          .explorer { display: grid; grid-template-columns: minmax(17rem, 24rem) minmax(0, 1fr); gap: 1.5rem; align-items: start; }
          .picker { position: sticky; top: 0; max-height: 100vh; overflow-y: auto; }
        }
        @media (max-width: 40rem) {
          body { padding: 0 0.5rem; } .results { margin-top: 1rem; }
          #uncovered-table thead { display: none; } #uncovered-table, #uncovered-table tbody, #uncovered-table tr, #uncovered-table td { display: block; width: auto; }
          #uncovered-table tr { border: 1px solid #ccc; margin-bottom: 0.5rem; } #uncovered-table td { border: none; text-align: left; }
          #uncovered-table td::before { content: attr(data-label) ": "; font-weight: bold; }
        }
        """
}
