/// One cell of a result: typed, so that JSON gets numbers and booleans, never strings.
package enum Cell: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case text(String)
    /// A value with parts (the plan's contributions per role, KSAs with their statements):
    /// JSON writes it as an object or array, CSV and readers as its text.
    case structured(Structured)

    /// A structured cell's two forms, built together from the typed value.
    package struct Structured: Sendable, Equatable {
        package var json: JSONValue
        package var text: String

        package init(json: JSONValue, text: String) {
            self.json = json
            self.text = text
        }
    }

    /// The cell as a person reads it in a table or CSV (empty for null).
    package var plainText: String {
        switch self {
        case .structured(let s): s.text
        case .null: ""
        case .bool(let b): b ? "true" : "false"
        case .int(let i): String(i)
        case .double(let d): JSONWriter.number(d)
        case .text(let s): s
        }
    }

    package var isNumber: Bool {
        switch self {
        case .int, .double: true
        default: false
        }
    }

    package var json: JSONValue {
        switch self {
        case .structured(let s): s.json
        case .null: .null
        case .bool(let b): .bool(b)
        case .int(let i): .integer(Int64(i))
        case .double(let d): d.isFinite ? .number(d) : .null
        case .text(let s): .string(s)
        }
    }

    /// A database value as a cell; integers stay integers.
    package init(_ value: DatabaseValue) {
        switch value {
        case .null, .blob: self = .null
        case .integer(let i): self = .int(Int(i))
        case .real(let d): self = .double(d)
        case .text(let s): self = .text(s)
        }
    }
}

/// The result of a query command: named columns and typed rows, rendered in any output format.
package struct ResultTable: Sendable, Equatable {
    package var columns: [String]
    package var rows: [[Cell]]
    /// A single record (from `show`): a table prints it as `field: value` lines.
    package var isRecord: Bool
    /// What a reader must know to read the figures (what they describe, weights, suppression):
    /// lines before a table or Markdown table, `"notes"` in JSON; a CSV stays pure data (the
    /// command line prints the notes on standard error).
    package var notes: [String] = []
    /// A line every format must show first, even CSV (as a `#` line): for output that must
    /// not be mistaken for publishable figures.
    package var banner: String?
    /// Columns whose cells a text table wraps over several lines instead of cutting them at
    /// 80 characters (the reasons of a quarantined row: each must be read whole).
    package var wrapped: Set<String> = []
    /// A data file shown as a table (`responses --format table`): its variable names and values
    /// stay as they are in every format, with no labels and no rounding.
    package var keepsNames = false
    /// How many of the result's columns a reader does not see (a command's default set, or
    /// `--columns`): a text table says so under its rows.
    package var omittedColumns = 0

    package init(columns: [String], rows: [[Cell]] = [], isRecord: Bool = false) {
        self.columns = columns
        self.rows = rows
        self.isRecord = isRecord
    }

    /// Adds a row; it must have one cell per column.
    package mutating func append(_ row: [Cell]) {
        precondition(row.count == columns.count, "row has \(row.count) cells for \(columns.count) columns")
        rows.append(row)
    }

    /// The cell in `column` of row `index`, or `.null`.
    package func cell(_ index: Int, _ column: String) -> Cell {
        guard let c = columns.firstIndex(of: column), rows.indices.contains(index) else { return .null }
        return rows[index][c]
    }

    /// The same rows with only `columns` (those it has), in that order.
    package func selecting(_ names: [String]) -> ResultTable {
        let indices = names.compactMap { columns.firstIndex(of: $0) }
        var table = ResultTable(columns: indices.map { columns[$0] }, rows: rows.map { row in indices.map { row[$0] } })
        table.notes = notes
        table.banner = banner
        table.wrapped = wrapped
        table.keepsNames = keepsNames
        table.omittedColumns = omittedColumns
        return table
    }
}
