import Foundation

/// A CSV file read as a header row and data rows of the same width.
///
/// The header must be non-empty with unique, non-empty names. Every data row must have as many
/// fields as the header; a row that does not is a ``CSVError`` naming its line.
package final class CSVTable {
    package let reader: CSVReader
    package let header: [String]
    private let headerRecord: CSVRecord
    private var columnIndex: [String: Int] = [:]

    /// The longest column name accepted, in bytes (a KoboToolbox group path and name, a Google
    /// Forms question, are far shorter).
    package static let maxHeaderNameBytes = 1000

    /// Opens `reader` and reads its header.
    ///
    /// - Throws: ``CSVError`` for an empty file, an empty, too long or duplicate column name, or a
    ///   malformed header row.
    package init(reader: CSVReader) throws(CSVError) {
        self.reader = reader
        guard let record = try reader.readRecord() else {
            throw CSVError(.emptyFile, SourceLocation(file: reader.name, line: 1, column: 1))
        }
        for (i, name) in record.fields.enumerated() {
            let location = record.location(ofField: i, in: reader.name)
            if name.utf8.count > Self.maxHeaderNameBytes {
                throw CSVError(
                    .headerNameTooLong(prefix: valuePrefix(name), bytes: name.utf8.count, limit: Self.maxHeaderNameBytes), location)
            }
            guard !name.trimmingCharacters(in: .whitespaces).isEmpty else { throw CSVError(.emptyHeader, location) }
            if let first = columnIndex[name] {
                throw CSVError(.duplicateHeader(name, firstColumn: record.fieldColumns[first]), location)
            }
            columnIndex[name] = i
        }
        self.header = record.fields
        self.headerRecord = record
    }

    /// Opens the file at `url` and reads its header.
    package convenience init(url: URL, name: String? = nil, delimiter: UInt8 = UInt8(ascii: ",")) throws {
        try self.init(reader: CSVReader(url: url, name: name, delimiter: delimiter))
    }

    /// The index of the column called `name`, or `nil`.
    package func index(of name: String) -> Int? { columnIndex[name] }

    /// The index of the column called `name`.
    ///
    /// - Throws: ``CSVError/Kind/missingColumn(_:)`` located at the header.
    package func requireColumn(_ name: String) throws(CSVError) -> Int {
        guard let i = columnIndex[name] else {
            throw CSVError(.missingColumn(name), SourceLocation(file: reader.name, line: headerRecord.line, column: 1))
        }
        return i
    }

    /// The next data row, or `nil` at the end of the file.
    ///
    /// - Throws: ``CSVError`` for malformed text or a row of the wrong width; for too many
    ///   fields the column is that of the first extra field, for too few the row's start.
    package func nextRow() throws(CSVError) -> CSVRecord? {
        guard let record = try reader.readRecord() else { return nil }
        if record.fields.count != header.count {
            let column = record.fields.count > header.count ? record.fieldColumns[header.count] : 1
            let line = record.fields.count > header.count ? record.fieldLines[header.count] : record.line
            throw CSVError(
                .fieldCount(expected: header.count, found: record.fields.count),
                SourceLocation(file: reader.name, line: line, column: column))
        }
        return record
    }
}

extension CSVTable {
    /// Every row of a small CSV file (framework data, item banks), checked to have `required`
    /// columns, with CSV errors turned into located ``WorkforceError``s. With `maxBytes`, a
    /// bigger file is refused before it is read (``FileInput/requireSize(_:name:atMost:)``).
    package static func readAll(url: URL, required: [String], maxBytes: Int? = nil) throws(WorkforceError) -> (table: CSVTable, records: [CSVRecord]) {
        let name = url.path
        if let maxBytes { try FileInput.requireSize(url, name: name, atMost: maxBytes) }
        do {
            let table = try CSVTable(reader: CSVReader(url: url, name: name))
            for column in required { _ = try table.requireColumn(column) }
            var records: [CSVRecord] = []
            while let record = try table.nextRow() { records.append(record) }
            return (table, records)
        } catch let error as CSVError {
            throw .badData(error.location, error.message)
        } catch let error as WorkforceError {
            throw error
        } catch {
            throw .io(path: name, reason: "\(error)")
        }
    }
}
