import Foundation
import WorkforceKit

/// `workforce plan`: the national workforce development plan.
enum PlanCommand {
    static let by = TypedOption<WorkforcePlan.Breakdown>.choice(
        "by", "what", "action (one row per action) or role (per ranked role: gap, closed, open).").defaulting(to: .action, shown: "action")
    static let maxGrowth = TypedOption<Double>.number(
        "max-growth", "g", "An offering grows by at most g x its completions a year; 1 is at most double.", in: 0...10).defaulting(to: 1, shown: "1")
    static let programs = TypedOption<String>(
        "programs", "file", "Also write the two linear programs and their solution as JSON, to check with another solver.",
        expected: "a file path") { $0.isEmpty ? nil : $0 }

    static let spec = CommandSpec(
        name: "plan",
        abstract: "The national workforce development plan: scale, create, upskill and beyond-the-horizon actions whose seats add up across roles.",
        discussion: """
            Two linear programs: first the fewest completions a year of new short courses, then,
            holding that, the fewest extra completions of existing offerings (each at most
            --max-growth x its completions), so that within the horizon every published role's gap
            is closed; an extra intake completes only after the offering's length. Each action lists
            what it adds to every role; --by role shows per ranked role the gap, what the actions
            close and what stays open. With --out, also writes plan.md, plan.csv and plan.json there.
            """,
        options: [
            by.spec, ReportCommands.out.spec, GapsCommand.horizon.spec, CatalogCommands.theta.spec, GapsCommand.frame.spec, WeightingCommands.unweighted, maxGrowth.spec,
            GapsCommand.entryRate.spec, Options.baselineWave.spec, GapsCommand.noImpute, programs.spec,
        ],
        printsTable: true,
        run: { invocation in
            let store = try invocation.openStore()
            var request = PlanRequest()
            request.gaps = try ReportCommands.request(invocation)
            request.maxGrowth = invocation[maxGrowth]
            let breakdown = invocation[by]
            let (plan, gapNotes) = try WorkforcePlan.run(store, request)
            var table = plan.table(breakdown)
            table.notes = (try QuarantineNotes.sentences(store, .employer, waves: [request.gaps.wave])) + gapNotes + table.notes
            try table.checkFinite("workforce plan")
            var files: [(name: String, text: String)] = [("plan.md", table.rendered(as: .md)), ("plan.csv", table.rendered(as: .csv))]
            files.append(("plan.json", plan.json(breakdown, notes: table.notes)))
            if let folder = invocation[ReportCommands.out] {
                let url = URL(fileURLWithPath: folder)
                try OutputFolder.writeFiles(files.map { (name: $0.0, text: $0.1) }, into: url, shownAs: url)
                invocation.io.err("Wrote plan.md, plan.csv and plan.json into \(terminalSafe(folder)).\n")
            }
            if let path = invocation[programs] {
                let text = plan.programsJSON
                do {
                    try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
                } catch {
                    throw WorkforceError.cannotCreate(path: path, reason: FileSystemWords.words(error))
                }
            }
            if invocation.format == .json {
                invocation.io.out(plan.json(breakdown, notes: table.notes))
            } else {
                try invocation.print(table)
            }
        })
}
