import Foundation

/// Supplies the bytes of an input, already in UTF-8, into a buffer the reader owns.
package protocol ByteSource {
    /// Reads up to `buffer.count` bytes into `buffer`; returns how many, and 0 only at the end.
    mutating func read(into buffer: UnsafeMutableBufferPointer<UInt8>) throws(WorkforceError) -> Int
}

/// Bytes held in memory.
package struct MemoryByteSource: ByteSource {
    private let bytes: [UInt8]
    private var offset = 0
    package init(_ bytes: [UInt8]) { self.bytes = bytes }

    package mutating func read(into buffer: UnsafeMutableBufferPointer<UInt8>) throws(WorkforceError) -> Int {
        let n = min(buffer.count, bytes.count - offset)
        guard n > 0 else { return 0 }
        bytes.withUnsafeBufferPointer { source in
            _ = UnsafeMutableBufferPointer(rebasing: buffer[0..<n]).update(fromContentsOf: source[offset..<offset + n])
        }
        offset += n
        return n
    }
}

/// A file read with `read(2)` straight into the reader's buffer; memory does not grow with the file.
package final class FileByteSource: ByteSource {
    private var handle: FileHandle?
    package let path: String

    /// - Parameter skip: bytes to skip at the start (a byte-order mark).
    /// - Throws: ``WorkforceError/noInput(path:reason:)`` when the file is missing, a folder or unreadable.
    package init(url: URL, name: String? = nil, skip: Int = 0) throws(WorkforceError) {
        let display = name ?? url.path
        try FileInput.requireRegularFile(url.path, name: display)
        do {
            handle = try FileHandle(forReadingFrom: url)
            if skip > 0 { try handle?.seek(toOffset: UInt64(skip)) }
        } catch {
            throw .noInput(path: display, reason: "cannot be read (\(error.localizedDescription))")
        }
        self.path = display
    }

    deinit { try? handle?.close() }

    package func read(into buffer: UnsafeMutableBufferPointer<UInt8>) throws(WorkforceError) -> Int {
        guard let handle, let base = buffer.baseAddress, buffer.count > 0 else { return 0 }
        while true {
            let n = Foundation.read(handle.fileDescriptor, base, buffer.count)
            if n >= 0 { return n }
            if errno == EINTR { continue }
            throw .io(path: path, reason: "read failed (\(String(cString: strerror(errno))))")
        }
    }
}
