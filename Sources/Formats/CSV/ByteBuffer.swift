/// Where bytes are appended: `[UInt8]`, or a ``ByteBuffer`` for exports that append millions of
/// short fields.
package protocol ByteSink: ~Copyable {
    mutating func append(_ byte: UInt8)
    mutating func append(contentsOf bytes: UnsafeBufferPointer<UInt8>)
}

extension Array: ByteSink where Element == UInt8 {}

/// Moves the first `count` bytes of `base` (of `capacity` bytes) into new memory of at least
/// `needed` bytes, doubling the capacity (but not past `limit + 1` when a limit is set), frees
/// `base`, and returns the new memory and its capacity: the slow path of the raw byte buffers.
package func grownBytes(
    _ base: UnsafeMutablePointer<UInt8>, count: Int, capacity: Int, needed: Int, limit: Int = .max
) -> (UnsafeMutablePointer<UInt8>, Int) {
    var grown = max(1, capacity) * 2
    while grown < needed { grown *= 2 }
    if limit < Int.max { grown = max(needed, min(grown, limit + 1)) }
    let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
    larger.update(from: base, count: count)
    base.deallocate()
    return (larger, grown)
}

/// A growable byte buffer over raw memory: appending a few bytes is a copy and a count, with no
/// uniqueness check. Not `Sendable`; owned by one writer.
package final class ByteBuffer: ByteSink {
    // Unchecked: one writer owns the buffer, and run-time exclusivity checks would cost more
    // than the appends they guard.
    @exclusivity(unchecked) private(set) var base: UnsafeMutablePointer<UInt8>
    @exclusivity(unchecked) package private(set) var count = 0
    @exclusivity(unchecked) private var capacity: Int

    package init(capacity: Int = 1 << 20) {
        self.capacity = max(64, capacity)
        base = UnsafeMutablePointer<UInt8>.allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    private func reserve(_ extra: Int) {
        guard count + extra > capacity else { return }
        (base, capacity) = grownBytes(base, count: count, capacity: capacity, needed: count + extra)
    }

    @inline(__always)
    package func append(_ byte: UInt8) {
        if count == capacity { reserve(1) }
        base[count] = byte
        count += 1
    }

    @inline(__always)
    package func append(contentsOf bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress, bytes.count > 0 else { return }
        let n = bytes.count
        if count + n > capacity { reserve(n) }
        if n <= 16 {
            // A choice name, a number: a loop costs less than a call to memcpy.
            let target = base + count
            for k in 0..<n { target[k] = source[k] }
        } else {
            (base + count).update(from: source, count: n)
        }
        count += n
    }

    package func append(_ text: String) {
        var text = text
        text.withUTF8 { append(contentsOf: $0) }
    }

    /// The bytes so far.
    package var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }

    package func removeAll() { count = 0 }
}
