import Foundation

extension WorkforceReport {
    /// How many untaught KSAs a role lists in the report (the table `tables/untaught_ksas.csv` has them all).
    static let untaughtPerRole = 10

    /// "What no course in Belize teaches": for each published work role with openings, the
    /// KSAs it needs that no offering of the national catalog teaches, each by its statement
    /// with its id, ranked by the openings needing it, and the institutions that come closest
    /// (whose offerings teach the most of the role's KSAs). `nil` when every needed KSA is taught.
    static func untaughtSection(
        _ data: ReportData, _ context: GapContext, _ tables: inout [(name: String, table: ResultTable)]
    ) -> Section? {
        let offerings = data.offerings
        let ksas = data.ksaGaps.filter { $0.demand.value > 0 && $0.taught == 0 }
        guard !ksas.isEmpty else { return nil }
        let byID = Dictionary(uniqueKeysWithValues: ksas.map { ($0.id, $0) })
        // What each institution's offerings teach, together.
        var teaches: [String: Set<String>] = [:]
        for o in offerings { teaches[o.institution, default: []].formUnion(o.ksas) }

        var table = ResultTable(columns: ["role_id", "role_name", "ksa_id", "text", "demand", "demand_ci_low", "demand_ci_high", "closest_institutions"])
        table.notes = [
            "Needed KSAs (of published work roles with openings) that no offering of the national catalog teaches, by work role; demand is the openings of every published role needing the KSA; the closest institutions teach the most of the role's KSAs."
        ]
        var html = "<p>\(plural(ksas.count, "needed KSA")) no course in Belize teaches, by the work roles that need them, each ranked by the openings needing it. "
            + "Beside each role, the institutions whose courses already teach the most of its knowledge, skills and abilities: the closest to teaching the rest.</p>"
        var md = "\(plural(ksas.count, "needed KSA")) no course in Belize teaches, by the work roles that need them, each ranked by the openings needing it, with the institutions that come closest.\n\n"
        let roles = context.estimates.roles.filter { $0.isPublished && $0.figures.demand.value > 0 }
            .sorted { $0.figures.demand.value > $1.figures.demand.value }
        for g in roles {
            let missing = g.role.ksas.compactMap { byID[$0] }.sorted { ($0.demand.value, $1.id) > ($1.demand.value, $0.id) }
            guard !missing.isEmpty else { continue }
            let closest = teaches.map { (institution: $0.key, count: $0.value.intersection(g.role.ksas).count) }.filter { $0.count > 0 }
                .sorted { ($0.count, $1.institution) > ($1.count, $0.institution) }.prefix(2)
            let closestWords = closest.map { "\($0.institution) (\($0.count) of its \(g.role.ksas.count))" }.joined(separator: "; ")
            for k in missing {
                table.append([
                    .text(g.role.id), .text(g.role.name), .text(k.id), .text(context.texts[k.id]?.text ?? ""), .double(k.demand.value),
                    k.demand.ciLow.map(Cell.double) ?? .null, k.demand.ciHigh.map(Cell.double) ?? .null, .text(closestWords),
                ])
            }
            let heading = "\(g.role.name) (\(g.role.id)): \(plural(missing.count, "KSA")) no course teaches"
            let closestSentence = closest.isEmpty
                ? "No institution teaches any of its KSAs yet."
                : "Closest: " + closest.map { "\($0.institution), which teaches \($0.count) of its \(g.role.ksas.count) KSAs" }.joined(separator: "; ") + "."
            var human = ResultTable(columns: ["KSA", "Openings needing it (95% CI)"])
            for k in missing.prefix(untaughtPerRole) { human.append([.text(ksaName(k.id, context)), .text(Figure.count(k.demand))]) }
            let rest = missing.count - min(missing.count, untaughtPerRole)
            let more = rest > 0 ? "<p class=\"note\">\(plural(rest, "more KSA")) of this role, needed by as many openings or fewer: the table of untaught KSAs in the tables folder beside this report lists all \(missing.count).</p>" : ""
            html += "<h3>\(Markup.escape(heading))</h3><p>\(Markup.escape(closestSentence))</p>" + ReportHTML.table(human) + more
            md += "### \(Markup.markdownText(heading))\n\n\(Markup.markdownText(closestSentence))\n\n" + markdown(human)
                + (rest > 0 ? "\n\(plural(rest, "more KSA")) of this role, needed by as many openings or fewer: the table of untaught KSAs in the tables folder beside this report lists all \(missing.count).\n\n" : "")
        }
        tables.append(("untaught_ksas", table))
        return Section(id: "untaught", title: "What no course in Belize teaches", html: html, markdown: md)
    }

    /// A KSA by its statement with its id beside it (``Labels/ksa(_:statement:)``).
    static func ksaName(_ id: String, _ context: GapContext) -> String { Labels.ksa(id, statement: context.texts[id]?.text) }
}
