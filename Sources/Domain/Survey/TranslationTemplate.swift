/// The translation table of one instrument kind for one language: a row for every text its
/// forms show (question labels, hints, constraint messages, notes, section titles, choice
/// labels and hints, the title, the printed forms' words, and for the employer form each work
/// role's name and description), with the English and Spanish texts and an empty column for
/// the translator (KoboToolbox's and LimeSurvey's translation export, as a CSV file).
///
/// Every row of the bank is included, whatever its wave or option, so one table serves every
/// wave. A per-role question appears once, in its template form (`{role} ({role_id})`).
/// Columns: `key`, `where` (the bank file and line), `en`, `es`, the language's code, `status`
/// (write `same` to keep the English text: a place name, an acronym).
package struct TranslationTemplate: Sendable {
    package struct Row: Sendable, Equatable {
        package var key: String
        package var location: String
        package var english: String
        package var spanish: String
    }

    package var language: Language
    package var rows: [Row]

    /// The template of `kind` for `language`, from the bank's own texts (without translations).
    ///
    /// - Parameter roles: employer only: the roles whose names and descriptions to translate.
    /// - Throws: ``WorkforceError/usage(_:)`` for a language the banks already hold (en, es);
    ///   ``WorkforceError/badData(_:_:)`` for an unreadable bank.
    package init(kind: InstrumentKind, language: Language, bank: ItemBank, roles: [SurveyRole], framework: String) throws(WorkforceError) {
        guard language.isTranslated else {
            throw .usage("the item banks are written in \(language.code); a translation template is for another language (kek, mop, cab, bzj, yua, pdt)")
        }
        self.language = language
        self.rows = try Self.rows(kind: kind, bank: bank, roles: roles, framework: framework)
    }

    /// The expected rows of `kind`, in order.
    static func rows(kind: InstrumentKind, bank: ItemBank, roles: [SurveyRole], framework: String) throws(WorkforceError) -> [Row] {
        var rows: [Row] = []
        var seen: Set<String> = []
        func add(_ key: String, _ location: String, _ text: LocalizedText) {
            guard let english = text["en"], !english.isEmpty, !seen.contains(key) else { return }
            seen.insert(key)
            rows.append(Row(key: key, location: location, english: english, spanish: text["es"] ?? ""))
        }
        let files = ["\(kind.rawValue).csv"] + (kind == .employer ? ["employer-role.csv"] : [])
        var lists: [String] = []
        for file in files {
            for row in try bank.questionRows(file) {
                let place = "\(file):\(row.location.line ?? 0)"
                for column in TranslationKey.questionColumns {
                    add(TranslationKey.question(file, row["name"], column), place + " \(row["name"]) \(column)", row.localized(column))
                }
                let parts = row["type"].split(separator: " ")
                if parts.count == 2, ["select_one", "select_multiple"].contains(parts[0]) { lists.append(String(parts[1])) }
            }
        }
        for name in lists {
            guard let list = bank.choiceLists[name] else { continue }  // generated: work roles, KSAs
            let place = "choices.csv:\(bank.choiceListLocations[name]?.line ?? 0)"
            for choice in list.choices {
                add(TranslationKey.choice(name, choice.name, "label"), place + " \(name) \(choice.name) label", choice.label)
                add(TranslationKey.choice(name, choice.name, "hint"), place + " \(name) \(choice.name) hint", choice.hint)
            }
        }
        add(TranslationKey.title(kind.rawValue), "instruments.csv \(kind.rawValue) title", bank.title(kind))
        for key in bank.words.keys.sorted() { add(TranslationKey.word(key), "ui.csv \(key)", bank.words[key] ?? [:]) }
        for role in roles where kind == .employer {
            add(TranslationKey.role(framework, role.id, "name"), "work role \(role.id) name", role.names)
            add(TranslationKey.role(framework, role.id, "description"), "work role \(role.id) description", role.descriptions)
        }
        return rows
    }

    /// The table as CSV: `key,where,en,es,<code>,status`, the language column empty.
    package var csv: String {
        let writer = CSVWriter()
        var out = writer.record(["key", "where", "en", "es", language.code, "status"])
        for row in rows { out += writer.record([row.key, row.location, row.english, row.spanish, "", ""]) }
        return out
    }

    /// The file name: `employer.kek.csv`.
    package static func fileName(_ kind: InstrumentKind, _ language: Language) -> String { "\(kind.rawValue).\(language.code).csv" }
}
