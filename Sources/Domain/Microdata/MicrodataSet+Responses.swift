/// The labelled microdata of stored responses: what `workforce responses KIND --format
/// sav|dta|r` writes.
extension MicrodataSet {
    /// Every response `reader` reads, as labelled variables in `language`, with the design
    /// variables of `design` (weight, stratum, cluster or fpc) at the end when given.
    ///
    /// The variables are `response_id`, `batch_id`, `response_key`, `submitted_at`, then every
    /// question in codebook order: a select_one coded 1...k in choice order with value labels
    /// (its "prefer not to say" is the user-missing code), a select_multiple as one 0/1
    /// variable per choice labelled "Question: choice", numbers, dates and text. Not asked and
    /// blank are missing.
    ///
    /// With `imputed`, each imputable question holds the imputed values in place of the blanks
    /// and is followed by its flag `QUESTION_imp` (1 imputed, 0 as reported).
    ///
    /// An identifier question (``identifierQuestions``: the invitation letter's `org_code`)
    /// is left out, and the notes say so, unless `identifiers` (a licensed file) keeps it.
    ///
    /// - Throws: ``WorkforceError/badData(_:_:)`` for a stored date that is not `YYYY-MM-DD`,
    ///   or what the reader throws.
    package static func responses(
        _ reader: ResponseReader, language: String = "en", design: SurveyDesign? = nil, imputed: ImputedValues? = nil, identifiers: Bool = false
    ) throws -> MicrodataSet {
        var variables = fixedVariables(language)
        // Per question: the index of its first variable.
        var first: [Int] = []
        let left = identifiers ? [] : reader.columns.map(\.name).filter(identifierQuestions.contains)
        for column in reader.columns {
            first.append(variables.count)
            if left.contains(column.name) { continue }
            let label = text(column.label, language) ?? column.name
            switch column.type {
            case .selectOne:
                let prefer = column.choices.firstIndex { $0.name == "prefer_not" }
                variables.append(
                    MicrodataVariable(
                        name: "", source: column.name, label: label, kind: .code,
                        valueLabels: column.choices.enumerated().map { .init(code: $0 + 1, label: text($1.label, language) ?? $1.name) },
                        categories: column.choices.map(\.name), missingCode: prefer.map { $0 + 1 }, question: column.name))
            case .selectMultiple:
                for choice in column.choices {
                    variables.append(
                        MicrodataVariable(
                            name: "", source: "\(column.name)/\(choice.name)", label: "\(label): \(text(choice.label, language) ?? choice.name)",
                            kind: .dummy, question: column.name, choiceLabel: text(choice.label, language) ?? choice.name))
                }
            case .integer: variables.append(MicrodataVariable(name: "", source: column.name, label: label, kind: .integer, question: column.name))
            case .decimal: variables.append(MicrodataVariable(name: "", source: column.name, label: label, kind: .decimal, question: column.name))
            case .date: variables.append(MicrodataVariable(name: "", source: column.name, label: label, kind: .date, question: column.name))
            case .text, .note: variables.append(MicrodataVariable(name: "", source: column.name, label: label, kind: .text, question: column.name))
            }
        }
        variables += design?.variables ?? []
        var cases: [[MicrodataValue]] = []
        try reader.forEach { record in
            var row = [MicrodataValue]()
            row.reserveCapacity(variables.count)
            row.append(.number(Double(record.responseID)))
            row.append(.number(Double(record.batchID)))
            row.append(.text(record.key))
            row.append(record.submittedAt.map(MicrodataValue.text) ?? .missing)
            for (c, column) in reader.columns.enumerated() where !left.contains(column.name) {
                let value = record.values[c]
                switch column.type {
                case .selectOne:
                    guard let name = value.chosen.first else {
                        row.append(.missing)
                        continue
                    }
                    let v = first[c]
                    if let i = variables[v].categories.firstIndex(of: name) {
                        row.append(.number(Double(i + 1)))
                    } else {
                        // A choice only an older version of the form had: coded after the list's.
                        variables[v].categories.append(name)
                        variables[v].valueLabels.append(.init(code: variables[v].categories.count, label: name))
                        row.append(.number(Double(variables[v].categories.count)))
                    }
                case .selectMultiple:
                    let chosen = Set(value.chosen)
                    for choice in column.choices { row.append(value.isAnswered ? .number(chosen.contains(choice.name) ? 1 : 0) : .missing) }
                case .integer, .decimal: row.append(value.number.map(MicrodataValue.number) ?? .missing)
                case .date:
                    guard case .date(let text) = value else {
                        row.append(.missing)
                        continue
                    }
                    guard let day = CivilDate.days(text) else {
                        throw WorkforceError.badData(
                            SourceLocation(file: reader.store.path), "response \(record.responseID): \(column.name) \"\(valuePrefix(text))\" is not a YYYY-MM-DD date")
                    }
                    row.append(.day(day))
                case .text, .note:
                    if case .text(let s) = value, !s.isEmpty { row.append(.text(s)) } else { row.append(.missing) }
                }
            }
            if let design {
                row += design.values[record.responseID] ?? Array(repeating: .missing, count: design.variables.count)
            }
            cases.append(row)
        }
        if let imputed { (variables, cases) = Self.flagging(imputed, variables, cases, language: language) }
        let names = MicrodataNames.names(for: variables.map { $0.source.replacingOccurrences(of: "/", with: "_") })
        for v in variables.indices { variables[v].name = names[v] }
        let what = reader.kind == .awareness ? "awareness responses, wave \(reader.wave ?? "baseline")" : "\(reader.kind.rawValue) responses"
        var set = MicrodataSet(variables: variables, cases: cases, title: "workforce: \(what)")
        set.notes = design?.notes.texts(ReaderLanguage(rawValue: language) ?? .en) ?? []
        if !left.isEmpty {
            set.notes.append(Words.bundled.phrasebook(ReaderLanguage(rawValue: language) ?? .en)("publication.microdata.identifier", ["names": left.joined(separator: ", ")]))
        }
        return set
    }

    /// Questions whose answer identifies an organisation (the code on its invitation letter):
    /// kept in the clean data file and a licensed file, left out of a public-use file.
    package static let identifierQuestions: Set<String> = ["org_code"]

    static func text(_ t: LocalizedText, _ language: String) -> String? {
        let value = t[language] ?? t["en"]
        return value?.isEmpty == false ? value : nil
    }

    static func fixedVariables(_ language: String) -> [MicrodataVariable] {
        let es = language == "es"
        return [
            MicrodataVariable(name: "", source: "response_id", label: es ? "Id de la respuesta" : "Response id", kind: .integer),
            MicrodataVariable(name: "", source: "batch_id", label: es ? "Lote de importación" : "Import batch", kind: .integer),
            MicrodataVariable(
                name: "", source: "response_key", label: es ? "Clave de la respuesta (id del envío)" : "Response key (the submission's id)",
                kind: .text),
            MicrodataVariable(name: "", source: "submitted_at", label: es ? "Enviada el" : "Submitted at", kind: .text),
        ]
    }
}
