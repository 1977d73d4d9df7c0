extension CSVReader {
    /// Checks a field that holds non-ASCII bytes; for bytes that are not UTF-8, an error at the bad byte.
    func validate(_ field: UnsafeBufferPointer<UInt8>, line startLine: Int, column startColumn: Int, quoted: Bool)
        throws(CSVError)
    {
        guard let bad = UTF8Validation.firstInvalidIndex(in: Array(field)) else { return }
        // Replay the field's bytes from its start to find the bad byte's line and column.
        var line = startLine
        var column = startColumn
        for b in field.prefix(bad) {
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
