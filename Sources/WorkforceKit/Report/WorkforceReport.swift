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
    /// A line shown at the top of every page (in the report's language) and file (in English,
    /// as every machine table's note): the demo's "synthetic data".
    package var banner: Phrase?
    /// The language of the words readers see (`--lang`); tables' machine names stay as they are.
    package var language: ReaderLanguage = .en

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
    /// A part of the report: its blocks under a title. Sections still written as markup hold
    /// one ``ReportBlock/markup(html:markdown:)`` block.
    struct Section {
        var id: String
        var title: String
        var blocks: [ReportBlock]

        init(id: String, title: String, blocks: [ReportBlock]) {
            self.id = id
            self.title = title
            self.blocks = blocks
        }

        init(id: String, title: String, html: String, markdown: String) {
            self.init(id: id, title: title, blocks: [.markup(html: html, markdown: markdown)])
        }

        var html: String { ReportDocument.html(blocks, .en) }
        var markdown: String { ReportDocument.markdown(blocks, .en) }
    }

    /// Builds every file of the report, by name (relative to the report folder).
    package static func files(_ store: WorkforceStore, _ options: ReportOptions) throws -> [(name: String, text: String)] {
        try files(ReportData(store, options))
    }

    /// Every file of the report from figures computed once (``ReportData``).
    package static func files(_ data: ReportData) throws -> [(name: String, text: String)] {
        let options = data.options
        let gapRequest = data.gapRequest
        let context = data.context
        let offerings = data.offerings
        var tables: [(name: String, table: ResultTable)] = []
        var figures: [(label: Phrase, figure: ReportFigure)] = []
        var sections: [Section] = []
        /// Tables whose JSON is not their cells' (the plan's contributions are objects), by name.
        var json: [String: ([String]) -> String] = [:]
        var points = MainPoints(language: options.language)
        let phrase = Words.bundled.phrasebook(options.language)
        if let context { points.employers = mainPoints(context.estimates, options, catalog: !offerings.isEmpty) }
        if let context {
            sections.append(gapsSection(data, context, &tables, &figures))
            if let trend = data.trend { sections.append(trendSection(trend, gapRequest, options.language, &tables)) }
        } else {
            sections.append(missing("gaps", "", phrase("report.missing.gaps")))
        }
        sections.append(catalogSection(data, &tables, &figures, &points))
        if let context, !offerings.isEmpty, let untaught = untaughtSection(data, context, &tables) { sections.append(untaught) }
        if let plan = data.plan {
            sections.append(planSection(plan, options.language, &tables, &figures, &json, &points))
        } else {
            sections.append(missing("plan", "", phrase("report.missing.plan", ["gaps": phrase("report.section.gaps")])))
        }
        sections.append(awarenessSection(data, &tables, &figures, &points))
        if let impact = data.awareness?.impact { sections.append(impactSection(impact, options.language, &tables)) }
        sections.append(methodologySection(data, &tables))
        // Every section's title in the report's language, by its id.
        sections = sections.map { section in
            var titled = section
            titled.title = phrase("report.section.\(section.id)")
            return titled
        }
        let quarantine = data.quarantine
        sections = noting(quarantine, in: sections, options.language)
        let large = quarantine.filter(\.count.isLarge).map { $0.count.phrase.text(options.language) }

        let title = Words.bundled.text("report.title", options.language)
        let document = ReportDocument(
            title: title, blocks: frame(title, options, points.sentences, figures, sections, warnings: large), language: options.language)
        tables.insert(("summary", summaryTable(figures)), at: 0)
        var files: [(name: String, text: String)] = [
            ("report.html", document.html),
            ("report.md", document.markdown),
            ("explorer.html", ExplorerPage.page(data)),
        ]
        for (name, table) in tables {
            try table.checkFinite("report table \(name)")
            var marked = table
            if let banner = options.banner { marked.notes.insert(banner.text(.en), at: 0) }
            files.append(("tables/\(name).csv", table.rendered(as: .csv)))
            files.append(("tables/\(name).json", json[name]?(marked.notes) ?? marked.rendered(as: .json)))
        }
        return files
    }

    /// The page around the sections: the title and byline, the warnings, the main points, the
    /// contents (HTML only), the summary's figures and the link to the explorer.
    static func frame(
        _ title: String, _ options: ReportOptions, _ sentences: [String], _ figures: [(label: Phrase, figure: ReportFigure)], _ sections: [Section],
        warnings: [String]
    ) -> [ReportBlock] {
        let phrase = Words.bundled.phrasebook(options.language)
        var header: [ReportBlock] = [
            .heading(level: 1, text: title), .paragraph([.text(phrase("report.byline", ["date": Clock.today()]))], style: .meta),
        ]
        header += (options.banner.map { [$0] } ?? []).map { .paragraph([.text($0.text(phrase))], style: .warning) }
        header += warnings.map { .paragraph([.text($0)], style: .warning) }
        var blocks: [ReportBlock] = [.part(.init("header"), blocks: header)]
        if !sentences.isEmpty {
            blocks.append(.part(
                .init("section", id: "main-points", className: "main-points"),
                blocks: [
                    .heading(level: 2, text: phrase("report.main_points")), .list(sentences.map { [.text($0)] }),
                    .paragraph([.text(phrase("report.reading"))], style: .note),
                ]))
        }
        var contents: [(String, String)] = sentences.isEmpty ? [] : [(phrase("report.main_points"), "main-points")]
        contents += [(phrase("report.summary"), "summary")] + sections.map { ($0.title, $0.id) }
        blocks.append(.only(.html, [.part(.init("nav", label: phrase("report.contents")), blocks: [
            .heading(level: 2, text: phrase("report.contents")), .list(contents.map { [.link($0.0, href: "#" + $0.1)] }),
        ])]))
        blocks.append(.part(.init("section", id: "summary"), blocks: [
            .heading(level: 2, text: phrase("report.summary")), .figures(figures.map { ($0.label.text(phrase), $0.figure) }),
            .only(.html, [.paragraph([.link(phrase("report.explorer_link"), href: "explorer.html"), .text(phrase("report.explorer_after"))])]),
        ]))
        blocks += sections.map { .part(.init("section", id: $0.id, className: "part"), blocks: [.heading(level: 2, text: $0.title)] + $0.blocks) }
        return blocks
    }

    /// The summary's figures as numbers: value, standard error, interval, unit, grade and
    /// status, so that a program reads them without parsing words (`tables/summary.json`).
    static func summaryTable(_ figures: [(label: Phrase, figure: ReportFigure)]) -> ResultTable {
        var table = ResultTable(columns: ["figure", "value", "se", "ci_low", "ci_high", "unit", "grade", "status", "reason"])
        for (label, f) in figures {
            table.append([
                .text(label.text(.en)), .double(f.value), f.se.map(Cell.double) ?? .null, f.interval.map { .double($0.lowerBound) } ?? .null,
                f.interval.map { .double($0.upperBound) } ?? .null, .text(f.unit.rawValue), f.grade.map { .text($0.rawValue) } ?? .null,
                .text(f.status.rawValue), f.reason.map { .text($0.text(.en)) } ?? .null,
            ])
        }
        return table
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
    static func markdown(_ table: ResultTable, limit: Int = 25, top: Int = 15, most: Int = 200, csv: String? = nil, language: ReaderLanguage = .en) -> String {
        let reader = table.forReaders(language.rawValue)
        let phrase = Words.bundled.phrasebook(language)
        let total = min(reader.rows.count, most)
        let rest = total < reader.rows.count ? "_" + ReportHTML.firstRows(total, of: reader.rows.count, csv: csv, phrase) + "_\n\n" : ""
        guard total > limit else { return ResultTable.markdownRows(reader, 0..<total) + "\n" + rest }
        let summary = phrase("report.table.other_rows_short", [
            "count": Figure.count(Double(total - top), language.rawValue), "all": Figure.count(Double(reader.rows.count), language.rawValue),
        ])
        return ResultTable.markdownRows(reader, 0..<top)
            + "\n<details><summary>\(summary)</summary>\n\n"
            + ResultTable.markdownRows(reader, top..<total) + "\n</details>\n\n" + rest
    }
}
