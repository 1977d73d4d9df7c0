/// The sheet row on which each record a ``CSVReader`` reads from an ``XLSXSheetSource`` starts:
/// the source adds a row as it writes it, the reader takes one per record, so that every
/// location names the sheet's own row and cell (`export.xlsx:Sheet1!C17`).
package final class SheetRows {
    /// The sheet's name, as locations show it.
    package let sheet: String
    private var rows: [Int] = []
    private var head = 0

    /// The first formula cells read (sheet row, 0-based column, the formula as typed) and how
    /// many there were: each is read as its formula's text, which the import warns about.
    package private(set) var formulas: [(row: Int, column: Int, formula: String)] = []
    package private(set) var formulaCount = 0

    init(sheet: String) { self.sheet = sheet }

    func addFormula(row: Int, column: Int, formula: String) {
        formulaCount += 1
        if formulas.count < 20 { formulas.append((row, column, formula)) }
    }

    func add(_ row: Int) { rows.append(row) }

    /// The row of the next record.
    func next() -> Int {
        guard head < rows.count else { return rows.last ?? 1 }
        let row = rows[head]
        head += 1
        if head > 4096, head * 2 > rows.count {
            rows.removeFirst(head)
            head = 0
        }
        return row
    }
}
