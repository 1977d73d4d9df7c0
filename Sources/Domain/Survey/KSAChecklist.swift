/// The KSAs a compact KSA-gap question asks about: of each role, the few most in demand.
///
/// A form is written before any answer exists, so demand here is what the form itself says
/// about the work: a KSA's demand is the number of the surveyed roles that need it (the roles
/// a gap in it holds back). A role's checklist is its KSAs ranked by that count, ties in the
/// framework's order, cut at ``defaultLength`` (or the length asked for). The ranking depends
/// on the surveyed roles and the framework only, never on stored answers, so the same command
/// writes the same form (and codebook version) on every machine.
///
/// With NICE 2017, the six KSAs every work role lists (K0001 to K0006) open every role's list,
/// so the share of employers lacking them is measured in every role alike; the other four are
/// those the surveyed roles share most.
package enum KSAChecklist {
    /// How many KSAs a role's checklist holds unless `--ksa-top` says otherwise.
    package static let defaultLength = 10

    /// How many of `roles` need each KSA, by statement id.
    package static func demand(_ roles: [SurveyRole]) -> [String: Int] {
        var counts: [String: Int] = [:]
        for role in roles {
            for id in Set(role.ksas.map(\.id)) { counts[id, default: 0] += 1 }
        }
        return counts
    }

    /// `role`'s KSAs most in demand among `roles`, at most `limit` of them (all with `nil`),
    /// most needed first; ties keep the framework's order.
    package static func ranked(_ role: SurveyRole, among roles: [SurveyRole], limit: Int?) -> [FrameworkStatement] {
        let demand = demand(roles)
        let ordered = role.ksas.enumerated()
            .sorted { (demand[$0.element.id] ?? 0, $1.offset) > (demand[$1.element.id] ?? 0, $0.offset) }
            .map(\.element)
        guard let limit else { return role.ksas }
        return Array(ordered.prefix(limit))
    }
}
