import Foundation

/// `workforce courses uncovered` as one call: which roles to look at (named, the roles
/// employers report, or all), the demand for each KSA from the employer survey when there is
/// one, and the table of needed KSAs no offering teaches.
extension CourseAnalysis {
    /// The needed KSAs that no offering of `institution` (or of the country) teaches, ranked by
    /// demand. `roles`: the work roles to look at; without them, the roles with published
    /// demand (all roles before any employer survey). `demandedOnly`: refuse to run without an
    /// employer survey.
    /// - Throws: ``WorkforceError/usage(_:)`` for `roles` with `demandedOnly`; an unknown role
    ///   or institution; ``WorkforceError/noInput(path:reason:)`` for `demandedOnly` before any
    ///   employer import.
    package static func uncoveredReport(
        _ store: WorkforceStore, _ request: GapRequest, institution: String?, roles ids: [String]?, demandedOnly: Bool
    ) throws -> ResultTable {
        let framework = try store.framework(named: request.framework)
        let offerings = try store.catalog(framework)
        let institutionName = try institution.map { name throws(WorkforceError) in try store.institution(named: name) }
        let all = try store.roleProfiles(framework)
        var demand: [String: Double] = [:]
        var demandedRoles: [RoleProfile]?
        var weighting: Phrase?
        do {
            let context = try GapContext.load(store, request)
            weighting = context.inputs.weighting.frame.map { .phrase("commands.uncovered.weighted", ["source": .phrase($0.source.phrase)]) }
                ?? WeightingSource.nonePhrase(.frame, choice: request.frameChoice)
            for k in GapAnalysis.ksaGaps(context.estimates) { demand[k.id] = k.demand.value }
            demandedRoles = context.estimates.roles.filter { $0.isPublished && $0.figures.demand.value > 0 }.map(\.role)
        } catch let error as WorkforceError {
            guard case .noInput = error else { throw error }
            if demandedOnly { throw error }  // --demanded needs employer responses
        }
        var roles = demandedRoles.flatMap { $0.isEmpty ? nil : $0 } ?? all
        if let ids {
            if demandedOnly { throw WorkforceError.usage("give --roles or --demanded, not both") }
            let wanted = ids.map { $0.uppercased() }
            for id in wanted where !all.contains(where: { $0.id == id }) { try store.requireRole(id, in: framework) }
            roles = all.filter { wanted.contains($0.id) }
        }
        var table = uncovered(offerings, roles: roles, institution: institutionName, demand: demand, texts: try store.statementTexts(framework))
        let about = Phrase.Value.phrase(Phrase(demand.isEmpty ? "commands.uncovered.no_demand" : "commands.uncovered.demand"))
        let scope: Phrase =
            roles.count == all.count
            ? .phrase("commands.uncovered.roles_all", ["count": .text(String(all.count)), "demand": about])
            : .phrase("commands.uncovered.roles_some", ["ids": .text(roles.map(\.id).joined(separator: ", ")), "demand": about])
        table.notes = ([scope] + (weighting.map { [$0] } ?? [])).texts(request.language)
        return table
    }
}
