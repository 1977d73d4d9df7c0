/// The first worksheet of an `.xlsx` as CSV text, streamed: one record per non-empty row, a
/// cell left out of a row written as an empty field, every row as wide as the header.
///
/// Cells give their text as the spreadsheet holds it: shared and inline strings, numbers as
/// written in the file, booleans as `TRUE`/`FALSE`, errors as `#N/A` and the like, a formula
/// as typed (`=1+2`, recorded in ``SheetRows/formulas`` for a warning). A number
/// whose style is a date, or in a column that `dateColumns` names once the header is read (a
/// date question), is converted from Excel's serial to `YYYY-MM-DD` (with `THH:MM:SS` when it
/// has a time). A row whose text passes ``ImportLimits/rowBytes`` keeps that many bytes, which
/// the reader marks as cut; a cell past column XFD is an error.
///
/// A row's cells are gathered in one reused buffer, in place from the scanner's tokens
/// (``XMLScanner/nextToken()``), and written out as CSV: no allocation per cell or row.
package final class XLSXSheetSource: ByteSource {
    private let workbook: XLSXWorkbook
    private let strings: SharedStrings
    private let scanner: XMLScanner
    private let file: String
    package let rows: SheetRows
    private let dateColumns: (([String]) -> Set<Int>)?
    /// Per column of the header, whether its numbers are dates.
    private var isDateColumn: [Bool] = []
    private var headerWidth: Int?
    private var lastRow = 0
    private var inSheetData = false
    private var finished = false
    /// CSV text written and not yet read.
    private let pending = ByteBuffer(capacity: 1 << 16)
    private var pendingIndex = 0
    /// The current row's cells, one after the other, and where each ends.
    private let cells = ByteBuffer(capacity: 1 << 12)
    @exclusivity(unchecked) private var cellEnds: [Int] = []
    /// The current cell's `<v>` text, inline `<t>` text and formula.
    private let value = ByteBuffer(capacity: 256)
    private let inline = ByteBuffer(capacity: 256)
    private let formula = ByteBuffer(capacity: 256)

    /// - Parameters:
    ///   - file: the file name that locations start with.
    ///   - dateColumns: given the header's cells, the columns whose numbers are dates.
    package init(_ workbook: XLSXWorkbook, file: String, dateColumns: (([String]) -> Set<Int>)? = nil) throws(WorkforceError) {
        self.workbook = workbook
        self.strings = workbook.sharedStrings
        self.file = file
        self.dateColumns = dateColumns
        let entry = workbook.sheetEntry
        scanner = XMLScanner(try workbook.archive.open(entry, limit: XLSXLimits.sheetBytes), name: "\(workbook.archive.name)/\(entry.name)")
        scanner.maxText = ImportLimits.rowBytes + 1
        rows = SheetRows(sheet: workbook.sheetName)
    }

    package func read(into buffer: UnsafeMutableBufferPointer<UInt8>) throws(WorkforceError) -> Int {
        guard let out = buffer.baseAddress else { return 0 }
        var n = 0
        while n < buffer.count {
            if pendingIndex == pending.count {
                pending.removeAll()
                pendingIndex = 0
                guard !finished, try nextRow() else { break }
            }
            let m = min(buffer.count - n, pending.count - pendingIndex)
            if let from = pending.bytes.baseAddress { (out + n).update(from: from + pendingIndex, count: m) }
            n += m
            pendingIndex += m
        }
        return n
    }

    /// Writes the next non-empty row into `pending`; `false` at the end of the sheet.
    private func nextRow() throws(WorkforceError) -> Bool {
        while let token = try scanner.nextToken() {
            switch token {
            case .start where scanner.isTag("sheetData"):
                inSheetData = !scanner.selfClosing
            case .end where scanner.isTag("sheetData"):
                inSheetData = false
                finished = true
                return false
            case .start where inSheetData && scanner.isTag("row"):
                let number = try rowNumber(scanner.attribute("r").map { String(decoding: $0, as: UTF8.self) })
                if scanner.selfClosing { continue }
                try readCells(row: number)
                // A row with no text (cells that only carry a style) is a blank line.
                guard cells.count > 0 else { continue }
                write(row: number)
                return true
            default:
                continue
            }
        }
        finished = true
        return false
    }

    private func rowNumber(_ r: String?) throws(WorkforceError) -> Int {
        var number = lastRow + 1
        if let r {
            guard let n = Int(r), n > lastRow, n <= 1_048_576 else {
                throw .badData(location(row: lastRow + 1), "row number \"\(valuePrefix(r))\" is out of order or past Excel's last row; save the file again from the spreadsheet")
            }
            number = n
        }
        lastRow = number
        return number
    }

    /// Reads the cells of the row just started into ``cells``, by column, with the cells left
    /// out as empty ones.
    private func readCells(row: Int) throws(WorkforceError) {
        cells.removeAll()
        cellEnds.removeAll(keepingCapacity: true)
        while let token = try scanner.nextToken() {
            switch token {
            case .end where scanner.isTag("row"):
                return
            case .start where scanner.isTag("c"):
                var column = cellEnds.count
                if let reference = scanner.attribute("r") {
                    guard let c = Self.column(ofReference: reference), c >= cellEnds.count else {
                        throw .badData(location(row: row), "cell reference \"\(valuePrefix(String(decoding: reference, as: UTF8.self)))\" is malformed or out of order")
                    }
                    column = c
                }
                guard column < XLSXLimits.columns else {
                    throw .badData(location(row: row), "a cell past column XFD, the last Excel has")
                }
                let type = Self.cellType(scanner.attribute("t"))
                let style = scanner.attribute("s").flatMap(Self.number) ?? 0
                while cellEnds.count < column { cellEnds.append(cells.count) }
                if !scanner.selfClosing { try readCell(type: type, style: style, row: row, column: column) }
                cellEnds.append(cells.count)
            case .start where !scanner.selfClosing:
                try scanner.skipElement()
            default:
                continue
            }
        }
        throw scanner.error("the sheet ends inside row \(row)")
    }

    /// A cell's `t` attribute: what its value is.
    enum CellType { case shared, inline, string, boolean, date, error, number, other(String) }

    static func cellType(_ t: UnsafeBufferPointer<UInt8>?) -> CellType {
        guard let t else { return .number }
        if t.count == 1 {
            switch t[0] {
            case UInt8(ascii: "s"): return .shared
            case UInt8(ascii: "b"): return .boolean
            case UInt8(ascii: "d"): return .date
            case UInt8(ascii: "e"): return .error
            case UInt8(ascii: "n"): return .number
            default: break
            }
        }
        if t.elementsEqual("inlineStr".utf8) { return .inline }
        if t.elementsEqual("str".utf8) { return .string }
        return .other(String(decoding: t, as: UTF8.self))
    }

    /// A style index as `Int` reads it: plain digits at once, anything else through `Int(String)`.
    static func number(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        if !bytes.isEmpty, bytes.count <= 18, bytes.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
            return bytes.reduce(0) { $0 * 10 + Int($1 - 0x30) }
        }
        return Int(String(decoding: bytes, as: UTF8.self))
    }

    /// Reads the cell just started to its end tag and adds its text to ``cells`` (nothing once
    /// the row is past ``ImportLimits/rowBytes``).
    private func readCell(type: CellType, style: Int, row: Int, column: Int) throws(WorkforceError) {
        value.removeAll()
        inline.removeAll()
        formula.removeAll()
        var hasFormula = false
        var inValue = false
        var inText = false
        var inFormula = false
        loop: while let token = try scanner.nextToken() {
            switch token {
            case .end where scanner.isTag("c"): break loop
            case .start where scanner.isTag("f"):
                formula.removeAll()
                hasFormula = true
                inFormula = !scanner.selfClosing
            case .end where scanner.isTag("f"): inFormula = false
            case .start where scanner.selfClosing: continue
            case .start where scanner.isTag("v"): inValue = true
            case .end where scanner.isTag("v"): inValue = false
            case .start where scanner.isTag("rPh") || scanner.isTag("extLst"): try scanner.skipElement()
            case .start where scanner.isTag("t"): inText = true
            case .end where scanner.isTag("t"): inText = false
            case .text:
                if inValue {
                    value.append(contentsOf: scanner.text)
                } else if inFormula, hasFormula, formula.count <= ImportLimits.rowBytes {
                    formula.append(contentsOf: scanner.text)
                } else if inText, inline.count <= ImportLimits.rowBytes {
                    inline.append(contentsOf: scanner.text)
                }
            default: continue
            }
        }
        // A formula is read as typed (`=1+2`, `=B2`: KoboToolbox writes an answer that starts with
        // `=` as one, with a cached value of 0), never as its cached value. A cell of a shared
        // formula without its own text keeps its value.
        if hasFormula, formula.count > 0 {
            _ = try text(type: type, style: style, row: row, column: column)  // a missing shared string is still an error
            let text = Array("=".utf8) + OOXMLText.decode(Array(formula.bytes))
            rows.addFormula(row: row, column: column, formula: String(decoding: text.prefix(200), as: UTF8.self))
            try text.withUnsafeBufferPointer { b throws(WorkforceError) in try add(b, valid: nil, row: row, column: column) }
            return
        }
        if case .shared = type {
            guard let index = Self.sharedIndex(value.bytes), let shared = strings[index] else {
                let raw = String(decoding: value.bytes, as: UTF8.self).trimmingCharacters(in: .whitespaces)
                throw .badData(location(row: row, column: column), "the cell points to shared string \"\(valuePrefix(raw))\", which the workbook does not have; save the file again from the spreadsheet")
            }
            try add(shared.bytes, valid: shared.valid, row: row, column: column)
            return
        }
        if let text = try text(type: type, style: style, row: row, column: column) {
            try text.withUnsafeBufferPointer { b throws(WorkforceError) in try add(b, valid: nil, row: row, column: column) }
        } else if case .inline = type {
            try add(inline.bytes, valid: nil, row: row, column: column)
        } else {
            try add(value.bytes, valid: nil, row: row, column: column)
        }
    }

    /// A cell's text where it is not its `<v>` or inline text as read; `nil` when it is.
    private func text(type: CellType, style: Int, row: Int, column: Int) throws(WorkforceError) -> [UInt8]? {
        switch type {
        case .shared:
            guard let index = Self.sharedIndex(value.bytes), strings[index] != nil else {
                let raw = String(decoding: value.bytes, as: UTF8.self).trimmingCharacters(in: .whitespaces)
                throw .badData(location(row: row, column: column), "the cell points to shared string \"\(valuePrefix(raw))\", which the workbook does not have; save the file again from the spreadsheet")
            }
            return nil
        case .inline: return OOXMLText.needsDecoding(inline.bytes) ? OOXMLText.decode(Array(inline.bytes)) : nil
        case .string: return OOXMLText.needsDecoding(value.bytes) ? OOXMLText.decode(Array(value.bytes)) : nil
        case .boolean:
            let v = value.bytes
            return v.count == 1 && v[0] == UInt8(ascii: "1") ? Array("TRUE".utf8) : v.count == 1 && v[0] == UInt8(ascii: "0") ? Array("FALSE".utf8) : nil
        case .date: return Self.isoDate(Array(value.bytes))
        case .error: return nil
        case .number, .other:
            let isDate = column < isDateColumn.count && isDateColumn[column]
            let kind = workbook.styles.kind(style)
            return kind == .number && !isDate ? nil : Self.number(Array(value.bytes), kind: kind, date1904: workbook.date1904)
        }
    }

    /// Adds a cell's text to the row, once checked to be UTF-8 text without NUL (`valid`, when
    /// already known).
    private func add(_ text: UnsafeBufferPointer<UInt8>, valid: Bool?, row: Int, column: Int) throws(WorkforceError) {
        let isValid = valid ?? (text.allSatisfy { $0 != 0 && $0 < 0x80 } || (!text.contains(0) && UTF8Validation.firstInvalidIndex(in: text) == nil))
        guard isValid else {
            throw .badData(location(row: row, column: column), "the cell holds bytes that are not UTF-8 text; save the file again from the spreadsheet")
        }
        if cells.count > ImportLimits.rowBytes { return }  // the row is cut already
        cells.append(contentsOf: text)
    }

    /// A shared string's index: its digits (up to 18), else what `Int` reads once spaces are trimmed.
    static func sharedIndex(_ value: UnsafeBufferPointer<UInt8>) -> Int? {
        if !value.isEmpty, value.count <= 18, value.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
            return value.reduce(0) { $0 * 10 + Int($1 - 0x30) }
        }
        return Int(String(decoding: value, as: UTF8.self).trimmingCharacters(in: .whitespaces))
    }

    /// Writes the row in ``cells`` as one CSV record into `pending`.
    private func write(row: Int) {
        func cell(_ i: Int) -> UnsafeBufferPointer<UInt8> {
            let start = i == 0 ? 0 : cellEnds[i - 1]
            return UnsafeBufferPointer(rebasing: cells.bytes[start..<cellEnds[i]])
        }
        var n = cellEnds.count
        let width: Int
        if let headerWidth {
            while n > headerWidth, cell(n - 1).isEmpty { n -= 1 }
            width = max(n, headerWidth)
        } else {
            while n > 1, cell(n - 1).isEmpty { n -= 1 }
            headerWidth = n
            width = n
            if let dateColumns {
                let dates = dateColumns((0..<n).map { String(decoding: cell($0), as: UTF8.self) })
                isDateColumn = (0..<max(n, (dates.max() ?? -1) + 1)).map { dates.contains($0) }
            }
        }
        for i in 0..<width {
            if i > 0 { pending.append(UInt8(ascii: ",")) }
            let text = i < n ? cell(i) : UnsafeBufferPointer(start: nil, count: 0)
            let needsQuotes = text.isEmpty && width == 1 || text.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
            if needsQuotes {
                pending.append(0x22)
                for b in text {
                    if b == 0x22 { pending.append(0x22) }
                    pending.append(b)
                }
                pending.append(0x22)
            } else {
                pending.append(contentsOf: text)
            }
        }
        pending.append(0x0A)
        rows.add(row)
    }

    func location(row: Int, column: Int? = nil) -> SourceLocation {
        SourceLocation(file: file, line: row, column: column.map { $0 + 1 }, sheet: workbook.sheetName)
    }
}
