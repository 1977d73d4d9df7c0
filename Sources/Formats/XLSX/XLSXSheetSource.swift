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
package final class XLSXSheetSource: ByteSource {
    private let workbook: XLSXWorkbook
    private let scanner: XMLScanner
    private let file: String
    package let rows: SheetRows
    private let dateColumns: (([String]) -> Set<Int>)?
    private var dates: Set<Int> = []
    private var headerWidth: Int?
    private var lastRow = 0
    private var inSheetData = false
    private var finished = false
    private var pending: [UInt8] = []
    private var pendingIndex = 0

    /// - Parameters:
    ///   - file: the file name that locations start with.
    ///   - dateColumns: given the header's cells, the columns whose numbers are dates.
    package init(_ workbook: XLSXWorkbook, file: String, dateColumns: (([String]) -> Set<Int>)? = nil) throws(WorkforceError) {
        self.workbook = workbook
        self.file = file
        self.dateColumns = dateColumns
        let entry = workbook.sheetEntry
        scanner = XMLScanner(try workbook.archive.open(entry, limit: XLSXLimits.sheetBytes), name: "\(workbook.archive.name)/\(entry.name)")
        scanner.maxText = ImportLimits.rowBytes + 1
        rows = SheetRows(sheet: workbook.sheetName)
    }

    package func read(into buffer: UnsafeMutableBufferPointer<UInt8>) throws(WorkforceError) -> Int {
        var n = 0
        while n < buffer.count {
            if pendingIndex == pending.count {
                pending.removeAll(keepingCapacity: true)
                pendingIndex = 0
                guard !finished, try nextRow() else { break }
            }
            let m = min(buffer.count - n, pending.count - pendingIndex)
            let from = pendingIndex
            pending.withUnsafeBufferPointer { p in
                _ = UnsafeMutableBufferPointer(rebasing: buffer[n..<(n + m)]).update(fromContentsOf: p[from..<(from + m)])
            }
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
                // A row with no text (cells that only carry a style) is a blank line.
                let cells = try readCells(row: number)
                guard cells.contains(where: { !$0.isEmpty }) else { continue }
                write(cells, row: number)
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

    /// The cells of the row just started, by column, with the cells left out as empty ones.
    private func readCells(row: Int) throws(WorkforceError) -> [[UInt8]] {
        var cells: [[UInt8]] = []
        var bytes = 0
        while let token = try scanner.nextToken() {
            switch token {
            case .end where scanner.isTag("row"):
                return cells
            case .start where scanner.isTag("c"):
                var column = cells.count
                if let reference = scanner.attribute("r") {
                    guard let c = Self.column(ofReference: reference), c >= cells.count else {
                        throw .badData(location(row: row), "cell reference \"\(valuePrefix(String(decoding: reference, as: UTF8.self)))\" is malformed or out of order")
                    }
                    column = c
                }
                guard column < XLSXLimits.columns else {
                    throw .badData(location(row: row), "a cell past column XFD, the last Excel has")
                }
                let type = Self.cellType(scanner.attribute("t"))
                let style = scanner.attribute("s").flatMap { Int(String(decoding: $0, as: UTF8.self)) } ?? 0
                var value = scanner.selfClosing ? [] : try cellValue(type: type, style: style, row: row, column: column)
                if bytes > ImportLimits.rowBytes { value = [] }  // the row is cut already
                bytes += value.count
                while cells.count < column { cells.append([]) }
                cells.append(value)
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

    static func cellType(_ t: ArraySlice<UInt8>?) -> CellType {
        guard let t else { return .number }
        switch String(decoding: t, as: UTF8.self) {
        case "s": return .shared
        case "inlineStr": return .inline
        case "str": return .string
        case "b": return .boolean
        case "d": return .date
        case "e": return .error
        case "n": return .number
        case let other: return .other(other)
        }
    }

    /// The text of the cell just started, read to its end tag.
    private func cellValue(type: CellType, style: Int, row: Int, column: Int) throws(WorkforceError) -> [UInt8] {
        var value: [UInt8] = []
        var inline: [UInt8] = []
        var inValue = false
        var inText = false
        var formula: [UInt8]?
        var inFormula = false
        loop: while let token = try scanner.nextToken() {
            switch token {
            case .end where scanner.isTag("c"): break loop
            case .start where scanner.isTag("f"):
                formula = []
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
                    value += scanner.text
                } else if inFormula, let f = formula, f.count <= ImportLimits.rowBytes {
                    formula = f + scanner.text
                } else if inText, inline.count <= ImportLimits.rowBytes {
                    inline += scanner.text
                }
            default: continue
            }
        }
        var text: [UInt8]
        switch type {
        case .shared:
            guard let index = Self.sharedIndex(value), let shared = workbook.sharedString(index) else {
                let raw = String(decoding: value, as: UTF8.self).trimmingCharacters(in: .whitespaces)
                throw .badData(location(row: row, column: column), "the cell points to shared string \"\(valuePrefix(raw))\", which the workbook does not have; save the file again from the spreadsheet")
            }
            text = shared
        case .inline: text = OOXMLText.decode(inline)
        case .string: text = OOXMLText.decode(value)
        case .boolean: text = Array((value == [UInt8(ascii: "1")] ? "TRUE" : value == [UInt8(ascii: "0")] ? "FALSE" : String(decoding: value, as: UTF8.self)).utf8)
        case .date: text = Self.isoDate(value)
        case .error: text = value
        case .number, .other: text = number(value, style: style, column: column)
        }
        // A formula is read as typed (`=1+2`, `=B2`: KoboToolbox writes an answer that starts with
        // `=` as one, with a cached value of 0), never as its cached value. A cell of a shared
        // formula without its own text keeps its value.
        if let formula, !formula.isEmpty {
            text = Array("=".utf8) + OOXMLText.decode(formula)
            rows.addFormula(row: row, column: column, formula: String(decoding: text.prefix(200), as: UTF8.self))
        }
        if text.contains(0) || UTF8Validation.firstInvalidIndex(in: text) != nil {
            throw .badData(location(row: row, column: column), "the cell holds bytes that are not UTF-8 text; save the file again from the spreadsheet")
        }
        return text
    }

    /// A shared string's index: its digits (up to 18), else what `Int` reads once spaces are trimmed.
    static func sharedIndex(_ value: [UInt8]) -> Int? {
        if !value.isEmpty, value.count <= 18, value.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
            return value.reduce(0) { $0 * 10 + Int($1 - 0x30) }
        }
        return Int(String(decoding: value, as: UTF8.self).trimmingCharacters(in: .whitespaces))
    }

    /// A number cell: a date where its style or its column says so, else the number as written.
    private func number(_ value: [UInt8], style: Int, column: Int) -> [UInt8] {
        let kind = workbook.styles.kind(style)
        guard kind != .number || dates.contains(column), let serial = Double(String(decoding: value, as: UTF8.self)) else { return value }
        if kind == .time, serial >= 0, serial < 1 {
            let s = Int((serial * 86_400).rounded())
            return Array(String(format: "%02d:%02d:%02d", s / 3600 % 24, s / 60 % 60, s % 60).utf8)
        }
        return ExcelDate.text(serial: serial, date1904: workbook.date1904).map { Array($0.utf8) } ?? value
    }

    /// A `t="d"` cell (an ISO 8601 date): its date alone when the time is midnight.
    static func isoDate(_ value: [UInt8]) -> [UInt8] {
        var text = String(decoding: value, as: UTF8.self)
        if text.hasSuffix("Z") { text.removeLast() }
        for midnight in ["T00:00:00.000", "T00:00:00"] where text.hasSuffix(midnight) { text.removeLast(midnight.count) }
        return Array(text.utf8)
    }

    /// Writes `cells` as one CSV record into `pending`.
    private func write(_ cells: [[UInt8]], row: Int) {
        var cells = cells
        if let width = headerWidth {
            while cells.count > width, cells.last?.isEmpty == true { cells.removeLast() }
            while cells.count < width { cells.append([]) }
        } else {
            while cells.count > 1, cells.last?.isEmpty == true { cells.removeLast() }
            headerWidth = cells.count
            if let dateColumns { dates = dateColumns(cells.map { String(decoding: $0, as: UTF8.self) }) }
        }
        for (i, cell) in cells.enumerated() {
            if i > 0 { pending.append(UInt8(ascii: ",")) }
            let needsQuotes = cell.isEmpty && cells.count == 1 || cell.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
            if needsQuotes {
                pending.append(0x22)
                for b in cell {
                    if b == 0x22 { pending.append(0x22) }
                    pending.append(b)
                }
                pending.append(0x22)
            } else {
                pending += cell
            }
        }
        pending.append(0x0A)
        rows.add(row)
    }

    private func location(row: Int, column: Int? = nil) -> SourceLocation {
        SourceLocation(file: file, line: row, column: column.map { $0 + 1 }, sheet: workbook.sheetName)
    }

    /// The 0-based column of a cell reference such as `C17`.
    static func column(ofReference reference: String) -> Int? { column(ofReference: reference.utf8) }

    static func column<C: Collection<UInt8>>(ofReference reference: C) -> Int? {
        var column = 0
        var letters = 0
        for b in reference {
            guard (65...90).contains(b) || (97...122).contains(b) else { break }
            column = column * 26 + Int(b & 0x1F)
            letters += 1
            if letters > 3 { return nil }
        }
        return letters == 0 ? nil : column - 1
    }
}
