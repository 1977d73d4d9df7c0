/// One offering of the national training catalog, as stored.
package struct Offering: Sendable, Equatable {
    package var id: Int64
    package var institution: String
    package var code: String
    package var title: String
    package var level: String
    package var deliveryMode: String
    package var completions: Int
    package var programme: String?
    package var hours: Double?
    package var credits: Double?
    package var intake: Int?
    package var lastUpdated: String
    package var batchID: Int64
    /// The current KSAs its row lists.
    package var ksas: Set<String>
    /// The work roles its row names (as the registrar declared them).
    package var declaredRoles: [String]

    package init(
        id: Int64, institution: String, code: String, title: String, level: String, deliveryMode: String, completions: Int,
        programme: String? = nil, hours: Double? = nil, credits: Double? = nil, intake: Int? = nil, lastUpdated: String = "",
        batchID: Int64 = 0, ksas: Set<String>, declaredRoles: [String] = []
    ) {
        self.id = id
        self.institution = institution
        self.code = code
        self.title = title
        self.level = level
        self.deliveryMode = deliveryMode
        self.completions = completions
        self.programme = programme
        self.hours = hours
        self.credits = credits
        self.intake = intake
        self.lastUpdated = lastUpdated
        self.batchID = batchID
        self.ksas = ksas
        self.declaredRoles = declaredRoles
    }
}

/// A work role with the KSAs it needs (its non-withdrawn K, S and A statements).
package struct RoleProfile: Sendable, Equatable {
    package var id: String
    package var name: String
    package var specialtyArea: String?
    package var category: String?
    package var ksas: Set<String>

    package init(id: String, name: String, specialtyArea: String? = nil, category: String? = nil, ksas: Set<String>) {
        self.id = id
        self.name = name
        self.specialtyArea = specialtyArea
        self.category = category
        self.ksas = ksas
    }
}

/// What supplies graduates: a standalone offering, or a programme with its courses.
///
/// A programme (the rows sharing `programme` within an institution) teaches the union of its
/// courses' KSAs, and its completions are counted once: those of the programme's own row (the
/// row whose code the courses name), or, when there is no such row, the smallest of its
/// courses' completions (finishing the programme takes every course). A course that belongs
/// to a programme is not counted again on its own.
package struct SupplyUnit: Sendable, Equatable {
    package var institution: String
    package var code: String
    package var title: String
    package var completions: Int
    package var ksas: Set<String>
    /// The catalog offerings it is made of (the programme's row first, when there is one).
    package var offerings: [Int64]
    package var isProgramme: Bool

    /// The units of a catalog: programmes and standalone offerings, in catalog order.
    package static func units(_ offerings: [Offering]) -> [SupplyUnit] {
        var units: [SupplyUnit] = []
        var unitIndex: [String: Int] = [:]  // institution + code of a programme → unit
        func key(_ institution: String, _ code: String) -> String { institution + "\u{1F}" + code.lowercased() }
        let codes = Set(offerings.map { key($0.institution, $0.code) })
        let programmeCodes = Set(offerings.compactMap { o in o.programme.map { key(o.institution, $0) } })
        for o in offerings where o.programme == nil {
            let isProgramme = programmeCodes.contains(key(o.institution, o.code))
            if isProgramme { unitIndex[key(o.institution, o.code)] = units.count }
            units.append(
                SupplyUnit(
                    institution: o.institution, code: o.code, title: o.title, completions: o.completions, ksas: o.ksas,
                    offerings: [o.id], isProgramme: isProgramme))
        }
        for o in offerings {
            guard let programme = o.programme else { continue }
            let k = key(o.institution, programme)
            if let u = unitIndex[k] {
                units[u].ksas.formUnion(o.ksas)
                units[u].offerings.append(o.id)
                if !codes.contains(k) { units[u].completions = min(units[u].completions, o.completions) }
            } else {
                // A programme without a row of its own: named by its code, completions the smallest.
                unitIndex[k] = units.count
                units.append(
                    SupplyUnit(
                        institution: o.institution, code: programme, title: "programme \(programme)", completions: o.completions,
                        ksas: o.ksas, offerings: [o.id], isProgramme: true))
            }
        }
        return units
    }
}

/// Coverage of roles by what an offering teaches (SPEC section 6).
package enum Coverage {
    /// `coverage(p, r) = |K_p ∩ K_r| / |K_r|`; 0 for a role without KSAs.
    package static func coverage(_ taught: Set<String>, _ needed: Set<String>) -> Double {
        guard !needed.isEmpty else { return 0 }
        return Double(taught.intersection(needed).count) / Double(needed.count)
    }

    /// `R_p = { r : coverage(p, r) >= θ }`, each with its coverage, in `roles` order.
    package static func preparedRoles(_ taught: Set<String>, _ roles: [RoleProfile], theta: Double) -> [(role: RoleProfile, coverage: Double)] {
        roles.compactMap { role in
            let c = coverage(taught, role.ksas)
            return c >= theta && c > 0 ? (role, c) : nil
        }
    }

    /// `share_p(r) = coverage(p, r) / Σ_{r' ∈ R_p} coverage(p, r')`: each completion counted once.
    package static func shares(_ taught: Set<String>, _ roles: [RoleProfile], theta: Double) -> [String: Double] {
        let prepared = preparedRoles(taught, roles, theta: theta)
        let total = prepared.reduce(0) { $0 + $1.coverage }
        guard total > 0 else { return [:] }
        return Dictionary(uniqueKeysWithValues: prepared.map { ($0.role.id, $0.coverage / total) })
    }

    /// `supply_h(r) = Σ_p completions_p · years(h) · share_p(r)`, per role id. (The same
    /// arithmetic as ``shares(_:_:theta:)``, on bit sets of KSAs, for thousands of offerings.)
    package static func supply(_ units: [SupplyUnit], _ roles: [RoleProfile], theta: Double, years: Double) -> [String: Double] {
        var index: [String: Int] = [:]
        for role in roles { for k in role.ksas where index[k] == nil { index[k] = index.count } }
        let words = (index.count + 63) / 64
        func bits(_ ksas: Set<String>) -> [UInt64] {
            var b = [UInt64](repeating: 0, count: words)
            for k in ksas { if let i = index[k] { b[i >> 6] |= 1 << UInt64(i & 63) } }
            return b
        }
        let roleBits = roles.map { bits($0.ksas) }
        var supply = [Double](repeating: 0, count: roles.count)
        var coverage = [Double](repeating: 0, count: roles.count)
        for unit in units {
            let u = bits(unit.ksas)
            var total = 0.0
            for r in roles.indices {
                guard !roles[r].ksas.isEmpty else { coverage[r] = 0; continue }
                var shared = 0
                for w in 0..<words { shared += (u[w] & roleBits[r][w]).nonzeroBitCount }
                let c = Double(shared) / Double(roles[r].ksas.count)
                coverage[r] = c >= theta && c > 0 ? c : 0
                total += coverage[r]
            }
            guard total > 0 else { continue }
            for r in roles.indices where coverage[r] > 0 {
                supply[r] += Double(unit.completions) * years * coverage[r] / total
            }
        }
        var result: [String: Double] = [:]
        for r in roles.indices where supply[r] > 0 { result[roles[r].id] = supply[r] }
        return result
    }
}
