import Foundation
import WorkforceKit

/// Times `gaps --by role`, `--by total`, `--by area` and `--by ksa` for every horizon on 5,000
/// synthetic employers reporting on all 52 roles, weighted to a sampling frame (so with standard
/// errors and disclosure control), and a synthetic catalog of 2,000 offerings.
enum GapsBenchmark {
    static func run(employers: Int, offerings: Int, directory: String?) throws {
        let folder = URL(fileURLWithPath: directory ?? NSTemporaryDirectory()).appendingPathComponent("workforce-bench-gaps-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { if directory == nil { try? FileManager.default.removeItem(at: folder) } }
        let database = folder.appendingPathComponent("bench.sqlite").path
        let store = try WorkforceStore(path: database, create: true)
        let home = try BundledData.home()
        try store.saveFramework(try FrameworkCSVLoader.load(folder: home.appendingPathComponent("Frameworks/nice-2017")))
        let framework = try store.framework(named: nil)
        let roles = try store.roleProfiles(framework)
        let bank = try ItemBank(folder: home.appendingPathComponent("Surveys/banks"))
        let instrument = try InstrumentBuilder.build(
            bank: bank, request: SurveyRequest(kind: .employer), framework: framework.name, roles: try store.surveyRoles(framework, ids: nil, category: nil))
        let json = Codebook.json(instrument)
        try store.recordInstrument(instrument, codebook: json)

        // Employers: every role ticked.
        let codebook = try ParsedCodebook(json: json, source: "employer")
        let allRoles = (codebook.lists["work_roles"]?.map(\.name) ?? []).filter { $0 != "none" }
        var generator = SyntheticResponses(codebook: codebook, seed: 42)
        var text = CSVWriter().record(generator.header(.koboToolbox))
        for n in 0..<employers {
            text += CSVWriter().record(
                generator.row(.koboToolbox, id: "employer-\(n)", submitted: "2026-05-01T10:00:00") { name, _, _ in
                    name == "roles" ? .choices(allRoles) : nil
                })
        }
        let employerFile = folder.appendingPathComponent("employers.csv")
        try Data(text.utf8).write(to: employerFile)
        let imported = try ResponseImporter.run(store: store, url: employerFile, name: employerFile.path, options: ImportOptions(kind: .employer))
        guard imported.imported == employers else { throw BenchError("employers: \(imported.imported) of \(employers) imported; \(imported.problems.first?.description ?? "")") }

        // A catalog: each offering teaches 10 to 40 KSAs of two or three roles.
        var random = SeededRandom(seed: 9)
        var catalog = "institution,code,title,level,delivery_mode,annual_completions,ksa_ids,last_updated\n"
        for n in 0..<offerings {
            var ksas = Set<String>()
            for _ in 0..<(2 + random.next(2)) {
                let role = roles[random.next(roles.count)].ksas.sorted()
                for _ in 0..<(5 + random.next(15)) where !role.isEmpty { ksas.insert(role[random.next(role.count)]) }
            }
            catalog += "Institution \(n % 40),C\(n),Course \(n),certificate,online,\(random.next(30)),\(ksas.sorted().joined(separator: " ")),2026-06-01\n"
        }
        let catalogFile = folder.appendingPathComponent("catalog.csv")
        try Data(catalog.utf8).write(to: catalogFile)
        let summary = try CatalogImporter.run(store: store, url: catalogFile, name: catalogFile.path, framework: nil, dryRun: false)
        guard summary.imported == offerings else { throw BenchError("catalog: \(summary.imported) of \(offerings) imported") }
        // A frame: three organisations per respondent in every stratum with respondents.
        var counts: [String: Int] = [:]
        for e in try EmployerResponse.all(in: store) { counts["\(e.sector ?? ""),\(e.sizeBand ?? "")", default: 0] += 1 }
        let frameFile = folder.appendingPathComponent("frame.csv")
        try Data(("sector,size_band,organisations\n" + counts.sorted { $0.key < $1.key }.map { "\($0.key),\(3 * $0.value)\n" }.joined()).utf8).write(to: frameFile)
        print("employers: \(employers) employers x \(roles.count) roles")
        print("offerings: \(offerings) offerings")

        let measured = try Spawn.measure(CommandLine.arguments[0], ["_gaps", database, frameFile.path])
        guard measured.status == 0 else { throw BenchError("gaps failed:\n\(measured.output)") }
        print(measured.output, terminator: "")
        print("gaps_peak_memory: \(String(format: "%.1f", Double(measured.maxRSSKiB) / 1024)) MiB")
    }

    /// The measured child: each breakdown and horizon timed from loading to the finished table.
    static func child(database: String, frame: String) throws {
        let store = try WorkforceStore(path: database, create: false)
        for by in [GapBreakdown.role, .total, .area, .ksa] {
            for horizon in Horizon.allCases {
                var request = GapRequest()
                request.by = by
                request.horizon = horizon
                request.frame = URL(fileURLWithPath: frame)
                let start = Date()
                let table = try GapReport.run(store, request)
                let seconds = Date().timeIntervalSince(start)
                print("gaps_by_\(by.rawValue)_\(horizon.rawValue)_seconds: \(String(format: "%.3f", seconds)) s (\(table.rows.count) rows)")
            }
        }
    }
}
