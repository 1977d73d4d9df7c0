import Foundation

/// The compressed bytes of one ZIP entry, read with `pread(2)` so that several entries of one
/// archive can be open at once.
final class ZipRawSource: ByteSource {
    private let handle: FileHandle
    private var offset: Int
    private var remaining: Int
    private let name: String

    init(handle: FileHandle, offset: Int, remaining: Int, name: String) {
        self.handle = handle
        self.offset = offset
        self.remaining = remaining
        self.name = name
    }

    func read(into buffer: UnsafeMutableBufferPointer<UInt8>) throws(WorkforceError) -> Int {
        guard remaining > 0, let base = buffer.baseAddress, buffer.count > 0 else { return 0 }
        while true {
            let n = Foundation.pread(handle.fileDescriptor, base, min(buffer.count, remaining), off_t(offset))
            if n < 0, errno == EINTR { continue }
            if n < 0 { throw .io(path: name, reason: "read failed (\(String(cString: strerror(errno))))") }
            if n == 0 {
                throw .badData(SourceLocation(file: name), "the entry's data ends before its declared size: the file is truncated; download or save it again")
            }
            offset += n
            remaining -= n
            return n
        }
    }
}

/// The uncompressed bytes of one ZIP entry as a ``ByteSource``, inflated as they are read and
/// checked against what the central directory declares: never more bytes than the declared
/// size (a ZIP bomb stops there), exactly that many at the end, and the same CRC-32.
package final class ZipEntryReader: ByteSource {
    package let entry: ZipArchive.Entry
    private var source: any ByteSource
    private let inflater: Inflater?
    private let name: String
    private var produced = 0
    private var crc: UInt32 = 0xFFFF_FFFF
    private var checked = false

    init(entry: ZipArchive.Entry, raw: ZipRawSource, name: String) {
        self.entry = entry
        self.name = name
        if entry.method == 8 {
            let inflater = Inflater(raw, name: name)
            self.inflater = inflater
            self.source = inflater
        } else {
            self.inflater = nil
            self.source = raw
        }
    }

    package func read(into buffer: UnsafeMutableBufferPointer<UInt8>) throws(WorkforceError) -> Int {
        guard buffer.count > 0 else { return 0 }
        // Ask for one byte more than is left, so that an entry that inflates past its declared
        // size is caught at once, whatever it would go on to inflate to.
        let room = min(buffer.count, entry.uncompressedSize - produced + 1)
        let n = room > 0 ? try source.read(into: UnsafeMutableBufferPointer(rebasing: buffer[0..<room])) : 0
        produced += n
        if produced > entry.uncompressedSize {
            throw .badData(
                SourceLocation(file: name),
                "the entry inflates to more than the \(entry.uncompressedSize) bytes it declares; refused (a ZIP bomb, or a damaged archive)")
        }
        crc = CRC32.update(crc, UnsafeBufferPointer(rebasing: buffer[0..<n]))
        if n == 0 && !checked {
            checked = true
            if let inflater, !inflater.finished {
                throw .badData(SourceLocation(file: name), "the compressed data ends early; the file is truncated: download or save it again")
            }
            guard produced == entry.uncompressedSize else {
                throw .badData(SourceLocation(file: name), "the entry holds \(produced) bytes, not the \(entry.uncompressedSize) it declares; the archive is damaged")
            }
            guard crc ^ 0xFFFF_FFFF == entry.crc else {
                throw .badData(SourceLocation(file: name), "the entry's CRC-32 check fails: the file is damaged; download or save it again")
            }
        }
        return n
    }
}
