import Foundation

/// Builds an ``Instrument`` from the item bank, the framework's roles and a ``SurveyRequest``.
///
/// Bank rows are XLSForm-like: `begin_group`/`end_group` rows, question rows, and for the
/// employer form one `role_blocks` row where the per-role template (`employer-role.csv`) is
/// repeated for each role, with `{id}` (the role's key), `{role_id}` and `{role}` (its name)
/// filled in. Rows whose `waves` column says `followup` appear only in follow-up waves; rows
/// whose `option` is `ksa_gaps` only when that question is asked for.
///
/// Three rules are the builder's, not each question's:
/// - **Gates.** A question whose topic is `gate` (`consent`, `age_check`) must be a top-level
///   select_one with a `yes` choice; every later top-level item (group or question) gets
///   `${gate} = 'yes'` added to its `relevant` unless it already refers to the gate (as the
///   polite "the form ends here" notes do). A "no" makes the rest of the form not relevant.
/// - **Exclusive choices.** In a select_multiple, the choices named in
///   ``exclusiveChoiceNames`` cannot be ticked with any other: the question gets the
///   constraint `not(selected(., 'none') and count-selected(.) > 1)` for each, and a message.
/// - **Any role.** A `relevant` written `any-role(EXPR)` on the employer form becomes
///   `(EXPR1 or EXPR2 ...)`, EXPR repeated for each surveyed role with `{id}` filled in
///   (`hard_to_fill_reasons` is asked when some role has hard-to-fill vacancies).
///
/// Text written `[[name: description]]` in a label or hint is a placeholder a surveyor fills
/// with ``SurveyRequest/fills`` (`--fill name=...`); ``Instrument/placeholders`` lists those
/// left, which the formats never show raw (see ``PlaceholderText``).
///
/// Every clause the builder joins (gates, ranges, exclusive rules, `any-role`) is wrapped in
/// parentheses (``Clauses``), so XPath's precedence of `and` over `or` never changes a bank rule.
package struct InstrumentBuilder {
    let bank: ItemBank
    let request: SurveyRequest
    let roles: [SurveyRole]

    private var items: [SurveyItem] = []
    private var groupStack: [String] = []
    private var usedLists: [String] = []
    private var generatedLists: [String: ChoiceList] = [:]
    private(set) var locations: [String: SourceLocation] = [:]
    /// The gate questions met so far (top level, in order).
    private var gates: [String] = []
    private var placeholders: [Placeholder] = []
    private var placeholderNames: Set<String> = []

    /// Choice names that exclude every other choice of a select_multiple.
    package static let exclusiveChoiceNames: Set<String> = ["none", "dont_know", "prefer_not", "does_not_know"]

    init(bank: ItemBank, request: SurveyRequest, roles: [SurveyRole]) {
        self.bank = bank
        self.request = request
        self.roles = roles
    }

    /// Builds the instrument and checks it (see ``InstrumentValidator``).
    ///
    /// - Throws: ``WorkforceError/badData(_:_:)`` located at the bank row at fault.
    package static func build(bank: ItemBank, request: SurveyRequest, framework: String, roles: [SurveyRole])
        throws(WorkforceError) -> Instrument
    {
        let roles = request.kind == .employer ? roles.map { $0.adding(bank.translations, framework: framework) } : []
        try Self.checkRoleTexts(roles, request.languages, framework: framework)
        var builder = InstrumentBuilder(bank: bank, request: request, roles: roles)
        if request.kind == .employer {
            builder.generatedLists["work_roles"] = ChoiceList(
                name: "work_roles",
                choices: roles.map { role in
                    // A role without a text in a language shows NIST's English there (the survey
                    // command warns), never an error: a Components framework has no Spanish titles.
                    func filled(_ texts: [String: String]) -> [String: String] {
                        guard let english = texts["en"] else { return texts }
                        var all = texts
                        for language in request.languages where all[language.code]?.isEmpty ?? true { all[language.code] = english }
                        return all
                    }
                    return Choice(
                        name: role.key, label: filled(role.names).mapValues { "\($0) (\(role.id))" },
                        hint: role.description.isEmpty ? [:] : filled(role.descriptions))
                } + [Choice(name: "none", label: bank.words["no_role"] ?? [:])])
        }
        let rows = try bank.questionRows("\(request.kind.rawValue).csv")
        try builder.process(rows)
        if let open = builder.groupStack.last {
            throw .badData(SourceLocation(file: bank.folder.appendingPathComponent("\(request.kind.rawValue).csv").path), "group \(open) has no end_group")
        }
        var lists: [ChoiceList] = []
        for name in builder.usedLists {
            guard let list = builder.generatedLists[name] ?? bank.choiceLists[name] else {
                throw .badData(builder.locations["list:" + name], "choice list \(name) is not in choices.csv; add it")
            }
            lists.append(list)
        }
        let wave = request.kind == .awareness ? (request.wave ?? .baseline) : request.kind == .employer && request.wave?.isFollowUp == true ? request.wave : nil
        let formID = [request.kind.rawValue, wave.map { $0.name.replacingOccurrences(of: "-", with: "_") }].compactMap { $0 }
            .joined(separator: "_")
        var title = bank.title(request.kind)
        if let wave {
            for (code, text) in title {
                let words = UIWords(bank.words, language: code)
                let number = String(wave.name.dropFirst("followup-".count))
                let name = wave.isFollowUp ? words["wave_followup"].replacingOccurrences(of: "{n}", with: number) : words["wave_baseline"]
                title[code] = words["title_wave"].replacingOccurrences(of: "{title}", with: text).replacingOccurrences(of: "{wave}", with: name)
            }
        }
        for language in request.languages where title[language.code] == nil {
            throw .badData(
                SourceLocation(file: bank.folder.appendingPathComponent("instruments.csv").path),
                "the title of \(request.kind.rawValue) has no \(language.xlsformName) text\(Self.translationAdvice(language, request.kind))")
        }
        var instrument = Instrument(
            kind: request.kind, wave: wave, framework: framework, languages: request.languages, formID: formID,
            title: title, items: builder.items, choiceLists: lists)
        instrument.placeholders = builder.placeholders
        instrument.words = bank.words
        instrument.placeholderNames = builder.placeholderNames
        try InstrumentValidator(instrument: instrument, locations: builder.locations).validate()
        return instrument
    }

    private func included(_ row: BankRow) -> Bool {
        switch row["waves"] {
        case "followup": if !(request.wave?.isFollowUp ?? false) { return false }
        case "baseline": if request.wave?.isFollowUp ?? false { return false }
        default: break
        }
        switch row["option"] {
        case "": return true
        case "ksa_gaps": return request.ksaGaps
        default: return false
        }
    }

    private mutating func process(_ rows: [BankRow]) throws(WorkforceError) {
        var skipping = 0
        for original in rows {
            let row = try filled(original)
            let type = row["type"]
            if skipping > 0 {
                if type == "begin_group" { skipping += 1 }
                if type == "end_group" { skipping -= 1 }
                continue
            }
            guard included(row) else {
                if type == "begin_group" { skipping = 1 }
                continue
            }
            switch type {
            case "begin_group":
                let name = try checkedName(row)
                let relevant = gated(try expanded(row["relevant"], row))
                groupStack.append(name)
                var hint = row.localized("hint")
                if let role = roles.first(where: { "role_" + $0.key == name }), hint.isEmpty, !role.description.isEmpty {
                    // A role's page says what the role is (its NICE description).
                    hint = role.descriptions
                }
                items.append(
                    .beginGroup(
                        QuestionGroup(
                            name: name, label: try labels(row, "label"), hint: hint, relevant: relevant,
                            appearance: row["appearance"].nilIfEmpty)))
            case "end_group":
                guard let name = groupStack.popLast() else { throw .badData(row.location, "end_group without begin_group") }
                items.append(.endGroup(name))
            case "role_blocks":
                let template = try bank.questionRows("employer-role.csv")
                for role in roles {
                    try process(template.map { $0.substituting(["id": role.key, "role_id": role.id], localized: ["role": role.names]) })
                }
            default:
                let q = try question(row)
                if q.isGate {
                    guard groupStack.isEmpty, q.type == .selectOne,
                        let list = q.listName.flatMap({ bank.choiceLists[$0] }), list.choices.contains(where: { $0.name == "yes" })
                    else {
                        throw .badData(row.location, "gate \(q.name) must be a select_one with a yes choice, outside any group")
                    }
                }
                items.append(.question(q))
                if q.isGate { gates.append(q.name) }
            }
        }
    }

    /// `relevant` with `${gate} = 'yes'` added for each gate before a top-level item that does
    /// not refer to it.
    private func gated(_ relevant: String?) -> String? {
        guard groupStack.isEmpty else { return relevant }
        let conditions = gates.filter { !(relevant ?? "").contains("${\($0)}") }.map(Question.gateCondition)
        guard !conditions.isEmpty else { return relevant }
        return Clauses.all(conditions + [relevant].compactMap { $0 })
    }

    /// `any-role(EXPR)` repeated for each role, joined by `or`; any other text as it is.
    private func expanded(_ relevant: String, _ row: BankRow) throws(WorkforceError) -> String? {
        guard relevant.hasPrefix("any-role(") else { return relevant.nilIfEmpty }
        guard relevant.hasSuffix(")"), request.kind == .employer else {
            throw .badData(row.location, "any-role(...) must be the whole relevant of an employer question")
        }
        let body = String(relevant.dropFirst("any-role(".count).dropLast())
        guard !roles.isEmpty else { return "false()" }
        let each = roles.map { body.replacingOccurrences(of: "{id}", with: $0.key) }
        return each.count == 1 ? each[0] : Clauses.any(each).map(Clauses.wrapped)
    }

    /// The row with the placeholders that ``SurveyRequest/fills`` names filled in every text
    /// column; those left are remembered (once per row and name) for the warning.
    private mutating func filled(_ row: BankRow) throws(WorkforceError) -> BankRow {
        var copy = row
        // In the bank's column order, so the placeholders are listed the same way every run.
        for (key, value) in row.cells.sorted(by: { $0.key < $1.key }) where TranslationKey.questionColumns.contains(where: { key.hasPrefix($0 + "::") }) {
            let matches = PlaceholderText.matches(value)
            guard !matches.isEmpty else { continue }
            if let unnamed = matches.first(where: { $0.name.isEmpty }) {
                throw .badData(
                    row.location, "the placeholder \(unnamed.text) in \(key) has no name; write it [[name: description]], e.g. [[contact: \(unnamed.description)]]")
            }
            copy.cells[key] = PlaceholderText.filling(value, request.fills)
            placeholderNames.formUnion(matches.map(\.name))
            let language = String(key[key.range(of: "::")!.upperBound...])
            guard request.languages.contains(where: { $0.code == language }) else { continue }
            for match in matches where request.fills[match.name] == nil {
                if !placeholders.contains(where: { $0.location == row.location && $0.text == match.text }) {
                    placeholders.append(Placeholder(location: row.location, text: match.text, name: match.name))
                }
            }
        }
        return copy
    }

    private mutating func question(_ row: BankRow) throws(WorkforceError) -> Question {
        let name = try checkedName(row)
        let parts = row["type"].split(separator: " ").map(String.init)
        guard let first = parts.first, let type = QuestionType(rawValue: first) else {
            let known = QuestionType.allCases.map(\.rawValue).joined(separator: ", ")
            throw .badData(row.location, "unknown type \"\(row["type"])\" for \(name); use one of \(known)")
        }
        let isSelect = type == .selectOne || type == .selectMultiple
        guard isSelect == (parts.count == 2), parts.count <= 2 else {
            throw .badData(row.location, isSelect ? "\(type.rawValue) needs a list name: \"\(type.rawValue) LIST\"" : "type \"\(row["type"])\" takes no list")
        }
        var listName: String? = nil
        if isSelect {
            let list = parts[1]
            listName = list
            if !usedLists.contains(list) {
                usedLists.append(list)
                locations["list:" + list] = row.location
            }
            if list.hasPrefix("ksa_"), let role = roles.first(where: { "ksa_" + $0.key == list }) {
                generatedLists[list] = ksaList(role)
            }
        }
        if locations[name] != nil { throw .badData(row.location, "question name \(name) is used twice; names must be unique") }
        locations[name] = row.location
        var question = Question(
            name: name, type: type, listName: listName, groupPath: groupStack, label: try labels(row, "label"),
            hint: row.localized("hint"), required: ["yes", "true"].contains(row["required"].lowercased()),
            relevant: gated(try expanded(row["relevant"], row)), min: try number(row, "min"), max: try number(row, "max"),
            extraConstraint: row["constraint"].nilIfEmpty, constraintMessage: row.localized("constraint_message"),
            appearance: row["appearance"].nilIfEmpty, topic: row["topic"].nilIfEmpty, scoring: try scoring(row))
        question.shortLabel = row.localized("short_label")
        if type == .selectMultiple, let list = listName.flatMap({ generatedLists[$0] ?? bank.choiceLists[$0] }) {
            let exclusive = list.choices.filter { Self.exclusiveChoiceNames.contains($0.name) }
            question.exclusive = exclusive.map(\.name)
            if !exclusive.isEmpty {
                for language in request.languages {
                    let rule = UIWords(bank.words, language: language.code).exclusiveRule(exclusive.map { $0.label[language.code] ?? $0.name })
                    question.constraintMessage[language.code] = [question.constraintMessage[language.code], rule].compactMap { $0 }
                        .joined(separator: " ")
                }
            }
        }
        return question
    }

    /// The same text in every language: NIST's role names, descriptions and KSAs exist in
    /// English only.
    static func inEveryLanguage(_ text: String) -> LocalizedText {
        Dictionary(uniqueKeysWithValues: Language.known.map { ($0.code, text) })
    }

    /// The choices of a role's KSA list: its current KSAs most in demand
    /// (``KSAChecklist``, at most ``SurveyRequest/ksaLimit``), then `none`. A statement is
    /// shown in a language by its translation (``SurveyRole/ksaTexts``), else in English.
    func ksaList(_ role: SurveyRole) -> ChoiceList {
        var choices = KSAChecklist.ranked(role, among: roles, limit: request.ksaLimit).map { ksa in
            var label = Self.inEveryLanguage("\(ksa.id): \(ksa.text)")
            for (language, text) in role.ksaTexts[ksa.id] ?? [:] { label[language] = "\(ksa.id): \(text)" }
            return Choice(name: ksa.id.lowercased(), label: label)
        }
        choices.append(Choice(name: "none", label: bank.words["ksa_none"] ?? [:]))
        return ChoiceList(name: "ksa_" + role.key, choices: choices)
    }

    private func checkedName(_ row: BankRow) throws(WorkforceError) -> String {
        let name = row["name"]
        guard let first = name.unicodeScalars.first, first.properties.isAlphabetic || first == "_",
            name.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "_-.".unicodeScalars.contains($0)) })
        else {
            throw .badData(row.location, "name \"\(name)\" is not a valid XLSForm name: start with a letter or _, then letters, digits, _ - .")
        }
        return name
    }

    private func labels(_ row: BankRow, _ column: String) throws(WorkforceError) -> LocalizedText {
        let text = row.localized(column)
        for language in request.languages where text[language.code] == nil {
            if language.isTranslated {
                throw .badData(
                    row.location, "\(row["name"]) has no \(language.xlsformName) \(column)\(Self.translationAdvice(language, request.kind))")
            }
            throw .badData(row.location, "\(row["name"]) has no \(column)::\(language.code); every question needs a label in each language")
        }
        return text
    }

    /// What to do when a translated language lacks a text.
    static func translationAdvice(_ language: Language, _ kind: InstrumentKind) -> String {
        guard language.isTranslated else { return "" }
        return "; write the missing texts in a translation table (`workforce survey \(kind.rawValue) --translation-template "
            + "\(language.code) --out DIR`) and store it with `workforce translations import FILE`"
    }

    /// Every role has a name (and a description, when it has one in English) in each language.
    static func checkRoleTexts(_ roles: [SurveyRole], _ languages: [Language], framework: String) throws(WorkforceError) {
        for language in languages where language.isTranslated {
            for role in roles where role.names[language.code] == nil || (!role.description.isEmpty && role.descriptions[language.code] == nil) {
                throw .usage(
                    "work role \(role.id) has no \(language.xlsformName) name or description\(translationAdvice(language, .employer))")
            }
        }
    }

    private func number(_ row: BankRow, _ column: String) throws(WorkforceError) -> Double? {
        let text = row[column]
        guard !text.isEmpty else { return nil }
        guard let value = Double(text) else { throw .badData(row.location, "\(column) \"\(text)\" of \(row["name"]) is not a number") }
        return value
    }

    /// Parses `indicator:ones/zeros;indicator:ones/zeros` (choice names separated by spaces).
    private func scoring(_ row: BankRow) throws(WorkforceError) -> [Scoring] {
        try row["scoring"].split(separator: ";").map { part throws(WorkforceError) in
            let pieces = part.split(separator: ":", maxSplits: 1).map(String.init)
            let sides = pieces.count == 2 ? pieces[1].split(separator: "/", omittingEmptySubsequences: false).map(String.init) : []
            guard pieces.count == 2, !pieces[0].isEmpty, sides.count == 2 else {
                throw .badData(row.location, "scoring \"\(part)\" of \(row["name"]) must read indicator:ones/zeros")
            }
            return Scoring(
                indicator: pieces[0].trimmingCharacters(in: .whitespaces),
                ones: sides[0].split(separator: " ").map(String.init), zeros: sides[1].split(separator: " ").map(String.init))
        }
    }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
