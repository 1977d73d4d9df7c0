import Foundation

/// What `workforce report` (and the demo) writes the report from.
package struct ReportOptions: Sendable {
    package var horizon: Horizon = .medium
    package var theta = 0.5
    /// A frame file (`--frame FILE`) instead of the stored frame.
    package var frame: URL?
    /// A margins file (`--margins FILE`) instead of the stored margins.
    package var margins: URL?
    /// Weight to nothing, even a stored frame or margins (`--unweighted`).
    package var unweighted = false
    /// The awareness sample's design: strata crossed from these breakdowns, clusters from this
    /// question (none, and not `srs`: each wave's stored design).
    package var strata: [AwarenessBreakdown] = []
    package var cluster: String?
    /// Simple random sampling whatever design is stored (`--srs`).
    package var srs = false
    /// The employer wave of the figures (default the baseline); with two or more employer waves
    /// imported the report adds the change from the first to the last.
    package var wave: String?
    /// `--entry-rate`; `nil` uses the realised entry rate.
    package var entryRate: Double?
    /// A line shown at the top of every page and file (the demo: "synthetic data").
    package var banner: String?

    package init() {}

    /// The employer frame of the figures: the file, none, or the latest stored one.
    package var frameChoice: WeightingChoice { WeightingChoice(file: frame, unweighted: unweighted) }
    /// The awareness margins of the figures: the file, none, or the latest stored ones.
    package var marginsChoice: WeightingChoice { WeightingChoice(file: margins, unweighted: unweighted) }
    /// The awareness design of the figures: `--srs`, the given one, or each wave's stored one.
    package var awarenessDesign: AwarenessDesignChoice {
        srs ? .srs : strata.isEmpty && cluster == nil ? .stored : .given(strata: strata, cluster: cluster)
    }
}

/// The report people read: one self-contained HTML page (summary, workforce gaps, catalog and
/// course gaps, the plan, awareness baseline and change since the baseline, methodology), its Markdown, every
/// table as CSV and JSON, and the course-gap explorer page.
package enum WorkforceReport {
    struct Section {
        var id: String
        var title: String
        var html: String
        var markdown: String
    }

    /// Builds every file of the report, by name (relative to the report folder).
    package static func files(_ store: WorkforceStore, _ options: ReportOptions) throws -> [(name: String, text: String)] {
        var tables: [(name: String, table: ResultTable)] = []
        var figures: [(label: String, value: Cell)] = []
        var sections: [Section] = []
        /// Tables whose JSON is not their cells' (the plan's contributions are objects), by name.
        var json: [String: ([String]) -> String] = [:]
        var gapRequest = GapRequest()
        gapRequest.horizon = options.horizon
        gapRequest.theta = options.theta
        gapRequest.frame = options.frame
        gapRequest.unweighted = options.unweighted
        gapRequest.wave = options.wave
        gapRequest.entryRate = options.entryRate

        // Workforce gaps and the plan need employer responses.
        var context: GapContext?
        do {
            context = try GapContext.load(store, gapRequest)
        } catch let error as WorkforceError {
            guard case .noInput = error else { throw error }
        }
        let framework = try store.framework(named: nil)
        let offerings = try store.catalog(framework)
        let roles = try store.roleProfiles(framework)
        var points = MainPoints()
        if let context { points.employers = mainPoints(context.estimates, options, catalog: !offerings.isEmpty) }
        if let context {
            sections.append(gapsSection(context, gapRequest, &tables, &figures))
            let waves = try store.employerWaves()
            if waves.count >= 2, let first = waves.first, let last = waves.last {
                sections.append(try trendSection(store, gapRequest, first, last, &tables))
            }
        } else {
            sections.append(missing("gaps", "Workforce gaps", "No employer responses are imported. Generate the form with `workforce survey employer`, field it, and import the export with `workforce import employer FILE`."))
        }
        sections.append(catalogSection(offerings, roles, context, gapRequest, &tables, &figures, &points))
        if let context, !offerings.isEmpty, let untaught = untaughtSection(context, offerings, &tables) { sections.append(untaught) }
        if let context {
            sections.append(try planSection(context, store, options, &tables, &figures, &json, &points))
        } else {
            sections.append(missing("plan", "The workforce development plan", "The plan needs employer responses (see Workforce gaps)."))
        }
        sections.append(try awarenessSection(store, options, &tables, &figures, &points))
        sections.append(try methodologySection(store, options, context, &tables))
        let quarantine = try quarantine(store, options)
        sections = noting(quarantine, in: sections)
        let large = quarantine.filter(\.count.isLarge).map(\.count.sentence)

        // Figures as published: estimated counts of people and places as whole numbers (shares
        // and intervals are already written for readers, as text).
        figures = figures.map { f in
            guard case .double(let d) = f.value else { return f }
            return (f.label, .double(d.rounded()))
        }
        let generated = Clock.today()
        let title = "Belize cybersecurity workforce and awareness report"
        let sentences = points.sentences
        let reading = "Figures are estimates from surveys, each with its 95% confidence interval (CI): intervals made this way hold the true figure 19 times in 20."
        var body = "<header><h1>\(Markup.escape(title))</h1>"
        body += ReportHTML.paragraph("National Cybersecurity Strategy, Area of Priority 3. Generated \(generated) by workforce.", class: "meta")
        if let banner = options.banner { body += ReportHTML.paragraph(banner, class: "synthetic") }
        body += large.map { ReportHTML.paragraph($0, class: "synthetic") }.joined()
        body += "</header>"
        if !sentences.isEmpty {
            body += "<section id=\"main-points\" class=\"main-points\"><h2>Main points</h2><ul>" + sentences.map { "<li>\(Markup.escape($0))</li>" }.joined() + "</ul>"
                + ReportHTML.paragraph(reading, class: "note") + "</section>"
        }
        body += "<nav aria-label=\"Contents\"><h2>Contents</h2><ul>" + (sentences.isEmpty ? "" : "<li><a href=\"#main-points\">Main points</a></li>") + "<li><a href=\"#summary\">Summary</a></li>"
        body += sections.map { "<li><a href=\"#\($0.id)\">\(Markup.escape($0.title))</a></li>" }.joined() + "</ul></nav>"
        body += "<section id=\"summary\"><h2>Summary</h2><ul class=\"figures\">"
        body += figures.map { "<li><span class=\"value\" data-figure=\"\(Markup.escape($0.label))\">\(Markup.escape(ReportHTML.shown($0.value)))</span>\(Markup.escape($0.label))</li>" }.joined()
        body += "</ul><p><a href=\"explorer.html\">Open the course-gap explorer</a> to see, for one institution, the needed skills its courses do not teach.</p></section>"
        body += sections.map { "<section id=\"\($0.id)\" class=\"part\"><h2>\(Markup.escape($0.title))</h2>\($0.html)</section>" }.joined()

        var markdown = "# \(title)\n\nGenerated \(generated) by workforce.\n\n"
        if let banner = options.banner { markdown += "**\(banner)**\n\n" }
        markdown += large.map { "**\($0)**\n\n" }.joined()
        if !sentences.isEmpty { markdown += "## Main points\n\n" + sentences.map { "- \($0)\n" }.joined() + "\n_\(reading)_\n\n" }
        markdown += "## Summary\n\n" + figures.map { "- \($0.label): **\(ReportHTML.shown($0.value))**" }.joined(separator: "\n") + "\n\n"
        markdown += sections.map { "## \($0.title)\n\n\($0.markdown)" }.joined(separator: "\n")

        var summary = ResultTable(columns: ["figure", "value"])
        for f in figures { summary.append([.text(f.label), f.value]) }
        tables.insert(("summary", summary), at: 0)
        var files: [(name: String, text: String)] = [
            ("report.html", ReportHTML.page(title: title, body: body)),
            ("report.md", markdown),
            ("explorer.html", ExplorerPage.page(offerings: offerings, roles: roles, context: context, store: store, banner: options.banner)),
        ]
        for (name, table) in tables {
            try table.checkFinite("report table \(name)")
            var marked = table
            if let banner = options.banner { marked.notes.insert(banner, at: 0) }
            files.append(("tables/\(name).csv", table.rendered(as: .csv)))
            files.append(("tables/\(name).json", json[name]?(marked.notes) ?? marked.rendered(as: .json)))
        }
        return files
    }

    /// Writes the report into `folder`, replacing the files it writes; returns their paths.
    package static func write(_ store: WorkforceStore, _ options: ReportOptions, to folder: URL) throws -> [String] {
        let files = try files(store, options)
        do {
            try FileManager.default.createDirectory(at: folder.appendingPathComponent("tables"), withIntermediateDirectories: true)
            for file in files { try Data(file.text.utf8).write(to: folder.appendingPathComponent(file.name), options: .atomic) }
        } catch {
            throw WorkforceError.cannotCreate(path: folder.path, reason: error.localizedDescription)
        }
        return files.map { folder.appendingPathComponent($0.name).path }
    }

    /// The employer half of the main points, from the estimates.
    static func mainPoints(_ e: EmployerEstimates, _ options: ReportOptions, catalog: Bool) -> MainPoints.Employers {
        var points = MainPoints.Employers(
            respondents: e.employers.count, horizon: options.horizon, shortage: e.shortage, openings: e.national.figures.demand,
            completers: e.national.supply, people: e.people,
            shortages: e.publishedRoles.filter { $0.gap.value > 0 }.map { MainPoints.Role(name: $0.role.name, gap: $0.gap, grade: $0.quality) }, catalog: catalog,
            openingsGrade: e.national.quality,
            shortageGrade: QualityGrade(e.shortage, units: e.national.figures.respondents),
            peopleGrade: e.people.flatMap { QualityGrade($0, units: e.employers.count) },
            flows: flowPoints(e))
        points.withheldShortages = e.surveyedRoles.filter { !$0.isPublished && $0.gap.value > 0 }.count
        return points
    }

    static func missing(_ id: String, _ title: String, _ text: String) -> Section {
        Section(id: id, title: title, html: ReportHTML.paragraph(text, class: "note"), markdown: text + "\n")
    }

    /// A table in Markdown for readers; past `limit` rows, the first `top` and the rest in a
    /// `<details>` block (GitHub renders it folded).
    static func markdown(_ table: ResultTable, limit: Int = 25, top: Int = 15, most: Int = 200, csv: String? = nil) -> String {
        let reader = table.forReaders()
        let total = min(reader.rows.count, most)
        let rest = total < reader.rows.count ? "_The first \(total) of \(reader.rows.count) rows are shown; every row is in \(csv ?? "the CSV and JSON tables")._\n\n" : ""
        guard total > limit else { return ResultTable.markdownRows(reader, 0..<total) + "\n" + rest }
        return ResultTable.markdownRows(reader, 0..<top)
            + "\n<details><summary>The other \(total - top) rows (\(reader.rows.count) in all)</summary>\n\n"
            + ResultTable.markdownRows(reader, top..<total) + "\n</details>\n\n" + rest
    }
}
