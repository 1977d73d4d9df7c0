import Foundation
import WorkforceKit

/// `workforce report` and `workforce demo` (and the gap request `workforce plan` shares).
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
            reportOut.spec, GapsCommand.horizon.spec, CatalogCommands.theta.spec, GapsCommand.entryRate.spec, GapsCommand.frame.spec, Options.baselineWave.spec,
            AwarenessCommands.margins.spec, WeightingCommands.unweighted, AwarenessCommands.strata.spec, AwarenessCommands.cluster.spec, AwarenessCommands.srs,
            Options.readerLanguage.spec,
        ],
        run: { invocation in
            let store = try invocation.openStore()
            let request = try request(invocation)
            var options = ReportOptions()
            options.language = invocation[Options.readerLanguage] ?? .en
            options.horizon = request.horizon
            options.theta = request.theta
            options.frame = request.frame
            options.unweighted = request.unweighted
            options.wave = request.wave
            options.entryRate = request.entryRate
            if case .file(let url) = try invocation.marginsChoice() { options.margins = url }
            let design = try AwarenessCommands.designOptions(invocation)
            (options.strata, options.cluster, options.srs) = (design.strata, design.cluster, design.srs)
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
            follow-up) files from Surveys/demo/, compute gaps, awareness with raking, strata
            (district x urban) and clusters (enumeration areas) and the change since the baseline,
            the plan, and write the report (default \(demoOut.defaultValue)/, replaced whole as `report` does;
            a failed run leaves no folder or database behind), in English or, with --lang es, in
            Spanish (its tables are the same in every language). The data is synthetic.
            """,
        options: [demoOut.spec, dbPath.spec, Options.readerLanguage.spec],
        usesDatabase: false,
        run: { try DemoCommand.run($0) })
}
