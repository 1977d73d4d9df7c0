import Foundation
import WorkforceKit

/// `workforce gaps`: employer demand against catalog supply.
enum GapsCommand {
    static let by = TypedOption<GapBreakdown>.choice(
        "by", "what", "role, total, ksa, area, category, sector, district, size, proficiency, lacking or capability."
    ).defaulting(to: .role, shown: "role")
    static let horizon = TypedOption<Horizon>.choice(
        "horizon", "term", "short (6 months), medium (1 year) or long (2 years)."
    ).defaulting(to: .medium, shown: "medium")
    static let frame = TypedOption<String>.text(
        "frame", "file", "Weight employers to this sampling frame CSV (sector,size_band,organisations[,issued,out_of_scope]) instead of the stored one.")
    static let entryRate = TypedOption<Double>.number(
        "entry-rate", "x", "Share of completers assumed to take a cyber job in the country, 0 to 1, instead of the realised entry rate (hires straight from education over the catalog's completions).", in: 0...1
    )
    static let noImpute = OptionSpec.flag("no-impute", "Leave unknown leavers and new positions out (count them 0) instead of imputing them.")
    static let imputationVariance = OptionSpec.flag(
        "imputation-variance",
        "Standard errors of demand (roles and groups of roles) by the Rao-Shao jackknife that imputes again in every replicate, so that they include the imputation (off by default; not with --winsorise or --no-impute).")
    static let winsorise = OptionSpec.flag("winsorise", "Winsorise each role's employer demand at the Kokic-Bell cut-off of its stratum (off by default).")
    static let sensitivity = OptionSpec.flag("sensitivity", "Shortage, supply and unallocated completions for theta 0.3 to 0.7 and entry rates 1, 0.75, 0.5.")
    static let scenarios = OptionSpec.flag(
        "scenarios", "The national shortfall (people a year) with each assumption of the flow model at a low and a high value, the largest change first.")
    static let compare = TypedOption<[String]>(
        "compare", "w1> <w2", "Two employer waves (e.g. --compare baseline 2027): per role the change in employed, vacancies and demand with a z-test; organisations giving the same org_code in both are linked (one stacked design), else independent samples.",
        expected: "two employer wave names", valueCount: 2
    ) { text in
        let names = text.split(separator: "\n").map(String.init)
        return names.count == 2 && names.allSatisfy { (try? Wave(employer: $0)) != nil } ? names : nil
    }
    static let district = TypedOption<String>.text(
        "district", "name", "Only this district's row of --by district (its name, e.g. cayo or \"Orange Walk\").")
    static let noSuppress = OptionSpec.flag("no-suppress", "Show withheld cells (internal analysis only; every output says so).")

    static let spec = CommandSpec(
        name: "gaps",
        abstract: "Skills gaps: employer demand against catalog supply, by role, KSA, area, sector, district or size.",
        discussion: """
            demand = vacancies + new positions expected within the horizon + leavers x years (weighted
            estimates with standard errors); supply = completions x years x each offering's share of
            the roles it prepares for (coverage >= theta) x entry rate; gap = demand - supply. Without
            a sampling frame every employer weighs 1 and figures describe respondents only (no sampling
            error); with one, design weights N*/n per stratum and stratified standard errors. The frame
            is the one stored with `workforce frame import FILE` (the latest version), unless --frame
            FILE or --unweighted is given; the notes say which was used. Rows failing
            disclosure control (fewer than 5 employers, the p% rule, secondary suppression) are withheld.
            --by total gives the national flows in people a year: demand_flow = expansion + exits
            (leavers who left Belize or cyber work; moves within Belize are churn), entrants by route,
            the realised entry rate (hires straight from education / completions), and shortfall =
            demand_flow - entrants_projected, beside the stock of vacant jobs now. --by role adds each
            role's share of that flow. --scenarios moves one assumption at a time. --by sector, district
            and size give demand only: supply is national. --district NAME gives one district's row.
            """,
        options: [
            by.spec, horizon.spec, CatalogCommands.theta.spec, entryRate.spec, frame.spec, WeightingCommands.unweighted, Options.baselineWave.spec, compare.spec, WeightingCommands.frameVersion.spec, noImpute, winsorise, imputationVariance, sensitivity, scenarios,
            Options.framework.spec, district.spec, noSuppress,
        ],
        printsTable: true,
        run: { invocation in
            let store = try invocation.openStore()
            let request = try GapsCommand.request(invocation)
            var table: ResultTable
            if let waves = invocation[compare] {
                table = try GapComparison.run(store, request, waves[0], waves[1])
            } else {
                table =
                    invocation.flag(scenarios)
                    ? ShortfallScenarios.table(try GapContext.load(store, request), request.language)
                    : invocation.flag(sensitivity) ? try GapSensitivity.run(store, request) : try GapReport.run(store, request)
            }
            table.notes = try QuarantineNotes.sentences(store, .employer, waves: invocation[compare] ?? [request.wave], request.language) + table.notes
            if let banner = table.banner, invocation.format == .csv { invocation.warn(banner) }
            try invocation.print(table)
        })

    /// The employer-figure options every employer command shares.
    static func request(_ invocation: Invocation) throws -> GapRequest {
        var request = GapRequest()
        request.by = invocation[by]
        request.language = invocation.readerLanguage
        request.horizon = invocation[horizon]
        request.theta = invocation[CatalogCommands.theta]
        request.entryRate = invocation[entryRate]
        try request.weight(invocation.frameChoice())
        request.framework = invocation[Options.framework]
        request.wave = try Wave(employer: invocation[Options.baselineWave]).name
        request.frameVersion = invocation[WeightingCommands.frameVersion] ?? .pinned
        request.impute = !invocation.flag(noImpute)
        request.winsorise = invocation.flag(winsorise)
        request.imputationVariance = invocation.flag(imputationVariance)
        if request.imputationVariance, request.winsorise || !request.impute {
            throw WorkforceError.usage("--imputation-variance goes with imputation and without --winsorise: the jackknife imputes again in each replicate, and does not winsorise")
        }
        request.suppress = !invocation.flag(noSuppress)
        if let name = invocation[district] {
            let phrase = Words.bundled.phrasebook(.en)
            guard invocation[by.option] == nil || request.by == .district else { throw WorkforceError.usage(phrase("newcomer.gaps.district_by")) }
            guard invocation[compare] == nil, !invocation.flag(sensitivity), !invocation.flag(scenarios) else {
                throw WorkforceError.usage(phrase("newcomer.gaps.district_alone"))
            }
            request.by = .district
            request.district = name
        }
        return request
    }
}

extension GapRequest {
    /// Sets the frame the figures weight to.
    mutating func weight(_ choice: WeightingChoice) {
        frame = nil
        unweighted = false
        switch choice {
        case .file(let url): frame = url
        case .none: unweighted = true
        case .stored: break
        }
    }
}
