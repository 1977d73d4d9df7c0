import Foundation

/// One record read from a CSV file: its fields, and where each field starts.
public struct CSVRecord: Sendable {
    public var fields: [String]
    /// The 1-based line on which the record starts.
    public var line: Int
    /// The 1-based line on which each field starts (differs from `line` after a quoted line break).
    public var fieldLines: [Int]
    /// The 1-based column (in characters) at which each field starts.
    public var fieldColumns: [Int]

    /// Where field `index` starts in `file`.
    public func location(ofField index: Int, in file: String) -> SourceLocation {
        guard fieldLines.indices.contains(index) else { return SourceLocation(file: file, line: line) }
        return SourceLocation(file: file, line: fieldLines[index], column: fieldColumns[index])
    }
}

/// A strict RFC 4180 reader that streams a file in chunks and locates every error.
///
/// It reads UTF-8 (a leading byte-order mark is skipped), fields separated by `delimiter`
/// (`,` by default, `;` and tab for exports that use them), quoted with `"` and `""` inside
/// quotes, records ended by CRLF or LF. Blank lines between records are skipped. Everything else
/// that RFC 4180 does not allow is a ``CSVError`` with its 1-based line and column: a quote
/// inside an unquoted field, text after a closing quote, an unterminated quote, a lone CR, a NUL
/// byte, bytes that are not UTF-8. Columns count characters, not bytes.
public final class CSVReader {
    /// The name used in error locations (usually the path as the user typed it).
    public let name: String
    public let delimiter: UInt8

    private var handle: FileHandle?
    private var buffer: [UInt8] = []
    private var index = 0
    private let chunkSize: Int
    private var atStart = true

    private var line = 1
    private var column = 1

    private var field: [UInt8] = []
    private var fieldIsASCII = true

    /// Reads the file at `url`, `chunkSize` bytes at a time.
    ///
    /// - Throws: ``WorkforceError/noInput(path:reason:)`` when the file cannot be opened.
    public init(url: URL, name: String? = nil, delimiter: UInt8 = UInt8(ascii: ","), chunkSize: Int = 1 << 20)
        throws(WorkforceError)
    {
        let displayName = name ?? url.path
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw .noInput(path: displayName, reason: "no such file; check the path")
        }
        do {
            self.handle = try FileHandle(forReadingFrom: url)
        } catch {
            throw .noInput(path: displayName, reason: "cannot be read (\(error.localizedDescription))")
        }
        self.name = displayName
        self.delimiter = delimiter
        self.chunkSize = max(chunkSize, 4)
    }

    /// Reads CSV text held in memory.
    public init(bytes: [UInt8], name: String, delimiter: UInt8 = UInt8(ascii: ",")) {
        self.buffer = bytes
        self.name = name
        self.delimiter = delimiter
        self.chunkSize = 0
    }

    /// Reads CSV text held in a string.
    public convenience init(string: String, name: String, delimiter: UInt8 = UInt8(ascii: ",")) {
        self.init(bytes: Array(string.utf8), name: name, delimiter: delimiter)
    }

    deinit { try? handle?.close() }

    // MARK: Bytes

    /// Loads the next chunk when the buffer is used up; returns `false` at the end of the input.
    private func refill() throws(CSVError) -> Bool {
        guard let handle else { return false }
        let data: Data?
        do {
            data = try handle.read(upToCount: chunkSize)
        } catch {
            throw CSVError(.unsupportedEncoding("unreadable"), here)
        }
        guard let data, !data.isEmpty else {
            try? handle.close()
            self.handle = nil
            return false
        }
        buffer = Array(data)
        index = 0
        return true
    }

    @inline(__always)
    private func peek() throws(CSVError) -> UInt8? {
        if index == buffer.count, !(try refill()) { return nil }
        return buffer[index]
    }

    private var here: SourceLocation { SourceLocation(file: name, line: line, column: column) }

    /// Skips a UTF-8 byte-order mark and rejects UTF-16 and UTF-32 ones.
    private func checkStart() throws(CSVError) {
        atStart = false
        guard try peek() != nil else { return }
        // Make sure the first 4 bytes are in the buffer (a chunk is at least 4 bytes).
        if buffer.count - index < 4, handle != nil {
            let rest = Array(buffer[index...])
            if try refill() { buffer = rest + buffer } else { buffer = rest }
            index = 0
        }
        let head = Array(buffer[index..<min(index + 4, buffer.count)])
        if head.starts(with: [0xEF, 0xBB, 0xBF]) {
            index += 3
        } else if head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0xFE, 0xFF]) {
            throw CSVError(.unsupportedEncoding("UTF-16"), here)
        }
    }

    // MARK: Records

    private enum State {
        case fieldStart, unquoted, quoted, quoteInQuoted
    }

    /// Reads the next record, or returns `nil` at the end of the input.
    ///
    /// - Throws: ``CSVError`` at the first byte that breaks the format.
    public func readRecord() throws(CSVError) -> CSVRecord? {
        if atStart { try checkStart() }
        // Skip blank lines.
        while let b = try peek() {
            if b == 0x0A {
                index += 1
                line += 1
                column = 1
            } else if b == 0x0D {
                index += 1
                guard try peek() == 0x0A else {
                    column += 1
                    throw CSVError(.bareCarriageReturn, SourceLocation(file: name, line: line, column: column - 1))
                }
                index += 1
                line += 1
                column = 1
            } else {
                break
            }
        }
        guard try peek() != nil else { return nil }

        var record = CSVRecord(fields: [], line: line, fieldLines: [], fieldColumns: [])
        var state = State.fieldStart
        var fieldLine = line
        var fieldColumn = column
        var quoteLine = line
        var quoteColumn = column
        field.removeAll(keepingCapacity: true)
        fieldIsASCII = true

        func finishField() throws(CSVError) {
            record.fields.append(try makeString(startLine: fieldLine, startColumn: fieldColumn, quoted: false))
            record.fieldLines.append(fieldLine)
            record.fieldColumns.append(fieldColumn)
        }

        while true {
            guard let b = try peek() else {
                switch state {
                case .quoted:
                    throw CSVError(.unterminatedQuote, SourceLocation(file: name, line: quoteLine, column: quoteColumn))
                case .quoteInQuoted:
                    try finishQuoted(&record, fieldLine, fieldColumn)
                case .fieldStart, .unquoted:
                    try finishField()
                }
                return record
            }
            index += 1
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
            case .fieldStart, .unquoted:
                if b == delimiter {
                    try finishField()
                    field.removeAll(keepingCapacity: true)
                    fieldIsASCII = true
                    fieldLine = line
                    fieldColumn = column
                    state = .fieldStart
                } else if b == 0x0A {
                    try finishField()
                    return record
                } else if b == 0x0D {
                    guard try peek() == 0x0A else {
                        throw CSVError(.bareCarriageReturn, SourceLocation(file: name, line: byteLine, column: byteColumn))
                    }
                    index += 1
                    line += 1
                    column = 1
                    try finishField()
                    return record
                } else if b == 0x22 {
                    guard state == .fieldStart else {
                        throw CSVError(.quoteInUnquotedField, SourceLocation(file: name, line: byteLine, column: byteColumn))
                    }
                    quoteLine = byteLine
                    quoteColumn = byteColumn
                    state = .quoted
                } else {
                    if b >= 0x80 { fieldIsASCII = false }
                    field.append(b)
                    state = .unquoted
                }
            case .quoted:
                if b == 0x22 {
                    state = .quoteInQuoted
                } else {
                    if b >= 0x80 { fieldIsASCII = false }
                    field.append(b)
                }
            case .quoteInQuoted:
                if b == 0x22 {
                    field.append(b)
                    state = .quoted
                } else if b == delimiter {
                    try finishQuoted(&record, fieldLine, fieldColumn)
                    field.removeAll(keepingCapacity: true)
                    fieldIsASCII = true
                    fieldLine = line
                    fieldColumn = column
                    state = .fieldStart
                } else if b == 0x0A {
                    try finishQuoted(&record, fieldLine, fieldColumn)
                    return record
                } else if b == 0x0D {
                    guard try peek() == 0x0A else {
                        throw CSVError(.bareCarriageReturn, SourceLocation(file: name, line: byteLine, column: byteColumn))
                    }
                    index += 1
                    line += 1
                    column = 1
                    try finishQuoted(&record, fieldLine, fieldColumn)
                    return record
                } else {
                    let shown = String(decoding: [b < 0x80 ? b : 0x3F], as: UTF8.self).first ?? "?"
                    throw CSVError(
                        .textAfterClosingQuote(shown), SourceLocation(file: name, line: byteLine, column: byteColumn))
                }
            }
        }
    }

    private func finishQuoted(_ record: inout CSVRecord, _ fieldLine: Int, _ fieldColumn: Int) throws(CSVError) {
        record.fields.append(try makeString(startLine: fieldLine, startColumn: fieldColumn + 1, quoted: true))
        record.fieldLines.append(fieldLine)
        record.fieldColumns.append(fieldColumn)
    }

    /// The current field as a string; for bytes that are not UTF-8, an error at the bad byte.
    private func makeString(startLine: Int, startColumn: Int, quoted: Bool) throws(CSVError) -> String {
        if fieldIsASCII { return String(decoding: field, as: UTF8.self) }
        guard let bad = UTF8Validation.firstInvalidIndex(in: field) else {
            return String(decoding: field, as: UTF8.self)
        }
        // Replay the field's bytes from its start to find the bad byte's line and column.
        var line = startLine
        var column = startColumn
        for b in field[..<bad] {
            if b == 0x0A {
                line += 1
                column = 1
            } else if quoted && b == 0x22 {
                column += 2  // written as "" in the file
            } else if b & 0xC0 != 0x80 {
                column += 1
            }
        }
        throw CSVError(.invalidUTF8, SourceLocation(file: name, line: line, column: column))
    }
}
