/// Records that come as fields, with no CSV text to parse: a worksheet's rows
/// (``XLSXSheetSource``). A ``CSVReader`` given one (``CSVReader/recordSource``) takes its
/// records from it instead of from its byte source.
protocol RecordSource: AnyObject {
    /// Fills `record` (reset, its limits set) with the next record and returns the line
    /// (the sheet row) on which it starts, or `nil` at the end.
    ///
    /// - Throws: ``CSVError`` located where the source went wrong.
    func nextRecord(into record: inout RecordBuffer, reader: CSVReader) throws(CSVError) -> Int?
}
