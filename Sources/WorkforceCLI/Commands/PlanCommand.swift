import Foundation
import WorkforceKit

/// `workforce plan`: the national workforce development plan.
enum PlanCommand {
    static let by = TypedOption<WorkforcePlan.Breakdown>.choice(
        "by", "what", "action (one row per action), role (per role: need, what each lever closes, what stays open and why) or cases (the low, central and high cases side by side).")
        .defaulting(to: .action, shown: "action")
    static let cases = OptionSpec.flag("cases", "The three cases side by side, robust actions marked (as --by cases).")
    static let years = TypedOption<Int>.integer("years", "H", "Close the need by the end of year H.", in: 1...10).defaulting(to: 3, shown: "3")
    static let backlogYears = TypedOption<Double>.number(
        "backlog-years", "B", "Spread today's vacancies evenly over B years (default: --years).", in: 0.5...20)
    static let maxGrowth = TypedOption<Double>.number(
        "max-growth", "g", "An offering grows by at most g x its completions a year.", in: 0...10).defaulting(to: 0.5, shown: "0.5")
    static let institutionGrowth = TypedOption<Double>.number(
        "institution-growth", "g", "An institution's offerings grow together by at most g x its completions a year.", in: 0...10)
        .defaulting(to: 0.5, shown: "0.5")
    static let minCohort = TypedOption<Double>.number("min-cohort", "n", "A new course gives at least n completions a year.", in: 1...1000)
        .defaulting(to: 12, shown: "12")
    static let maxCohort = TypedOption<Double>.number("max-cohort", "n", "A new course gives at most n completions a year.", in: 1...1000)
        .defaulting(to: 30, shown: "30")
    static let conversionPool = TypedOption<Double>.number(
        "conversion-pool", "n", "Career changers a year a conversion programme may reach, today's included (default: twice today's).", in: 0...1_000_000)
    static let maxRetention = TypedOption<Double>.number("max-retention", "r", "Retention avoids at most r x a role's exits.", in: 0...1)
        .defaulting(to: 0.2, shown: "0.2")
    static let maxUpskill = TypedOption<Double>.number(
        "max-upskill", "u", "A feeder role sends at most u x its role-holdings a year to upskilling.", in: 0...1).defaulting(to: 0.1, shown: "0.1")
    static let budget = TypedOption<Double>.number(
        "budget", "amount", "The most the plan may cost a year (with cost_per_completion in the catalog).", in: 0...1e12)
    static let programs = TypedOption<String>(
        "programs", "file", "Also write every case's mixed-integer programs and solution as JSON, to check with another solver.",
        expected: "a file path") { $0.isEmpty ? nil : $0 }

    static let spec = CommandSpec(
        name: "plan",
        abstract: "The national workforce development plan: scale, create, convert, upskill and retain actions closing each role's need in people a year.",
        discussion: """
            Per role the need is its annual shortfall plus today's vacancies spread over
            --backlog-years, in people a year by the end of year --years. One mixed-integer
            program per case (low, central, high shortfall) chooses, exactly, first the least
            need left open, then the fewest new courses (or the least cost), then the fewest
            seats. Each action lists what it adds to every role; robust actions are in all three
            cases. With --out, also writes plan.md, plan.csv and plan.json there.
            """,
        options: [
            by.spec, cases, ReportCommands.out.spec, years.spec, backlogYears.spec, maxGrowth.spec, institutionGrowth.spec, minCohort.spec, maxCohort.spec,
            conversionPool.spec, maxRetention.spec, maxUpskill.spec, budget.spec, CatalogCommands.theta.spec, GapsCommand.frame.spec,
            WeightingCommands.unweighted, GapsCommand.entryRate.spec, Options.baselineWave.spec, GapsCommand.noImpute, programs.spec,
        ],
        printsTable: true,
        run: { invocation in
            let store = try invocation.openStore()
            var request = PlanRequest()
            request.gaps = try ReportCommands.request(invocation)
            request.options = try options(invocation)
            let breakdown = invocation.flag(cases) ? .cases : invocation[by]
            let (plan, context) = try WorkforcePlan.run(store, request)
            let gapNotes = { (language: ReaderLanguage) in context.notes(language) }
            // The files written with --out: Markdown in the reader's language, CSV and JSON in English.
            let quarantine = { (language: ReaderLanguage) in try QuarantineNotes.sentences(store, .employer, waves: [request.gaps.wave], language) }
            let language = invocation[Options.readerLanguage] ?? .en
            var english = plan.table(breakdown)
            english.notes = try quarantine(.en) + gapNotes(.en) + english.notes
            var shown = plan.table(breakdown, language)
            shown.notes = try quarantine(language) + gapNotes(language) + shown.notes
            try english.checkFinite("workforce plan")
            var files: [(name: String, text: String)] = [("plan.md", shown.rendered(as: .md, language: language)), ("plan.csv", english.rendered(as: .csv))]
            files.append(("plan.json", plan.json(breakdown, notes: english.notes)))
            if let folder = invocation[ReportCommands.out] {
                let url = try OutputPath.folder(URL(fileURLWithPath: folder))
                try OutputFolder.writeFiles(files.map { (name: $0.0, text: $0.1) }, into: url, shownAs: url)
                invocation.io.err("Wrote plan.md, plan.csv and plan.json into \(terminalSafe(folder)).\n")
            }
            if let path = invocation[programs] {
                try OutputFolder.writeFile(Array(plan.programsJSON.utf8), to: URL(fileURLWithPath: path))
            }
            if invocation.format == .json {
                invocation.io.out(plan.json(breakdown, notes: english.notes))
            } else {
                try invocation.print(invocation.readerLanguage == .en ? english : shown)
            }
        })

    /// The plan's options; a minimum cohort above the maximum is a usage error.
    static func options(_ invocation: Invocation) throws -> PlanOptions {
        var o = PlanOptions()
        o.years = invocation[years]
        o.backlogYears = invocation[backlogYears]
        o.maxGrowth = invocation[maxGrowth]
        o.institutionGrowth = invocation[institutionGrowth]
        o.minCohort = invocation[minCohort]
        o.maxCohort = invocation[maxCohort]
        o.conversionPool = invocation[conversionPool]
        o.maxRetention = invocation[maxRetention]
        o.maxUpskill = invocation[maxUpskill]
        o.budget = invocation[budget]
        guard o.minCohort <= o.maxCohort else {
            throw WorkforceError.usage("--min-cohort \(Cell.double(o.minCohort).plainText) is above --max-cohort \(Cell.double(o.maxCohort).plainText); give a minimum at most the maximum")
        }
        return o
    }
}
