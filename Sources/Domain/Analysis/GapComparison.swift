/// Two employer waves compared, per role: the change in employed, vacancies and demand with its
/// standard error and a two-sided z-test. A role is compared only where it is published in both
/// waves.
///
/// When organisations answered both waves with the same code (`org_code`), the change is
/// estimated on the two waves stacked into one design with the organisation as the primary
/// sampling unit (``LinkedDesign``), so that its standard error includes their covariance; the
/// `_se_independent` columns keep `sqrt(V1 + V2)`. Without a linked organisation the change is
/// that of two independent samples, and the notes say which.
package enum GapComparison {
    package static let figures = ["employed", "vacancies", "demand"]

    package static func run(_ store: WorkforceStore, _ request: GapRequest, _ first: String, _ second: String) throws -> ResultTable {
        var a = request, b = request
        a.wave = first
        b.wave = second
        let one = try GapContext.load(store, a), two = try GapContext.load(store, b)
        let notes = [Phrase.phrase("analysis.note.compare", ["first": .text(first), "second": .text(second)])] + two.phrases
        return table(one.estimates, two.estimates, notes: notes.texts(request.language), language: request.language, withheld: !request.suppress)
    }

    /// The difference `second - first` of two independent samples with its standard error
    /// `sqrt(V1 + V2)`, z and p; `nil` figures without sampling error.
    package static func difference(_ first: Estimate, _ second: Estimate) -> (diff: Double, se: Double?, z: Double?, p: Double?) {
        let diff = second.value - first.value
        guard let s1 = first.se, let s2 = second.se else { return (diff, nil, nil, nil) }
        return test(diff, se: (s1 * s1 + s2 * s2).squareRoot())
    }

    /// `diff` with its standard error, z and two-sided p (`nil` for a standard error of 0).
    static func test(_ diff: Double, se: Double) -> (diff: Double, se: Double?, z: Double?, p: Double?) {
        guard se > 0 else { return (diff, se, nil, nil) }
        let z = diff / se
        return (diff, se, z, Normal.twoSidedPValue(z))
    }

    /// The stacked design of the two waves: a stratum of estimation named by its respondents'
    /// sector x size band (the empty bands merged into it do not change the name, so a wave that
    /// merged a band and one that did not still meet), organisations linked by code.
    package static func design(_ first: EmployerEstimates, _ second: EmployerEstimates) -> LinkedDesign {
        let strata = [first, second].map { e in
            e.inputs.weighting.strata.isEmpty ? ["all"] : e.inputs.weighting.strata.map { "\($0.sector) x \($0.sizeBand)" }
        }
        return LinkedDesign(designs: [first.design, second.design], strata: strata, codes: [first, second].map { $0.employers.map(\.orgCode) })
    }

    /// Per figure of ``figures``, one role's values per employer of a wave.
    static func values(_ estimates: EmployerEstimates, _ role: String) -> [[Double]]? {
        guard let r = estimates.inputs.roles.firstIndex(where: { $0.id == role }), let v = estimates.roleValues[r] else { return nil }
        return [v.staff, v.vacancies, v.demand(years: estimates.years)]
    }

    /// The change of each role that is published in both waves (with `withheld`, surveyed in
    /// both: `--no-suppress`), `second - first`: per figure of ``figures`` the change with its
    /// standard error, z and p (linked when `design` links organisations) and the
    /// independent-samples standard error.
    package static func changes(_ first: EmployerEstimates, _ second: EmployerEstimates, _ design: LinkedDesign, withheld: Bool = false) -> [String: [(
        diff: Double, se: Double?, z: Double?, p: Double?, independent: Double?
    )]] {
        var out: [String: [(diff: Double, se: Double?, z: Double?, p: Double?, independent: Double?)]] = [:]
        let later = Dictionary(uniqueKeysWithValues: second.roles.map { ($0.role.id, $0) })
        for r in first.roles where withheld ? r.status != .notSurveyed : r.isPublished {
            guard let s = later[r.role.id], withheld ? s.status != .notSurveyed : s.isPublished else { continue }
            let pairs = [(r.figures.employed, s.figures.employed), (r.figures.vacancies, s.figures.vacancies), (r.figures.demand, s.figures.demand)]
            let linked = design.linked > 0 ? zip(values(first, r.role.id) ?? [], values(second, r.role.id) ?? []).map { design.change($0, $1) } : []
            out[r.role.id] = pairs.enumerated().map { f, pair in
                let independent = difference(pair.0, pair.1)
                guard f < linked.count, let se = linked[f].se else { return (independent.diff, independent.se, independent.z, independent.p, independent.se) }
                let t = test(linked[f].value, se: se)
                return (t.diff, t.se, t.z, t.p, independent.se)
            }
        }
        return out
    }

    /// The notes saying whether the change is linked, in `language`.
    package static func designPhrase(_ design: LinkedDesign) -> Phrase {
        let unlinkable: Phrase.Value =
            design.unlinkable > 0 ? .phrase(.phrase("analysis.note.compare_unlinkable", ["count": .count(Double(design.unlinkable))])) : .text("")
        return design.linked > 0
            ? .phrase("analysis.note.compare_linked", ["linked": .count(Double(design.linked)), "unlinkable": unlinkable])
            : .phrase("analysis.note.compare_independent", ["unlinkable": unlinkable])
    }

    /// The comparison table; `withheld` (`--no-suppress`) shows the change of roles withheld in a wave too.
    package static func table(
        _ first: EmployerEstimates, _ second: EmployerEstimates, notes: [String] = [], language: ReaderLanguage = .en, withheld: Bool = false
    ) -> ResultTable {
        var columns = ["role_id", "role_name", "status"]
        for f in figures { columns += ["\(f)_first", "\(f)_second", "\(f)_diff", "\(f)_diff_se", "\(f)_diff_z", "\(f)_diff_p", "\(f)_diff_se_independent"] }
        columns.append("linked_organisations")
        var table = ResultTable(columns: columns)
        let design = design(first, second)
        let changes = changes(first, second, design, withheld: withheld)
        let later = Dictionary(uniqueKeysWithValues: second.roles.map { ($0.role.id, $0) })
        for r in first.roles {
            guard let s = later[r.role.id], r.status != .notSurveyed || s.status != .notSurveyed else { continue }
            let status: EstimateStatus =
                r.status == .notSurveyed || s.status == .notSurveyed ? .notSurveyed : r.isPublished && s.isPublished ? .published : .suppressed
            var row: [Cell] = [.text(r.role.id), .text(r.role.name), .text(status.rawValue)]
            let pairs = [(r.figures.employed, s.figures.employed), (r.figures.vacancies, s.figures.vacancies), (r.figures.demand, s.figures.demand)]
            for (f, (x, y)) in pairs.enumerated() {
                guard status == .published || withheld, let d = changes[r.role.id]?[f] else {
                    row += Array(repeating: .null, count: 7)
                    continue
                }
                row += [
                    .double(x.value), .double(y.value), .double(d.diff), GapReport.optional(d.se), GapReport.optional(d.z), GapReport.optional(d.p),
                    GapReport.optional(d.independent),
                ]
            }
            row.append(.int(design.linked))
            table.append(row)
        }
        table.notes = notes + [designPhrase(design).text(language)]
        return table
    }
}
