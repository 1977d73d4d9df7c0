import Foundation

/// An item bank's row in the words of the forms.
extension BankRow {
    /// `column::lang` for each language that has text.
    package func localized(_ column: String) -> LocalizedText {
        var text: LocalizedText = [:]
        for (key, value) in cells where key.hasPrefix(column + "::") && !value.isEmpty {
            text[String(key.dropFirst(column.count + 2))] = value
        }
        return text
    }

    /// The row with `{placeholder}` replaced in every cell; a `column::lang` cell takes the
    /// text of `localized` in that language (a role's Spanish name), else its English.
    func substituting(_ values: [String: String], localized: [String: LocalizedText] = [:]) -> BankRow {
        var copy = self
        for (key, value) in cells {
            let language = key.range(of: "::").map { String(key[$0.upperBound...]) } ?? "en"
            var v = value
            for (placeholder, replacement) in values { v = v.replacingOccurrences(of: "{\(placeholder)}", with: replacement) }
            for (placeholder, texts) in localized {
                v = v.replacingOccurrences(of: "{\(placeholder)}", with: texts[language] ?? texts["en"] ?? "")
            }
            copy.cells[key] = v
        }
        return copy
    }
}

/// The item banks under `Surveys/banks/`: questions as XLSForm-like CSV rows, shared choice
/// lists, instrument titles and the catalog columns. They are data, edited by surveyors.
package struct ItemBank: Sendable {
    package let folder: URL
    private(set) var titles: [String: LocalizedText]
    private(set) var choiceLists: [String: ChoiceList]
    let choiceListLocations: [String: SourceLocation]
    /// The words of the forms that are not questions (`ui.csv`), by key.
    private(set) var words: [String: LocalizedText]
    /// Texts in further languages (``Translations``), by translation key, added to every row read.
    private(set) var translations = Translations()

    /// Reads `choices.csv`, `instruments.csv` and `ui.csv` from `folder`.
    ///
    /// - Throws: ``WorkforceError`` for missing or malformed files, located.
    package init(folder: URL) throws(WorkforceError) {
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
        var words: [String: LocalizedText] = [:]
        let uiRows = try Self.rows(folder.appendingPathComponent("ui.csv"), required: ["key", "text::en", "text::es"])
        for row in uiRows {
            guard words[row["key"]] == nil else { throw .badData(row.location, "key \(row["key"]) appears twice") }
            words[row["key"]] = row.localized("text")
        }
        for key in UIWords.requiredKeys where words[key]?["en"] == nil || words[key]?["es"] == nil {
            throw .badData(
                SourceLocation(file: folder.appendingPathComponent("ui.csv").path),
                "the key \(key) needs text::en and text::es; the forms use it")
        }
        self.words = words
    }

    /// The bank with `translations` added: every row, choice, title and word gains the texts
    /// of the translated languages (`label::kek`...), so the builder treats them as the bank's own.
    package func adding(_ translations: Translations) -> ItemBank {
        var copy = self
        copy.translations = translations
        for (name, list) in choiceLists {
            copy.choiceLists[name]?.choices = list.choices.map { choice in
                var c = choice
                c.label.merge(translations.texts(TranslationKey.choice(name, choice.name, "label"))) { old, _ in old }
                if !c.hint.isEmpty { c.hint.merge(translations.texts(TranslationKey.choice(name, choice.name, "hint"))) { old, _ in old } }
                return c
            }
        }
        for (name, title) in titles {
            copy.titles[name] = title.merging(translations.texts(TranslationKey.title(name))) { old, _ in old }
        }
        for (key, text) in words {
            copy.words[key] = text.merging(translations.texts(TranslationKey.word(key))) { old, _ in old }
        }
        return copy
    }

    /// The choice names of list `name` (empty for an unknown list).
    package func choiceNames(_ name: String) -> [String] { choiceLists[name]?.choices.map(\.name) ?? [] }

    /// The bank in the bundled `Surveys/banks/`.
    package static func bundled(environment: [String: String] = ProcessInfo.processInfo.environment) throws(WorkforceError)
        -> ItemBank
    {
        try ItemBank(folder: BundledData.home(environment: environment).appendingPathComponent("Surveys/banks"))
    }

    /// The question rows of bank file `name` (e.g. `employer.csv`).
    func questionRows(_ name: String) throws(WorkforceError) -> [BankRow] {
        let rows = try Self.rows(folder.appendingPathComponent(name), required: ["type", "name"])
        guard !translations.isEmpty else { return rows }
        return rows.map { row in
            var copy = row
            for column in TranslationKey.questionColumns where !row[column + "::en"].isEmpty {
                for (language, text) in translations.texts(TranslationKey.question(name, row["name"], column))
                where (row.cells[column + "::" + language] ?? "").isEmpty {
                    copy.cells[column + "::" + language] = text
                }
            }
            return copy
        }
    }

    func title(_ kind: InstrumentKind) -> LocalizedText { titles[kind.rawValue] ?? ["en": kind.rawValue] }

    /// The role set of a small economy's core roles (`Surveys/banks/role-sets.csv`): the one the
    /// demo employers answer about and the explorer lists first.
    package static let coreRoleSet = "belize-core"

    /// The work role ids of role set `name` in `role-sets.csv` (columns `set`, `framework`,
    /// `role_id`), in file order: a curated starting set such as `belize-core`.
    ///
    /// - Throws: ``WorkforceError/usage(_:)`` for an unknown set (naming the known ones), or
    ///   one made for another framework; ``WorkforceError/badData(_:_:)`` for a malformed file.
    package func roleSet(_ name: String, framework: String) throws(WorkforceError) -> [String] {
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
    package static func rows(_ url: URL, required: [String]) throws(WorkforceError) -> [BankRow] {
        try BankRow.read(url, required: required)
    }
}
