import Foundation

/// What `workforce gaps` breaks the figures down by.
package enum GapBreakdown: String, Sendable, CaseIterable {
    case role, total, ksa, area, category, sector, district, size, proficiency, lacking, capability
}

/// What `workforce gaps` (and the plan, the report, the explorer) is asked for.
package struct GapRequest: Sendable {
    package var by: GapBreakdown = .role
    package var horizon: Horizon = .medium
    package var theta = 0.5
    /// `--entry-rate`: replaces the realised entry rate (``WorkforceFlows/entryRateRealised``) in
    /// every supply figure; `nil` uses the realised rate capped at 1 (1 when the form has no flow questions).
    package var entryRate: Double?
    /// A frame file (`--frame FILE`) instead of the stored frame.
    package var frame: URL?
    /// No frame at all, even a stored one (`--unweighted`).
    package var unweighted = false
    package var framework: String?
    /// The employer wave (default the baseline).
    package var wave: String?
    /// Impute item non-response (`--no-impute` turns it off).
    package var impute = true
    /// Winsorise employer demand at the Kokic-Bell cut-offs (`--winsorise`; off by default).
    package var winsorise = false
    /// Withhold figures that fail disclosure control (fewer than 5 employers, the p% rule).
    package var suppress = true
    package var minimumCell = Disclosure.minimumEmployers

    package init() {}

    /// The frame the figures weight to: the file, none, or the latest stored one.
    package var frameChoice: WeightingChoice { WeightingChoice(file: frame, unweighted: unweighted) }
}

/// The data behind every gap figure, loaded once and estimated once: employers and their design,
/// roles, the catalog, and ``EmployerEstimates``.
package struct GapContext: Sendable {
    package var estimates: EmployerEstimates
    package var framework: FrameworkRef
    package var names: [String: String]
    package var texts: [String: (kind: String, text: String)]
    /// What a reader must know: who the figures describe, the design, collapses, imputation.
    package var notes: [String]

    package var inputs: GapInputs { estimates.inputs }

    package init(inputs: GapInputs, framework: FrameworkRef, names: [String: String], texts: [String: (kind: String, text: String)], notes: [String]) {
        estimates = EmployerEstimates(inputs)
        self.framework = framework
        self.names = names
        self.texts = texts
        self.notes = notes
    }

    /// Loads the employers (through ``ResponseReader``), weights them to the sampling frame,
    /// reads the framework's roles and the current catalog, and estimates every figure.
    ///
    /// - Throws: ``WorkforceError/noInput(path:reason:)`` before any employer import;
    ///   ``WorkforceError/badData(_:_:)`` for a frame that does not fit the responses.
    package static func load(_ store: WorkforceStore, _ request: GapRequest) throws -> GapContext {
        let framework = try store.framework(named: request.framework)
        // One reader: the respondents, the frame's choice lists and the stored count.
        let reader = try ResponseReader(store: store, kind: .employer, wave: request.wave, respondentsOnly: true)
        let employers = try EmployerResponse.all(from: reader)
        let refusals = try reader.count() - employers.count
        var weighting = EmployerWeighting.unweighted(employers.count, refusals: refusals)
        let lists = { (name: String) in reader.index(of: name).map { reader.columns[$0].choices.map(\.name) } ?? [] }
        if let frame = try store.samplingFrame(request.frameChoice, sectors: lists("sector"), sizeBands: lists("size_band")) {
            weighting = try EmployerWeighting(employers: employers, frame: frame, refusals: refusals)
        }
        var notes = weighting.notes
        if weighting.frame == nil { notes.insert(WeightingSource.noneNote(.frame, choice: request.frameChoice), at: 0) }
        if let wave = Wave.employerColumn(request.wave) { notes.insert("Employer wave: \(wave).", at: 0) }
        if refusals > 0 {
            notes.append("\(plural(refusals, "more stored employer response")) declined consent and \(refusals == 1 ? "is" : "are") not counted.")
        }
        let offerings = try store.catalog(framework)
        if offerings.isEmpty { notes.append("No training catalog is imported: supply is 0. Import one with `workforce import catalog FILE`.") }
        var inputs = GapInputs(
            employers: employers, weighting: weighting, roles: try store.roleProfiles(framework), surveyed: EmployerResponse.surveyedRoles(reader),
            units: SupplyUnit.units(offerings), offerings: offerings, theta: request.theta, horizon: request.horizon, entryRate: request.entryRate ?? 1,
            impute: request.impute)
        inputs.entryRateGiven = request.entryRate != nil
        if request.entryRate == nil, let realised = WorkforceFlows.realisedEntryRate(inputs) { inputs.entryRate = min(1, realised) }
        inputs.winsorise = request.winsorise
        var context = GapContext(
            inputs: inputs, framework: framework, names: try store.areaAndCategoryNames(framework), texts: try store.statementTexts(framework), notes: notes)
        context.notes += context.estimationNotes(request)
        return context
    }

    /// Notes on the horizon, supply, imputation and the roles outside the survey.
    func estimationNotes(_ request: GapRequest) -> [String] {
        let e = estimates
        var notes: [String] = []
        notes.append(
            "Horizon: \(request.horizon.words). Demand = vacancies + new positions expected within the horizon + replacement of leavers (last year's leavers x \(Figure.fixed(e.years, 1)) years). Supply = completions within the horizon x each offering's share of the roles it prepares for (coverage >= \(Figure.fixed(request.theta, 2))) x entry rate \(Figure.fixed(e.inputs.entryRate, 2)) (\(e.inputs.entryRateGiven ? "given with --entry-rate" : e.flows?.entryRateRealised != nil ? "the realised entry rate: hires straight from education over the catalog's completions, capped at 1" : "assumed 1, an upper bound: every completer takes a role in the country"))."
        )
        notes.append("Role-holdings: a person with two roles counts in each.")
        let imputed = e.roles.reduce(0) { $0 + $1.imputed }
        if inputs.impute {
            if imputed > 0 {
                notes.append(
                    "Imputed: \(plural(imputed, "employer-role answer")) with leavers left blank or new positions unknown (\"don't know\") took the mean of the employers of the same size band with the role that answered (variance treats imputed values as observed; --no-impute leaves them out).")
            }
        } else {
            notes.append("Not imputed (--no-impute): unknown leavers and new positions count as 0, so totals are lower bounds.")
        }
        if inputs.winsorise {
            let moved = e.winsorised.sorted { ($0.value, $1.key) > ($1.value, $0.key) }
            notes.append(
                "Winsorised (--winsorise): each role's employer demand was winsorised one-sided at the Kokic-Bell cut-off of its stratum (K = stratum mean + L / (w - 1), L equal to the total cut back; Kokic and Bell 1994); "
                    + (moved.isEmpty ? "no value was above its cut-off, so no total moved."
                        : "demand fell by \(moved.map { "\(Figure.fixed($0.value, 1)) for \($0.key)" }.joined(separator: ", ")), and by \(Figure.fixed(moved.reduce(0) { $0 + $1.value }, 1)) in all."))
        }
        let notSurveyed = e.roles.filter { $0.status == .notSurveyed && $0.supply > 0 }
        if !notSurveyed.isEmpty {
            notes.append(
                "\(Figure.count(e.notSurveyedCompletions)) completions a year prepare for roles the survey did not ask about: \(notSurveyed.map { "\($0.role.name) (\($0.role.id))" }.joined(separator: ", ")); they are not in the gap tables or totals.")
        }
        if e.unallocatedCompletions > 0 {
            notes.append("\(Figure.count(e.unallocatedCompletions)) completions a year prepare for no role at coverage >= \(Figure.fixed(request.theta, 2)) (unallocated).")
        }
        if request.suppress {
            notes.append(
                "Disclosure control: a row is withheld when fewer than 5 responding employers contribute, when its employed or demand total fails the p% rule (p = 10: the total less its two largest weighted contributions is under 10% of the largest), or to protect another withheld row of the same table (secondary suppression). status says which rows are published.")
        }
        notes.append(
            "Quality: grade (Statistics Canada) on the CV of demand: A under 5%, B 5-10%, C 10-15%, D 15-25%, E 25-33.3% (use with caution), F over 33.3% or fewer than \(QualityGrade.minimumUnits) contributing employers (too unreliable to be published: status unreliable); a row more than 50% from one employer is dominated. Unreliable and dominated rows keep their figures in JSON and CSV only. Totals add up every surveyed role, withheld ones included.")
        return notes
    }
}
