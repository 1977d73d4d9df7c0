import Foundation
import Testing

/// The course-gap explorer's embedded data gives the figures of `courses uncovered`, `gaps --by
/// ksa` and `catalog` on the demo's database (stored frame, no flags): the same demand per KSA,
/// the same KSAs in the same order for an institution, the same "taught elsewhere" (empty in the
/// CLI when the page says "taught nowhere in Belize"), and what each offering prepares for.
@Suite struct ExplorerAgreementTests {
    struct Embedded {
        var object: [String: Any]
        var demand: [String: Double] { object["demand"] as? [String: Double] ?? [:] }
        var demanded: [String] { object["demanded"] as? [String] ?? [] }
        var roles: [[String: Any]] { object["roles"] as? [[String: Any]] ?? [] }
        var offerings: [[String: Any]] { object["offerings"] as? [[String: Any]] ?? [] }
    }

    /// The data the page embeds in `<script type="application/json" id="data">`.
    static func embedded(_ html: String) throws -> Embedded {
        let open = "<script type=\"application/json\" id=\"data\">"
        let start = try #require(html.range(of: open))
        let end = try #require(html.range(of: "</script>", range: start.upperBound..<html.endIndex))
        let object = try JSONSerialization.jsonObject(with: Data(html[start.upperBound..<end.lowerBound].utf8)) as? [String: Any]
        return Embedded(object: try #require(object))
    }

    /// What the page's script computes for `institution` and the roles employers report (the
    /// order of `courses uncovered`: demand, roles needing the KSA, id), as the CLI writes it.
    static func uncovered(_ data: Embedded, institution: String) -> [[String]] {
        let chosen = Set(data.demanded)
        let offerings = data.offerings.map { o in
            (institution: o["institution"] as? String ?? "", code: o["code"] as? String ?? "", ksas: Set(o["ksas"] as? [String] ?? []))
        }
        let taught = offerings.filter { $0.institution == institution }.reduce(into: Set<String>()) { $0.formUnion($1.ksas) }
        var needed: [String: [String]] = [:]
        for role in data.roles {
            guard let id = role["id"] as? String, chosen.contains(id) else { continue }
            for k in role["ksas"] as? [String] ?? [] where !taught.contains(k) { needed[k, default: []].append(id) }
        }
        let ranked = needed.sorted { a, b in
            let da = data.demand[a.key] ?? 0, db = data.demand[b.key] ?? 0
            return (da, a.value.count, b.key) > (db, b.value.count, a.key)
        }
        return ranked.map { k, ids in
            var by: [String: [String]] = [:]
            for o in offerings where o.institution != institution && o.ksas.contains(k) { by[o.institution, default: []].append(o.code) }
            let elsewhere = by.sorted { $0.key < $1.key }.map { "\($0.key) (\($0.value.joined(separator: ", ")))" }.joined(separator: "; ")
            return [k, String(format: "%.9f", data.demand[k] ?? 0), ids.sorted().joined(separator: " "), elsewhere]
        }
    }

    @Test func theExplorerGivesTheFiguresOfCoursesUncoveredWithTheStoredFrame() throws {
        let scratch = try Scratch()
        let db = scratch.path("demo.sqlite"), out = scratch.url.appendingPathComponent("demo")
        let demo = try runWorkforce(["demo", "--out", out.path, "--db", db], in: scratch.url)
        try #require(demo.code == 0, "\(demo.stderr)")
        let data = try Self.embedded(try String(contentsOf: out.appendingPathComponent("explorer.html"), encoding: .utf8))
        #expect(data.demand.count > 50 && !data.demanded.isEmpty)
        #expect((data.object["weighting"] as? String)?.contains("stored sampling frame v1 (frame.csv") == true)
        #expect(data.object["within"] as? String == "within 1 year")

        // Every KSA's demand is that of `gaps --by ksa` (published rows) and `courses uncovered`.
        let gaps = try jsonRows(try runWorkforce(["gaps", "--by", "ksa", "--format", "json", "--db", db], in: scratch.url).stdout)
        let published = gaps.filter { ($0["demand"] as? Double ?? 0) > 0 }
        #expect(published.count == data.demand.count)
        for row in published {
            let id = row["ksa_id"] as? String ?? ""
            #expect(abs((row["demand"] as? Double ?? -1) - (data.demand[id] ?? 0)) < 1e-9, "\(id)")
        }
        for institution in ["University of Belize", "Galen University"] {
            let cli = try runWorkforce(["courses", "uncovered", "--institution", institution, "--format", "json", "--db", db], in: scratch.url)
            #expect(cli.code == 0, "\(cli.stderr)")
            let rows = try jsonRows(cli.stdout).map { r in
                [r["ksa_id"] as? String ?? "", String(format: "%.9f", r["demand"] as? Double ?? -1), r["roles"] as? String ?? "", r["taught_elsewhere_by"] as? String ?? ""]
            }
            let page = Self.uncovered(data, institution: institution)
            #expect(rows.count > 5 && rows == page, "\(institution): \(rows.prefix(3)) vs \(page.prefix(3))")
            #expect(rows.contains { $0[3].isEmpty }, "some KSA is taught nowhere in Belize")
        }

        // What each offering prepares for is the catalog's (the plan's rule).
        let catalog = try jsonRows(try runWorkforce(["catalog", "--format", "json", "--db", db], in: scratch.url).stdout)
        #expect(catalog.count == data.offerings.count)
        for (row, offering) in zip(catalog, data.offerings) {
            let prepares = (offering["prepares"] as? [[String: Any]] ?? []).compactMap { $0["role"] as? String }
            #expect(row["code"] as? String == offering["code"] as? String)
            #expect(row["prepares_for"] as? String == prepares.joined(separator: " "), "\(row["code"] ?? "")")
        }
    }
}
