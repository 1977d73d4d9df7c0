import Foundation
import WorkforceKit

/// The median of `runs` runs of what a surveyor does first: load a framework into a new
/// database (NICE 2017 from its CSV folder; NICE Components v2.0.0 from NIST's CPRT JSON) and
/// generate questionnaires in every format (the employer form on all 52 roles with KSA gaps,
/// the employer form on the belize-core role set, the awareness baseline); then the whole demo
/// (`workforce demo`, a child process) and the report on its database (`workforce report`).
enum SetupBenchmark {
    static func run(runs: Int, directory: String?) throws {
        let folder = URL(fileURLWithPath: directory ?? NSTemporaryDirectory()).appendingPathComponent("workforce-bench-setup-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let home = try BundledData.home()
        let bank = try ItemBank(folder: home.appendingPathComponent("Surveys/banks"))
        let database = folder.appendingPathComponent("setup.sqlite").path

        func remove(_ path: String) {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
        func fresh() throws -> WorkforceStore {
            remove(database)
            return try WorkforceStore(path: database, create: true)
        }
        func median(_ name: String, _ body: () throws -> Void) rethrows {
            var seconds: [Double] = []
            for _ in 0..<max(1, runs) {
                let start = Date()
                try body()
                seconds.append(Date().timeIntervalSince(start))
            }
            seconds.sort()
            print("\(name): \(String(format: "%.3f", seconds[seconds.count / 2])) s (median of \(seconds.count))")
        }

        try median("framework_load_nice_2017_csv") {
            let store = try fresh()
            try store.saveFramework(try FrameworkCSVLoader.load(folder: home.appendingPathComponent("Frameworks/nice-2017")))
        }
        try median("framework_load_components_v2_0_0_cprt") {
            let store = try fresh()
            try store.saveFramework(try CPRTLoader.load(url: home.appendingPathComponent("Frameworks/cprt/nf-components-v2.0.0.cprt.json")))
        }
        let store = try fresh()
        try store.saveFramework(try FrameworkCSVLoader.load(folder: home.appendingPathComponent("Frameworks/nice-2017")))
        let framework = try store.framework(named: "nice-2017")
        let requests: [(String, SurveyRequest, [String]?)] = [
            ("survey_employer_52_roles_ksa_gaps", SurveyRequest(kind: .employer, ksaGaps: true), nil),
            ("survey_employer_belize_core", SurveyRequest(kind: .employer), try bank.roleSet("belize-core", framework: "nice-2017")),
            ("survey_awareness_baseline", SurveyRequest(kind: .awareness), nil),
        ]
        for (name, request, ids) in requests {
            var n = 0
            try median(name) {
                let roles = request.kind == .employer ? try store.surveyRoles(framework, ids: ids, category: nil) : []
                let instrument = try InstrumentBuilder.build(bank: bank, request: request, framework: framework.name, roles: roles)
                n += 1
                _ = try SurveyFiles(instrument, bank: bank).write(to: folder.appendingPathComponent("\(name)-\(n)"))
            }
        }

        // The executable beside this one (both are built by `swift build -c release`).
        let program = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("workforce").path
        guard FileManager.default.isExecutableFile(atPath: program) else { throw BenchError("no workforce executable at \(program)") }
        let demo = home.appendingPathComponent("Surveys/demo")
        for (name, arguments) in [
            ("demo", ["demo", "--out", folder.appendingPathComponent("demo").path, "--db", folder.appendingPathComponent("demo.sqlite").path]),
            ("report", ["report", "--out", folder.appendingPathComponent("report").path, "--db", folder.appendingPathComponent("demo.sqlite").path,
                        "--frame", demo.appendingPathComponent("frame.csv").path, "--margins", demo.appendingPathComponent("margins.csv").path]),
        ] {
            var results: [Spawn.Result] = []
            for _ in 0..<max(1, runs) {
                if name == "demo" { remove(folder.appendingPathComponent("demo.sqlite").path) }
                let result = try Spawn.measure(program, arguments)
                guard result.status == 0 else { throw BenchError("workforce \(name) failed (\(result.status)): \(result.output)") }
                results.append(result)
            }
            results.sort { $0.seconds < $1.seconds }
            let middle = results[results.count / 2]
            print("\(name): \(String(format: "%.3f", middle.seconds)) s (median of \(results.count)), peak \(String(format: "%.1f", Double(results.map(\.maxRSSKiB).max() ?? 0) / 1024)) MiB")
        }
    }
}
