/// The first worksheet of an `.xlsx`, streamed: one record per non-empty row, a cell left out
/// of a row an empty field, every row as wide as the header. A ``CSVReader`` takes the records
/// straight as fields (``RecordSource``, how the importer reads a workbook); read as a
/// ``ByteSource``, the sheet is the same records as CSV text.
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
/// (``XMLScanner/nextToken()``), and copied into the reader's record (or written out as CSV): no
/// allocation per cell or row.
package final class XLSXSheetSource: ByteSource, RecordSource {
    let workbook: XLSXWorkbook
    let strings: SharedStrings
    let scanner: XMLScanner
    let file: String
    package let rows: SheetRows
    let dateColumns: (([String]) -> Set<Int>)?
    /// Per column of the header, whether its numbers are dates.
    var isDateColumn: [Bool] = []
    var headerWidth: Int?
    var lastRow = 0
    private var inSheetData = false
    var finished = false
    /// Whether a record was taken (``nextRecord(into:reader:)``): a byte-order mark is dropped
    /// only from the first.
    var startRead = false
    /// CSV text written and not yet read.
    let pending = ByteBuffer(capacity: 1 << 16)
    var pendingIndex = 0
    /// The current row's cells, one after the other, and where each ends.
    let cells = ByteBuffer(capacity: 1 << 12)
    @exclusivity(unchecked) var cellEnds: [Int] = []
    /// The current cell's `<v>` text, inline `<t>` text and formula.
    let value = ByteBuffer(capacity: 256)
    let inline = ByteBuffer(capacity: 256)
    let formula = ByteBuffer(capacity: 256)

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
                guard !finished, let row = try nextRow() else { break }
                write(row: row)
            }
            let m = min(buffer.count - n, pending.count - pendingIndex)
            if let from = pending.bytes.baseAddress { (out + n).update(from: from + pendingIndex, count: m) }
            n += m
            pendingIndex += m
        }
        return n
    }

    /// Reads the next non-empty row into ``cells``; its number, or `nil` at the end of the sheet.
    func nextRow() throws(WorkforceError) -> Int? {
        while let token = try scanner.nextToken() {
            switch token {
            case .start where scanner.isTag("sheetData"):
                inSheetData = !scanner.selfClosing
            case .end where scanner.isTag("sheetData"):
                inSheetData = false
                finished = true
                return nil
            case .start where inSheetData && scanner.isTag("row"):
                let number = try rowNumber(scanner.attribute("r").map { String(decoding: $0, as: UTF8.self) })
                if scanner.selfClosing { continue }
                try readCells(row: number)
                // A row with no text (cells that only carry a style) is a blank line.
                guard cells.count > 0 else { continue }
                return number
            default:
                continue
            }
        }
        finished = true
        return nil
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

    func location(row: Int, column: Int? = nil) -> SourceLocation {
        SourceLocation(file: file, line: row, column: column.map { $0 + 1 }, sheet: workbook.sheetName)
    }
}
