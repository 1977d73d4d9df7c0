/// ``Inflater``'s inner loop (as zlib's `inflate_fast`): while at least 8 input bytes and 258
/// bytes of output room are left, the bit buffer is refilled eight bytes at a time and each
/// symbol is decoded from the tables, whose entries carry a length's or a distance's base and
/// extra bits, with no per-bit or per-byte checks. Output goes straight into the buffer that is
/// also the window; a match at a distance of 8 or more is copied 8 bytes at a time (reading
/// only bytes already written, the last store running up to 7 bytes past the match, into
/// bytes not yet decoded or the buffer's slack), a shorter one byte by byte.
///
/// It stops, having consumed nothing of it, at any symbol it cannot take whole: a code longer
/// than ``HuffmanCode/tableBits``, a length or distance code that does not exist, a match
/// reaching before the start. ``Inflater/read(into:)`` then decodes that one symbol the
/// careful way, which gives its error if it is one.
extension Inflater {
    /// Decodes symbols into ``buffer`` up to `limit`; returns whether the block's end-of-block
    /// symbol was read.
    func fastSymbols(_ literals: HuffmanCode, _ distances: HuffmanCode, _ limit: Int) -> Bool {
        let r = registers
        var bits = r.pointee.bits
        var bitCount = r.pointee.bitCount
        var inIndex = r.pointee.inIndex
        let inCount = r.pointee.inCount
        var o = r.pointee.out
        let start = o
        let total = r.pointee.total
        let input = inBuffer
        let buffer = self.buffer
        let tableMask = UInt64((1 << HuffmanCode.tableBits) - 1)
        let noDistances = distances.isEmpty
        var endOfBlock = false
        literals.table.withUnsafeBufferPointer { lit in
            distances.table.withUnsafeBufferPointer { dist in
                while o &+ 258 <= limit, inIndex &+ 8 <= inCount {
                    // At least 56 bits: a literal/length code, its extra bits, a distance code and
                    // its extra bits take at most 15 + 5 + 15 + 13, and the table's codes fewer.
                    let chunk = UInt64(littleEndian: UnsafeRawPointer(input + inIndex).loadUnaligned(as: UInt64.self))
                    bits |= chunk &<< UInt64(bitCount)
                    inIndex &+= (63 &- bitCount) &>> 3
                    bitCount |= 56

                    var entry = lit[Int(bits & tableMask)]
                    var symbol = HuffmanCode.Entry.symbol(entry)
                    // Literals while they come, three at most before the next refill (each takes
                    // at most `tableBits` of the 56).
                    if entry != 0, symbol < 256 {
                        bits &>>= UInt64(HuffmanCode.Entry.length(entry))
                        bitCount &-= HuffmanCode.Entry.length(entry)
                        buffer[o] = UInt8(truncatingIfNeeded: symbol)
                        o &+= 1
                        entry = lit[Int(bits & tableMask)]
                        symbol = HuffmanCode.Entry.symbol(entry)
                        if entry != 0, symbol < 256 {
                            bits &>>= UInt64(HuffmanCode.Entry.length(entry))
                            bitCount &-= HuffmanCode.Entry.length(entry)
                            buffer[o] = UInt8(truncatingIfNeeded: symbol)
                            o &+= 1
                            entry = lit[Int(bits & tableMask)]
                            symbol = HuffmanCode.Entry.symbol(entry)
                            if entry != 0, symbol < 256 {
                                bits &>>= UInt64(HuffmanCode.Entry.length(entry))
                                bitCount &-= HuffmanCode.Entry.length(entry)
                                buffer[o] = UInt8(truncatingIfNeeded: symbol)
                                o &+= 1
                            }
                            continue
                        }
                    }
                    if entry == 0 { break }
                    let length = HuffmanCode.Entry.length(entry)
                    if symbol == 256 {
                        bits &>>= UInt64(length)
                        bitCount &-= length
                        endOfBlock = true
                        break
                    }
                    if symbol > 285 || noDistances { break }
                    // A match: worked out on a copy of the bits, consumed only once it is valid.
                    var b = bits &>> UInt64(length)
                    var used = length
                    let le = HuffmanCode.Entry.extra(entry)
                    let matchLength = HuffmanCode.Entry.base(entry) &+ Int(b & ((1 &<< UInt64(le)) &- 1))
                    b &>>= UInt64(le)
                    used &+= le
                    let d = dist[Int(b & tableMask)]
                    guard d != 0, HuffmanCode.Entry.symbol(d) < 30 else { break }
                    b &>>= UInt64(HuffmanCode.Entry.length(d))
                    used &+= HuffmanCode.Entry.length(d)
                    let de = HuffmanCode.Entry.extra(d)
                    let distance = HuffmanCode.Entry.base(d) &+ Int(b & ((1 &<< UInt64(de)) &- 1))
                    b &>>= UInt64(de)
                    used &+= de
                    // Room for the match (after literals, less than 258 bytes may be left).
                    guard distance <= total &+ (o &- start), o &+ matchLength <= limit else { break }
                    bits = b
                    bitCount &-= used
                    let to = buffer + o
                    let from = UnsafeRawPointer(to - distance)
                    if distance >= 8 {
                        let toRaw = UnsafeMutableRawPointer(to)
                        var i = 0
                        repeat {
                            toRaw.storeBytes(of: from.loadUnaligned(fromByteOffset: i, as: UInt64.self), toByteOffset: i, as: UInt64.self)
                            i &+= 8
                        } while i < matchLength
                    } else if distance == 1 {
                        to.update(repeating: to[-1], count: matchLength)
                    } else {
                        for i in 0..<matchLength { to[i] = to[i &- distance] }
                    }
                    o &+= matchLength
                }
            }
        }
        // Bits past `bitCount` are input bytes not yet counted as read: cleared, so the buffer
        // holds exactly what the careful path expects.
        r.pointee.bits = bitCount == 64 ? bits : bits & ((1 &<< UInt64(bitCount)) &- 1)
        r.pointee.bitCount = bitCount
        r.pointee.inIndex = inIndex
        r.pointee.total = total &+ (o &- start)
        r.pointee.out = o
        return endOfBlock
    }
}
