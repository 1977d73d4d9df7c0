import Foundation

/// Runs a program and measures its wall-clock time and peak memory (`wait4`'s `ru_maxrss`).
enum Spawn {
    struct Result {
        var status: Int32
        var seconds: Double
        var maxRSSKiB: Int
        var output: String
    }

    /// Runs `program`; its standard output goes to `outputFile` when given (and is not read
    /// back), else to a temporary file returned as ``Result/output``.
    static func measure(_ program: String, _ arguments: [String], outputFile: String? = nil) throws -> Result {
        let outURL = outputFile.map(URL.init(fileURLWithPath:))
            ?? URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("bench-out-\(getpid())-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        defer { if outputFile == nil { try? FileManager.default.removeItem(at: outURL) } }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, outURL.path, O_WRONLY | O_TRUNC, 0o644)
        if outputFile == nil { posix_spawn_file_actions_adddup2(&actions, 1, 2) }
        let argv = ([program] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let start = Date()
        let code = posix_spawn(&pid, program, &actions, nil, argv, environ)
        guard code == 0 else { throw BenchError("cannot run \(program): \(String(cString: strerror(code)))") }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
        let seconds = Date().timeIntervalSince(start)
        let output = outputFile == nil ? (try? String(contentsOf: outURL, encoding: .utf8)) ?? "" : ""
        let exitStatus = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        return Result(status: exitStatus, seconds: seconds, maxRSSKiB: Int(usage.ru_maxrss), output: output)
    }

    static func which(_ name: String) -> String? {
        for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let path = "\(folder)/\(name)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }
}
