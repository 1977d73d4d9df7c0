/// The questions University of Belize staff bring to the catalog: what each offering prepares
/// for, which needed KSAs no course teaches, and who teaches what.
package enum CourseAnalysis {
    /// The KSAs each offering teaches: its own, or for a programme's row the union of its courses'.
    package static func taughtKSAs(_ offerings: [Offering]) -> [Int64: Set<String>] {
        var taught = Dictionary(uniqueKeysWithValues: offerings.map { ($0.id, $0.ksas) })
        for unit in SupplyUnit.units(offerings) where unit.isProgramme {
            if let first = unit.offerings.first, offerings.first(where: { $0.id == first })?.programme == nil {
                taught[first] = unit.ksas
            }
        }
        return taught
    }

    /// The national catalog: each offering with its KSA count, completions and the roles it
    /// prepares for (`coverage >= θ`).
    package static func catalogTable(_ offerings: [Offering], roles: [RoleProfile], theta: Double) -> ResultTable {
        var table = ResultTable(columns: [
            "institution", "code", "title", "level", "delivery_mode", "programme", "ksas", "annual_completions", "prepares_for",
            "declared_roles", "last_updated",
        ])
        let taught = taughtKSAs(offerings)
        for o in offerings {
            let prepared = Coverage.preparedRoles(taught[o.id] ?? o.ksas, roles, theta: theta)
            table.append([
                .text(o.institution), .text(o.code), .text(o.title), .text(o.level), .text(o.deliveryMode), o.programme.map(Cell.text) ?? .null,
                .int((taught[o.id] ?? o.ksas).count), .int(o.completions), .text(prepared.map(\.role.id).joined(separator: " ")),
                .text(o.declaredRoles.joined(separator: " ")), .text(o.lastUpdated),
            ])
        }
        return table
    }

    /// The current KSAs needed by `roles` that no offering of `institution` (or, without one, of
    /// the country) teaches, ranked by KSA-level demand, then by how many of the roles need it.
    package static func uncovered(
        _ offerings: [Offering], roles: [RoleProfile], institution: String?, demand: [String: Double],
        texts: [String: (kind: String, text: String)]
    ) -> ResultTable {
        var columns = ["ksa_id", "kind", "text", "demand", "roles"]
        if institution != nil { columns.append("taught_elsewhere_by") }
        var table = ResultTable(columns: columns)
        let mine = offerings.filter { institution == nil || $0.institution == institution }
        let taughtHere = mine.reduce(into: Set<String>()) { $0.formUnion($1.ksas) }
        var needed: [String: [String]] = [:]
        for role in roles { for k in role.ksas where !taughtHere.contains(k) { needed[k, default: []].append(role.id) } }
        let ranked = needed.sorted { a, b in
            let da = demand[a.key] ?? 0, db = demand[b.key] ?? 0
            return (da, a.value.count, b.key) > (db, b.value.count, a.key)
        }
        for (k, roleIDs) in ranked {
            var row: [Cell] = [
                .text(k), .text(texts[k]?.kind ?? ""), .text(texts[k]?.text ?? ""), .double(demand[k] ?? 0), .text(roleIDs.sorted().joined(separator: " ")),
            ]
            if institution != nil {
                var elsewhere: [String: [String]] = [:]
                for o in offerings where o.institution != institution && o.ksas.contains(k) { elsewhere[o.institution, default: []].append(o.code) }
                row.append(.text(elsewhere.sorted { $0.key < $1.key }.map { "\($0.key) (\($0.value.joined(separator: ", ")))" }.joined(separator: "; ")))
            }
            table.append(row)
        }
        return table
    }

    /// The offerings that teach `ksa`.
    package static func covering(_ ksa: String, _ offerings: [Offering]) -> ResultTable {
        var table = ResultTable(columns: ["institution", "code", "title", "level", "delivery_mode", "annual_completions", "programme"])
        for o in offerings where o.ksas.contains(ksa) {
            table.append([
                .text(o.institution), .text(o.code), .text(o.title), .text(o.level), .text(o.deliveryMode), .int(o.completions),
                o.programme.map(Cell.text) ?? .null,
            ])
        }
        return table
    }

    /// Per institution, each role's coverage by the union of all its offerings (0 to 1).
    package static func matrix(_ offerings: [Offering], roles: [RoleProfile], institution: String?) -> ResultTable {
        let institutions = Array(Set(offerings.map(\.institution))).sorted().filter { institution == nil || $0 == institution }
        var table = ResultTable(columns: ["institution"] + roles.map(\.id))
        for name in institutions {
            let taught = offerings.filter { $0.institution == name }.reduce(into: Set<String>()) { $0.formUnion($1.ksas) }
            table.append([.text(name)] + roles.map { .double((Coverage.coverage(taught, $0.ksas) * 10_000).rounded() / 10_000) })
        }
        return table
    }
}
