import Foundation

/// Where an output goes, settled before anything is written: every `--out` (a file or a
/// folder) passes through here.
///
/// - The path is standardised: `.` and `..` are resolved in its text (`x/nodir/../y` is `x/y`),
///   so no walk up the path meets a folder that does not exist.
/// - A symbolic link at the end is written through (its target gets the output), never replaced
///   by a file of its own; a chain of links is followed at most 40 times.
/// - An existing target that is not a regular file (a file output) or a folder (a folder
///   output) is refused with exit 73: `/dev/null`, a FIFO, a socket, a device are left as they
///   are.
package enum OutputPath {
    /// What an output is.
    package enum Kind: Sendable {
        case file, folder
    }

    /// The path to write a file at, for `url` as given.
    ///
    /// - Throws: ``WorkforceError/cannotCreate(path:reason:)`` (73) for a folder, a device, a FIFO,
    ///   a socket or a loop of links at the path.
    package static func file(_ url: URL) throws(WorkforceError) -> URL {
        try resolve(url, as: .file)
    }

    /// The path to write a folder at, for `url` as given.
    ///
    /// - Throws: ``WorkforceError/cannotCreate(path:reason:)`` (73) for a file, a device, a FIFO,
    ///   a socket or a loop of links at the path.
    package static func folder(_ url: URL) throws(WorkforceError) -> URL {
        try resolve(url, as: .folder)
    }

    /// `url` standardised, its final links followed, and checked against `kind`.
    package static func resolve(_ url: URL, as kind: Kind) throws(WorkforceError) -> URL {
        let given = url.path
        var target = standardised(url)
        for _ in 0..<40 {
            var info = stat()
            guard lstat(target.path, &info) == 0 else { return target }  // nothing there yet
            switch info.st_mode & S_IFMT {
            case S_IFLNK:
                guard let destination = linkDestination(target.path) else {
                    throw .cannotCreate(path: given, reason: "it is a symbolic link that cannot be read; choose another --out")
                }
                let next = destination.hasPrefix("/")
                    ? URL(fileURLWithPath: destination)
                    : target.deletingLastPathComponent().appendingPathComponent(destination)
                target = standardised(next)
            case S_IFREG:
                guard kind == .file else {
                    throw .cannotCreate(path: given, reason: "\(target.path) is a file, not a folder; choose another --out")
                }
                return target
            case S_IFDIR:
                guard kind == .folder else {
                    throw .cannotCreate(path: given, reason: "\(target.path) is a folder, not a file; give --out a file name")
                }
                return target
            case let other:
                throw .cannotCreate(
                    path: given,
                    reason: "\(target.path) is \(describe(other)), not a \(kind == .file ? "regular file" : "folder"); it was left as it was and nothing was written; choose another --out")
            }
        }
        throw .cannotCreate(path: given, reason: "it is a loop of symbolic links; choose another --out")
    }

    /// `url` as an absolute path with `.` and `..` resolved in its text; never empty (`/..` is `/`).
    package static func standardised(_ url: URL) -> URL {
        var parts: [Substring] = []
        for part in url.absoluteURL.path.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..": if !parts.isEmpty { parts.removeLast() }
            default: parts.append(part)
            }
        }
        return URL(fileURLWithPath: "/" + parts.joined(separator: "/"))
    }

    /// A file type in words, for a refusal.
    package static func describe(_ mode: mode_t) -> String {
        switch mode {
        case S_IFCHR: "a character device"
        case S_IFBLK: "a block device"
        case S_IFIFO: "a FIFO (named pipe)"
        case S_IFSOCK: "a socket"
        default: "not a regular file"
        }
    }

    /// The text of the symbolic link at `path`.
    private static func linkDestination(_ path: String) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let n = readlink(path, &buffer, buffer.count - 1)
        guard n > 0 else { return nil }
        return String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
