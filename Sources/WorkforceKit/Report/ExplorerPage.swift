/// The course-gap explorer: one self-contained page, data embedded, a little plain JavaScript,
/// that works opened straight from disk. A university picks its institution and work roles
/// (grouped by category, with a search box) and sees, beside the picker on a wide screen and
/// below it on a phone, the needed KSAs its offerings do not teach ranked by demand (the
/// figures of `courses uncovered`), who else in Belize teaches them or that nobody does, what
/// each of its offerings prepares for, and its coverage by all its offerings together.
enum ExplorerPage {
    static func page(offerings: [Offering], roles: [RoleProfile], context: GapContext?, store: WorkforceStore, banner: String?) -> String {
        let framework = (try? context.map { $0.framework } ?? store.framework(named: nil))
        let texts = framework.flatMap { try? store.statementTexts($0) } ?? [:]
        let names = framework.flatMap { try? store.areaAndCategoryNames($0) } ?? [:]
        // "Core roles": the curated set of the bundled bank, when it is made for this framework.
        let known = Set(roles.map(\.id))
        let core = ((try? ItemBank.bundled().roleSet(ItemBank.coreRoleSet, framework: framework?.name ?? "nice-2017")) ?? []).filter(known.contains)
        let data = ExplorerData(
            offerings: offerings, roles: roles, context: context, theta: context?.inputs.theta ?? 0.5, categoryNames: names, texts: texts, core: core)
        return page(data, banner: banner)
    }

    static func page(_ data: ExplorerData, banner: String?) -> String {
        // Inside <script>, "<" is written \u003c so that no text can close the element.
        let json = JSONWriter(indent: nil).string(data.json).replacingOccurrences(of: "<", with: "\\u003c")
        let percent = Figure.fixed(data.theta * 100, 0)
        var body = "<h1>Course-gap explorer</h1>"
        if let banner { body += ReportHTML.paragraph(banner, class: "synthetic") }
        body += """
            <p>Choose an institution and the work roles it wants to prepare people for. The page lists the
            roles' current KSAs that none of the institution's offerings teach, ranked by employer demand,
            and who else in Belize teaches them. Figures resting on fewer than 5 employers are left out.</p>
            """
        body += ReportHTML.paragraph(data.weighting, class: "note")
        body += """
            <div class="explorer">
            <form id="choices" class="picker" onsubmit="return false">
            <p><label for="institution">Institution</label><br><select id="institution"></select></p>
            <fieldset><legend>Work roles</legend>
            <p><label for="role-search">Find a role (name or id)</label><br><input type="search" id="role-search" autocomplete="off"></p>
            <p class="buttons"><button type="button" id="pick-demanded">Roles employers report</button>
            <button type="button" id="pick-core">Core roles for a small economy</button>
            <button type="button" id="pick-none">Clear</button></p>
            <p id="chosen" class="note" aria-live="polite"></p>
            <div id="roles"></div></fieldset>
            </form>
            <div class="results">
            <h2>Needed KSAs it does not teach</h2>
            <p id="count" aria-live="polite"></p>
            <p class="tools"><label for="filter">Filter the rows</label> <input type="search" id="filter" autocomplete="off">
            <label for="sort">Sort by</label> <select id="sort">
            <option value="demand">demand</option><option value="nowhere">taught nowhere in Belize first</option>
            <option value="roles">chosen roles needing it</option><option value="ksa">KSA id</option></select>
            <button type="button" id="download">Download CSV</button></p>
            <p id="shown" class="note" aria-live="polite"></p>
            <table id="uncovered-table"><thead><tr>
            <th scope="col"><button type="button" class="sort" data-sort="ksa">KSA</button></th>
            <th scope="col">Text</th>
            <th scope="col"><button type="button" class="sort" data-sort="demand">Demand: openings needing this KSA \(Markup.escape(data.within))</button></th>
            <th scope="col"><button type="button" class="sort" data-sort="roles">Chosen roles needing it</button></th>
            <th scope="col"><button type="button" class="sort" data-sort="nowhere">Taught elsewhere in Belize by</button></th>
            </tr></thead><tbody id="uncovered"></tbody></table>
            <h2>What each of its offerings prepares for</h2>
            <p class="note">An offering prepares for a work role when it teaches at least \(percent)% of the role's KSAs
            (a programme: its courses together), as in the plan and the supply figures.</p>
            <ul id="prepared"></ul>
            <h2>Coverage by all its offerings together</h2>
            <p class="note">The share of each chosen role's KSAs that at least one of the institution's offerings teaches.
            This is not preparation: no single offering need teach them together.</p>
            <ul id="coverage"></ul>
            </div>
            </div>
            <script type="application/json" id="data">\(json)</script>
            """
        return ReportHTML.page(title: "Course-gap explorer", body: body, script: ExplorerScript.text, extraStyle: style)
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
