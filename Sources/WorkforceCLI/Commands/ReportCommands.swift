import Foundation
import WorkforceKit

/// `workforce plan`, `workforce report` and `workforce demo`.
enum ReportCommands {
    static let out = TypedOption<String>("out", "dir", "The folder to write into.", expected: "a folder path") { $0.isEmpty ? nil : $0 }

    static func request(_ invocation: Invocation) throws -> GapRequest {
        try GapsCommand.request(invocation)
    }

    static let planSpec = CommandSpec(
        name: "plan",
        abstract: "The national workforce development plan: scale, create and upskill actions per role with a gap.",
        discussion: """
            Roles with a gap are ranked by gap x (1 + share of demand from critical-infrastructure
            employers). Each action has a target with its arithmetic, a timeline, the lead (the
            ministry responsible for education) and partners. With --out, also writes plan.md,
            plan.csv and plan.json there.
            """,
        options: [
            out.spec, GapsCommand.horizon.spec, CatalogCommands.theta.spec, GapsCommand.entryRate.spec, GapsCommand.frame.spec, Options.wave.spec,
            GapsCommand.noImpute,
        ],
        printsTable: true,
        run: { invocation in
            let store = try invocation.openStore()
            let request = try request(invocation)
            let context = try GapContext.load(store, request)
            let plans = WorkforcePlan.build(context.estimates)
            var table = WorkforcePlan.table(plans, horizon: request.horizon)
            table.notes = context.notes
            if let folder = invocation[out] {
                let url = URL(fileURLWithPath: folder)
                do {
                    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
                    for format in [OutputFormat.md, .csv, .json] {
                        try Data(table.rendered(as: format).utf8).write(to: url.appendingPathComponent("plan.\(format.rawValue)"), options: .atomic)
                    }
                } catch {
                    throw WorkforceError.cannotCreate(path: folder, reason: error.localizedDescription)
                }
                invocation.io.err("Wrote plan.md, plan.csv and plan.json into \(folder).\n")
            }
            invocation.print(table)
        })

    static let reportSpec = CommandSpec(
        name: "report",
        abstract: "The report people read: self-contained HTML, Markdown, every table as CSV and JSON, the course-gap explorer.",
        options: [
            out.spec, GapsCommand.horizon.spec, CatalogCommands.theta.spec, GapsCommand.entryRate.spec, GapsCommand.frame.spec, Options.wave.spec,
            AwarenessCommands.margins.spec, AwarenessCommands.strata.spec, AwarenessCommands.cluster.spec,
        ],
        run: { invocation in
            let store = try invocation.openStore()
            let request = try request(invocation)
            var options = ReportOptions()
            options.horizon = request.horizon
            options.theta = request.theta
            options.frame = request.frame
            options.wave = request.wave
            options.entryRate = request.entryRate
            options.margins = try invocation[AwarenessCommands.margins].map { path throws(WorkforceError) in try FileInput.existing(path) }
            options.strata = invocation[AwarenessCommands.strata] ?? []
            options.cluster = invocation[AwarenessCommands.cluster]
            let folder = URL(fileURLWithPath: invocation[out] ?? "Reports")
            let written = try WorkforceReport.write(store, options, to: folder)
            invocation.say("Wrote the report: \(folder.appendingPathComponent("report.html").path) (\(written.count) files).")
        })

    static let dbPath = TypedOption<String>("db", "path", "The database to build (default: a temporary file); it must not exist.", expected: "a file path") {
        $0.isEmpty ? nil : $0
    }

    static let demoSpec = CommandSpec(
        name: "demo",
        abstract: "Run the whole chain on the bundled synthetic data and write the report.",
        discussion: """
            Into a fresh database: load NICE 2017, generate the questionnaires, import the synthetic
            employer (KoboToolbox and ODK Central exports), catalog and awareness (baseline and
            follow-up) files from Surveys/demo/, compute gaps, awareness with raking, strata
            (district x urban) and clusters (enumeration areas) and the change since the baseline,
            the plan, and write the report (default Reports/demo/). The data is synthetic.
            """,
        options: [out.spec, dbPath.spec],
        usesDatabase: false,
        run: { try DemoCommand.run($0) })
}
