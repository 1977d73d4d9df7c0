import Foundation

/// Reading whole input files with errors a person can act on.
package enum FileInput {
    /// The bytes of the file at `url`.
    ///
    /// - Throws: ``WorkforceError/noInput(path:reason:)`` when it is missing or unreadable.
    package static func readBytes(_ url: URL, name: String) throws(WorkforceError) -> [UInt8] {
        try requireRegularFile(url.path, name: name)
        do {
            return Array(try Data(contentsOf: url))
        } catch {
            throw .noInput(path: name, reason: "cannot be read (\(error.localizedDescription))")
        }
    }

    /// The largest sampling frame or margins file read whole: such files hold tens or hundreds
    /// of rows, so a bigger one is the wrong file (and is refused before it is read).
    package static let smallTableLimit = 8 << 20

    /// Checks that `url` is a regular file of at most `limit` bytes, before it is read whole.
    ///
    /// - Throws: ``WorkforceError/noInput(path:reason:)`` when it is not a readable regular file;
    ///   ``WorkforceError/badData(_:_:)`` naming its size and the limit when it is bigger.
    package static func requireSize(_ url: URL, name: String, atMost limit: Int) throws(WorkforceError) {
        try requireRegularFile(url.path, name: name)
        var info = stat()
        guard stat(url.path, &info) == 0 else { throw .noInput(path: name, reason: "cannot be read (\(String(cString: strerror(errno))))") }
        if Int64(info.st_size) > Int64(limit) {
            throw .badData(
                SourceLocation(file: name),
                "the file is \(byteCount(Int64(info.st_size))), more than the \(byteCount(Int64(limit))) such a file can be; is this the right file?")
        }
    }

    /// The bytes of the file at `url`, refused before it is read when it has more than `limit`.
    ///
    /// - Throws: as ``requireSize(_:name:atMost:)`` and ``readBytes(_:name:)``.
    package static func readBytes(_ url: URL, name: String, limit: Int) throws(WorkforceError) -> [UInt8] {
        try requireSize(url, name: name, atMost: limit)
        return try readBytes(url, name: name)
    }

    private static func byteCount(_ bytes: Int64) -> String {
        bytes >= 1 << 20 ? "\(bytes / (1 << 20)) MiB" : bytes >= 1024 ? "\(bytes / 1024) KiB" : "\(bytes) bytes"
    }

    /// The URL of an input file named on the command line, once it is known to be a readable
    /// regular file.
    ///
    /// - Throws: ``WorkforceError/usage(_:)`` for an empty path; ``WorkforceError/noInput(path:reason:)``
    ///   for a missing file, a folder or a special file.
    package static func existing(_ path: String) throws(WorkforceError) -> URL {
        guard !path.isEmpty else { throw .usage("an empty file name was given") }
        try requireRegularFile(path, name: path)
        return URL(fileURLWithPath: path)
    }

    /// Checks that `path` names a regular file (following links), so that reading it can never
    /// hang on a pipe or a device.
    ///
    /// - Throws: ``WorkforceError/noInput(path:reason:)`` saying what the path is instead: missing,
    ///   a symbolic link loop, a folder, a named pipe, a device or a socket.
    package static func requireRegularFile(_ path: String, name: String) throws(WorkforceError) {
        var info = stat()
        guard stat(path, &info) == 0 else {
            switch errno {
            case ELOOP: throw .noInput(path: name, reason: "is a symbolic link loop; point it at a file")
            case EACCES: throw .noInput(path: name, reason: "cannot be read (permission denied)")
            default: throw .noInput(path: name, reason: "no such file; check the path")
            }
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return
        case S_IFDIR: throw .noInput(path: name, reason: "is a folder, not a file")
        case S_IFIFO: throw .noInput(path: name, reason: "is a named pipe, not a regular file; to import from a pipe, give - (standard input)")
        case S_IFCHR, S_IFBLK: throw .noInput(path: name, reason: "is a device, not a regular file")
        case S_IFSOCK: throw .noInput(path: name, reason: "is a socket, not a regular file")
        default: throw .noInput(path: name, reason: "is not a regular file")
        }
    }

    /// Copies standard input into a temporary file, in 1 MiB pieces (memory does not grow),
    /// so that a piped download can be imported like a file; the caller removes the file.
    ///
    /// - Throws: ``WorkforceError/io(path:reason:)`` when it cannot be read or written.
    package static func spoolStandardInput() throws(WorkforceError) -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("workforce-stdin-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).csv")
        guard FileManager.default.createFile(atPath: url.path, contents: nil), let out = try? FileHandle(forWritingTo: url) else {
            throw .cannotCreate(path: url.path, reason: "cannot write a temporary copy of standard input")
        }
        defer { try? out.close() }
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let n = buffer.withUnsafeMutableBytes { Foundation.read(0, $0.baseAddress, $0.count) }
            if n == 0 { break }
            if n < 0 {
                if errno == EINTR { continue }
                throw .io(path: "standard input", reason: String(cString: strerror(errno)))
            }
            out.write(Data(buffer[0..<n]))
        }
        return url
    }
}
