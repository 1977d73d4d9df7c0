/// How ``XLSXSheetSource`` gives a row: its width (the header's, or wider), and its fields, either
/// copied into a ``CSVReader``'s record (``RecordSource``) or written as a line of CSV text for
/// the ``ByteSource`` reading. Both give the reader the same fields.
extension XLSXSheetSource {
    /// Cell `i` of the row in ``cells``.
    private func cell(_ i: Int) -> UnsafeBufferPointer<UInt8> {
        let start = i == 0 ? 0 : cellEnds[i - 1]
        return UnsafeBufferPointer(rebasing: cells.bytes[start..<cellEnds[i]])
    }

    /// The cells of the row in ``cells`` that count (trailing empty ones past the header dropped)
    /// and the row's width; the first row read is the header, which sets the width and the
    /// date columns.
    private func layout() -> (cells: Int, width: Int) {
        var n = cellEnds.count
        if let headerWidth {
            while n > headerWidth, cell(n - 1).isEmpty { n -= 1 }
            return (n, max(n, headerWidth))
        }
        while n > 1, cell(n - 1).isEmpty { n -= 1 }
        headerWidth = n
        if let dateColumns {
            let dates = dateColumns((0..<n).map { String(decoding: cell($0), as: UTF8.self) })
            isDateColumn = (0..<max(n, (dates.max() ?? -1) + 1)).map { dates.contains($0) }
        }
        return (n, n)
    }

    private static func needsQuotes(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        text.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
    }

    /// Writes the row in ``cells`` as one CSV record into `pending`.
    func write(row: Int) {
        let (n, width) = layout()
        for i in 0..<width {
            if i > 0 { pending.append(UInt8(ascii: ",")) }
            let text = i < n ? cell(i) : UnsafeBufferPointer(start: nil, count: 0)
            if text.isEmpty && width == 1 || Self.needsQuotes(text) {
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

    /// The next row's fields, copied into `record` (the text the cells were checked to be, cut
    /// at the record's byte and field limits as the CSV reader cuts them); its sheet row.
    ///
    /// As read from CSV text, a byte-order mark (or several) at the start of the first row's
    /// first cell, unless that cell would be quoted, is dropped, and a row that is then blank
    /// is skipped.
    func nextRecord(into record: inout RecordBuffer, reader: CSVReader) throws(CSVError) -> Int? {
        while true {
            let found: Int?
            do {
                found = finished ? nil : try nextRow()
            } catch {
                if case .badData(let location?, let text) = error { throw CSVError(.unreadable(text), location) }
                throw CSVError(.unreadable(error.description), location(row: lastRow + 1))
            }
            guard let row = found else { return nil }
            let first = !startRead
            startRead = true
            let (n, width) = layout()
            var skip = 0
            if first, n > 0 {
                let text = cell(0)
                if !Self.needsQuotes(text) {
                    while text.count - skip >= 3, text[skip] == 0xEF, text[skip + 1] == 0xBB, text[skip + 2] == 0xBF { skip += 3 }
                }
                if skip > 0, skip == text.count, width == 1 { continue }
            }
            record.fieldLine = row
            record.fieldColumn = 1
            for i in 0..<width {
                if i < n {
                    let text = cell(i)
                    let from = i == 0 ? skip : 0
                    if let base = text.baseAddress, text.count > from { record.append(base + from, text.count - from) }
                }
                try record.finishField(line: row, column: i + 1, reader: reader)
            }
            return row
        }
    }
}

extension XLSXSheetSource {
    /// A reader of the sheet's rows as records, taken as fields (no CSV text between), located
    /// by sheet row and cell.
    package func reader(name: String) -> CSVReader {
        let reader = CSVReader(source: MemoryByteSource([]), name: name)
        reader.sheetRows = rows
        reader.recordSource = self
        return reader
    }
}
