import Foundation

/// Runs a program and measures its wall-clock time, CPU time (user plus system, `wait4`'s
/// `ru_utime` and `ru_stime`) and peak memory (`ru_maxrss`).
enum Spawn {
    struct Result {
        var status: Int32
        var seconds: Double
        /// User plus system CPU time of the child.
        var cpuSeconds: Double
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
        // The pages an earlier run (or the shell's 360 MB database) left dirty are written back
        // now, not on this child's time.
        sync()
        let start = Date()
        let code = posix_spawn(&pid, program, &actions, nil, argv, environ)
        guard code == 0 else { throw BenchError("cannot run \(program): \(String(cString: strerror(code)))") }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
        let seconds = Date().timeIntervalSince(start)
        let output = outputFile == nil ? (try? String(contentsOf: outURL, encoding: .utf8)) ?? "" : ""
        let exitStatus = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        let cpu = Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
        // A child that says its own peak is believed over `ru_maxrss` (see ``ownPeakKiB()``).
        let said = output.split(separator: "\n").last { $0.hasPrefix(peakLabel) }.flatMap { Int($0.dropFirst(peakLabel.count).trimmingCharacters(in: .whitespaces)) }
        return Result(status: exitStatus, seconds: seconds, cpuSeconds: cpu, maxRSSKiB: said ?? Int(usage.ru_maxrss), output: output)
    }

    static let peakLabel = "own_peak_kib:"

    /// This process's own peak resident memory (KiB), `VmHWM` of `/proc/self/status`.
    ///
    /// Why: a child started by `posix_spawn` (a vfork) has the parent's peak in its `ru_maxrss`,
    /// since Linux records the peak of the memory it leaves at `exec`, the parent's; the `.xlsx`
    /// benchmark's parent, which holds the workbook it wrote, made every import look 126 MiB.
    /// `VmHWM` belongs to the child's own memory, made at `exec`.
    static func ownPeakKiB() -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") })
        else { return nil }
        return Int(line.dropFirst("VmHWM:".count).trimmingCharacters(in: .whitespaces).split(separator: " ").first ?? "")
    }

    /// The 1-, 5- and 15-minute load averages, as `uptime` shows them.
    static func loadAverage() -> String {
        var loads = [Double](repeating: 0, count: 3)
        guard getloadavg(&loads, 3) == 3 else { return "unknown" }
        return loads.map { String(format: "%.2f", $0) }.joined(separator: " ")
    }

    static func which(_ name: String) -> String? {
        for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let path = "\(folder)/\(name)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }
}
