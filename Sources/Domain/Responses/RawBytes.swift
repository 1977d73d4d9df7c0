/// Growable bytes in raw memory, owned by one writer: appending a few bytes is a compare, a
/// copy and a count, inlined at the call. The answers encoder and the CSV export append
/// millions of short pieces (a comma, a choice name, a digit), where a class's method call, its
/// reference counting and a protocol witness each cost more than the bytes.
///
/// Non-copyable, so the memory has one owner and is freed once, when the owner goes.
struct RawBytes: ~Copyable, ByteSink {
    private(set) var base: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int) {
        self.capacity = max(64, capacity)
        base = UnsafeMutablePointer<UInt8>.allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    /// The bytes so far, valid until the next append or ``removeAll()``.
    var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }

    mutating func removeAll() { count = 0 }

    /// Makes room for `extra` more bytes.
    @inline(__always)
    mutating func reserve(_ extra: Int) {
        guard count + extra > capacity else { return }
        (base, capacity) = grownBytes(base, count: count, capacity: capacity, needed: count + extra)
    }

    @inline(__always)
    mutating func append(_ byte: UInt8) {
        reserve(1)
        base[count] = byte
        count += 1
    }

    @inline(__always)
    mutating func append(contentsOf bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress else { return }
        let n = bytes.count
        reserve(n)
        if n <= 16 {
            // A choice name, a number: a loop costs less than a call to memcpy.
            let target = base + count
            for k in 0..<n { target[k] = source[k] }
        } else {
            (base + count).update(from: source, count: n)
        }
        count += n
    }

    /// Appends `n` bytes from `source`, which can be read 16 bytes from its start: up to 16 are
    /// copied as two 8-byte words (the bytes past `n` are written over by the next append).
    @inline(__always)
    mutating func appendPadded(_ source: UnsafePointer<UInt8>, count n: Int) {
        guard n <= 16 else { return append(contentsOf: UnsafeBufferPointer(start: source, count: n)) }
        reserve(16)
        let from = UnsafeRawPointer(source), to = UnsafeMutableRawPointer(base + count)
        to.storeBytes(of: from.loadUnaligned(as: UInt64.self), as: UInt64.self)
        to.storeBytes(of: from.loadUnaligned(fromByteOffset: 8, as: UInt64.self), toByteOffset: 8, as: UInt64.self)
        count += n
    }

    mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { append(contentsOf: $0) }
    }

    /// The decimal digits of `v`, written in place (no string is made).
    @inline(__always)
    mutating func appendInteger(_ v: Int) {
        if v >= 0 && v < 10 {
            append(UInt8(48 + v))
            return
        }
        reserve(20)
        var magnitude = v.magnitude
        var digits = 0
        var probe = magnitude
        repeat {
            digits += 1
            probe /= 10
        } while probe > 0
        if v < 0 {
            base[count] = UInt8(ascii: "-")
            count += 1
        }
        var k = count + digits
        repeat {
            k -= 1
            base[k] = UInt8(48 + magnitude % 10)
            magnitude /= 10
        } while magnitude > 0
        count += digits
    }
}
