import Foundation

/// The analysts' clean data file (`workforce responses`): one row per stored response, as
/// KoboToolbox's and SPSS users expect it: `response_id`, `batch_id`, `response_key`,
/// `submitted_at`, then every question in codebook order (notes left out).
///
/// Choices are written as names, or as labels in one language; a select_multiple as names
/// separated by spaces (labels separated by `; `, since labels hold spaces), and with
/// `splitMultiple` one more 0/1 column per choice (`question/choice`). Not-asked and blank
/// cells are empty in CSV and `null` in JSON, where each row lists its not-asked questions in
/// `_not_asked`. CSV and JSON stream in constant memory; table and Markdown are built whole.
package struct ResponseExport: Sendable {
    package var labels: String?
    package var splitMultiple: Bool
    /// Employers with `--imputed`: the values the estimates use (imputed ones in place of the
    /// blanks), each imputable question followed by its flag `QUESTION_imp`. Built whole, not streamed.
    package var imputed: ImputedValues?

    /// Responses per block when two threads share a large export (4 blocks or more).
    var blockSize: Int64 = 20_000

    package init(labels: String? = nil, splitMultiple: Bool = false) {
        self.labels = labels
        self.splitMultiple = splitMultiple
    }

    static let fixedColumns = ["response_id", "batch_id", "response_key", "submitted_at"]

    /// The column names: the fixed ones, each question, and with `splitMultiple` its choices.
    package func header(_ reader: ResponseReader) -> [String] {
        var names = Self.fixedColumns
        let imputable = Set(imputed?.questions ?? [])
        for column in reader.columns {
            names.append(column.name)
            if imputable.contains(column.name) { names.append(column.name + "_imp") }
            if splitMultiple, column.type == .selectMultiple {
                names += column.choices.map { "\(column.name)/\($0.name)" }
            }
        }
        return names
    }

    /// One record as typed cells, in ``header(_:)`` order.
    package func cells(_ record: ResponseRecord, _ reader: ResponseReader) -> [Cell] {
        var cells: [Cell] = [
            .int(Int(record.responseID)), .int(Int(record.batchID)), .text(record.key),
            record.submittedAt.map(Cell.text) ?? .null,
        ]
        for (c, column) in reader.columns.enumerated() {
            let value = record.values[c]
            switch value {
            case .notAsked, .blank: cells.append(.null)
            case .integer(let v): cells.append(.int(Int(v)))
            case .decimal(let v): cells.append(.double(v))
            case .date(let s), .text(let s): cells.append(.text(s))
            case .choice, .choices: cells.append(.text(shown(value, column)))
            }
            if let imputed, imputed.questions.contains(column.name) {
                if let filled = imputed.value(record.responseID, column.name) { cells[cells.count - 1] = .double(filled) }
                cells.append(imputed.flag(record.responseID, column.name).map(Cell.int) ?? .null)
            }
            if splitMultiple, column.type == .selectMultiple {
                let chosen = value.chosen
                for choice in column.choices {
                    cells.append(value.isAnswered ? .int(chosen.contains(choice.name) ? 1 : 0) : .null)
                }
            }
        }
        return cells
    }

    /// A choice answer as names, or as labels in the chosen language.
    private func shown(_ value: AnswerValue, _ column: ResponseColumn) -> String {
        let chosen = value.chosen
        guard let labels else { return chosen.joined(separator: " ") }
        let text = chosen.map { name in column.choices.first { $0.name == name }?.label[labels] ?? name }
        return text.joined(separator: "; ")
    }

    package func writeJSON(_ reader: ResponseReader, _ write: (String) throws -> Void) throws {
        let names = header(reader)
        var out = "{\"rows\": ["
        var first = true
        try reader.forEach { record in
            var members = zip(names, cells(record, reader)).map { (key: $0, value: $1.json) }
            // A select_multiple is a JSON array of its names (or labels).
            for (c, column) in reader.columns.enumerated() where column.type == .selectMultiple && record.values[c].isAnswered {
                guard let m = members.firstIndex(where: { $0.key == column.name }) else { continue }
                let chosen = record.values[c].chosen.map { name in
                    labels.flatMap { code in column.choices.first { $0.name == name }?.label[code] } ?? name
                }
                members[m].value = .array(chosen.map { .string($0) })
            }
            let notAsked = reader.columns.indices.filter { record.values[$0] == .notAsked }.map { reader.columns[$0].name }
            members.append((key: "_not_asked", value: .array(notAsked.map { .string($0) })))
            out += (first ? "\n" : ",\n") + JSONWriter(indent: nil).string(.object(members))
            first = false
            if out.utf8.count >= 1 << 20 {
                try write(out)
                out = ""
            }
        }
        try write(out + (first ? "]}\n" : "\n]}\n"))
    }
}
