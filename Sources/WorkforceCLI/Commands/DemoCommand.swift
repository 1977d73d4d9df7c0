import Foundation
import WorkforceKit

/// `workforce demo`: the whole chain on the bundled synthetic data.
enum DemoCommand {
    /// The line at the top of every page and table of the demo's report.
    static let banner = Phrase.phrase("report.demo.banner")

    static func run(_ invocation: Invocation) throws {
        let home = try BundledData.home(environment: invocation.environment)
        let out = URL(fileURLWithPath: invocation[ReportCommands.demoOut])
        let temporary = invocation[ReportCommands.dbPath] == nil
        let path = invocation[ReportCommands.dbPath] ?? FileManager.default.temporaryDirectory.appendingPathComponent("workforce-demo-\(getpid()).sqlite").path
        if FileManager.default.fileExists(atPath: path) {
            throw WorkforceError.usage("\(path) exists; the demo builds a fresh database: give another --db path or remove it")
        }
        // The database is built under a temporary name beside --db and renamed at the end, so a
        // failed or killed run leaves no database that would answer queries or block the next.
        let target = URL(fileURLWithPath: path)
        let building = temporary ? path : target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).partial-\(getpid())").path
        if !temporary { removeStalePartials(of: target) }
        var finished = false
        defer {
            if temporary || !finished { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: building + suffix) } }
        }
        // Everything goes into a folder beside --out that takes its place at the end, whole.
        try OutputFolder.write(out, replaceable: ReportCommands.reportNames) { staging in
            try build(invocation, home: home, database: building, shownAs: path, temporary: temporary, into: staging, shownAs: out)
        }
        if !temporary {
            // The connection is closed (the WAL checkpointed into the file); a WAL left over goes with it.
            if FileManager.default.fileExists(atPath: building + "-wal") { _ = rename(building + "-wal", path + "-wal") }
            try? FileManager.default.removeItem(atPath: building + "-shm")
            guard !FileManager.default.fileExists(atPath: path), rename(building, path) == 0 else {
                throw WorkforceError.cannotCreate(path: path, reason: "the finished database could not take this name (\(String(cString: strerror(errno)))); nothing was kept")
            }
        }
        finished = true
        invocation.say("\nThe report: \(out.appendingPathComponent("report.html").path)")
        invocation.say("The course-gap explorer: \(out.appendingPathComponent("explorer.html").path)")
    }

    /// Removes `.NAME.partial-PID` databases (and their WAL) that a killed demo left beside
    /// `target`: those of a process that is gone.
    private static func removeStalePartials(of target: URL) {
        let folder = target.deletingLastPathComponent(), prefix = ".\(target.lastPathComponent).partial-"
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] where entry.hasPrefix(prefix) {
            let digits = entry.dropFirst(prefix.count).prefix { $0.isNumber }
            guard let pid = Int32(digits), pid > 0, pid != getpid(), kill(pid, 0) != 0, errno == ESRCH else { continue }
            try? FileManager.default.removeItem(at: folder.appendingPathComponent(entry))
        }
    }

    private static func build(
        _ invocation: Invocation, home: URL, database path: String, shownAs shownPath: String, temporary: Bool, into staging: URL, shownAs out: URL
    ) throws {
        let data = home.appendingPathComponent("Surveys/demo")
        func step(_ text: String) { invocation.say("• " + text) }
        let store = try WorkforceStore(path: path, create: true)
        step("Database \(temporary ? "(temporary) " : "")\(shownPath)")
        let framework = try FrameworkCSVLoader.load(folder: home.appendingPathComponent("Frameworks/nice-2017"))
        try store.saveFramework(framework, makeDefault: true)
        step("Loaded NICE 2017: \(framework.workRoles.count) work roles, \(framework.statements.count) statements")

        let bank = try ItemBank.bundled(environment: invocation.environment)
        for instrument in try DemoData.instruments(bank: bank, store: store) {
            let files = try SurveyFiles(instrument, bank: bank)
            _ = try files.write(to: staging.appendingPathComponent("forms"))
            try store.recordInstrument(instrument, codebook: files.codebook)
            step("Generated the \(instrument.formID) questionnaire (\(out.appendingPathComponent("forms").path))")
        }
        let imports: [(file: String, kind: String, wave: String?)] = [
            ("employers-kobotoolbox.csv", "employer", nil), ("employers-odk-central.csv", "employer", nil),
            ("employers-2027-kobotoolbox.csv", "employer", "2027"), ("catalog.csv", "catalog", nil),
            ("awareness-baseline.csv", "awareness", "baseline"), ("awareness-followup-1.csv", "awareness", "followup-1"),
        ]
        for item in imports {
            let url = data.appendingPathComponent(item.file)
            let name = "Surveys/demo/\(item.file)"  // as the report shows it, the same on every machine
            let summary: ImportSummary
            if item.kind == "catalog" {
                summary = try CatalogImporter.run(store: store, url: url, name: name, framework: nil, dryRun: false)
            } else {
                let kind = InstrumentKind(rawValue: item.kind) ?? .employer
                summary = try ResponseImporter.run(store: store, url: url, name: name, options: ImportOptions(kind: kind, wave: item.wave))
            }
            step("Imported \(item.file): \(summary.imported) of \(summary.rowsRead) rows (\(summary.dialect.rawValue)), \(summary.quarantined) quarantined")
        }

        // The frame and margins are stored as `workforce frame import` and `margins import` store
        // them, so that `workforce report` on this database gives the same figures with no flags.
        let frame = try store.importFrame(data.appendingPathComponent("frame.csv"), bank: bank)
        step("Stored \(frame.source.versionWords): \(plural(frame.order.count, "stratum", "strata"))")
        // The 2027 wave's own fieldwork (its response rate), and the codes issued to both waves.
        // Each wave is weighted to its own file (`frame use`), as an office would pin them.
        let fieldwork = try store.importFrame(data.appendingPathComponent("frame-2027.csv"), bank: bank, wave: "2027")
        try store.useFrame(version: frame.source.version ?? 1, wave: nil)
        try store.useFrame(version: fieldwork.source.version ?? 2, wave: "2027")
        step("Stored the 2027 fieldwork as \(fieldwork.source.versionWords)")
        for wave in [nil, "2027"] {
            let (units, queried) = try store.importUnits(data.appendingPathComponent("units.csv"), bank: bank, wave: wave)
            step("Stored the units list of employer wave \(wave ?? "baseline"): \(plural(units.units.count, "organisation")), \(plural(queried, "response")) queried")
        }
        let margins = try store.importMargins(data.appendingPathComponent("margins.csv"))
        step("Stored \(margins.source.versionWords)")
        // Every figure once: the steps below and the report read the same computed figures.
        var options = ReportOptions()
        options.banner = banner
        options.language = invocation[Options.readerLanguage] ?? .en
        let figures = try ReportData(store, options)
        if let context = figures.context {
            let published = context.estimates.roles.filter(\.isPublished)
            step(
                "Gaps, weighted to the sampling frame: \(published.count) published roles; " + (context.estimates.flows.map { "shortfall \(Figure.count($0.shortfall)) people a year, \(Figure.count($0.vacantJobs.value)) jobs vacant now" } ?? "shortage \(Figure.count(context.estimates.shortage)) role mentions")
            )
        }
        // The design the import stored with each wave (strata district x urban, enumeration areas).
        if let awareness = figures.awareness {
            for w in (awareness.change ?? awareness.baseline).weighting { step(w.description) }
        }
        if let plan = figures.plan {
            step("Plan: \(plural(plan.roles.count, "role")) with a need, \(plural(plan.actions.count, "action")), \(Figure.count(plan.seats)) seats a year")
        }
        let written = try OutputFolder.writeFiles(try WorkforceReport.files(figures), into: staging, shownAs: out)
        step("Wrote \(written.count) report files")
    }
}
