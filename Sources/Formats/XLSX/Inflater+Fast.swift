/// ``Inflater``'s inner loop (as zlib's `inflate_fast`): while at least 8 input bytes and 258
/// bytes of output room are left, the bit buffer is refilled eight bytes at a time and each
/// symbol is decoded from the one-level tables with no per-bit or per-byte checks.
///
/// It stops, having consumed nothing of it, at any symbol it cannot take whole: a code longer
/// than ``HuffmanCode/fastBits``, a length or distance code that does not exist, a match
/// reaching before the start. ``Inflater/read(into:)`` then decodes that one symbol the
/// careful way, which gives its error if it is one.
extension Inflater {
    /// Decodes symbols into `out` from `start`; returns where the output ends and whether the
    /// block's end-of-block symbol was read.
    func fastSymbols(_ literals: HuffmanCode, _ distances: HuffmanCode, _ out: UnsafeMutablePointer<UInt8>, _ start: Int, _ capacity: Int)
        -> (Int, Bool)
    {
        let r = registers
        var bits = r.pointee.bits
        var bitCount = r.pointee.bitCount
        var inIndex = r.pointee.inIndex
        let inCount = r.pointee.inCount
        var w = r.pointee.windowIndex
        var total = r.pointee.total
        let mask = Self.windowSize - 1
        let input = inBuffer
        let window = self.window
        let fastMask = UInt64((1 << HuffmanCode.fastBits) - 1)
        let lengthBase = Self.lengthBase
        let lengthExtra = Self.lengthExtra
        let distanceBase = Self.distanceBase
        let distanceExtra = Self.distanceExtra
        let noDistances = distances.isEmpty
        var n = start
        var endOfBlock = false
        literals.fast.withUnsafeBufferPointer { lit in
            distances.fast.withUnsafeBufferPointer { dist in
                while n + 258 <= capacity, inIndex + 8 <= inCount {
                    // At least 56 bits: a literal/length code, its extra bits, a distance code and
                    // its extra bits take at most 9 + 5 + 9 + 13.
                    let chunk = UInt64(littleEndian: UnsafeRawPointer(input + inIndex).loadUnaligned(as: UInt64.self))
                    bits |= chunk << UInt64(bitCount)
                    inIndex += (63 - bitCount) >> 3
                    bitCount |= 56

                    let entry = Int(lit[Int(bits & fastMask)])
                    if entry == 0 { break }
                    let length = entry >> 9
                    let symbol = entry & 0x1FF
                    if symbol < 256 {
                        bits >>= UInt64(length)
                        bitCount -= length
                        out[n] = UInt8(truncatingIfNeeded: symbol)
                        n += 1
                        window[w] = UInt8(truncatingIfNeeded: symbol)
                        w = (w + 1) & mask
                        total += 1
                        continue
                    }
                    if symbol == 256 {
                        bits >>= UInt64(length)
                        bitCount -= length
                        endOfBlock = true
                        break
                    }
                    // A match: worked out on a copy of the bits, consumed only once it is valid.
                    let l = symbol - 257
                    guard l < 29, !noDistances else { break }
                    var b = bits >> UInt64(length)
                    var used = length
                    let le = lengthExtra[l]
                    let matchLength = lengthBase[l] + Int(b & ((1 << UInt64(le)) - 1))
                    b >>= UInt64(le)
                    used += le
                    let d = Int(dist[Int(b & fastMask)])
                    guard d != 0, d & 0x1FF < 30 else { break }
                    b >>= UInt64(d >> 9)
                    used += d >> 9
                    let de = distanceExtra[d & 0x1FF]
                    let distance = distanceBase[d & 0x1FF] + Int(b & ((1 << UInt64(de)) - 1))
                    b >>= UInt64(de)
                    used += de
                    guard distance <= total else { break }
                    bits = b
                    bitCount -= used
                    for _ in 0..<matchLength {
                        let byte = window[(w &- distance) & mask]
                        out[n] = byte
                        n += 1
                        window[w] = byte
                        w = (w + 1) & mask
                    }
                    total += matchLength
                }
            }
        }
        // Bits past `bitCount` are input bytes not yet counted as read: cleared, so the buffer
        // holds exactly what the careful path expects.
        r.pointee.bits = bitCount == 64 ? bits : bits & ((1 << UInt64(bitCount)) - 1)
        r.pointee.bitCount = bitCount
        r.pointee.inIndex = inIndex
        r.pointee.windowIndex = w
        r.pointee.total = total
        return (n, endOfBlock)
    }
}
