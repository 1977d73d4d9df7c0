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
/// Text written `[[like this]]` in a label or hint is a placeholder a surveyor fills in the
/// bank (the sponsor's contact); ``Instrument/placeholders`` lists those left.
public struct InstrumentBuilder {
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

    /// Choice names that exclude every other choice of a select_multiple.
    public static let exclusiveChoiceNames: Set<String> = ["none", "dont_know", "prefer_not", "does_not_know"]

    init(bank: ItemBank, request: SurveyRequest, roles: [SurveyRole]) {
        self.bank = bank
        self.request = request
        self.roles = roles
    }

    /// Builds the instrument and checks it (see ``InstrumentValidator``).
    ///
    /// - Throws: ``WorkforceError/badData(_:_:)`` located at the bank row at fault.
    public static func build(bank: ItemBank, request: SurveyRequest, framework: String, roles: [SurveyRole])
        throws(WorkforceError) -> Instrument
    {
        var builder = InstrumentBuilder(bank: bank, request: request, roles: request.kind == .employer ? roles : [])
        if request.kind == .employer {
            builder.generatedLists["work_roles"] = ChoiceList(
                name: "work_roles",
                choices: roles.map { role in
                    Choice(
                        name: role.key, label: Self.inEveryLanguage("\(role.name) (\(role.id))"),
                        hint: role.description.isEmpty ? [:] : Self.inEveryLanguage(role.description))
                } + [Choice(name: "none", label: Self.noRoleLabel)])
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
            for (code, text) in title { title[code] = "\(text) (\(wave.words(code)))" }
        }
        var instrument = Instrument(
            kind: request.kind, wave: wave, framework: framework, languages: request.languages, formID: formID,
            title: title, items: builder.items, choiceLists: lists)
        instrument.placeholders = builder.placeholders
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
        for row in rows {
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
                    hint = Self.inEveryLanguage(role.description)
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
                    try process(template.map { $0.substituting(["id": role.key, "role_id": role.id, "role": role.name]) })
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
        return (conditions + [relevant].compactMap { $0 }).joined(separator: " and ")
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
        return each.count == 1 ? each[0] : "(" + each.joined(separator: " or ") + ")"
    }

    /// Remembers `[[...]]` placeholders left in the row's texts.
    private mutating func notePlaceholders(_ row: BankRow) {
        for column in ["label", "hint"] {
            for language in request.languages {
                guard let text = row.localized(column)[language.code], let start = text.range(of: "[["),
                    let end = text.range(of: "]]", range: start.upperBound..<text.endIndex)
                else { continue }
                placeholders.append(Placeholder(location: row.location, text: String(text[start.lowerBound..<end.upperBound])))
            }
        }
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
                generatedLists[list] = Self.ksaList(role)
            }
        }
        if locations[name] != nil { throw .badData(row.location, "question name \(name) is used twice; names must be unique") }
        locations[name] = row.location
        notePlaceholders(row)
        var question = Question(
            name: name, type: type, listName: listName, groupPath: groupStack, label: try labels(row, "label"),
            hint: row.localized("hint"), required: ["yes", "true"].contains(row["required"].lowercased()),
            relevant: gated(try expanded(row["relevant"], row)), min: try number(row, "min"), max: try number(row, "max"),
            extraConstraint: row["constraint"].nilIfEmpty, constraintMessage: row.localized("constraint_message"),
            appearance: row["appearance"].nilIfEmpty, topic: row["topic"].nilIfEmpty, scoring: try scoring(row))
        if type == .selectMultiple, let list = listName.flatMap({ generatedLists[$0] ?? bank.choiceLists[$0] }) {
            let exclusive = list.choices.filter { Self.exclusiveChoiceNames.contains($0.name) }
            question.exclusive = exclusive.map(\.name)
            if !exclusive.isEmpty {
                for language in request.languages {
                    let rule = Self.exclusiveRule(exclusive.map { $0.label[language.code] ?? $0.name }, language: language.code)
                    question.constraintMessage[language.code] = [question.constraintMessage[language.code], rule].compactMap { $0 }
                        .joined(separator: " ")
                }
            }
        }
        return question
    }

    /// The message of the exclusive rule: `“None of these” cannot be ticked with another answer.`
    public static func exclusiveRule(_ labels: [String], language: String) -> String {
        let spanish = language == "es"
        let quoted = labels.map { spanish ? "«\($0)»" : "“\($0)”" }
        let joined = quoted.count <= 1 ? quoted.joined() : quoted.dropLast().joined(separator: ", ") + (spanish ? " o " : " or ") + quoted.last!
        return spanish ? "No se puede marcar \(joined) junto con otra respuesta." : "\(joined) cannot be ticked with another answer."
    }

    /// The same text in every language: NIST's role names, descriptions and KSAs exist in
    /// English only.
    static func inEveryLanguage(_ text: String) -> LocalizedText {
        Dictionary(uniqueKeysWithValues: Language.supported.map { ($0.code, text) })
    }

    /// The roles question's exclusive choice for an organisation with no cybersecurity work.
    static let noRoleLabel: LocalizedText = [
        "en": "None: nobody does cybersecurity work here, and none is needed within 2 years",
        "es": "Ninguna: nadie realiza trabajo de ciberseguridad aquí, ni se necesitará en los próximos 2 años",
    ]

    /// The choices of a role's KSA list: its current KSAs, then `none`.
    static func ksaList(_ role: SurveyRole) -> ChoiceList {
        var choices = role.ksas.map { ksa in
            Choice(name: ksa.id.lowercased(), label: Self.inEveryLanguage("\(ksa.id): \(ksa.text)"))
        }
        choices.append(Choice(name: "none", label: ["en": "None: staff have all of these", "es": "Ninguno: el personal los tiene todos"]))
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
            throw .badData(row.location, "\(row["name"]) has no \(column)::\(language.code); every question needs a label in each language")
        }
        return text
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
