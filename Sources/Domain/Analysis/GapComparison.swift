/// Two employer waves compared, per role: the change in employed, vacancies and demand, the
/// standard error of the difference of two independent samples `sqrt(V1 + V2)` and a two-sided
/// z-test. A role is compared only where it is published in both waves.
package enum GapComparison {
    package static let figures = ["employed", "vacancies", "demand"]

    package static func run(_ store: WorkforceStore, _ request: GapRequest, _ first: String, _ second: String) throws -> ResultTable {
        var a = request, b = request
        a.wave = first
        b.wave = second
        let one = try GapContext.load(store, a), two = try GapContext.load(store, b)
        let notes = [Phrase.phrase("analysis.note.compare", ["first": .text(first), "second": .text(second)])] + two.phrases
        return table(one.estimates, two.estimates, notes: notes.texts(request.language))
    }

    /// The difference `second - first` with its standard error, z and p; `nil` figures without
    /// sampling error.
    package static func difference(_ first: Estimate, _ second: Estimate) -> (diff: Double, se: Double?, z: Double?, p: Double?) {
        let diff = second.value - first.value
        guard let s1 = first.se, let s2 = second.se else { return (diff, nil, nil, nil) }
        let se = (s1 * s1 + s2 * s2).squareRoot()
        guard se > 0 else { return (diff, se, nil, nil) }
        let z = diff / se
        return (diff, se, z, Normal.twoSidedPValue(z))
    }

    package static func table(_ first: EmployerEstimates, _ second: EmployerEstimates, notes: [String] = []) -> ResultTable {
        var columns = ["role_id", "role_name", "status"]
        for f in figures { columns += ["\(f)_first", "\(f)_second", "\(f)_diff", "\(f)_diff_se", "\(f)_diff_z", "\(f)_diff_p"] }
        var table = ResultTable(columns: columns)
        let later = Dictionary(uniqueKeysWithValues: second.roles.map { ($0.role.id, $0) })
        for r in first.roles {
            guard let s = later[r.role.id], r.status != .notSurveyed || s.status != .notSurveyed else { continue }
            let status: EstimateStatus =
                r.status == .notSurveyed || s.status == .notSurveyed ? .notSurveyed : r.isPublished && s.isPublished ? .published : .suppressed
            var row: [Cell] = [.text(r.role.id), .text(r.role.name), .text(status.rawValue)]
            for (x, y) in [(r.figures.employed, s.figures.employed), (r.figures.vacancies, s.figures.vacancies), (r.figures.demand, s.figures.demand)] {
                guard status == .published else {
                    row += Array(repeating: .null, count: 6)
                    continue
                }
                let d = difference(x, y)
                row += [.double(x.value), .double(y.value), .double(d.diff), GapReport.optional(d.se), GapReport.optional(d.z), GapReport.optional(d.p)]
            }
            table.append(row)
        }
        table.notes = notes + ["Independent samples: the standard error of a change is sqrt(V1 + V2); p is the two-sided z-test. A role is compared where it is published in both waves."]
        return table
    }
}
