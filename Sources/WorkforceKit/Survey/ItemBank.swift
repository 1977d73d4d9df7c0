import Foundation

/// One row of an item bank file, with where it came from.
struct BankRow: Sendable {
    var cells: [String: String]
    var location: SourceLocation

    subscript(_ column: String) -> String {
        (cells[column] ?? "").trimmingCharacters(in: .whitespaces)
    }

    /// `column::lang` for each language that has text.
    func localized(_ column: String) -> LocalizedText {
        var text: LocalizedText = [:]
        for (key, value) in cells where key.hasPrefix(column + "::") && !value.isEmpty {
            text[String(key.dropFirst(column.count + 2))] = value
        }
        return text
    }

    /// The row with `{placeholder}` replaced in every cell.
    func substituting(_ values: [String: String]) -> BankRow {
        var copy = self
        for (key, value) in cells {
            var v = value
            for (placeholder, replacement) in values { v = v.replacingOccurrences(of: "{\(placeholder)}", with: replacement) }
            copy.cells[key] = v
        }
        return copy
    }
}

/// The item banks under `Surveys/banks/`: questions as XLSForm-like CSV rows, shared choice
/// lists, instrument titles and the catalog columns. They are data, edited by surveyors.
public struct ItemBank: Sendable {
    public let folder: URL
    let titles: [String: LocalizedText]
    let choiceLists: [String: ChoiceList]
    let choiceListLocations: [String: SourceLocation]

    /// Reads `choices.csv` and `instruments.csv` from `folder`.
    ///
    /// - Throws: ``WorkforceError`` for missing or malformed files, located.
    public init(folder: URL) throws(WorkforceError) {
        self.folder = folder
        var lists: [String: ChoiceList] = [:]
        var locations: [String: SourceLocation] = [:]
        for row in try Self.rows(folder.appendingPathComponent("choices.csv"), required: ["list_name", "name"]) {
            let list = row["list_name"], name = row["name"]
            guard !list.isEmpty, !name.isEmpty else { throw .badData(row.location, "list_name and name must not be empty") }
            if lists[list] == nil {
                lists[list] = ChoiceList(name: list, choices: [])
                locations[list] = row.location
            }
            if lists[list]?.choices.contains(where: { $0.name == name }) == true {
                throw .badData(row.location, "choice \(name) appears twice in list \(list)")
            }
            lists[list]?.choices.append(Choice(name: name, label: row.localized("label"), hint: row.localized("hint")))
        }
        self.choiceLists = lists
        self.choiceListLocations = locations
        var titles: [String: LocalizedText] = [:]
        for row in try Self.rows(folder.appendingPathComponent("instruments.csv"), required: ["instrument"]) {
            titles[row["instrument"]] = row.localized("title")
        }
        self.titles = titles
    }

    /// The choice names of list `name` (empty for an unknown list).
    public func choiceNames(_ name: String) -> [String] { choiceLists[name]?.choices.map(\.name) ?? [] }

    /// The bank in the bundled `Surveys/banks/`.
    public static func bundled(environment: [String: String] = ProcessInfo.processInfo.environment) throws(WorkforceError)
        -> ItemBank
    {
        try ItemBank(folder: BundledData.home(environment: environment).appendingPathComponent("Surveys/banks"))
    }

    /// The question rows of bank file `name` (e.g. `employer.csv`).
    func questionRows(_ name: String) throws(WorkforceError) -> [BankRow] {
        try Self.rows(folder.appendingPathComponent(name), required: ["type", "name"])
    }

    func title(_ kind: InstrumentKind) -> LocalizedText { titles[kind.rawValue] ?? ["en": kind.rawValue] }

    /// The work role ids of role set `name` in `role-sets.csv` (columns `set`, `framework`,
    /// `role_id`), in file order: a curated starting set such as `belize-core`.
    ///
    /// - Throws: ``WorkforceError/usage(_:)`` for an unknown set (naming the known ones), or
    ///   one made for another framework; ``WorkforceError/badData(_:_:)`` for a malformed file.
    public func roleSet(_ name: String, framework: String) throws(WorkforceError) -> [String] {
        let rows = try Self.rows(folder.appendingPathComponent("role-sets.csv"), required: ["set", "framework", "role_id"])
        let chosen = rows.filter { $0["set"] == name }
        guard !chosen.isEmpty else {
            var known: [String] = []
            for row in rows where !known.contains(row["set"]) { known.append(row["set"]) }
            throw .usage("unknown role set \"\(name)\"; role-sets.csv has \(known.joined(separator: ", "))")
        }
        if let other = chosen.first(where: { $0["framework"] != framework }) {
            throw .usage("role set \(name) is made for framework \(other["framework"]), not \(framework); use --framework \(other["framework"]) or --roles")
        }
        var ids: [String] = []
        for row in chosen {
            guard !row["role_id"].isEmpty else { throw .badData(row.location, "role_id is empty") }
            guard !ids.contains(row["role_id"]) else { throw .badData(row.location, "role \(row["role_id"]) appears twice in role set \(name)") }
            ids.append(row["role_id"])
        }
        return ids
    }

    /// Every row of a bank CSV file, read by column name.
    static func rows(_ url: URL, required: [String]) throws(WorkforceError) -> [BankRow] {
        let (table, records) = try CSVTable.readAll(url: url, required: required)
        return records.map { record in
            var cells: [String: String] = [:]
            for (i, column) in table.header.enumerated() { cells[column] = record.fields[i] }
            return BankRow(cells: cells, location: SourceLocation(file: url.path, line: record.line))
        }
    }
}
