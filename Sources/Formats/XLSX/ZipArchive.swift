import Foundation

/// The table of contents of a ZIP archive (PKWARE APPNOTE 6.3), read from its central
/// directory, with each entry opened as a bounded, checked stream (``ZipEntryReader``).
///
/// Only what `.xlsx` files and ODK Central's downloads use is read: stored and deflated entries
/// in a single-disk archive. Zip64, encrypted entries, other methods, a truncated archive and
/// declared sizes past the caller's bound are ``WorkforceError/badData(_:_:)`` (exit 65) before
/// any entry is inflated.
package final class ZipArchive {
    package struct Entry: Sendable {
        package var name: String
        package var method: Int
        package var flags: Int
        package var crc: UInt32
        package var compressedSize: Int
        package var uncompressedSize: Int
        package var localHeaderOffset: Int

        package var isDirectory: Bool { name.hasSuffix("/") }
    }

    /// The file name used in messages.
    package let name: String
    package let entries: [Entry]
    private let handle: FileHandle
    /// Where the central directory starts: no entry's data may reach past it.
    private let directoryOffset: Int

    /// The most entries read from one archive (an `.xlsx` has a dozen; ODK a few CSVs and media).
    static let maxEntries = 10_000

    package static func isZip(_ sample: [UInt8]) -> Bool { sample.starts(with: [0x50, 0x4B, 0x03, 0x04]) || sample.starts(with: [0x50, 0x4B, 0x05, 0x06]) }

    /// Reads the central directory of the file at `url`.
    ///
    /// - Throws: ``WorkforceError/noInput(path:reason:)`` when it cannot be opened;
    ///   ``WorkforceError/badData(_:_:)`` for a truncated, multi-disk or Zip64 archive.
    package init(url: URL, name: String) throws(WorkforceError) {
        self.name = name
        try FileInput.requireRegularFile(url.path, name: name)
        do {
            handle = try FileHandle(forReadingFrom: url)
        } catch {
            throw .noInput(path: name, reason: "cannot be read (\(error.localizedDescription))")
        }
        let size = try Self.size(handle, name)
        // The end-of-central-directory record: 22 bytes plus a comment of up to 65,535.
        let tailLength = min(size, 22 + 0xFFFF)
        let tail = try Self.read(handle, at: size - tailLength, count: tailLength, name)
        var end = -1
        var i = tail.count - 22
        while i >= 0 {
            if tail[i] == 0x50, tail[i + 1] == 0x4B, tail[i + 2] == 0x05, tail[i + 3] == 0x06 {
                end = i
                break
            }
            i -= 1
        }
        let here = SourceLocation(file: name)
        guard end >= 0 else {
            throw .badData(here, "the ZIP archive has no central directory at its end: the file is truncated or damaged; download or save it again")
        }
        if end >= 20, Self.u32(tail, end - 20) == 0x0706_4b50 {
            throw .badData(here, "the archive is Zip64 (an archive over 4 GB or with over 65,535 entries), which is not read; export a smaller file or as CSV")
        }
        let disk = Self.u16(tail, end + 4)
        let directoryDisk = Self.u16(tail, end + 6)
        let count = Self.u16(tail, end + 10)
        let directorySize = Int(Self.u32(tail, end + 12))
        let directoryOffset = Int(Self.u32(tail, end + 16))
        if count == 0xFFFF || directorySize == 0xFFFF_FFFF || directoryOffset == 0xFFFF_FFFF {
            throw .badData(here, "the archive is Zip64, which is not read; export a smaller file or as CSV")
        }
        guard disk == 0, directoryDisk == 0 else { throw .badData(here, "the archive is split over several disks; join it into one file") }
        let endOffset = size - tailLength + end
        guard directoryOffset + directorySize <= endOffset else {
            throw .badData(here, "the ZIP archive's directory points past the end of the file: the file is truncated; download or save it again")
        }
        guard count <= Self.maxEntries else { throw .badData(here, "the archive holds \(count) entries, more than the \(Self.maxEntries) read") }
        self.directoryOffset = directoryOffset
        let directory = try Self.read(handle, at: directoryOffset, count: directorySize, name)
        entries = try Self.parseDirectory(directory, count: count, name: name)
    }

    deinit { try? handle.close() }

    private static func parseDirectory(_ d: [UInt8], count: Int, name: String) throws(WorkforceError) -> [Entry] {
        var entries: [Entry] = []
        var p = 0
        for _ in 0..<count {
            guard p + 46 <= d.count, u32(d, p) == 0x0201_4b50 else {
                throw .badData(SourceLocation(file: name), "the ZIP archive's central directory is damaged; download or save the file again")
            }
            let nameLength = u16(d, p + 28)
            let extraLength = u16(d, p + 30)
            let commentLength = u16(d, p + 32)
            guard p + 46 + nameLength + extraLength + commentLength <= d.count else {
                throw .badData(SourceLocation(file: name), "the ZIP archive's central directory is damaged; download or save the file again")
            }
            let entryName = String(decoding: d[(p + 46)..<(p + 46 + nameLength)], as: UTF8.self)
            let entry = Entry(
                name: entryName, method: u16(d, p + 10), flags: u16(d, p + 8), crc: u32(d, p + 16),
                compressedSize: Int(u32(d, p + 20)), uncompressedSize: Int(u32(d, p + 24)), localHeaderOffset: Int(u32(d, p + 42)))
            // Zip64 sizes or offsets live in extra field 0x0001.
            var e = p + 46 + nameLength
            let extraEnd = e + extraLength
            var zip64 = entry.compressedSize == 0xFFFF_FFFF || entry.uncompressedSize == 0xFFFF_FFFF || entry.localHeaderOffset == 0xFFFF_FFFF
            while e + 4 <= extraEnd {
                if u16(d, e) == 0x0001 { zip64 = true }
                e += 4 + u16(d, e + 2)
            }
            if zip64 {
                throw .badData(
                    SourceLocation(file: "\(name)/\(entryName)"),
                    "the entry uses Zip64 records (made for files over 4 GB), which are not read; save the workbook again or export as CSV")
            }
            entries.append(entry)
            p += 46 + nameLength + extraLength + commentLength
        }
        return entries
    }

    /// The entry called `path`, if the archive has it.
    package func entry(_ path: String) -> Entry? { entries.first { $0.name == path } }

    /// A stream of `entry`'s uncompressed bytes, refused before any is read when the entry is
    /// encrypted, compressed other than by DEFLATE, declares more than `limit` bytes, or lies
    /// outside the file.
    ///
    /// - Throws: ``WorkforceError/badData(_:_:)`` saying which.
    package func open(_ entry: Entry, limit: Int) throws(WorkforceError) -> ZipEntryReader {
        let here = SourceLocation(file: "\(name)/\(entry.name)")
        if entry.flags & 0x41 != 0 || entry.method == 99 {
            throw .badData(here, "the entry is encrypted (password-protected), which is not read; save the file without a password")
        }
        guard entry.method == 0 || entry.method == 8 else {
            throw .badData(here, "the entry is compressed with method \(entry.method), not DEFLATE; save the file again with ordinary ZIP compression")
        }
        guard entry.uncompressedSize <= limit else {
            throw .badData(
                here,
                "the entry declares \(entry.uncompressedSize) bytes uncompressed, more than the \(limit) read for it; refused without reading (a ZIP bomb, or a file too large: export as CSV)")
        }
        // DEFLATE inflates at most 1,032 to 1; a larger declared ratio is a lie or a bomb.
        if entry.method == 8, entry.uncompressedSize > entry.compressedSize * 1032 + 1024 {
            throw .badData(here, "the entry declares \(entry.uncompressedSize) bytes from \(entry.compressedSize) compressed, more than DEFLATE can give; the archive is forged or damaged")
        }
        if entry.method == 0, entry.uncompressedSize != entry.compressedSize {
            throw .badData(here, "a stored entry whose two sizes differ; the archive is damaged")
        }
        let header = try Self.read(handle, at: entry.localHeaderOffset, count: 30, name)
        guard header.count == 30, Self.u32(header, 0) == 0x0403_4b50 else {
            throw .badData(here, "the entry's local header is missing: the file is truncated or damaged; download or save it again")
        }
        if Self.u16(header, 6) & 0x41 != 0 {
            throw .badData(here, "the entry is encrypted (password-protected), which is not read; save the file without a password")
        }
        let nameLength = Self.u16(header, 26)
        let extraLength = Self.u16(header, 28)
        let extra = try Self.read(handle, at: entry.localHeaderOffset + 30 + nameLength, count: extraLength, name)
        var e = 0
        var zip64 = Self.u32(header, 18) == 0xFFFF_FFFF || Self.u32(header, 22) == 0xFFFF_FFFF
        while e + 4 <= extra.count {
            if Self.u16(extra, e) == 0x0001 { zip64 = true }
            e += 4 + Self.u16(extra, e + 2)
        }
        if zip64 {
            throw .badData(here, "the entry uses Zip64 records (made for files over 4 GB), which are not read; save the workbook again or export as CSV")
        }
        let dataStart = entry.localHeaderOffset + 30 + nameLength + extraLength
        guard dataStart + entry.compressedSize <= directoryOffset else {
            throw .badData(here, "the entry's data runs past the end of the file: the file is truncated; download or save it again")
        }
        let raw = ZipRawSource(handle: handle, offset: dataStart, remaining: entry.compressedSize, name: here.file)
        return ZipEntryReader(entry: entry, raw: raw, name: here.file)
    }

    /// The whole of `entry`, at most `limit` bytes.
    package func contents(_ entry: Entry, limit: Int) throws(WorkforceError) -> [UInt8] {
        let reader = try open(entry, limit: limit)
        var bytes = [UInt8](repeating: 0, count: entry.uncompressedSize + 1)
        var n = 0
        while true {
            let m = try bytes.withUnsafeMutableBufferPointer { b throws(WorkforceError) in
                try reader.read(into: UnsafeMutableBufferPointer(rebasing: b[n...]))
            }
            if m == 0 { break }
            n += m
        }
        bytes.removeSubrange(n...)
        return bytes
    }

    // MARK: Bytes

    private static func size(_ handle: FileHandle, _ name: String) throws(WorkforceError) -> Int {
        do {
            return Int(try handle.seekToEnd())
        } catch {
            throw .io(path: name, reason: "cannot find the file's size (\(error.localizedDescription))")
        }
    }

    static func read(_ handle: FileHandle, at offset: Int, count: Int, _ name: String) throws(WorkforceError) -> [UInt8] {
        do {
            try handle.seek(toOffset: UInt64(offset))
            return Array(try handle.read(upToCount: count) ?? Data())
        } catch {
            throw .io(path: name, reason: "read failed (\(error.localizedDescription))")
        }
    }

    static func u16(_ b: [UInt8], _ i: Int) -> Int { Int(b[i]) | Int(b[i + 1]) << 8 }
    static func u32(_ b: [UInt8], _ i: Int) -> UInt32 { UInt32(b[i]) | UInt32(b[i + 1]) << 8 | UInt32(b[i + 2]) << 16 | UInt32(b[i + 3]) << 24 }
}
