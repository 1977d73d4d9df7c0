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
        let phrase = Words.bundled.phrasebook(data.options.language)
        var blocks: [ReportBlock] = [.paragraph([.text(phrase("report.untaught.lead", ["count": counted(phrase, "report.untaught.needed", ksas.count)]))])]
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
            let total = String(g.role.ksas.count)
            let closestSentence = closest.isEmpty
                ? phrase("report.untaught.closest_none")
                : phrase("report.untaught.closest", [
                    "list": closest.map { phrase("report.untaught.closest_item", ["institution": $0.institution, "count": String($0.count), "total": total]) }
                        .joined(separator: "; "),
                ])
            var human = ResultTable(columns: [phrase("report.untaught.column_ksa"), phrase("report.untaught.column_openings")])
            for k in missing.prefix(untaughtPerRole) {
                human.append([.text(ksaName(k.id, context)), .text(ReportFigure.count(k.demand, .roleMentions, grade: nil).shown(data.options.language))])
            }
            blocks += [
                .heading(level: 3, text: phrase("report.untaught.heading", ["role": g.role.name, "id": g.role.id, "count": counted(phrase, "report.ksas", missing.count)])),
                .paragraph([.text(closestSentence)]), .table(human),
            ]
            let rest = missing.count - min(missing.count, untaughtPerRole)
            if rest > 0 {
                blocks.append(.paragraph([.text(phrase("report.untaught.more", ["count": counted(phrase, "report.untaught.more_ksas", rest), "total": String(missing.count)]))], style: .note))
            }
        }
        tables.append(("untaught_ksas", table))
        return Section(id: "untaught", title: phrase("report.section.untaught"), blocks: blocks)
    }

    /// `count` with its noun, singular or plural as the language has it: the words of key
    /// `key.one` (exactly one) or `key.other`, with `{count}` filled by the number.
    static func counted(_ phrase: Phrasebook, _ key: String, _ count: Int) -> String {
        phrase(count == 1 ? key + ".one" : key + ".other", ["count": Figure.count(Double(count), phrase.language.rawValue)])
    }

    /// A KSA by its statement with its id beside it (``Labels/ksa(_:statement:)``).
    static func ksaName(_ id: String, _ context: GapContext) -> String { Labels.ksa(id, statement: context.texts[id]?.text) }
}
