/// The bytes of one CSV record and, per field, where it ends and where it started in the file.
///
/// Raw storage that ``CSVReader`` owns and frees: appending a byte is a store and an increment,
/// which is what lets the reader keep pace with SQLite's own CSV import.
struct RecordBuffer {
    private(set) var bytes = UnsafeMutablePointer<UInt8>.allocate(capacity: 256)
    private var capacity = 256
    private(set) var count = 0
    private(set) var ends = UnsafeMutablePointer<Int>.allocate(capacity: 64)
    private(set) var lines = UnsafeMutablePointer<Int>.allocate(capacity: 64)
    private(set) var columns = UnsafeMutablePointer<Int>.allocate(capacity: 64)
    private var fieldCapacity = 64
    private(set) var fieldCount = 0

    var fieldStart = 0
    var fieldLine = 1
    var fieldColumn = 1
    var fieldQuoted = false
    var nonASCII = false
    /// The most bytes and fields kept; past either the record is cut and marked ``truncated``
    /// (its bytes and fields so far stay, the rest is read and dropped), so memory stays bounded.
    var byteLimit = Int.max
    var fieldLimit = Int.max
    private(set) var truncated = false {
        didSet { if truncated && !oldValue { truncatedField = fieldCount } }
    }
    /// The field in which the record was cut.
    private(set) var truncatedField = 0

    func deallocate() {
        bytes.deallocate()
        ends.deallocate()
        lines.deallocate()
        columns.deallocate()
    }

    mutating func reset() {
        count = 0
        fieldCount = 0
        fieldStart = 0
        fieldQuoted = false
        nonASCII = false
        truncated = false
        truncatedField = 0
    }

    @inline(__always)
    mutating func append(_ b: UInt8) {
        if count == capacity {
            guard count < byteLimit else {
                truncated = true
                return
            }
            grow(count + 1)
        }
        bytes[count] = b
        count += 1
    }

    @inline(__always)
    mutating func append(_ source: UnsafePointer<UInt8>, _ n: Int) {
        var n = n
        if count + n > byteLimit {
            truncated = true
            n = max(0, byteLimit - count)
        }
        if count + n > capacity { grow(count + n) }
        if n <= 16 {
            // Most fields are a few bytes: a loop costs less than a call to memmove.
            for k in 0..<n { bytes[count + k] = source[k] }
        } else {
            (bytes + count).update(from: source, count: n)
        }
        count += n
    }

    /// Appends `n` bytes from `source`, which can be read 16 bytes from its start: a run of up
    /// to 16 is copied as two 8-byte words (the bytes past `n` are written over by what follows).
    @inline(__always)
    mutating func append(padded source: UnsafePointer<UInt8>, _ n: Int) {
        guard n <= 16, count + 16 <= capacity, count + n <= byteLimit else { return append(source, n) }
        let from = UnsafeRawPointer(source), to = UnsafeMutableRawPointer(bytes + count)
        to.storeBytes(of: from.loadUnaligned(as: UInt64.self), as: UInt64.self)
        to.storeBytes(of: from.loadUnaligned(fromByteOffset: 8, as: UInt64.self), toByteOffset: 8, as: UInt64.self)
        count += n
    }

    private mutating func grow(_ needed: Int) {
        (bytes, capacity) = grownBytes(bytes, count: count, capacity: capacity, needed: needed, limit: byteLimit)
    }

    /// Ends the current field; the next one starts at `line`, `column`.
    @inline(__always)
    mutating func finishField(line: Int, column: Int, reader: CSVReader) throws(CSVError) {
        if fieldCount == fieldLimit { truncated = true }
        // A cut record is quarantined, not read: its last kept field may end inside a character.
        if nonASCII && !truncated {
            try reader.validate(
                UnsafeBufferPointer(start: bytes + fieldStart, count: count - fieldStart), line: fieldLine,
                column: fieldQuoted ? fieldColumn + 1 : fieldColumn, quoted: fieldQuoted)
        }
        if fieldCount < fieldLimit {
            if fieldCount == fieldCapacity { growFields() }
            ends[fieldCount] = count
            lines[fieldCount] = fieldLine
            columns[fieldCount] = fieldColumn
            fieldCount += 1
        }
        fieldStart = count
        fieldQuoted = false
        nonASCII = false
        fieldLine = line
        fieldColumn = column
    }

    private mutating func growFields() {
        let newCapacity = fieldCapacity * 2
        for keyPath in [\RecordBuffer.ends, \RecordBuffer.lines, \RecordBuffer.columns] {
            let bigger = UnsafeMutablePointer<Int>.allocate(capacity: newCapacity)
            bigger.update(from: self[keyPath: keyPath], count: fieldCount)
            self[keyPath: keyPath].deallocate()
            switch keyPath {
            case \RecordBuffer.ends: ends = bigger
            case \RecordBuffer.lines: lines = bigger
            default: columns = bigger
            }
        }
        fieldCapacity = newCapacity
    }
}
