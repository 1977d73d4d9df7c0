import Foundation
@testable import WorkforceCLI

/// What one run of a command printed and returned.
struct CommandResult {
    var code: Int32
    var stdout: String
    var stderr: String
}

/// The built `workforce` executable, next to the test bundle in `.build/<config>/`.
let workforceExecutable: URL = {
    let candidates = [
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
        Bundle.main.bundleURL,
        Bundle.main.bundleURL.deletingLastPathComponent(),
    ]
    for folder in candidates {
        let url = folder.appendingPathComponent("workforce")
        if FileManager.default.isExecutableFile(atPath: url.path) { return url }
    }
    var root = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { root = root.deletingLastPathComponent() }
    return root.appendingPathComponent(".build/debug/workforce")
}()

/// The real executable, ready to run `arguments` in `directory` with this environment less
/// `WORKFORCE_DB` (a test names its database) plus `extra`.
func workforceProcess(
    _ arguments: [String], in directory: URL, environment extra: [String: String] = [:], executable: URL = workforceExecutable
) -> Process {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    process.currentDirectoryURL = directory
    var environment = ProcessInfo.processInfo.environment
    environment.removeValue(forKey: "WORKFORCE_DB")
    for (k, v) in extra { environment[k] = v }
    process.environment = environment
    return process
}

/// Runs the real executable with `arguments` in `directory`; output goes through files so
/// that large outputs cannot block a pipe.
func runWorkforce(
    _ arguments: [String], in directory: URL, environment extra: [String: String] = [:], input: URL? = nil,
    executable: URL = workforceExecutable
) throws -> CommandResult {
    let process = workforceProcess(arguments, in: directory, environment: extra, executable: executable)
    let id = UUID().uuidString
    let outURL = FileManager.default.temporaryDirectory.appendingPathComponent("out-\(id)")
    let errURL = FileManager.default.temporaryDirectory.appendingPathComponent("err-\(id)")
    _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
    _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
    defer {
        try? FileManager.default.removeItem(at: outURL)
        try? FileManager.default.removeItem(at: errURL)
    }
    let out = try FileHandle(forWritingTo: outURL)
    let err = try FileHandle(forWritingTo: errURL)
    process.standardOutput = out
    process.standardError = err
    process.standardInput = try input.map { try FileHandle(forReadingFrom: $0) } ?? FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    try out.close()
    try err.close()
    return CommandResult(
        code: process.terminationStatus,
        stdout: try String(contentsOf: outURL, encoding: .utf8),
        stderr: try String(contentsOf: errURL, encoding: .utf8))
}

/// Collects what an in-process run writes.
final class Capture: @unchecked Sendable {  // `text` guarded by `lock`
    private let lock = NSLock()
    private var text = ""
    func append(_ s: String) { lock.lock(); text += s; lock.unlock() }
    var value: String { lock.lock(); defer { lock.unlock() }; return text }
}

/// Runs the command line in this process (fast; for parsing and help tests).
func runInProcess(_ arguments: [String], environment: [String: String] = [:]) -> CommandResult {
    let out = Capture()
    let err = Capture()
    let code = WorkforceCLI.run(arguments, environment: environment, io: CommandIO(out: out.append, err: err.append))
    return CommandResult(code: code, stdout: out.value, stderr: err.value)
}

/// A fresh temporary folder, removed when released.
final class Scratch: Sendable {
    let url: URL
    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("workforce-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(at: url) }
    func path(_ name: String) -> String { url.appendingPathComponent(name).path }
}

let repositoryRoot: URL = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url = url.deletingLastPathComponent() }
    return url
}()

/// The `rows` of a JSON result.
func jsonRows(_ text: String) throws -> [[String: Any]] {
    let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
    return object?["rows"] as? [[String: Any]] ?? []
}

/// A scratch folder holding an initialised database, for end-to-end tests.
struct TestDatabase {
    let scratch: Scratch
    let path: String

    /// Runs `workforce init`, then `workforce survey KIND` for each of `surveys`.
    init(surveys: [String] = []) throws {
        scratch = try Scratch()
        path = scratch.path("w.sqlite")
        let initialised = try runWorkforce(["init", "--db", path], in: scratch.url)
        guard initialised.code == 0 else { throw TestFailure("init failed: \(initialised.stderr)") }
        for kind in surveys {
            let survey = try runWorkforce(["survey", kind, "--db", path, "--out", scratch.path("forms")], in: scratch.url)
            guard survey.code == 0 else { throw TestFailure("survey \(kind) failed: \(survey.stderr)") }
        }
    }

    /// Runs the executable on this database.
    func run(_ arguments: [String]) throws -> CommandResult {
        try runWorkforce(arguments + ["--db", path], in: scratch.url)
    }

    /// Starts the executable on this database without waiting for it.
    func start(_ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = workforceExecutable
        process.arguments = arguments + ["--db", path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }
}

struct TestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
