import Foundation

/// A strict RFC 4180 reader that streams its input in chunks and locates every error.
///
/// It reads UTF-8 (a leading byte-order mark is skipped; other encodings come through a
/// ``TranscodingByteSource``), fields separated by `delimiter` (`,` by default, `;` and tab for
/// exports that use them), quoted with `"` and `""` inside quotes, records ended by CRLF or LF.
/// Blank lines between records are skipped. Everything else RFC 4180 does not allow is a
/// ``CSVError`` with its 1-based line and column: a quote inside an unquoted field, text after a
/// closing quote, an unterminated quote, a lone CR, a NUL byte, bytes that are not UTF-8.
/// Columns count characters, not bytes.
///
/// ``nextRecord()`` keeps the current record's bytes in one reused buffer, so a caller that reads
/// fields as bytes (``fieldBytes(_:)``) allocates nothing per row; ``readRecord()`` returns them as
/// strings.
package final class CSVReader {
    /// The name used in error locations (usually the path as the user typed it).
    package let name: String
    package let delimiter: UInt8
    /// The longest record kept, in bytes, and the most fields: a longer or wider record is read
    /// to its end but kept only up to the limit and marked ``recordTruncated`` (``readRecord()``
    /// throws for it), so that no input, whatever its cells, grows memory past the limit.
    package var maxRecordBytes = 64 << 20
    package var maxFields = 100_000

    /// Whether the current record went past ``maxRecordBytes`` or ``maxFields``: only its first
    /// bytes and fields are kept.
    package var recordTruncated: Bool { record.truncated }
    /// The field in which a truncated record was cut.
    package var truncatedField: Int { record.truncatedField }

    private var source: any ByteSource
    private var atStart = true
    private var line = 1
    private var column = 1

    /// The chunk being read: raw storage, so the hot loop pays no array checks.
    private var input: UnsafeMutablePointer<UInt8>
    private var inputCapacity = 0
    private var inputCount = 0
    private var inputIndex = 0

    /// Bytes that end a run inside an unquoted field (separator, LF, CR, quote, NUL), and
    /// inside a quoted one (quote, LF, NUL): one table look-up per byte in the hot loop.
    private let unquotedStops = UnsafeMutablePointer<Bool>.allocate(capacity: 256)
    private let quotedStops = UnsafeMutablePointer<Bool>.allocate(capacity: 256)

    /// Bytes readable past the chunk's capacity.
    static let padding = 16

    /// The current record: its bytes, and for each field its end, line and column.
    private var record = RecordBuffer()
    /// The line on which the current record starts.
    package private(set) var recordLine = 0
    /// For CSV text made from a worksheet (``XLSXSheetSource``): the sheet row of each record, so
    /// that ``recordLine`` is the row and locations name cells (`export.xlsx:Sheet1!C17`).
    package var sheetRows: SheetRows?
    /// Where records come from as fields rather than as text to parse (a worksheet's rows).
    var recordSource: (any RecordSource)?

    /// Reads from any byte source.
    ///
    /// - Parameter chunkSize: how many bytes are read at a time (at least 4).
    package init(source: any ByteSource, name: String, delimiter: UInt8 = UInt8(ascii: ","), chunkSize: Int = 1 << 20) {
        self.source = source
        self.name = name
        self.delimiter = delimiter
        self.inputCapacity = max(4, chunkSize)
        // Padded, and cleared once: the fast path reads 8 bytes at a time and copies runs 16 at a
        // time, so it may read up to 16 bytes past the chunk's end.
        self.input = UnsafeMutablePointer<UInt8>.allocate(capacity: inputCapacity + Self.padding)
        input.initialize(repeating: 0, count: inputCapacity + Self.padding)
        unquotedStops.initialize(repeating: false, count: 256)
        quotedStops.initialize(repeating: false, count: 256)
        for b in [delimiter, 0x0A, 0x0D, 0x22, 0] { unquotedStops[Int(b)] = true }
        for b: UInt8 in [0x0A, 0x22, 0] { quotedStops[Int(b)] = true }
    }

    deinit {
        input.deallocate()
        record.deallocate()
        unquotedStops.deallocate()
        quotedStops.deallocate()
    }

    /// Reads the file at `url`, `chunkSize` bytes at a time.
    ///
    /// - Throws: ``WorkforceError/noInput(path:reason:)`` when the file cannot be opened.
    package convenience init(url: URL, name: String? = nil, delimiter: UInt8 = UInt8(ascii: ","), chunkSize: Int = 1 << 20)
        throws(WorkforceError)
    {
        let display = name ?? url.path
        self.init(source: try FileByteSource(url: url, name: display), name: display, delimiter: delimiter, chunkSize: chunkSize)
    }

    /// Reads CSV text held in memory.
    package convenience init(bytes: [UInt8], name: String, delimiter: UInt8 = UInt8(ascii: ",")) {
        self.init(source: MemoryByteSource(bytes), name: name, delimiter: delimiter)
    }

    /// Reads CSV text held in a string.
    package convenience init(string: String, name: String, delimiter: UInt8 = UInt8(ascii: ",")) {
        self.init(bytes: Array(string.utf8), name: name, delimiter: delimiter)
    }

    // MARK: The current record

    package var fieldCount: Int { record.fieldCount }

    /// The bytes of field `i` of the current record (valid UTF-8), valid until the next read.
    package func fieldBytes(_ i: Int) -> UnsafeBufferPointer<UInt8> {
        let start = i == 0 ? 0 : record.ends[i - 1]
        return UnsafeBufferPointer(start: record.bytes + start, count: record.ends[i] - start)
    }

    /// Field `i` of the current record as a string.
    package func field(_ i: Int) -> String { String(decoding: fieldBytes(i), as: UTF8.self) }

    /// Every field of the current record as strings.
    package var fields: [String] { (0..<fieldCount).map(field) }

    package func fieldLine(_ i: Int) -> Int { record.lines[i] }
    package func fieldColumn(_ i: Int) -> Int { record.columns[i] }

    /// Where field `i` of the current record starts.
    package func location(ofField i: Int) -> SourceLocation {
        if let sheetRows { return SourceLocation(file: name, line: recordLine, column: i + 1, sheet: sheetRows.sheet) }
        guard i < fieldCount else { return SourceLocation(file: name, line: recordLine) }
        return SourceLocation(file: name, line: record.lines[i], column: record.columns[i], field: i + 1)
    }

    /// Where the current record starts: its line, or its sheet row.
    package var recordLocation: SourceLocation { SourceLocation(file: name, line: recordLine, sheet: sheetRows?.sheet) }

    /// Reads the next record and returns it with strings, or `nil` at the end.
    package func readRecord() throws(CSVError) -> CSVRecord? {
        guard try nextRecord() else { return nil }
        if recordTruncated {
            throw CSVError(
                .recordTooLong(limit: maxRecordBytes, fields: maxFields),
                SourceLocation(file: name, line: recordLine, column: sheetRows == nil ? 1 : nil, sheet: sheetRows?.sheet))
        }
        if let sheetRows {
            return CSVRecord(
                fields: fields, line: recordLine, fieldLines: Array(repeating: recordLine, count: fieldCount),
                fieldColumns: Array((0..<fieldCount).map { $0 + 1 }), sheet: sheetRows.sheet)
        }
        return CSVRecord(
            fields: fields, line: recordLine, fieldLines: (0..<fieldCount).map(fieldLine),
            fieldColumns: (0..<fieldCount).map(fieldColumn))
    }

    // MARK: Reading

    /// Reads more input after the `inputCount - inputIndex` unread bytes, which move to the
    /// front. Returns `false` at the end.
    private func loadChunk() throws(CSVError) -> Bool {
        let keep = inputCount - inputIndex
        if keep > 0, inputIndex > 0 { input.update(from: input + inputIndex, count: keep) }
        inputIndex = 0
        inputCount = keep
        let n: Int
        do {
            n = try source.read(into: UnsafeMutableBufferPointer(start: input + keep, count: inputCapacity - keep))
        } catch {
            var message = error.description
            if case .badData(let location, let text) = error {
                // A worksheet's or archive's own error says where in that file it is.
                if sheetRows != nil, let location { throw CSVError(.unreadable(text), location) }
                message = text
            }
            throw CSVError(.unreadable(message), SourceLocation(file: name, line: line, column: column))
        }
        inputCount = keep + n
        return n > 0
    }

    /// Skips a UTF-8 byte-order mark, and any repeated one (a file saved twice by a tool that
    /// adds one each time; left in place it would glue itself to the first column's name), and
    /// rejects UTF-16 ones.
    private func checkStart() throws(CSVError) {
        atStart = false
        while true {
            while inputCount - inputIndex < 3, try loadChunk() {}
            let head = Array(UnsafeBufferPointer(start: input + inputIndex, count: min(3, inputCount - inputIndex)))
            if head.starts(with: [0xEF, 0xBB, 0xBF]) {
                inputIndex += 3
                continue
            }
            if head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0xFE, 0xFF]) {
                throw CSVError(.unsupportedEncoding("UTF-16"), SourceLocation(file: name, line: 1, column: 1))
            }
            return
        }
    }

    private enum State {
        case recordStart, fieldStart, unquoted, quoted, quoteInQuoted, crEnd, crBlank
    }

    /// Reads the next record into the reader; returns `false` at the end of the input.
    ///
    /// - Throws: ``CSVError`` at the first byte that breaks the format.
    package func nextRecord() throws(CSVError) -> Bool {
        if let recordSource {
            // On a local, as below: `record` passed inout would cost an exclusivity check at every read of it.
            var rec = record
            defer { record = rec }
            rec.reset()
            rec.byteLimit = maxRecordBytes
            rec.fieldLimit = maxFields
            guard let line = try recordSource.nextRecord(into: &rec, reader: self) else { return false }
            recordLine = line
            return true
        }
        guard try nextRecordOfText() else { return false }
        if let sheetRows { recordLine = sheetRows.next() }
        return true
    }

    private func nextRecordOfText() throws(CSVError) -> Bool {
        if atStart { try checkStart() }
        // Work on locals: class properties in a tight loop pay for exclusivity checks.
        var rec = record
        rec.reset()
        rec.byteLimit = maxRecordBytes
        rec.fieldLimit = maxFields
        var p = input
        var i = inputIndex
        var count = inputCount
        var line = self.line
        var column = self.column
        defer {
            record = rec
            inputIndex = i
            self.line = line
            self.column = column
        }

        let delimiter = self.delimiter
        var state = State.recordStart
        var markLine = line  // where the last quote or CR was
        var markColumn = column

        while true {
            if i == count {
                inputIndex = i
                guard try loadChunk() else {
                    i = 0
                    count = 0
                    switch state {
                    case .recordStart: return false
                    case .quoted:
                        throw CSVError(.unterminatedQuote, SourceLocation(file: name, line: markLine, column: markColumn))
                    case .crEnd, .crBlank:
                        throw CSVError(.bareCarriageReturn, SourceLocation(file: name, line: markLine, column: markColumn))
                    case .fieldStart, .unquoted, .quoteInQuoted:
                        try rec.finishField(line: line, column: column, reader: self)
                        return true
                    }
                }
                p = input
                i = 0
                count = inputCount
            }
            // Fast path: copy a run of ordinary bytes inside a field in one go, and end an
            // unquoted field at its separator here (most fields of an export are short).
            if state == .unquoted || state == .quoted || state == .fieldStart {
                let runStart = i
                let quoted = state == .quoted
                let (end, high) = FieldRun.scan(
                    p, from: i, to: count, quoted: quoted, delimiter: delimiter, stops: quoted ? quotedStops : unquotedStops)
                i = end
                var continuation = 0
                if high >= 0x80 {
                    for k in runStart..<i where p[k] & 0xC0 == 0x80 { continuation += 1 }
                }
                if i > runStart {
                    rec.append(padded: p + runStart, i - runStart)
                    column += i - runStart - continuation
                    if high >= 0x80 { rec.nonASCII = true }
                    if !quoted { state = .unquoted }
                    if i == count { continue }
                }
                if !quoted, p[i] == delimiter {
                    i += 1
                    column += 1
                    try rec.finishField(line: line, column: column, reader: self)
                    state = .fieldStart
                    continue
                }
            }
            let b = p[i]
            i += 1
            let byteLine = line
            let byteColumn = column
            if b == 0x0A {
                line += 1
                column = 1
            } else if b & 0xC0 != 0x80 {
                column += 1
            }
            if b == 0 { throw CSVError(.nulByte, SourceLocation(file: name, line: byteLine, column: byteColumn)) }

            switch state {
            case .recordStart:
                if b == 0x0A { continue }
                if b == 0x0D {
                    markLine = byteLine
                    markColumn = byteColumn
                    state = .crBlank
                    continue
                }
                recordLine = byteLine
                rec.fieldLine = byteLine
                rec.fieldColumn = byteColumn
                fallthrough
            case .fieldStart, .unquoted:
                if b == delimiter {
                    try rec.finishField(line: line, column: column, reader: self)
                    state = .fieldStart
                } else if b == 0x0A {
                    try rec.finishField(line: line, column: column, reader: self)
                    return true
                } else if b == 0x0D {
                    markLine = byteLine
                    markColumn = byteColumn
                    state = .crEnd
                } else if b == 0x22 {
                    guard state != .unquoted else {
                        throw CSVError(.quoteInUnquotedField, SourceLocation(file: name, line: byteLine, column: byteColumn))
                    }
                    markLine = byteLine
                    markColumn = byteColumn
                    rec.fieldQuoted = true
                    state = .quoted
                } else {
                    if b >= 0x80 { rec.nonASCII = true }
                    rec.append(b)
                    state = .unquoted
                }
            case .quoted:
                if b == 0x22 {
                    state = .quoteInQuoted
                } else {
                    if b >= 0x80 { rec.nonASCII = true }
                    rec.append(b)
                }
            case .quoteInQuoted:
                if b == 0x22 {
                    rec.append(b)
                    state = .quoted
                } else if b == delimiter {
                    try rec.finishField(line: line, column: column, reader: self)
                    state = .fieldStart
                } else if b == 0x0A {
                    try rec.finishField(line: line, column: column, reader: self)
                    return true
                } else if b == 0x0D {
                    markLine = byteLine
                    markColumn = byteColumn
                    state = .crEnd
                } else {
                    let shown = b < 0x80 ? Character(UnicodeScalar(b)) : "?"
                    throw CSVError(.textAfterClosingQuote(shown), SourceLocation(file: name, line: byteLine, column: byteColumn))
                }
            case .crEnd:
                guard b == 0x0A else {
                    throw CSVError(.bareCarriageReturn, SourceLocation(file: name, line: markLine, column: markColumn))
                }
                try rec.finishField(line: line, column: column, reader: self)
                return true
            case .crBlank:
                guard b == 0x0A else {
                    throw CSVError(.bareCarriageReturn, SourceLocation(file: name, line: markLine, column: markColumn))
                }
                state = .recordStart
            }
        }
    }
}
