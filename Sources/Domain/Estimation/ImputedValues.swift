/// The values the employer estimates impute (``ItemImputation``), per response and question, so
/// that every imputed value in a file carries a flag (issue 28, point 8): `responses employer
/// --imputed` writes them in place of the blanks, each imputable question followed by its
/// `QUESTION_imp` (1 imputed, 0 as reported; missing for non-respondents).
///
/// Imputable are each role's leavers (`leavers_12m`) and new positions at every horizon
/// (`new_6m`, `new_1y`, `new_2y`, each imputed as the estimates at that horizon impute it) and
/// `new_jobs_12m`.
package struct ImputedValues: Sendable, Equatable {
    /// The imputable questions, in codebook order.
    package var questions: [String]
    /// Per respondent's response id: the imputed questions and their values.
    package var values: [Int64: [String: Double]]
    /// The respondents (a "yes" at every gate question): their flags are 0 or 1.
    package var respondents: Set<Int64>

    /// The role fields that may be imputed.
    static let roleFields = ["leavers_12m"] + Horizon.allCases.map(\.field)

    /// Imputes the employer responses of `reader`'s wave and instrument as the estimates do.
    ///
    /// - Throws: what the reader throws.
    package static func employer(_ reader: ResponseReader) throws -> ImputedValues {
        let respondentsReader = try ResponseReader(
            store: reader.store, kind: .employer, wave: reader.wave, instrument: reader.instrumentReference, respondentsOnly: true)
        var ids: [Int64] = []
        try respondentsReader.forEach { ids.append($0.responseID) }
        let employers = try EmployerResponse.all(from: respondentsReader)
        // The question of each role field, and the imputable questions in codebook order.
        var question: [String: String] = [:]
        var questions: [String] = []
        for column in respondentsReader.columns {
            let parts = (column.topic ?? "").split(separator: ":").map(String.init)
            if parts.count == 3, parts[0] == "role", roleFields.contains(parts[2]) {
                question["\(parts[1]):\(parts[2])"] = column.name
                questions.append(column.name)
            } else if column.name == "new_jobs_12m" {
                questions.append(column.name)
            }
        }
        var values: [Int64: [String: Double]] = [:]
        for horizon in Horizon.allCases {
            let filled = ItemImputation.impute(employers, horizon: horizon).employers
            for (e, original) in employers.enumerated() {
                for (role, report) in original.roles {
                    guard let after = filled[e].roles[role] else { continue }
                    if report.expected[horizon] == nil, let value = after.expected[horizon], let q = question["\(role):\(horizon.field)"] {
                        values[ids[e], default: [:]][q] = value
                    }
                    if report.leavers == nil, let value = after.leavers, let q = question["\(role):leavers_12m"] {
                        values[ids[e], default: [:]][q] = value
                    }
                }
            }
        }
        let jobs = ItemImputation.imputeNewJobs(employers).employers
        for (e, original) in employers.enumerated() where original.flows != nil && original.flows?.newJobs == nil {
            if let value = jobs[e].flows?.newJobs { values[ids[e], default: [:]]["new_jobs_12m"] = value }
        }
        return ImputedValues(questions: questions, values: values, respondents: Set(ids))
    }

    /// Response `id`'s value of `question` when imputed.
    package func value(_ id: Int64, _ question: String) -> Double? { values[id]?[question] }

    /// Response `id`'s flag for `question`: 1 imputed, 0 as reported, `nil` for a non-respondent.
    package func flag(_ id: Int64, _ question: String) -> Int? {
        guard respondents.contains(id) else { return nil }
        return value(id, question) == nil ? 0 : 1
    }

    /// How many values were imputed.
    package var count: Int { values.values.reduce(0) { $0 + $1.count } }
}
