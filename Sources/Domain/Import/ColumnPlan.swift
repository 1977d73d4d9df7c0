/// The export tool a response file comes from, recognised by its header.
package enum ImportDialect: String, Sendable {
    case koboToolbox = "kobotoolbox"
    case odkCentral = "odk-central"
    case limeSurvey = "limesurvey"
    case googleForms = "google-forms"
    /// The project's own response template (`<form>.responses.csv`).
    case template
}

/// What each column of a response file holds, worked out once from its header.
///
/// A column is matched to a question by its name (`district`), its Kobo group path
/// (`profile/district`), its ODK Central path (`profile-district`), its LimeSurvey code (the name
/// without underscores), or its label in any language (Google Forms and "labels" exports). A
/// select_multiple question may also come as one column per choice: Kobo's `question/choice`
/// (1/0) or LimeSurvey's `code[choice]` (Y/blank). Export metadata (`_id`, `start`,
/// `SubmitterName`...) is recognised and never stored; other columns are reported as unknown and
/// not stored either, so personal data the codebook does not declare never reaches the database.
package struct ColumnPlan: Sendable {
    package enum Role: Sendable, Equatable {
        case question(Int)
        case choice(question: Int, choice: Int)
        case identity
        case submitted
        case meta
        case unknown
    }

    package var roles: [Role]
    /// The header's names, for messages ("column H `district`").
    package var header: [String] = []
    package var dialect: ImportDialect
    /// Per question, the column holding its whole answer.
    package var questionColumn: [Int?]
    /// Per select_multiple question, its one-column-per-choice columns.
    package var choiceColumns: [[(column: Int, choice: Int)]]
    package var identityColumn: Int?
    package var submittedColumn: Int?
    /// KoboToolbox's `_validation_status` (a supervisor's Approved, Not approved, On hold).
    package var validationColumn: Int?
    package var unknownColumns: [String]
    package var metaColumns: [String]
    /// Columns of the form's notes (text shown to the respondent, never an answer): not stored.
    package var noteColumns: [String] = []

    /// The template's first column: the number written on a paper questionnaire, which
    /// identifies the response when it is typed in.
    package static let questionnaireNumber = "questionnaire_no"

    /// Export metadata columns by exact name; any column starting with `_` is metadata too.
    static let metaNames: Set<String> = [
        "start", "end", "today", "deviceid", "username", "simserial", "subscriberid", "phonenumber", "audit",
        "formhub/uuid", "meta/instanceID", "meta/deprecatedID", "meta/instanceName", "meta-instanceID",
        "meta-instanceName", "instanceID", "KEY", "SubmissionDate", "SubmitterID", "SubmitterName", "AttachmentsPresent",
        "AttachmentsExpected", "Status", "ReviewState", "DeviceID", "Edits", "FormVersion", "id", "submitdate",
        "lastpage", "startlanguage", "seed", "startdate", "datestamp", "ipaddr", "refurl", "token", "Timestamp",
        "Marca temporal", "Email Address", "Dirección de correo electrónico",
    ]

    /// The column of `header` that holds the response id (the `response_key`), if any: a
    /// tool-global id first, then a question the codebook marks local (`localIDs`, its topic
    /// ``Question/localIDTopic``; by name, or by name after a group path), then the template's
    /// `questionnaire_no`, then LimeSurvey's `id`.
    package static func identityColumn(in header: [String], dialect: ImportDialect, localIDs: [String] = []) -> Int? {
        let global = ["_uuid", "meta/instanceID", "meta-instanceID", "instanceID", "KEY"]
        if let column = global.lazy.compactMap({ name in header.firstIndex(of: name) }).first { return column }
        for name in localIDs {
            if let column = header.firstIndex(where: { $0 == name || $0.hasSuffix("/" + name) }) { return column }
        }
        let local = [questionnaireNumber] + (dialect == .limeSurvey ? ["id"] : [])
        return local.lazy.compactMap { name in header.firstIndex(of: name) }.first
    }

    /// The names of the questions `codebook` marks as form-local ids.
    package static func localIDs(_ codebook: ParsedCodebook) -> [String] {
        codebook.items.filter { $0.topic == Question.localIDTopic }.map(\.name)
    }

    /// Works out the plan for `header`.
    ///
    /// - Throws: ``WorkforceError/badData(_:_:)`` at the header when two columns hold the same
    ///   question, or when no column is a question of the codebook (the wrong instrument).
    package init(header: [String], codebook: ParsedCodebook, file: String) throws(WorkforceError) {
        let dialect = Self.detectDialect(header)
        self.dialect = dialect
        let forms = Self.headerForms(codebook)
        var ambiguous: [(column: Int, questions: [Int])] = []

        let submittedNames = ["_submission_time", "SubmissionDate", "submitdate", "Timestamp", "Marca temporal"]
        var roles: [Role] = []
        var questionColumn = [Int?](repeating: nil, count: codebook.items.count)
        var choiceColumns = [[(column: Int, choice: Int)]](repeating: [], count: codebook.items.count)
        var unknown: [String] = []
        var meta: [String] = []
        identityColumn = Self.identityColumn(in: header, dialect: dialect, localIDs: Self.localIDs(codebook))
        submittedColumn = submittedNames.lazy.compactMap { name in header.firstIndex(of: name) }.first
        validationColumn = header.firstIndex(of: "_validation_status")
        for (column, raw) in header.enumerated() {
            let name = raw.trimmingCharacters(in: .whitespaces)
            var role: Role
            if column == identityColumn, forms.exact[name] == nil {
                // A question marked as the id is still an answer; the id is read from its column.
                role = .identity
            } else if column == submittedColumn {
                role = .submitted
            } else if let r = forms.exact[name] {
                role = r
            } else if forms.notes.contains(name) || forms.notes.contains(Self.normalizedLabel(name))
                || forms.notes.contains(String(name.split(separator: "/").last ?? ""))
            {
                noteColumns.append(raw)
                roles.append(.meta)
                continue
            } else if name.hasPrefix("_") || Self.metaNames.contains(name) || name.hasPrefix("meta/") || name.hasPrefix("meta-") {
                role = .meta
            } else if let slash = name.lastIndex(of: "/"), let r = forms.exact[String(name[name.index(after: slash)...])] {
                role = r  // a group path this codebook does not know, ending in a question name
            } else if let r = forms.labels[Self.normalizedLabel(name)] {
                role = r
            } else if let owners = forms.ambiguous[Self.normalizedLabel(name)] {
                ambiguous.append((column, owners))
                role = .unknown
            } else {
                role = .unknown
            }
            switch role {
            case .question(let q):
                if let first = questionColumn[q] {
                    throw .badData(
                        SourceLocation(file: file, line: 1, column: column + 1),
                        "columns \(first + 1) (\(header[first])) and \(column + 1) (\(raw)) both hold question \(codebook.items[q].name); remove one")
                }
                questionColumn[q] = column
            case .choice(let q, let c):
                choiceColumns[q].append((column, c))
            case .unknown:
                unknown.append(raw)
            case .meta:
                meta.append(raw)
            case .identity, .submitted:
                break
            }
            roles.append(role)
        }
        self.roles = roles
        self.header = header
        self.questionColumn = questionColumn
        self.choiceColumns = choiceColumns
        self.unknownColumns = unknown
        self.metaColumns = meta

        if let first = ambiguous.first {
            let names = first.questions.prefix(4).map { codebook.items[$0].name }.joined(separator: ", ")
            throw .badData(
                SourceLocation(file: file, line: 1, column: first.column + 1, field: first.column + 1, header: header[first.column]),
                "column \(first.column + 1) (\(valuePrefix(header[first.column]))) is the label of \(first.questions.count) questions (\(names)\(first.questions.count > 4 ? ", ..." : "")); "
                    + "export with XML values and headers, or with the groups in the headers (KoboToolbox's \"Include groups in headers\")"
                    + (ambiguous.count > 1 ? "; \(ambiguous.count - 1) more columns are like it" : ""))
        }
        let matched = codebook.items.indices.filter { questionColumn[$0] != nil || !choiceColumns[$0].isEmpty }
        guard !matched.isEmpty else {
            let expected = codebook.items.filter { $0.type != .note }.prefix(4).map(\.name).joined(separator: ", ")
            throw .badData(
                SourceLocation(file: file, line: 1),
                "no column is a question of \(codebook.formID) (expected e.g. \(expected)); is this a \(codebook.instrument) file?")
        }
        // A required question asked of every respondent must have a column, or every row would fail.
        let missing = codebook.items.indices.filter {
            let item = codebook.items[$0]
            return item.required && item.askedOfEveryRespondent && item.type != .note && questionColumn[$0] == nil
                && choiceColumns[$0].isEmpty
        }
        if !missing.isEmpty {
            // A typo in the header is named as such, not as a missing question.
            try refuseNearMisses(codebook: codebook, file: file)
            let names = missing.map { codebook.items[$0].name }
            throw .badData(
                SourceLocation(file: file, line: 1),
                "the header has no column for the required question\(names.count == 1 ? "" : "s") "
                    + names.prefix(8).joined(separator: ", ") + (names.count > 8 ? " and \(names.count - 8) more" : "")
                    + " of \(codebook.formID); is this the right file and instrument?")
        }
    }

    static func normalizedLabel(_ text: String) -> String {
        text.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    static func detectDialect(_ header: [String]) -> ImportDialect {
        let names = Set(header)
        if !names.isDisjoint(with: ["_uuid", "_submission_time", "_id", "_index", "_validation_status"]) { return .koboToolbox }
        if names.contains("KEY") || names.contains("SubmissionDate") || names.contains("meta-instanceID") { return .odkCentral }
        if !names.isDisjoint(with: ["submitdate", "lastpage", "startlanguage"])
            || header.contains(where: { $0.hasSuffix("]") && $0.contains("[") })
        {
            return .limeSurvey
        }
        if let first = header.first, first == "Timestamp" || first == "Marca temporal" { return .googleForms }
        return .template
    }
}
