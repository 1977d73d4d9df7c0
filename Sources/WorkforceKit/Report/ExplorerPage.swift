/// The course-gap explorer: one self-contained page, data embedded, a little plain JavaScript,
/// that works opened straight from disk. A university picks its institution and roles and sees
/// the needed KSAs its offerings do not teach (ranked by demand), the roles its offerings
/// prepare for, and who else teaches what it lacks.
enum ExplorerPage {
    static func page(offerings: [Offering], roles: [RoleProfile], context: GapContext?, store: WorkforceStore, banner: String?) -> String {
        var demand: [String: Double] = [:]
        var demanded: [String] = []
        if let context {
            // Only published figures: KSA demand from the published roles (as `gaps --by ksa`).
            for k in GapAnalysis.ksaGaps(context.estimates) where k.demand.value > 0 { demand[k.id] = k.demand.value }
            demanded = context.estimates.roles.filter { $0.isPublished && $0.figures.demand.value > 0 }.map(\.role.id)
        }
        let texts = (try? store.statementTexts(try store.framework(named: nil))) ?? [:]
        // "Core roles": the curated set of the bundled bank, when it is made for this framework.
        let framework = context?.framework.name ?? "nice-2017"
        let known = Set(roles.map(\.id))
        let core = ((try? ItemBank.bundled().roleSet(DemoData.roleSet, framework: framework)) ?? []).filter(known.contains)
        let needed = roles.reduce(into: Set<String>()) { $0.formUnion($1.ksas) }
        let data: JSONValue = .object([
            (key: "institutions", value: .array(Array(Set(offerings.map(\.institution))).sorted().map { .string($0) })),
            (key: "offerings", value: .array(offerings.map { o in
                .object([(key: "institution", value: .string(o.institution)), (key: "code", value: .string(o.code)), (key: "title", value: .string(o.title)),
                         (key: "ksas", value: .array(o.ksas.sorted().map { .string($0) }))])
            })),
            (key: "roles", value: .array(roles.map { r in
                .object([(key: "id", value: .string(r.id)), (key: "name", value: .string(r.name)), (key: "ksas", value: .array(r.ksas.sorted().map { .string($0) }))])
            })),
            (key: "texts", value: .object(needed.sorted().map { (key: $0, value: .string(texts[$0]?.text ?? "")) })),
            (key: "demand", value: .object(demand.sorted { $0.key < $1.key }.map { (key: $0.key, value: .number($0.value)) })),
            (key: "demanded", value: .array(demanded.map { .string($0) })),
            (key: "core", value: .array(core.map { .string($0) })),
        ])
        // Inside <script>, "<" is written \u003c so that no text can close the element.
        let json = JSONWriter(indent: nil).string(data).replacingOccurrences(of: "<", with: "\\u003c")
        var body = "<h1>Course-gap explorer</h1>"
        if let banner { body += ReportHTML.paragraph(banner, class: "synthetic") }
        body += """
            <p>Choose an institution and the work roles it wants to prepare people for. The page lists the
            roles' current KSAs that none of the institution's offerings teach, ranked by employer demand,
            and who else in the country teaches them. Figures resting on fewer than 5 employers are left out.</p>
            <form id="choices" onsubmit="return false">
            <p><label for="institution">Institution</label>
            <select id="institution"></select></p>
            <fieldset><legend>Work roles</legend>
            <p><button type="button" id="pick-demanded">Roles employers report</button>
            <button type="button" id="pick-core">Core roles for a small economy</button>
            <button type="button" id="pick-none">Clear</button></p>
            <div id="roles"></div></fieldset>
            </form>
            <h2>Roles its offerings prepare for (coverage at least 50%)</h2>
            <ul id="prepared"></ul>
            <h2>Needed KSAs it does not teach</h2>
            <p id="count" aria-live="polite"></p>
            <table><thead><tr><th scope="col">KSA</th><th scope="col">Text</th><th scope="col">Demand</th><th scope="col">Taught elsewhere by</th></tr></thead>
            <tbody id="uncovered"></tbody></table>
            <script type="application/json" id="data">\(json)</script>
            """
        return ReportHTML.page(title: "Course-gap explorer", body: body, script: script)
    }

    static let script = """
        "use strict";
        const data = JSON.parse(document.getElementById("data").textContent);
        const select = document.getElementById("institution");
        const rolesBox = document.getElementById("roles");
        function el(tag, text) { const e = document.createElement(tag); if (text !== undefined) e.textContent = text; return e; }
        for (const name of data.institutions) { const o = el("option", name); o.value = name; select.appendChild(o); }
        for (const role of data.roles) {
          const label = el("label"); const box = el("input"); box.type = "checkbox"; box.value = role.id; box.className = "role";
          label.appendChild(box); label.appendChild(document.createTextNode(" " + role.name + " (" + role.id + ")"));
          const p = el("div"); p.appendChild(label); rolesBox.appendChild(p);
        }
        function pick(ids) { for (const b of document.querySelectorAll("input.role")) b.checked = ids.includes(b.value); update(); }
        document.getElementById("pick-demanded").addEventListener("click", () => pick(data.demanded));
        document.getElementById("pick-core").addEventListener("click", () => pick(data.core));
        document.getElementById("pick-none").addEventListener("click", () => pick([]));
        select.addEventListener("change", update);
        rolesBox.addEventListener("change", update);
        function update() {
          const inst = select.value;
          const mine = data.offerings.filter(o => o.institution === inst);
          const taught = new Set(mine.flatMap(o => o.ksas));
          const chosen = new Set([...document.querySelectorAll("input.role:checked")].map(b => b.value));
          const prepared = document.getElementById("prepared"); prepared.replaceChildren();
          for (const role of data.roles) {
            const covered = role.ksas.filter(k => taught.has(k)).length / Math.max(1, role.ksas.length);
            if (covered >= 0.5) prepared.appendChild(el("li", role.name + " (" + role.id + "): " + Math.round(covered * 100) + "%"));
          }
          if (!prepared.children.length) prepared.appendChild(el("li", "none at 50% coverage"));
          const needed = new Map();
          for (const role of data.roles) if (chosen.has(role.id)) for (const k of role.ksas) if (!taught.has(k)) needed.set(k, (needed.get(k) || 0) + 1);
          const rows = [...needed.keys()].sort((a, b) => (data.demand[b] || 0) - (data.demand[a] || 0) || needed.get(b) - needed.get(a) || (a < b ? -1 : 1));
          const body = document.getElementById("uncovered"); body.replaceChildren();
          for (const k of rows) {
            const tr = el("tr");
            const elsewhere = data.offerings.filter(o => o.institution !== inst && o.ksas.includes(k));
            const by = {}; for (const o of elsewhere) (by[o.institution] = by[o.institution] || []).push(o.code);
            tr.appendChild(el("td", k)); tr.appendChild(el("td", data.texts[k] || ""));
            const d = el("td", String(Math.round((data.demand[k] || 0) * 10) / 10)); d.className = "n"; tr.appendChild(d);
            tr.appendChild(el("td", Object.keys(by).sort().map(i => i + " (" + by[i].join(", ") + ")").join("; ")));
            body.appendChild(tr);
          }
          document.getElementById("count").textContent = chosen.size ? rows.length + " KSAs of the chosen roles are not taught at " + inst + "." : "Choose work roles to see what is missing.";
        }
        // A link may choose the institution: explorer.html#institution=University%20of%20Belize
        const wanted = new URLSearchParams(location.hash.slice(1)).get("institution");
        select.value = data.institutions.includes(wanted) ? wanted : (data.institutions.includes("University of Belize") ? "University of Belize" : data.institutions[0] || "");
        pick(data.demanded.length ? data.demanded : data.core);
        """
}
