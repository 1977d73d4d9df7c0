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
    /// The stored frame version a wave uses: its pinned one, or the latest (`--frame-version latest`).
    package var frameVersion: FrameVersionChoice = .pinned
    /// Impute item non-response (`--no-impute` turns it off).
    package var impute = true
    /// Winsorise employer demand at the Kokic-Bell cut-offs (`--winsorise`; off by default).
    package var winsorise = false
    /// Demand's variance with the imputation in it (`--imputation-variance`; off by default).
    package var imputationVariance = false
    /// Withhold figures that fail disclosure control (fewer than 5 employers, the p% rule).
    package var suppress = true
    /// `--district NAME`: only that district's row of `--by district` (a choice name or label of
    /// the form's `district` list; ``GapContext/district(_:)`` resolves it).
    package var district: String?
    package var minimumCell = Disclosure.minimumEmployers
    /// The language of the sentences a table carries (notes, reasons): a reader's `table` and
    /// `md` output; JSON and CSV keep English.
    package var language: ReaderLanguage = .en

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
    /// The labels (English) of the form's `sector`, `district` and `size_band` choices, by
    /// question then choice name: what `gaps --by sector|district|size` shows as `name`.
    package var choiceNames: [String: [(name: String, label: String)]] = [:]
    /// What a reader must know: who the figures describe, the design, collapses, imputation;
    /// typed, written in a language when shown (``notes(_:)``).
    package var phrases: [Phrase]

    /// The notes in English.
    package var notes: [String] { phrases.texts(.en) }

    /// The notes in `language`.
    package func notes(_ language: ReaderLanguage) -> [String] { phrases.texts(language) }

    package var inputs: GapInputs { estimates.inputs }

    package init(inputs: GapInputs, framework: FrameworkRef, names: [String: String], texts: [String: (kind: String, text: String)], notes: [Phrase]) {
        estimates = EmployerEstimates(inputs)
        self.framework = framework
        self.names = names
        self.texts = texts
        phrases = notes
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
        var frameNotes: [Phrase] = []
        if let (frame, notes) = try store.employerFrame(
            request.frameChoice, wave: request.wave, version: request.frameVersion, sectors: lists("sector"), sizeBands: lists("size_band"))
        {
            weighting = try EmployerWeighting(employers: employers, frame: frame, refusals: refusals)
            frameNotes = notes
        }
        var notes = frameNotes + weighting.phrases
        if weighting.frame == nil { notes.insert(WeightingSource.nonePhrase(.frame, choice: request.frameChoice), at: 0) }
        if let wave = Wave.employerColumn(request.wave) { notes.insert(.phrase("analysis.note.wave", ["wave": .text(wave)]), at: 0) }
        if refusals > 0 {
            notes.append(.phrase(refusals == 1 ? "analysis.note.refusals.one" : "analysis.note.refusals.other", ["count": .count(Double(refusals))]))
        }
        let offerings = try store.catalog(framework)
        if offerings.isEmpty { notes.append(.phrase("analysis.note.no_catalog")) }
        var inputs = GapInputs(
            employers: employers, weighting: weighting, roles: try store.roleProfiles(framework), surveyed: EmployerResponse.surveyedRoles(reader),
            units: SupplyUnit.units(offerings), offerings: offerings, theta: request.theta, horizon: request.horizon, entryRate: request.entryRate ?? 1,
            impute: request.impute)
        inputs.entryRateGiven = request.entryRate != nil
        if request.entryRate == nil, let realised = WorkforceFlows.realisedEntryRate(inputs) { inputs.entryRate = min(1, realised) }
        inputs.winsorise = request.winsorise
        inputs.imputationVariance = request.imputationVariance
        var context = GapContext(
            inputs: inputs, framework: framework, names: try store.areaAndCategoryNames(framework), texts: try store.statementTexts(framework), notes: notes)
        for question in ["sector", "district", "size_band"] {
            guard let column = reader.index(of: question).map({ reader.columns[$0] }) else { continue }
            context.choiceNames[question] = column.choices.map { ($0.name, $0.label["en"] ?? $0.name) }
        }
        context.phrases += context.estimationNotes(request)
        return context
    }

    /// Notes on the horizon, supply, imputation and the roles outside the survey.
    func estimationNotes(_ request: GapRequest) -> [Phrase] {
        let e = estimates
        var notes: [Phrase] = []
        let source = e.inputs.entryRateGiven ? "analysis.entry_rate.given" : e.flows?.entryRateRealised != nil ? "analysis.entry_rate.realised" : "analysis.entry_rate.assumed"
        notes.append(
            .phrase(
                "analysis.note.horizon",
                [
                    "horizon": .phrase(request.horizon.phrase), "years": .fixed(e.years, decimals: 1), "theta": .fixed(request.theta, decimals: 2),
                    "rate": .fixed(e.inputs.entryRate, decimals: 2), "source": .phrase(Phrase(source)),
                ]))
        notes.append(.phrase("analysis.note.role_holdings"))
        let imputed = e.roles.reduce(0) { $0 + $1.imputed }
        if inputs.impute {
            if imputed > 0 { notes.append(.phrase(imputed == 1 ? "analysis.note.imputed.one" : "analysis.note.imputed.other", ["count": .count(Double(imputed))])) }
        } else {
            notes.append(.phrase("analysis.note.not_imputed"))
        }
        if inputs.imputationVariance, inputs.impute, inputs.weighting.design.hasSamplingError {
            notes.append(.phrase("publication.imputation_variance"))
        }
        if inputs.winsorise {
            let moved = e.winsorised.sorted { ($0.value, $1.key) > ($1.value, $0.key) }
            let outcome: Phrase =
                moved.isEmpty
                ? .phrase("analysis.note.winsorised.none")
                : .phrase(
                    "analysis.note.winsorised.moved",
                    [
                        "moved": .list(moved.map { .phrase(.phrase("analysis.note.winsorised.role", ["amount": .fixed($0.value, decimals: 1), "role": .text($0.key)])) }),
                        "total": .fixed(moved.reduce(0) { $0 + $1.value }, decimals: 1),
                    ])
            notes.append(.phrase("analysis.note.winsorised", ["outcome": .phrase(outcome)]))
        }
        let notSurveyed = e.roles.filter { $0.status == .notSurveyed && $0.supply > 0 }
        if !notSurveyed.isEmpty {
            notes.append(
                .phrase(
                    "analysis.note.not_surveyed",
                    [
                        "completions": .count(e.notSurveyedCompletions),
                        "roles": .text(notSurveyed.map { "\($0.role.name) (\($0.role.id))" }.joined(separator: ", ")),
                    ]))
        }
        if e.unallocatedCompletions > 0 {
            notes.append(.phrase("analysis.note.unallocated", ["completions": .count(e.unallocatedCompletions), "theta": .fixed(request.theta, decimals: 2)]))
        }
        if request.suppress {
            notes.append(.phrase("analysis.note.disclosure", ["min": .count(Double(Disclosure.minimumEmployers)), "p": .text(ColumnKind.trimmed(Figure.fixed(100 * Disclosure.p, 1)))]))
        }
        notes.append(QualityGrade.note)
        return notes
    }
}
