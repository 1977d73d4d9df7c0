import Foundation

/// Every figure of one report, computed once from the database and the options: the employer
/// figures of each wave (estimated once per wave), each awareness wave (read and raked once),
/// the KSA gaps, employer capability, the plan and the comparisons. The report, the explorer and
/// `workforce demo` read them; none computes a figure again.
///
/// What is not there was not imported (no employer responses, no follow-up wave): the report
/// says so in words. Any other failure (a frame or margins that do not fit, a plan that cannot
/// be solved, a damaged database) is thrown, never dropped.
package struct ReportData {
    package var options: ReportOptions
    /// The gap request of every employer figure (horizon, θ, frame, wave, entry rate).
    package var gapRequest: GapRequest
    package var framework: FrameworkRef
    package var offerings: [Offering]
    package var roles: [RoleProfile]
    /// The framework's statements and its areas' and categories' names.
    package var texts: [String: (kind: String, text: String)]
    package var names: [String: String]
    /// The employer figures of the report's wave; `nil` before any employer import.
    package var context: GapContext?
    /// The first and the last employer wave, when two or more are imported.
    package var trend: EmployerTrend?
    /// Every KSA's demand, supply and gap (``GapAnalysis/ksaGaps(_:)``), largest gap first.
    package var ksaGaps: [GapAnalysis.KSAGap] = []
    /// Employer capability by grouping (`all`, `sector`, `size`).
    package var capability: [String: [GapAnalysis.Capability]] = [:]
    package var plan: WorkforcePlan?
    /// The awareness design and margins of every awareness figure.
    package var awarenessDesign: AwarenessRequest
    /// The awareness figures; `nil` before any awareness import.
    package var awareness: AwarenessFigures?
    /// The data behind the report: its import batches and instrument versions.
    package var batches: ResultTable
    package var instruments: ResultTable
    /// Quarantined rows of the waves the report describes, by the section that shows them.
    package var quarantine: [(section: String, count: QuarantineCount)]

    /// The change between the first and the last employer wave.
    package struct EmployerTrend {
        package var first: String
        package var last: String
        package var from: EmployerEstimates
        package var to: EmployerEstimates
    }

    /// The report's awareness figures, every one from the same loaded waves.
    package struct AwarenessFigures {
        /// The design and margins of every figure.
        package var design: AwarenessRequest
        /// The baseline by district, sex and target group, with each group against the rest.
        package var baseline: AwarenessResults
        /// The follow-up against the baseline; `nil` before the follow-up is imported.
        package var change: AwarenessResults?
        /// The follow-up's own figures (the campaign's recognition and reach).
        package var campaign: AwarenessResults?
        package var needs: [AwarenessNeed]
        package var reach: [AwarenessEstimate]
        package var needsNotes: [Phrase]
        /// What campaign exposure is associated with, in the follow-up wave (when it asks the
        /// campaign slogans and the decoy).
        package var impact: CampaignImpactResult?
    }

    /// The waves the report compares: the baseline and the first follow-up.
    package static let awarenessWaves = (base: "baseline", followup: "followup-1")

    /// How the figures are read from the store; a test replaces them to count the loads.
    struct Loaders {
        var employer: (WorkforceStore, GapRequest) throws -> GapContext = GapContext.load
        var awareness: (WorkforceStore, String, AwarenessRequest) throws -> AwarenessWave = AwarenessWave.load
    }

    /// Computes every figure of the report.
    ///
    /// - Throws: ``WorkforceError`` for a frame or margins that do not fit the responses, a plan
    ///   that cannot be solved, or a database that cannot be read.
    package init(_ store: WorkforceStore, _ options: ReportOptions) throws {
        try self.init(store, options, loaders: Loaders())
    }

    init(_ store: WorkforceStore, _ options: ReportOptions, loaders: Loaders) throws {
        self.options = options
        var request = GapRequest()
        request.horizon = options.horizon
        request.theta = options.theta
        request.frame = options.frame
        request.unweighted = options.unweighted
        request.wave = options.wave
        request.entryRate = options.entryRate
        gapRequest = request

        // One employer context per wave, whichever section asks for it.
        var contexts: [String: GapContext] = [:]
        func context(_ wave: String?) throws -> GapContext {
            let key = Wave.employerColumn(wave) ?? Wave.baseline.name
            if let known = contexts[key] { return known }
            var r = request
            r.wave = wave
            let loaded = try loaders.employer(store, r)
            contexts[key] = loaded
            return loaded
        }
        do {
            self.context = try context(options.wave)
        } catch let error as WorkforceError {
            guard case .noInput = error else { throw error }
            self.context = nil
        }
        let framework = try self.context?.framework ?? store.framework(named: nil)
        self.framework = framework
        offerings = try store.catalog(framework)
        roles = try store.roleProfiles(framework)
        texts = try self.context?.texts ?? store.statementTexts(framework)
        names = try self.context?.names ?? store.areaAndCategoryNames(framework)
        if let main = self.context {
            let waves = try store.employerWaves()
            if waves.count >= 2, let first = waves.first, let last = waves.last {
                trend = EmployerTrend(first: first, last: last, from: try context(first).estimates, to: try context(last).estimates)
            }
            ksaGaps = GapAnalysis.ksaGaps(main.estimates)
            for (name, group) in GapReport.capabilityGroupings { capability[name] = GapAnalysis.capability(main.inputs, by: group) }
            var planRequest = PlanRequest()
            planRequest.gaps = request
            plan = try WorkforcePlan.build(main, store, planRequest)
        }
        var design = AwarenessRequest(margins: try store.populationMargins(options.marginsChoice), strata: options.strata, cluster: options.cluster)
        design.srs = options.srs
        design.marginsChoice = options.marginsChoice
        awarenessDesign = design
        awareness = try Self.awareness(store, design, load: loaders.awareness)
        quarantine = try WorkforceReport.quarantine(store, options)
        batches = try store.importBatches()
        instruments = try store.instrumentList()
    }

    /// The awareness figures: each wave read and raked once, then estimated for every table.
    static func awareness(
        _ store: WorkforceStore, _ design: AwarenessRequest,
        load: @escaping (WorkforceStore, String, AwarenessRequest) throws -> AwarenessWave
    ) throws -> AwarenessFigures? {
        var waves = AwarenessWaves(store, design: design, load: load)
        guard try waves.imported(awarenessWaves.base) != nil else { return nil }
        var request = design
        request.breakdowns = [.district, .sex, .group]
        request.contrast = .group
        let baseline = try waves.results(request)
        let needs = try waves.needs(design)
        var figures = AwarenessFigures(
            design: design, baseline: baseline, change: nil, campaign: nil, needs: needs.needs, reach: needs.reach, needsNotes: needs.notes)
        if try waves.imported(awarenessWaves.followup) != nil {
            var change = design
            change.compare = awarenessWaves
            figures.change = try waves.results(change)
            var campaign = design
            campaign.wave = awarenessWaves.followup
            figures.campaign = try waves.results(campaign)
            // The impact analysis reads the same loaded wave; a follow-up without the slogans
            // (no exposure, no decoy check) has none.
            let followup = try waves.wave(awarenessWaves.followup)
            if followup.data.indicators.contains(AwarenessData.recognises), followup.data.indicators.contains(AwarenessData.claimsDecoy) {
                figures.impact = try AwarenessImpact.analyse(followup, campaign)
            }
        }
        return figures
    }

    /// The KSA gaps readers see: needed by some opening, and not graded F (resting on too few
    /// employers or too imprecise).
    package var publishedKSAGaps: [GapAnalysis.KSAGap] {
        ksaGaps.filter { $0.demand.value > 0 && QualityGrade($0.demand, units: $0.respondents) != .f }
    }
}
