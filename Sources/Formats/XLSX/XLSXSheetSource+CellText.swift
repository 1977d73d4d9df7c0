import Foundation

/// How ``XLSXSheetSource`` reads one cell: its type and style, its `<v>`, inline or formula
/// text, a shared string by index, and the check that its text is UTF-8 without NUL.
extension XLSXSheetSource {
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
    func readCell(type: CellType, style: Int, row: Int, column: Int) throws(WorkforceError) {
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
}
