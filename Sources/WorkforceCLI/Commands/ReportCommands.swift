import Foundation
import WorkforceKit

/// `workforce plan`, `workforce report` and `workforce demo`.
enum ReportCommands {
    static let out = TypedOption<String>("out", "dir", "The folder to write into.", expected: "a folder path") { $0.isEmpty ? nil : $0 }
    static let reportOut = TypedOption<String>(
        "out", "dir", "The folder to write the report into; it is replaced whole.", expected: "a folder path"
    ) { $0.isEmpty ? nil : $0 }.defaulting(to: "Reports/latest")
    static let demoOut = reportOut.option.defaulting(to: "Reports/demo")
    /// What an earlier report folder may hold and still be replaced (a report written before
    /// the folder was marked, ``OutputFolder/marker``).
    static let reportNames: Set<String> = ["report.html", "report.md", "explorer.html", "tables", "forms"]

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
                let files = [OutputFormat.md, .csv, .json].map { (name: "plan.\($0.rawValue)", text: table.rendered(as: $0)) }
                try OutputFolder.writeFiles(files, into: url, shownAs: url)
                invocation.io.err("Wrote plan.md, plan.csv and plan.json into \(terminalSafe(folder)).\n")
            }
            invocation.print(table)
        })

    static let reportSpec = CommandSpec(
        name: "report",
        abstract: "The report people read: self-contained HTML, Markdown, every table as CSV and JSON, the course-gap explorer.",
        discussion: """
            The folder (--out, default Reports/latest/) is written whole: the files go into a
            temporary folder beside it, which then takes its place in one step, so an interrupted
            or failed run leaves the earlier report as it was, and files the new report does not
            have are gone. A folder holding other files is refused.
            """,
        options: [
            reportOut.spec, GapsCommand.horizon.spec, CatalogCommands.theta.spec, GapsCommand.entryRate.spec, GapsCommand.frame.spec, Options.wave.spec,
            AwarenessCommands.margins.spec,
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
            let folder = URL(fileURLWithPath: invocation[reportOut])
            let files = try WorkforceReport.files(store, options)
            let written = try OutputFolder.write(folder, replaceable: reportNames) { staging in
                try OutputFolder.writeFiles(files, into: staging, shownAs: folder)
            }
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
            follow-up) files from Surveys/demo/, compute gaps, awareness with raking and comparison,
            the plan, and write the report (default Reports/demo/, replaced whole as `report` does;
            a failed run leaves no folder or database behind). The data is synthetic.
            """,
        options: [demoOut.spec, dbPath.spec],
        usesDatabase: false,
        run: { try DemoCommand.run($0) })
}
