import Foundation
import WorkforceKit

/// `workforce awareness` and `workforce sample-size`.
enum AwarenessCommands {
    static let by = TypedOption<[AwarenessBreakdown]>(
        "by", "fields", "Break every indicator down by district, sex, age, urban, language or group (each target group); several, comma-separated.",
        expected: "district, sex, age, urban, language or group (comma-separated)"
    ) { text in
        let names = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        let breakdowns = names.compactMap(AwarenessBreakdown.init(rawValue:))
        return breakdowns.count == names.count && !breakdowns.isEmpty ? breakdowns : nil
    }
    static let compare = TypedOption<(base: String, followup: String)>(
        "compare", "base> <followup", "Compare a follow-up wave with a baseline wave (e.g. --compare baseline followup-1).",
        expected: "two wave names", valueCount: 2
    ) { text in
        let parts = text.split(separator: "\n").map(String.init)
        guard parts.count == 2, (try? Wave(parts[0])) != nil, (try? Wave(parts[1])) != nil else { return nil }
        return (parts[0], parts[1])
    }
    static let strata = TypedOption<[AwarenessBreakdown]>(
        "strata", "fields", "The sample's strata: any of district, sex, age, urban, language, crossed (e.g. --strata district,urban).",
        expected: "district, sex, age, urban or language (comma-separated)"
    ) { text in
        let names = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        let breakdowns = names.compactMap(AwarenessBreakdown.init(rawValue:))
        return breakdowns.count == names.count && !breakdowns.isEmpty && !breakdowns.contains(.group) && Set(breakdowns).count == breakdowns.count
            ? breakdowns : nil
    }
    static let cluster = TypedOption<String>.text(
        "cluster", "question", "The sample's clusters (primary sampling units): the question holding them, e.g. --cluster enumeration_area.")
    static let srs = OptionSpec.flag(
        "srs", "Analyse as simple random sampling, whatever design is stored with the wave (a banner says so when the wave has clusters).")

    /// `--srs` or `--strata`/`--cluster` (which replace the stored design), checked to not go together.
    static func designOptions(_ invocation: Invocation) throws(WorkforceError) -> (strata: [AwarenessBreakdown], cluster: String?, srs: Bool) {
        let given = (strata: invocation[strata] ?? [], cluster: invocation[cluster], srs: invocation.flag(srs))
        if given.srs, !given.strata.isEmpty || given.cluster != nil {
            throw .usage("--srs and --strata/--cluster do not go together: --srs analyses the wave as simple random sampling")
        }
        return given
    }
    static let contrast = TypedOption<AwarenessBreakdown>(
        "contrast", "field", "Each category of group, sex or urban against everyone outside it (difference, interval, test, q-value).",
        expected: "group, sex or urban", choices: ["group", "sex", "urban"]
    ) { ["group", "sex", "urban"].contains($0) ? AwarenessBreakdown(rawValue: $0) : nil }
    static let needs = OptionSpec.flag(
        "needs", "Each group's needs and reach: the indicators where it lags everyone else most, the people behind, the channels that reached it.")
    static let impact = OptionSpec.flag(
        "impact", "What recalling the campaign is associated with: exposed against unexposed per indicator, raw and adjusted (predictive margins).")
    static let doseResponse = OptionSpec.flag(
        "dose-response", "Each indicator's share by the number of channels through which a safety message was seen (0, 1, 2, 3+).")
    static let campaigns = OptionSpec.flag(
        "campaigns", "With --compare: the change in the districts that ran a stored campaign between the waves minus the change elsewhere.")
    static let margins = TypedOption<String>.text(
        "margins", "file", "Rake to this population margins CSV (variable,category,population) instead of the stored margins.")
    static let indicator = TypedOption<String>.text("indicator", "name", "Only this indicator (as the codebook's scoring names it).")

    static let awarenessSpec = CommandSpec(
        name: "awareness",
        abstract: "Awareness baseline and change since the baseline: weighted indicators with design-based intervals, by group.",
        discussion: """
            Indicators come from the codebook's scoring; knowledge_score is each respondent's share of
            knowledge items answered right, net_recognition (follow-up) a real slogan recognised minus
            the decoy claimed. p is the weighted share over valid answers; se is by linearisation
            after raking within the wave's design: the one stored with the wave (`import awareness`
            records strata district x urban and clusters enumeration_area when the form has them;
            `workforce design set` changes it), or --strata/--cluster given here, or --srs (simple
            random sampling, with a banner when the wave has clusters); deff = se^2 / (p(1-p)/n), n_eff = min(n, p(1-p)/se^2), and the 95% interval is
            Korn-Graubard's on n_eff adjusted for the domain's degrees of freedom (NCHS 2017). Each wave is raked to the population margins stored with
            `workforce margins import FILE` (the latest version; --margins FILE instead, --unweighted
            none) by iterative proportional fitting (1e-10, at most 1000 iterations). status follows NCHS 2017:
            suppressed under 10 respondents, unreliable when n_eff < 30 or the interval is too wide,
            review for 0% or 100%; fewer than 8 degrees of freedom is flagged in reason.
            --compare: follow-up minus baseline, Newcombe's interval, z on sqrt(se1^2 + se2^2) and
            Benjamini-Hochberg q-values; on the joint design when the waves share enumeration areas.
            --contrast: each group against the rest of the wave. --needs: for each target group,
            sex, age band, district and language, the 3 knowledge and behaviour indicators it lags
            everyone else on most (diff, interval, q), the people behind (the group's adults x
            (national p - group p)) and the channel that reached it best. --impact (a follow-up wave
            that asks the slogans): per knowledge and behaviour indicator, exposed (a real slogan
            recognised, the decoy not claimed) against unexposed (neither), decoy claimers left
            out: the raw difference with its design SE, and the difference of the predictive
            margins of a design-weighted logistic regression adjusted for sex, age band, district,
            urban/rural, education and internet use (R's svypredmeans), with interval, p and q.
            Associations, not effects: exposure was not assigned at random and recall is
            self-reported. --dose-response: each indicator's share by channels seen (0, 1, 2, 3+).
            --compare BASE FOLLOWUP --campaigns: a difference-in-differences of the districts with a
            campaign stored by `workforce campaigns import` between the waves against the others,
            on the joint design when the waves share enumeration areas.
            """,
        options: [
            Options.baselineWave.spec, by.spec, compare.spec, contrast.spec, margins.spec, WeightingCommands.unweighted, strata.spec, cluster.spec, srs, needs, impact, doseResponse, campaigns, indicator.spec,
        ],
        printsTable: true,
        run: { try runAwareness($0) })

    static func runAwareness(_ invocation: Invocation) throws {
        if let wave = invocation[Options.wave] { _ = try Wave(wave) }
        if invocation[compare] != nil, invocation[Options.wave] != nil {
            throw WorkforceError.usage("--wave and --compare do not go together: --compare names both waves")
        }
        if invocation[compare] != nil, invocation[contrast] != nil {
            throw WorkforceError.usage("--contrast and --compare do not go together: contrast groups within one wave (--wave)")
        }
        if invocation.flag(needs), invocation[compare] != nil || invocation[contrast] != nil || invocation[by] != nil || invocation[indicator] != nil {
            throw WorkforceError.usage("--needs goes alone (with --wave and the weighting and design options): it ranks every group of every breakdown")
        }
        if invocation.flag(impact) || invocation.flag(doseResponse),
            invocation[compare] != nil || invocation[contrast] != nil || invocation[by] != nil || invocation[indicator] != nil || invocation.flag(needs)
                || (invocation.flag(impact) && invocation.flag(doseResponse))
        {
            throw WorkforceError.usage("--impact and --dose-response each go alone (with --wave and the weighting and design options)")
        }
        let design = try designOptions(invocation)
        let store = try invocation.openStore()
        var request = AwarenessRequest(
            wave: invocation[Options.baselineWave], breakdowns: invocation[by] ?? [], compare: invocation[compare],
            margins: try store.populationMargins(try invocation.marginsChoice()),
            indicator: invocation[indicator], strata: design.strata, cluster: design.cluster)
        request.srs = design.srs
        request.language = invocation.readerLanguage
        request.marginsChoice = try invocation.marginsChoice()
        request.contrast = invocation[contrast]
        let waves = invocation[compare].map { [$0.base, $0.followup] } ?? [request.wave]
        if invocation.flag(needs) {
            let (rows, _, notes) = try AwarenessNeeds.run(store, request)
            var table = AwarenessNeeds.table(rows)
            table.notes = try QuarantineNotes.sentences(store, .awareness, waves: waves, request.language) + notes.texts(request.language)
            return try invocation.print(table)
        }
        if invocation.flag(impact) || invocation.flag(doseResponse) {
            let result = try AwarenessImpact.run(store, request)
            var table = invocation.flag(impact) ? AwarenessImpact.table(result, request.language) : AwarenessImpact.doseTable(result, request.language)
            table.notes = try QuarantineNotes.sentences(store, .awareness, waves: waves, request.language) + table.notes
            if !result.weighting.description.isEmpty, result.weighting.raking?.converged == false { invocation.warn(result.weighting.description) }
            return try invocation.print(table)
        }
        if invocation.flag(campaigns) {
            guard invocation[compare] != nil, invocation[by] == nil, invocation[indicator] == nil else {
                throw WorkforceError.usage("--campaigns goes with --compare BASE FOLLOWUP alone (and the weighting and design options)")
            }
            let result = try AwarenessImpact.differenceInDifferences(store, request)
            var table = AwarenessImpact.differenceTable(result, request.language)
            table.notes = try QuarantineNotes.sentences(store, .awareness, waves: waves, request.language) + table.notes
            return try invocation.print(table)
        }
        // A clustered wave analysed as simple random sampling: its banner is the first note.
        var (table, weighting, _) = try AwarenessAnalysis.run(store, request)
        table.notes = try QuarantineNotes.sentences(store, .awareness, waves: waves, request.language) + table.notes
        for w in weighting where w.raking?.converged == false { invocation.warn(w.description) }
        try invocation.print(table)
    }

    static let margin = TypedOption<Double>.number("margin", "e", "The half-width of the 95% interval, e.g. 0.05 for ±5 points.", in: 0.001...0.5)
    static let p = TypedOption<Double>.number("p", "p", "The expected proportion (0.5 is the most cautious).", in: 0.001...0.999).defaulting(to: 0.5)
    static let deff = TypedOption<Double>.number("deff", "d", "The design effect of the weights, n/n_eff.", in: 1...20).defaulting(to: 1, shown: "1")
    static let population = TypedOption<Double>.number("population", "N", "The population size, for the finite population correction.", in: 1...1e10)
    static let detect = TypedOption<Double>.number("detect", "diff", "The campaign effect to detect, e.g. 0.05 for 5 points.", in: 0.001...0.9)
    static let baseline = TypedOption<Double>.number("baseline", "p", "The baseline proportion of the indicator.", in: 0.001...0.999)
    static let power = TypedOption<Double>.number("power", "power", "The chance of detecting the effect.", in: 0.5...0.999).defaulting(to: 0.8)
    static let alpha = TypedOption<Double>.number("alpha", "alpha", "The two-sided significance level.", in: 0.001...0.2).defaulting(to: 0.05)
    static let byDistrict = TypedOption<AwarenessBreakdown>(
        "by", "district", "Per district, from the district margins (stored, or --margins); gives both a proportional allocation and the size for the same margin in each.",
        expected: "district", choices: ["district"]
    ) { $0 == "district" ? .district : nil }

    /// Which survey's next wave `sample-size` sizes.
    enum SampleSizeSurvey: String, CaseIterable, Sendable { case awareness, employer }
    static let surveyArgument = TypedPositional<SampleSizeSurvey>("survey", "awareness (when left out) or employer", optional: true)

    static let sampleSizeSpec = CommandSpec(
        name: "sample-size",
        abstract: "Respondents needed for the next awareness wave, or employers for the next employer wave.",
        discussion: """
            --margin E: n0 = z^2 p (1-p) / E^2 x deff (z = 1.96), with N: n0 / (1 + (n0 - 1) / N).
            --detect DIFF --baseline P: per wave, (z_a/2 sqrt(2 pbar qbar) + z_power sqrt(p1 q1 + p2 q2))^2 / DIFF^2 x deff
            (Fleiss, no continuity correction). --by district: per district of the stored margins
            (or --margins FILE). sample-size employer --cv 0.15 [--figure demand] [--roles ...]:
            employers per stratum of the stored frame (or --frame FILE) for the next employer wave
            (Neyman allocation with this wave's stratum deviations).
            """,
        options: [margin.spec, p.spec, deff.spec, population.spec, byDistrict.spec, margins.spec, detect.spec, baseline.spec, power.spec, alpha.spec]
            + EmployerSampleSizeCommand.options,
        positionals: [surveyArgument.spec],
        printsTable: true,
        run: { invocation in
            switch invocation[surveyArgument] ?? .awareness {
            case .employer: try EmployerSampleSizeCommand.run(invocation)
            case .awareness: try runSampleSize(invocation)
            }
        })

    static func runSampleSize(_ invocation: Invocation) throws {
        let designEffect = invocation[deff]
        if let difference = invocation[detect] {
            guard let base = invocation[baseline] else { throw WorkforceError.usage("--detect needs --baseline P, the indicator's baseline proportion") }
            guard base + difference < 1 else { throw WorkforceError.usage("--baseline plus --detect must stay below 1") }
            try invocation.print(
                AwarenessSampleSize.toDetect(
                    difference, baseline: base, power: invocation[power], alpha: invocation[alpha], designEffect: designEffect))
            return
        }
        guard let e = invocation[margin] else { throw WorkforceError.usage("give --margin E, or --detect DIFF --baseline P") }
        let proportion = invocation[p]
        guard invocation[byDistrict] != nil else {
            try invocation.print(AwarenessSampleSize.forMargin(e, p: proportion, designEffect: designEffect, population: invocation[population]))
            return
        }
        let file: PopulationMargins?
        switch try invocation.marginsChoice() {
        case .file(let url): file = try PopulationMargins(url: url)
        case .stored: file = FileManager.default.fileExists(atPath: invocation.databasePath) ? try invocation.openStore().populationMargins(.stored) : nil
        case .none: file = nil
        }
        guard let file else {
            throw WorkforceError.usage("--by district needs the district populations: store margins with `workforce margins import FILE`, or give --margins FILE")
        }
        try invocation.print(try AwarenessSampleSize.byDistrict(e, p: proportion, designEffect: designEffect, margins: file, language: invocation.readerLanguage))
    }
}
