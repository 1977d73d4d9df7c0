import Foundation

/// A file descriptor written with `write(2)`, which remembers the first failure instead of
/// trapping as `FileHandle.write` does: a closed pipe (`| head -1`) or a full disk
/// (`> /dev/full`) must end the command with an exit code, never a signal.
///
/// After a failure nothing more is written (a reader that went away gets no more, a full disk
/// no half lines after the first half line); the command line reads ``failure`` when the
/// command returns and turns it into the exit code.
final class DescriptorOutput: @unchecked Sendable {  // `failedErrno` guarded by `lock`
    let descriptor: Int32
    private let lock = NSLock()
    private var failedErrno: Int32?

    init(descriptor: Int32) { self.descriptor = descriptor }

    /// The most one `write(2)` is given. The export hands over blocks of several MiB; written
    /// whole, the kernel (Linux 6.18, ext4) now and then spent a second of system time on one
    /// 294 MB export where 64 KiB pieces took 0.2 s every time (fourteen runs each,
    /// docs/benchmarks.md, "Sixth pass").
    static let pieceBytes = 64 << 10

    /// Writes all of `bytes` in pieces of at most ``pieceBytes``, retrying short writes and
    /// `EINTR`; after a failure, nothing.
    func write(_ bytes: some Collection<UInt8>) {
        lock.lock()
        defer { lock.unlock() }
        guard failedErrno == nil else { return }
        let array = Array(bytes)
        array.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let n = Glibc.write(descriptor, buffer.baseAddress! + offset, min(Self.pieceBytes, buffer.count - offset))
                if n > 0 {
                    offset += n
                } else if n < 0 && errno == EINTR {
                    continue
                } else {
                    failedErrno = n < 0 ? errno : EIO
                    return
                }
            }
        }
    }

    /// The first write error, or `nil`.
    var failure: OutputFailure? {
        lock.lock()
        defer { lock.unlock() }
        return failedErrno.map { OutputFailure(errno: $0, path: Self.path(of: descriptor)) }
    }

    /// What the descriptor is open on (`/proc/self/fd/N`), for the message.
    static func path(of descriptor: Int32) -> String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let n = readlink("/proc/self/fd/\(descriptor)", &buffer, buffer.count - 1)
        guard n > 0 else { return descriptor == 1 ? "standard output" : "file descriptor \(descriptor)" }
        return String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}

/// A failed write to standard output: its `errno` and what the output was open on.
public struct OutputFailure: Sendable, Equatable {
    public var errno: Int32
    public var path: String

    /// The reader went away (`EPIPE`): not an error to report, as with coreutils.
    public var isClosedPipe: Bool { errno == EPIPE }

    /// The exit code: 141 (128 + SIGPIPE, what a shell shows for `yes | head -1`) for a closed
    /// pipe, else 74 (I/O error).
    public var exitCode: Int32 { isClosedPipe ? 128 + SIGPIPE : 74 }

    /// "cannot write standard output (/dev/full): No space left on device; the output is incomplete".
    public var message: String {
        "cannot write standard output (\(path)): \(String(cString: strerror(errno))); the output is incomplete"
    }
}
