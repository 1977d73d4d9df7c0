import Foundation
import Testing
@testable import WorkforceKit

/// One report computes each figure once (issue 32): each awareness wave is read and raked once,
/// each employer wave's estimates are built once, and the report's sections, the explorer and
/// `demo` read them from ``ReportData`` instead of computing them again.
@Suite(.serialized) struct ReportDataTests {
    /// The loads, by wave.
    final class Loads: @unchecked Sendable {
        private let lock = NSLock()
        private var employer: [String: Int] = [:], awareness: [String: Int] = [:]
        func count(employer wave: String) { lock.withLock { employer[wave, default: 0] += 1 } }
        func count(awareness wave: String) { lock.withLock { awareness[wave, default: 0] += 1 } }
        var counts: (employer: [String: Int], awareness: [String: Int]) { lock.withLock { (employer, awareness) } }
    }

    @Test func oneReportReadsEachWaveOnce() throws {
        let scratch = try Scratch()
        let database = scratch.path("demo.sqlite")
        let demo = try runWorkforce(["demo", "--db", database, "--out", scratch.path("demo")], in: scratch.url)
        #expect(demo.code == 0, "\(demo.stderr)")
        let store = try WorkforceStore(path: database, create: false)
        let loads = Loads()
        var loaders = ReportData.Loaders()
        loaders.employer = { store, request in
            loads.count(employer: request.wave ?? "baseline")
            return try GapContext.load(store, request)
        }
        loaders.awareness = { store, wave, request in
            loads.count(awareness: wave)
            return try AwarenessWave.load(store, wave, request)
        }
        let data = try ReportData(store, ReportOptions(), loaders: loaders)
        // The demo has two employer waves (the change between them is a section) and two
        // awareness waves (the baseline, its needs, the change and the campaign figures).
        #expect(loads.counts.employer == ["baseline": 1, "2027": 1])
        #expect(loads.counts.awareness == ["baseline": 1, "followup-1": 1])
        #expect(data.trend?.first == "baseline" && data.trend?.last == "2027")
        #expect(data.awareness?.change != nil && data.awareness?.campaign != nil && data.awareness?.needs.isEmpty == false)
        #expect(data.plan != nil && !data.ksaGaps.isEmpty && data.capability["all"]?.isEmpty == false)

        // Writing the report from them loads nothing more, and it is the report `report` writes.
        let files = try WorkforceReport.files(data)
        #expect(loads.counts.employer.values.reduce(0, +) == 2 && loads.counts.awareness.values.reduce(0, +) == 2)
        let direct = try WorkforceReport.files(store, ReportOptions())
        #expect(files.map(\.name) == direct.map(\.name))
        for (a, b) in zip(files, direct) where a.name != "report.html" && a.name != "report.md" {
            #expect(a.text == b.text, "\(a.name)")
        }

        // The same figures in Spanish: nothing is computed again, the machine tables are the
        // same, and the typed parts speak Spanish with Spanish numbers.
        var spanish = data
        spanish.options.language = .es
        let es = Dictionary(uniqueKeysWithValues: try WorkforceReport.files(spanish).map { ($0.name, $0.text) })
        #expect(loads.counts.employer.values.reduce(0, +) == 2 && loads.counts.awareness.values.reduce(0, +) == 2)
        for (name, text) in files where name.hasPrefix("tables/") { #expect(es[name] == text, "\(name) differs in Spanish") }
        let html = try #require(es["report.html"])
        #expect(html.contains("<html lang=\"es\">"))
        for spanishText in ["Puntos principales", "Resumen", "Lo que ningún curso en Belice enseña", "Cambio desde la primera ronda de empleadores", "Las más cercanas: ", "Vacantes y egresados por rol laboral", "Barras pálidas: grado E",
            "El flujo nacional: personas al año", "Capacidad de los empleadores", "Las mayores brechas de KSA", "Cómo se calculó",
            "Lo que cubre cada palanca, por rol", "Dirige: Ministerio a cargo de la educación"] {
            #expect(html.contains(spanishText), "\(spanishText)")
        }
        for english in ["Main points", "What no course in Belize teaches", "Change since the first employer wave", "Open the course-gap explorer", "Closest: ", "Pale bars: grade E",
            "The national flow", "Employer capability", "The largest KSA gaps", "How this was computed", "What each lever closes",
            "Every action in words", "Role mentions: a job", "What the shortfall rests on", "in all; every row",
            "Quality grades", "The data behind this report", "Indicators, overall", "Follow-up campaign figures", "Target groups against the rest",
            "Employers expect", "people a year to enter cybersecurity work"] {
            #expect(!html.contains(english), "\(english) in the Spanish report")
        }
        // Thousands separated by a no-break space; the figures' words are Spanish.
        #expect(html.range(of: "data-figure=\"[^\"]+\">1\u{00A0}[0-9]{3} \\(IC 95\u{00A0}% ", options: .regularExpression) != nil)
        #expect(try #require(es["explorer.html"]).contains("Crear un curso para"))
        #expect(try #require(files.first { $0.name == "explorer.html" }?.text).contains("Create a course for"))

        // The explorer is wholly Spanish: no English text of the word tables (a run of more than
        // three words between placeholders) is in it, and, outside its embedded data (KSA
        // statements and role names are the framework's English), no English stop words.
        let explorer = try #require(es["explorer.html"])
        // WORKFORCE_WRITE_SPANISH=DIR writes the Spanish pages there, for the HTML checks of
        // `.ci/check_report.sh DIR` (the report has no --lang option until it is wholly Spanish).
        if let folder = ProcessInfo.processInfo.environment["WORKFORCE_WRITE_SPANISH"] {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            for name in ["report.html", "explorer.html"] { try Data((es[name] ?? "").utf8).write(to: URL(fileURLWithPath: folder).appendingPathComponent(name)) }
        }
        // The page without its script and data (the script's words are the data's `words`, checked too).
        let page = explorer.replacingOccurrences(of: "<script[^>]*>[\\s\\S]*?</script>", with: "", options: .regularExpression)
        let scriptWords = ExplorerData.scriptWords.map { Words.bundled.text("report.explorer.script." + $0, .es) }.joined(separator: "\n")
        for english in Self.englishRuns(Words.bundled) {
            #expect(!page.contains(english) && !scriptWords.contains(english), "English in the Spanish explorer: \(english)")
        }
        #expect(page.contains("Explorador de brechas de cursos") && page.contains("<html lang=\"es\">"))
        for stop in [" the ", " of the ", " and ", " to "] { #expect(!page.contains(stop), "'\(stop)' in the Spanish explorer") }

        // The whole Spanish report: no English text of the word tables, and, once the English
        // data (KSA statements, role, course and institution names) is taken out, no English stop words.
        // Formulas (`code`), the charts' labels and the tables' cells (KSA statements, names) are
        // data, not sentences; the word tables' English is looked for in them too.
        var report = html.replacingOccurrences(of: "<(style|script|code)[^>]*>[\\s\\S]*?</(style|script|code)>", with: "", options: .regularExpression)
        for english in Self.englishRuns(Words.bundled) { #expect(!report.contains(english), "English in the Spanish report: \(english)") }
        var names: [String] = data.texts.values.map { $0.text }
        names += data.roles.map { $0.name }
        names += data.offerings.map { $0.title } + data.offerings.map { $0.institution }
        names += WorkforcePlan.partners + ["University of Belize", "Oversee and Govern", "Vital and Health Statistics", WorkforceReport.guide]
        report = report.replacingOccurrences(of: "<(svg|td)[^>]*>[\\s\\S]*?</(svg|td)>", with: "", options: .regularExpression)
        for name in names.sorted(by: { $0.count > $1.count }) where name.count > 3 { report = report.replacingOccurrences(of: Markup.escape(name), with: "") }
        for stop in [" the ", " of the ", " and ", " to "] {
            let at = Self.around(stop, in: report)
            #expect(at == nil, "'\(stop)' in the Spanish report: \(at ?? "")")
        }
    }

    /// `text` with the 80 characters before it, where it first is in `page`.
    static func around(_ text: String, in page: String) -> String? {
        guard let found = page.range(of: text) else { return nil }
        let start = page.index(found.lowerBound, offsetBy: -80, limitedBy: page.startIndex) ?? page.startIndex
        return String(page[start..<found.upperBound])
    }

    /// The English texts of every word table, cut at their placeholders into runs of more than
    /// three words (what a Spanish page must not contain).
    static func englishRuns(_ words: Words) -> [String] {
        words.entries.values.flatMap { entry -> [String] in
            let text = entry.texts[.en] ?? ""
            guard text != entry.texts[.es] else { return [] }
            return text.replacingOccurrences(of: "\\{[A-Za-z0-9_]+\\}", with: "\u{1}", options: .regularExpression).split(separator: "\u{1}")
                .map { $0.trimmingCharacters(in: .whitespaces) }.filter { $0.split(separator: " ").count > 3 }
        }
    }

    /// No section of the report, and not `demo`, computes a figure itself or drops an error
    /// with `try?`: every analysis is read from `ReportData`, which computes it once.
    @Test func theReportAndTheDemoComputeNothingThemselves() throws {
        let sources = repositoryRoot.appendingPathComponent("Sources")
        let files = (FileManager.default.enumerator(atPath: sources.path)?.allObjects as? [String] ?? [])
            .filter { ($0.contains("/Report/") && $0.hasSuffix(".swift") && !$0.hasSuffix("/ReportData.swift")) || $0.hasSuffix("/DemoCommand.swift") }
        #expect(files.count >= 10)
        let computing = [
            "GapContext.load(", "AwarenessAnalysis.results(", "AwarenessAnalysis.run(", "AwarenessWave.load(", "AwarenessNeeds.run(",
            "GapAnalysis.ksaGaps(", "GapAnalysis.capability(", "WorkforcePlan.build(", "WorkforcePlan.run(", "GapComparison.run(",
        ]
        for file in files {
            let text = try String(contentsOf: sources.appendingPathComponent(file), encoding: .utf8)
            for call in computing { #expect(!text.contains(call), "\(file) calls \(call)") }
            // `try?` is allowed only where a missing bundled role set leaves a button empty.
            let lines = text.split(separator: "\n").filter { $0.contains("try?") && !$0.contains("removeItem") && !$0.contains("roleSet(") }
            if file.contains("/Report/") { #expect(lines.isEmpty, "\(file): \(lines)") }
        }
    }
}
