/// The explorer's script: plain JavaScript, no library, no network. It computes what
/// `courses uncovered --institution NAME --roles IDS` computes from the embedded data (the same
/// set of KSAs, the same demand, the same ranking: demand, then the number of chosen roles
/// needing the KSA, then the id), and builds the CSV download as a `Blob`.
enum ExplorerScript {
    static let text = #"""
        "use strict";
        const data = JSON.parse(document.getElementById("data").textContent);
        const $ = id => document.getElementById(id);
        // The page's words, in its language: say("count", {n: 3}) fills "{n}".
        function say(key, values) { let t = data.words[key] || key; for (const [k, v] of Object.entries(values || {})) t = t.split("{" + k + "}").join(String(v)); return t; }
        const label = data.labels;
        const select = $("institution"), rolesBox = $("roles"), search = $("role-search"), filter = $("filter"), sortBy = $("sort");
        let rows = [];
        function el(tag, text, cls) { const e = document.createElement(tag); if (text !== undefined) e.textContent = text; if (cls) e.className = cls; return e; }
        const roleName = {}; for (const r of data.roles) roleName[r.id] = r.name;
        for (const name of data.institutions) { const o = el("option", name); o.value = name; select.appendChild(o); }
        for (const cat of data.categories) {
          const members = data.roles.filter(r => r.category === cat.id).sort((a, b) => a.name < b.name ? -1 : 1);
          if (!members.length) continue;
          const box = el("details"); box.dataset.category = cat.id;
          const summary = el("summary"); summary.appendChild(el("span", cat.name + (cat.id ? " (" + cat.id + ")" : "")));
          const counter = el("span", "", "note"); counter.dataset.counter = cat.id; summary.appendChild(document.createTextNode(" ")); summary.appendChild(counter);
          box.appendChild(summary);
          for (const role of members) {
            const label = el("label", undefined, "role"); const input = el("input"); input.type = "checkbox"; input.value = role.id; input.className = "role";
            label.dataset.search = (role.name + " " + role.id).toLowerCase();
            label.appendChild(input); label.appendChild(document.createTextNode(" " + role.name + " ")); label.appendChild(el("span", "(" + role.id + ")", "nobr"));
            box.appendChild(label);
          }
          rolesBox.appendChild(box);
        }
        // On a wide screen the categories with chosen roles open; on a phone they stay closed, so
        // that the results below the picker are near.
        const wide = matchMedia("(min-width: 62rem)");
        const boxes = () => [...document.querySelectorAll("input.role")];
        function pick(ids) { for (const b of boxes()) b.checked = ids.includes(b.value); update(); }
        $("pick-demanded").addEventListener("click", () => pick(data.demanded));
        $("pick-core").addEventListener("click", () => pick(data.core));
        $("pick-none").addEventListener("click", () => pick([]));
        select.addEventListener("change", update);
        rolesBox.addEventListener("change", update);
        search.addEventListener("input", () => {
          const q = search.value.trim().toLowerCase();
          for (const box of rolesBox.querySelectorAll("details")) {
            let shown = 0;
            for (const label of box.querySelectorAll("label.role")) { const hit = !q || label.dataset.search.includes(q); label.hidden = !hit; if (hit) shown++; }
            box.hidden = shown === 0; if (q) box.open = shown > 0;
          }
        });
        filter.addEventListener("input", render);
        sortBy.addEventListener("change", render);
        for (const b of document.querySelectorAll("button.sort")) b.addEventListener("click", () => { sortBy.value = b.dataset.sort; render(); });
        const demandOf = k => data.demand[k] || 0;
        // The order of `courses uncovered`: demand, then chosen roles needing it, then the id.
        const byDemand = (a, b) => demandOf(b.ksa) - demandOf(a.ksa) || b.roles.length - a.roles.length || (a.ksa < b.ksa ? -1 : a.ksa > b.ksa ? 1 : 0);
        const orders = {
          demand: byDemand,
          nowhere: (a, b) => (b.elsewhere.length === 0) - (a.elsewhere.length === 0) || byDemand(a, b),
          roles: (a, b) => b.roles.length - a.roles.length || byDemand(a, b),
          ksa: (a, b) => (a.ksa < b.ksa ? -1 : a.ksa > b.ksa ? 1 : 0),
        };
        function whole(x) { return String(Math.round(x)); }
        function update() {
          const inst = select.value;
          const mine = data.offerings.filter(o => o.institution === inst);
          const taught = new Set(mine.flatMap(o => o.ksas));
          const chosen = new Set(boxes().filter(b => b.checked).map(b => b.value));
          for (const c of document.querySelectorAll("[data-counter]")) {
            const all = data.roles.filter(r => r.category === c.dataset.counter);
            const n = all.filter(r => chosen.has(r.id)).length;
            c.textContent = say("chosen_of", { n: n, all: all.length });
            if (n && wide.matches) c.closest("details").open = true;
          }
          $("chosen").textContent = chosen.size ? say("roles_chosen", { n: chosen.size }) : say("no_role_chosen");
          const prepared = $("prepared"); prepared.replaceChildren();
          for (const o of mine) {
            const li = el("li"); li.appendChild(el("strong", o.code)); li.appendChild(document.createTextNode(" " + o.title + ": "));
            li.appendChild(document.createTextNode(o.prepares.length
              ? say("prepares_for", { list: o.prepares.map(p => say("prepares_item", { role: roleName[p.role], id: p.role, percent: Math.round(p.coverage * 100) })).join("; ") })
              : say("prepares_none", { percent: Math.round(data.theta * 100) })));
            prepared.appendChild(li);
          }
          if (!mine.length) prepared.appendChild(el("li", say("no_offering")));
          const coverage = $("coverage"); coverage.replaceChildren();
          for (const role of data.roles) if (chosen.has(role.id)) {
            const share = role.ksas.filter(k => taught.has(k)).length / Math.max(1, role.ksas.length);
            coverage.appendChild(el("li", say("coverage_item", { role: role.name, id: role.id, percent: Math.round(share * 100) })));
          }
          if (!chosen.size) coverage.appendChild(el("li", say("choose_for_coverage")));
          const needed = new Map();
          for (const role of data.roles) if (chosen.has(role.id)) for (const k of role.ksas) if (!taught.has(k)) { if (!needed.has(k)) needed.set(k, []); needed.get(k).push(role.id); }
          rows = [...needed.entries()].map(([k, ids]) => {
            const by = {};
            for (const o of data.offerings) if (o.institution !== inst && o.ksas.includes(k)) (by[o.institution] = by[o.institution] || []).push(o.code);
            const names = Object.keys(by).sort();
            return { ksa: k, kind: data.kinds[k] || "", text: data.texts[k] || "", roles: ids.sort(), places: names.map(i => [i, by[i]]),
              elsewhere: names.map(i => i + " (" + by[i].join(", ") + ")") };
          });
          $("count").textContent = chosen.size
            ? say("count", { n: rows.length, institution: inst, nowhere: rows.filter(r => !r.elsewhere.length).length })
            : say("choose_for_missing");
          render();
        }
        function shownRows() {
          const q = filter.value.trim().toLowerCase();
          const list = rows.filter(r => !q || [r.ksa, r.text, r.roles.join(" "), r.elsewhere.join(" ") || say("nowhere")].join(" ").toLowerCase().includes(q));
          return list.sort(orders[sortBy.value] || byDemand);
        }
        function render() {
          const body = $("uncovered"); body.replaceChildren();
          for (const th of document.querySelectorAll("#uncovered-table th")) {
            const b = th.querySelector("button.sort"); if (b && b.dataset.sort === sortBy.value) th.setAttribute("aria-sort", sortBy.value === "ksa" ? "ascending" : "descending"); else th.removeAttribute("aria-sort");
          }
          const list = shownRows();
          const unit = say("demand_label", { within: data.within });
          for (const r of list) {
            const tr = el("tr");
            const cells = [[label.column_ksa, r.ksa, "id"], [label.column_text, r.text, ""], [unit, whole(demandOf(r.ksa)), "n"],
              [label.column_roles, r.roles.map(id => roleName[id]).join("; "), ""]];
            for (const [label, text, cls] of cells) { const td = el("td", text, cls); td.dataset.label = label; tr.appendChild(td); }
            tr.children[3].title = r.roles.join(" ");
            const where = el("td", undefined, r.places.length ? "" : "nowhere"); where.dataset.label = label.column_elsewhere;
            if (!r.places.length) where.textContent = say("nowhere");
            r.places.forEach(([name, codes], i) => {
              where.appendChild(document.createTextNode((i ? "; " : "") + name + " ("));
              codes.forEach((code, j) => { if (j) where.appendChild(document.createTextNode(", ")); where.appendChild(el("span", code, "nobr")); });
              where.appendChild(document.createTextNode(")"));
            });
            tr.appendChild(where);
            // The plan's actions that would teach it, each a link to the plan in the report.
            const planned = el("td"); planned.dataset.label = label.column_plan;
            (data.plan[r.ksa] || []).forEach((text, i) => {
              if (i) planned.appendChild(document.createTextNode("; "));
              const a = el("a", text); a.href = "report.html#plan"; planned.appendChild(a);
            });
            tr.appendChild(planned);
            body.appendChild(tr);
          }
          $("shown").textContent = list.length === rows.length ? "" : say("matching", { n: list.length, all: rows.length });
        }
        \#(Neutralisation.javaScript)
        function csvField(x) { const s = neutralise(x); return /[",\n\r]/.test(s) || /^ | $/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s; }
        $("download").addEventListener("click", () => {
          const lines = [["ksa_id", "kind", "text", "demand", "roles", "taught_elsewhere_by", "taught_nowhere", "plan_actions"].join(",")];
          for (const r of shownRows()) lines.push([r.ksa, r.kind, r.text, demandOf(r.ksa).toFixed(2), r.roles.join(" "), r.elsewhere.join("; "), r.elsewhere.length ? "false" : "true", (data.plan[r.ksa] || []).join("; ")].map(csvField).join(","));
          const blob = new Blob([lines.join("\r\n") + "\r\n"], { type: "text/csv;charset=utf-8" });
          const a = el("a"); a.href = URL.createObjectURL(blob); a.download = "uncovered-" + select.value.replace(/[^A-Za-z0-9]+/g, "-") + ".csv";
          document.body.appendChild(a); a.click(); a.remove(); setTimeout(() => URL.revokeObjectURL(a.href), 1000);
        });
        // A link may choose the institution: explorer.html#institution=University%20of%20Belize
        const wanted = new URLSearchParams(location.hash.slice(1)).get("institution");
        select.value = data.institutions.includes(wanted) ? wanted : (data.institutions.includes("University of Belize") ? "University of Belize" : data.institutions[0] || "");
        pick(data.demanded.length ? data.demanded : data.core);
        """#
}
