import Foundation
import WorkforceKit

/// `workforce gaps`: employer demand against catalog supply.
enum GapsCommand {
    static let by = TypedOption<GapBreakdown>.choice(
        "by", "what", "role, ksa, area, category, sector, district, size, proficiency, lacking or capability."
    ).defaulting(to: .role, shown: "role")
    static let horizon = TypedOption<Horizon>.choice(
        "horizon", "term", "short (6 months), medium (1 year) or long (2 years)."
    ).defaulting(to: .medium, shown: "medium")
    static let frame = TypedOption<String>.text(
        "frame", "file", "Weight employers to a sampling frame: a CSV sector,size_band,organisations.")
    static let noSuppress = OptionSpec.flag("no-suppress", "Show small cells (internal analysis only; every output says so).")

    static let spec = CommandSpec(
        name: "gaps",
        abstract: "Skills gaps: employer demand against catalog supply, by role, KSA, area, sector, district or size.",
        discussion: """
            demand = vacancies + positions expected within the horizon (weighted); supply = completions
            x years x each offering's share of the roles it prepares for (coverage >= theta); gap =
            demand - supply. Without --frame every employer weighs 1 and figures describe respondents
            only; with it w = N_s / n_s. Rows resting on fewer than 5 employers are suppressed.
            """,
        options: [by.spec, horizon.spec, CatalogCommands.theta.spec, frame.spec, Options.framework.spec, noSuppress],
        printsTable: true,
        run: { invocation in
            let store = try invocation.openStore()
            var request = GapRequest()
            request.by = invocation[by]
            request.horizon = invocation[horizon]
            request.theta = invocation[CatalogCommands.theta]
            request.frame = try invocation[frame].map { path throws(WorkforceError) in try FileInput.existing(path) }
            request.framework = invocation[Options.framework]
            request.suppress = !invocation.flag(noSuppress)
            let table = try GapReport.run(store, request)
            if let banner = table.banner, invocation.format == .csv { invocation.warn(banner) }
            invocation.print(table)
        })
}
