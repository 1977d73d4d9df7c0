import Foundation

/// The national training catalog template (strategy activity 1.3): one row per offering,
/// filled in by registrars and imported with `workforce import catalog`. Its columns are
/// data, in `Surveys/banks/catalog.csv`.
package struct CatalogTemplate: Sendable {
    package struct Column: Sendable, Equatable {
        package var name: String
        package var type: QuestionType
        package var listName: String?
        package var required: Bool
        package var min: Double?
        package var max: Double?
        package var label: LocalizedText
    }

    package var columns: [Column]
    package var choiceLists: [ChoiceList]

    /// Reads the column definitions from the bank.
    package init(bank: ItemBank) throws(WorkforceError) {
        var columns: [Column] = []
        var lists: [ChoiceList] = []
        for row in try ItemBank.rows(bank.folder.appendingPathComponent("catalog.csv"), required: ["column", "type"]) {
            guard let type = QuestionType(rawValue: row["type"]) else {
                throw .badData(row.location, "unknown type \"\(row["type"])\" for catalog column \(row["column"])")
            }
            let listName = row["list"].nilIfEmpty
            if let listName, !lists.contains(where: { $0.name == listName }) {
                guard let list = bank.choiceLists[listName] else {
                    throw .badData(row.location, "choice list \(listName) is not in choices.csv")
                }
                lists.append(list)
            }
            columns.append(
                Column(
                    name: row["column"], type: type, listName: listName, required: row["required"] == "yes",
                    min: Double(row["min"]), max: Double(row["max"]), label: row.localized("label")))
        }
        self.columns = columns
        self.choiceLists = lists
    }

    /// The empty template: the header row only.
    package var csv: String { CSVWriter().record(columns.map(\.name)) }

    /// The catalog's codebook: its columns and choice lists, with a content-hash version.
    package func codebook(framework: String, languages: [Language]) -> JSONValue {
        let codes = languages.map(\.code)
        func localized(_ t: LocalizedText) -> JSONValue { .object(codes.compactMap { c in t[c].map { (key: c, value: .string($0)) } }) }
        func number(_ d: Double?) -> JSONValue { d.map { Int64(exactly: $0).map(JSONValue.integer) ?? .number($0) } ?? .null }
        let body: [(key: String, value: JSONValue)] = [
            (key: "instrument", value: .string("catalog")),
            (key: "wave", value: .null),
            (key: "framework", value: .string(framework)),
            (key: "languages", value: .array(codes.map { .string($0) })),
            (
                key: "columns",
                value: .array(
                    columns.map { c in
                        .object([
                            (key: "name", value: .string(c.name)), (key: "type", value: .string(c.type.rawValue)),
                            (key: "list", value: c.listName.map { .string($0) } ?? .null),
                            (key: "required", value: .bool(c.required)), (key: "min", value: number(c.min)),
                            (key: "max", value: number(c.max)), (key: "label", value: localized(c.label)),
                        ])
                    })
            ),
            (
                key: "choices",
                value: .object(
                    choiceLists.map { list in
                        (
                            key: list.name,
                            value: .array(
                                list.choices.map { .object([(key: "name", value: .string($0.name)), (key: "label", value: localized($0.label))]) })
                        )
                    })
            ),
        ]
        var all = body
        all.insert((key: "version", value: .string(SHA256.hex(JSONWriter(indent: nil).string(.object(body))))), at: 2)
        return .object(all)
    }
}
