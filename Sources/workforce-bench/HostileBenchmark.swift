import Foundation
import WorkforceKit

/// Peak memory of imports of hostile files (issue 13: under 128 MiB whatever the cells): a column
/// name, a field, a response id and an unclosed quote each `megabytes` long. Each file is
/// imported by a child process (`_import`), whose `ru_maxrss` is the figure.
enum HostileBenchmark {
    static func run(megabytes: Int, directory: String?) throws {
        let folder = URL(fileURLWithPath: directory ?? NSTemporaryDirectory()).appendingPathComponent("workforce-bench-hostile-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = folder.appendingPathComponent("bench.sqlite").path
        let instrument = try ImportBenchmark.prepare(database: database)
        let names = instrument.questions.filter { $0.type != .note }.map(\.name)
        let valid = instrument.questions.filter { $0.type != .note }.map { q in
            q.listName.flatMap { instrument.choiceList($0)?.choices.first?.name } ?? ""
        }
        let header = (["_uuid"] + names).joined(separator: ",")
        let row = valid.joined(separator: ",")
        // Each file: text, then `megabytes` MiB of "x", then text; written in 1 MiB pieces, so
        // that this process stays small (a spawned child's ru_maxrss counts its parent's pages).
        let files: [(String, String, String)] = [
            ("column_name", header + ",", "\nid-1," + row + ",\n"),
            ("field", header + "\nid-1," + row + "\nid-2,", String(row.drop { $0 != "," }) + "\n"),
            ("response_id", header + "\nid-1," + row + "\n", "," + row + "\n"),
            ("unclosed_quote", header + "\nid-1," + row + "\n\"", "\n"),
        ]
        let piece = Data(repeating: UInt8(ascii: "x"), count: 1 << 20)
        let program = CommandLine.arguments[0].hasPrefix("/")
            ? CommandLine.arguments[0] : FileManager.default.currentDirectoryPath + "/" + CommandLine.arguments[0]
        var peak = 0
        for (name, before, after) in files {
            let url = folder.appendingPathComponent("\(name).csv")
            _ = FileManager.default.createFile(atPath: url.path, contents: Data(before.utf8))
            let handle = try FileHandle(forWritingTo: url)
            try handle.seekToEnd()
            for _ in 0..<megabytes { handle.write(piece) }
            handle.write(Data(after.utf8))
            try handle.close()
            let result = try Spawn.measure(program, ["_import", database, url.path])
            peak = max(peak, result.maxRSSKiB)
            let outcome = result.status == 0 ? (result.output.split(separator: "\n").first { $0.hasPrefix("quarantined") } ?? "") : "refused"
            print("hostile_\(name)_\(megabytes)mb_peak_memory: \(String(format: "%.1f", Double(result.maxRSSKiB) / 1024)) MiB (\(outcome))")
            try FileManager.default.removeItem(at: url)
        }
        print("hostile_peak_memory_of_any: \(String(format: "%.1f", Double(peak) / 1024)) MiB")
    }
}
