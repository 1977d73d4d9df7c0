import Foundation

/// A folder written whole: everything goes into a temporary folder beside it, which then takes
/// its place in one step (`renameat2(RENAME_EXCHANGE)`), so a kill, a full disk or an error
/// leaves either the old folder or the new one, never a mix, and files the new one does not
/// have (tables about purged respondents) are gone with the old one.
///
/// A folder is replaced only when it is one this type wrote (it holds ``marker``), is empty, or
/// holds only names the caller lists (a report written before the marker existed): a folder
/// with other files is refused, never emptied.
package enum OutputFolder {
    /// The file that marks a folder as written whole by the tool.
    package static let marker = ".workforce-output"

    /// Writes `folder` whole.
    ///
    /// - Parameters:
    ///   - folder: the folder to write (created with its parents when missing).
    ///   - replaceable: names an unmarked existing folder may hold and still be replaced.
    ///   - write: fills the temporary folder it is given.
    /// - Throws: ``WorkforceError/cannotCreate(path:reason:)`` naming the file or folder and the
    ///   reason in words; what `write` throws, after removing the temporary folder.
    package static func write<Result>(
        _ folder: URL, replaceable: Set<String> = [], _ write: (URL) throws -> Result
    ) throws -> Result {
        let fm = FileManager.default
        let folder = try OutputPath.folder(folder)
        try checkReplaceable(folder, replaceable: replaceable)
        let parent = folder.deletingLastPathComponent()
        do {
            try fm.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw WorkforceError.cannotCreate(path: parent.path, reason: "the folder cannot be created (\(FileSystemWords.words(error)))")
        }
        let staging = staging(for: folder)
        try? fm.removeItem(at: staging)
        guard mkdir(staging.path, 0o755) == 0 else {
            throw WorkforceError.cannotCreate(
                path: staging.path, reason: "a temporary folder beside it cannot be created (\(String(cString: strerror(errno))))")
        }
        var swapped = false
        defer { if !swapped { try? fm.removeItem(at: staging) } }
        let result = try write(staging)
        guard fm.createFile(atPath: staging.appendingPathComponent(marker).path, contents: Data("written whole by workforce\n".utf8)) else {
            throw WorkforceError.cannotCreate(path: folder.appendingPathComponent(marker).path, reason: "it cannot be written; nothing was replaced")
        }
        try swap(staging, into: folder)
        swapped = true
        return result
    }

    /// This process's temporary folder beside `folder`, `.NAME.partial-PID`, after removing
    /// those a killed run left (`.NAME.partial-PID` or `.NAME.old-PID` of a process that is
    /// gone): they hold whole outputs, perhaps about respondents purged since.
    package static func staging(for folder: URL) -> URL {
        let fm = FileManager.default
        let parent = folder.deletingLastPathComponent(), name = folder.lastPathComponent
        for entry in (try? fm.contentsOfDirectory(atPath: parent.path)) ?? [] {
            for kind in [".partial-", ".old-"] {
                let prefix = "." + name + kind
                guard entry.hasPrefix(prefix), let pid = Int32(entry.dropFirst(prefix.count)), pid > 0, pid != getpid() else { continue }
                if kill(pid, 0) != 0 && errno == ESRCH { try? fm.removeItem(at: parent.appendingPathComponent(entry)) }
            }
        }
        return parent.appendingPathComponent(".\(name).partial-\(getpid())")
    }

    /// The nearest existing folder at or above `folder`.
    ///
    /// - Throws: ``WorkforceError/cannotCreate(path:reason:)`` when a file stands at or above it.
    package static func existingAncestor(of folder: URL) throws(WorkforceError) -> URL {
        // Standardised first: `nodir/..` would otherwise climb back to itself for ever.
        var ancestor = OutputPath.standardised(folder)
        while ancestor.path != "/" {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: ancestor.path, isDirectory: &isDirectory) {
                guard isDirectory.boolValue else {
                    throw .cannotCreate(path: folder.path, reason: "\(ancestor.path) is a file, not a folder; choose another --out")
                }
                break
            }
            let parent = OutputPath.standardised(ancestor.deletingLastPathComponent())
            guard parent.path != ancestor.path else { break }
            ancestor = parent
        }
        return ancestor
    }

    /// Refuses a folder that holds files this tool did not write.
    static func checkReplaceable(_ folder: URL, replaceable: Set<String>) throws(WorkforceError) {
        let ancestor = try existingAncestor(of: folder)
        guard ancestor.path == folder.path, let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return }
        if names.contains(marker) { return }
        let foreign = names.filter { !replaceable.contains($0) }.sorted()
        guard foreign.isEmpty else {
            throw .cannotCreate(
                path: folder.path,
                reason: "it holds files the tool did not write (\(foreign.prefix(5).joined(separator: ", "))\(foreign.count > 5 ? ", ..." : "")), "
                    + "and the folder is replaced whole; give --out a new folder or one that holds only an earlier output")
        }
    }

    /// Puts `staging` in place of `folder` and removes what was there.
    private static func swap(_ staging: URL, into folder: URL) throws(WorkforceError) {
        let fm = FileManager.default
        if !fm.fileExists(atPath: folder.path) {
            guard rename(staging.path, folder.path) == 0 else { throw renameError(folder) }
            return
        }
        if exchange(staging.path, folder.path) {
            try? fm.removeItem(at: staging)  // now the old folder
            return
        }
        // No atomic exchange on this file system: move the old one aside, the new one in.
        let old = folder.deletingLastPathComponent().appendingPathComponent(".\(folder.lastPathComponent).old-\(getpid())")
        try? fm.removeItem(at: old)
        guard rename(folder.path, old.path) == 0 else { throw renameError(folder) }
        guard rename(staging.path, folder.path) == 0 else {
            let error = renameError(folder)
            _ = rename(old.path, folder.path)
            throw error
        }
        try? fm.removeItem(at: old)
    }

    private static func renameError(_ folder: URL) -> WorkforceError {
        .cannotCreate(path: folder.path, reason: "\(String(cString: strerror(errno))); the folder was left as it was")
    }

    private typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32

    /// `renameat2(..., RENAME_EXCHANGE)` (Linux 3.15, glibc 2.28), looked up at run time
    /// because Swift's Glibc module does not declare it; `false` where it is missing or the
    /// file system does not support it.
    private static func exchange(_ a: String, _ b: String) -> Bool {
        guard let symbol = dlsym(nil, "renameat2") else { return false }
        let renameat2 = unsafeBitCast(symbol, to: RenameAt2.self)
        let renameExchange: UInt32 = 1 << 1
        return renameat2(AT_FDCWD, a, AT_FDCWD, b, renameExchange) == 0
    }
}

/// File-system errors in words, not "NSCocoaErrorDomain error 512".
package enum FileSystemWords {
    /// The POSIX reason under a Foundation error ("No space left on device"), else a phrase.
    package static func words(_ error: any Error) -> String {
        let error = error as NSError
        if let underlying = error.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        if error.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(error.code))) }
        switch error.code {
        case NSFileWriteOutOfSpaceError: return "No space left on device"
        case NSFileWriteNoPermissionError: return "Permission denied"
        case NSFileWriteFileExistsError: return "a file is in the way"
        case NSFileWriteVolumeReadOnlyError: return "Read-only file system"
        default: return "it cannot be written"
        }
    }

    /// The path a Foundation error names, if it names one.
    package static func path(_ error: any Error) -> String? {
        let info = (error as NSError).userInfo
        return (info[NSFilePathErrorKey] as? String) ?? (info[NSURLErrorKey] as? URL)?.path
    }
}

extension OutputFolder {
    /// Writes `files` (names relative to `folder`, `tables/x.csv` making `tables/`), each
    /// atomically; an error names the file as the reader will see it, under `shownAs`.
    ///
    /// - Returns: the paths written, under `shownAs`.
    @discardableResult
    package static func writeFiles(_ files: [(name: String, text: String)], into folder: URL, shownAs: URL) throws(WorkforceError) -> [String] {
        var written: [String] = []
        for file in files {
            let url = folder.appendingPathComponent(file.name)
            let shown = shownAs.appendingPathComponent(file.name)
            try writeFile(Array(file.text.utf8), to: url, shownAs: shown, creatingFolder: true)
            written.append(shown.path)
        }
        return written
    }

    /// Writes one file atomically (a new file takes the old one's place whole).
    ///
    /// - Parameters:
    ///   - creatingFolder: create the folder it goes in (and its parents) when missing.
    ///   - shownAs: the path errors name (default `url`).
    /// - Throws: ``WorkforceError/cannotCreate(path:reason:)`` saying in words what is in the way:
    ///   a file where a folder should be, a missing folder, a full disk, no permission.
    package static func writeFile(_ bytes: [UInt8], to urlAsGiven: URL, shownAs: URL? = nil, creatingFolder: Bool = false) throws(WorkforceError) {
        let shown = (shownAs ?? urlAsGiven).path
        let url: URL
        do {
            url = try OutputPath.file(urlAsGiven)
        } catch {
            guard case .cannotCreate(_, let reason) = error else { throw error }
            throw .cannotCreate(path: shown, reason: reason)
        }
        let folder = url.deletingLastPathComponent()
        do {
            _ = try existingAncestor(of: folder)
        } catch {
            guard case .cannotCreate(_, let reason) = error else { throw error }
            throw .cannotCreate(path: shown, reason: reason)
        }
        do {
            if creatingFolder { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) }
            try Data(bytes).write(to: url, options: .atomic)
        } catch {
            let missing = !FileManager.default.fileExists(atPath: folder.path)
            throw .cannotCreate(path: shown, reason: missing ? "the folder \(folder.path) does not exist; create it or choose another path" : FileSystemWords.words(error))
        }
    }
}
